#!/usr/bin/env bash
# Rough figures for docs/scaling.md: one server, then two, on one database behind nginx with deploy/nginx/nafidha.conf
# (TLS), and one server direct; wrk -t2 -c32 for 8 s per round. Run by hand on a quiet machine:
#   scripts/bench.d/front-figures.sh   (NAFIDHA_FIG_BINARY: the nafidha to run, default the debug build)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/common.sh
nafidha=${NAFIDHA_FIG_BINARY:-$PWD/.build/debug/nafidha}
w=$(mktemp -d /tmp/nafidha-front.XXXXXX); chmod 755 "$w"
pids=()
cleanup() {
    [ -f "$w/nginx/nginx.pid" ] && kill -QUIT "$(cat "$w/nginx/nginx.pid")" 2>/dev/null || true
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    stop_test_cluster "$w/pg"
    rm -rf "$w"
}
trap cleanup EXIT
start_bench_cluster "$w/pg"
"$(pg_bindir)/createdb" -h "$w/pg" -U nafidha nafidha
url=$(cluster_url "$w/pg" nafidha)
"$nafidha" seed demo --database-url "$url" >/dev/null
serve() { # PORT
    NAFIDHA_HTTP_WORKERS=16 "$nafidha" serve --database-url "$url" --listen "127.0.0.1:$1" --metrics-listen off \
        >"$w/serve-$1.log" 2>/dev/null &
    pids+=($!)
    for _ in $(seq 1 600); do grep -q Ready "$w/serve-$1.log" && return 0; sleep 0.1; done; return 1
}
serve 18601; serve 18602
nginx_with() { # UPSTREAM_A UPSTREAM_B
    [ -f "$w/nginx/nginx.pid" ] && { kill -QUIT "$(cat "$w/nginx/nginx.pid")"; sleep 1; }
    rm -rf "$w/nginx"; mkdir -p "$w/nginx"
    deploy/nginx/self-signed-cert.sh "$w/tls" 2>/dev/null
    sed -e "s|\${NAFIDHA_UPSTREAM_A}|$1|; s|\${NAFIDHA_UPSTREAM_B}|$2|; s|\${NAFIDHA_HTTP_PORT}|18680|g; s|\${NAFIDHA_HTTPS_PORT}|18643|g; s|\${NAFIDHA_TLS_DIR}|$w/tls|g" \
        deploy/nginx/nafidha.conf >"$w/nginx/nafidha.conf"
    cat >"$w/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $w/nginx/nginx.pid;
error_log $w/nginx/error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $w/nginx/b; proxy_temp_path $w/nginx/p; fastcgi_temp_path $w/nginx/f;
       uwsgi_temp_path $w/nginx/u; scgi_temp_path $w/nginx/s; include $w/nginx/nafidha.conf; }
CONF
    /usr/sbin/nginx -p "$w/nginx" -e "$w/nginx/error.log" -c "$w/nginx/nginx.conf"
    sleep 1
}
run() { # LABEL ARGS...
    local label=$1; shift
    wrk -t2 -c32 -d8s --latency --timeout 10s "$@" 2>&1 | awk -v l="$label" '
        /Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {n=$5}
        END {printf "%-40s %8s req/s  p50 %8s  p99 %8s  non-2xx %s\n", l, r, p50, p99, (n==""?0:n)}'
}
for setup in one two; do
    if [ $setup = one ]; then nginx_with 127.0.0.1:18601 127.0.0.1:18601; else nginx_with 127.0.0.1:18601 127.0.0.1:18602; fi
    run "$setup server(s): GET /v1/municipalities" https://127.0.0.1:18643/v1/municipalities
    run "$setup server(s): POST /v1/requests" -s scripts/bench.d/submit.lua https://127.0.0.1:18643/ -- 1
done
run "direct, one server: GET /v1/municipalities" http://127.0.0.1:18601/v1/municipalities
run "direct, one server: POST /v1/requests" -s scripts/bench.d/submit.lua http://127.0.0.1:18601/ -- 2
echo "cores: $(nproc); $(uptime)"
