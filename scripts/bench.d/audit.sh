# The audit trail's sections of scripts/bench (sourced by it: uses its $nafidha, $work, $port, clusters, servers and
# helpers). docs/benchmarks.md says how to read them.

timed() { # LABEL COMMAND... → "LABEL: S s, peak RSS M MiB" (GNU time's wall clock and maximum resident set)
    local label=$1; shift
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >"$work/timed.out"
    read -r seconds kib <"$work/time.out"
    echo "export: $label: ${seconds} s, peak RSS $(( kib / 1024 )) MiB"
}

# export: EXPORT_EVENTS audit events in two chains, written as the server writes them and chained by serve's
# sequencer; then the export through the API (a fresh server, an auditor's token; the client's time and peak RSS,
# the server's peak RSS), the operator's export on the database, psql's \copy of the same rows, and the offline
# verification of the files.
bench_export() {
    local events=${EXPORT_EVENTS:-1000000} url token format before
    start_test_cluster "$work/pg-export"
    "$(pg_bindir)/createdb" -h "$work/pg-export" -U nafidha bench_export
    url=$(cluster_url "$work/pg-export" bench_export)
    "$nafidha" migrate --database-url "$url" >/dev/null
    "$(pg_bindir)/psql" -q -X -v ON_ERROR_STOP=1 -h "$work/pg-export" -U nafidha -d bench_export -f seeds/demo-catalog.sql >/dev/null
    local started=$SECONDS
    # Written as the server writes them (what happened; the chain columns are not the writer's) and chained as in
    # production, by serve's sequencer. One statement per 500 events (each its own transaction).
    local batch=500 i
    for ((i = 0; i < events / batch; i++)); do
        printf "INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details) SELECT '%s', 'clerk', 'clerk.' || (g %% 40), 'approved', '{\"note\":\"طلب رقم ' || g || '، مستعجل, ok\",\"step\":' || g %% 7 || '}' FROM generate_series(%d, %d) g;\n" \
            "$([ $((i % 2)) -eq 0 ] && echo TRP || echo BEN)" $((i * batch + 1)) $(((i + 1) * batch))
    done >"$work/events.sql"
    "$(pg_bindir)/psql" -q -X -v ON_ERROR_STOP=1 -h "$work/pg-export" -U nafidha -d bench_export -f "$work/events.sql" >/dev/null
    if [ "$(bench_psql "$work/pg-export" bench_export -At -c 'SELECT count(*) FROM audit_events WHERE seq IS NULL')" -gt 0 ]; then
        start_nafidha serve-export --database-url "$url" --listen "127.0.0.1:$port"
        read -r waiting _ < <(await_chained "$work/pg-export" bench_export 3600)
        stop_server "$server_pid"
        [ "$waiting" -eq 0 ] || { echo "Error: $waiting events still wait to be chained after an hour" >&2; return 1; }
    fi
    bench_psql "$work/pg-export" bench_export -c 'VACUUM ANALYZE audit_events' >/dev/null
    echo "export: $events audit events chained in $(( SECONDS - started )) s"

    "$nafidha" admin create-staff --name bench.auditor --role auditor --database-url "$url" >/dev/null
    token=$("$nafidha" admin issue-token bench.auditor --database-url "$url" 2>/dev/null)
    start_nafidha serve-export-api --database-url "$url" --listen "127.0.0.1:$port"
    before=$(( $(rss_kib) / 1024 ))
    for format in jsonl csv; do
        timed "nafidha audit export --format $format (through the API; the client)" \
            env NAFIDHA_URL="http://127.0.0.1:$port" NAFIDHA_TOKEN="$token" \
            "$nafidha" audit export --format "$format" --output "$work/api.$format"
        echo "export: the server's peak RSS so far: $(( $(peak_kib) / 1024 )) MiB (RSS $before MiB before the exports)"
    done
    stop_server "$server_pid"
    echo "export: JSON lines file $(( $(stat -c %s "$work/api.jsonl") / 1048576 )) MiB"
    for format in jsonl csv; do
        timed "nafidha admin audit-export --format $format (on the database)" "$nafidha" admin audit-export \
            --database-url "$url" --format "$format" --output "$work/trail.$format"
        cmp -s "$work/api.$format" "$work/trail.$format" \
            || { echo "Error: the API's and the operator's $format exports differ" >&2; return 1; }
    done
    timed "psql \\copy of the same rows (CSV)" "$(pg_bindir)/psql" -X -q -h "$work/pg-export" -U nafidha -d bench_export \
        -c "\\copy (SELECT * FROM audit_event_export ORDER BY municipality_code, seq) TO '$work/psql.csv' (FORMAT csv, HEADER)"
    timed "psql \\copy of the same rows (JSON, COPY's text format)" "$(pg_bindir)/psql" -X -q -h "$work/pg-export" \
        -U nafidha -d bench_export \
        -c "\\copy (SELECT row_to_json(e) FROM audit_event_export e ORDER BY municipality_code, seq) TO '$work/psql.jsonl'"
    timed "nafidha audit verify --file (JSON lines)" "$nafidha" audit verify --file "$work/api.jsonl"
    echo "export: verify said: $(cut -c1-60 "$work/timed.out")"
    timed "nafidha audit verify --file (CSV)" "$nafidha" audit verify --file "$work/api.csv"
    stop_test_cluster "$work/pg-export"
}

# verify-flood: one chain of VERIFY_EVENTS (200,000) events written by scripts/bench.d/audit-chain.sql; one full
# verification alone; then GET /v1/municipalities alone, and again while 32 connections ask for full verifications
# as fast as they are answered (an auditor's token): the cheap route's latency, and what the flood got.
bench_verify_flood() {
    local events=${VERIFY_EVENTS:-200000} dir=$work/pg-verify url token base flood
    start_test_cluster "$dir"
    clusters+=("$dir")
    "$(pg_bindir)/createdb" -h "$dir" -U nafidha bench_verify
    url=$(cluster_url "$dir" bench_verify)
    "$nafidha" seed demo --database-url "$url" >/dev/null
    local started=$SECONDS
    bench_psql "$dir" bench_verify -v events="$events" >/dev/null <<'SQL'
\i scripts/bench.d/audit-chain.sql
SET session_replication_role = replica;
SELECT pg_temp.nafidha_generate_chain('TRP', :events);
RESET session_replication_role;
VACUUM ANALYZE audit_events;
SQL
    echo "verify-flood: a chain of $events events written in $(( SECONDS - started )) s"
    "$nafidha" admin create-staff --name bench.auditor --role auditor --database-url "$url" >/dev/null
    token=$("$nafidha" admin issue-token bench.auditor --database-url "$url" 2>/dev/null)
    start_nafidha serve-verify --database-url "$url" --listen "127.0.0.1:$port"
    base=http://127.0.0.1:$port
    echo "verify-flood: one full verification alone: $(curl -sS -o /dev/null -w '%{http_code} in %{time_total} s' \
        -H "Authorization: Bearer $token" "$base/v1/audit/verify?full=true")"
    wrk -t1 -c4 -d10s --timeout 10s --latency "$base/v1/municipalities" >"$work/alone.out"
    wrk -t2 -c32 -d25s --timeout 35s --latency -H "Authorization: Bearer $token" "$base/v1/audit/verify?full=true" \
        >"$work/flood.out" &
    flood=$!
    sleep 3
    wrk -t1 -c4 -d15s --timeout 10s --latency "$base/v1/municipalities" >"$work/under.out"
    wait "$flood"
    echo "verify-flood: GET /v1/municipalities alone, wrk -t1 -c4 -d10s: $(wrk_figures "$work/alone.out")"
    echo "verify-flood: the same during the flood, wrk -t1 -c4 -d15s: $(wrk_figures "$work/under.out")"
    echo "verify-flood: the flood, wrk -t2 -c32 -d25s on GET /v1/audit/verify?full=true: $(wrk_requests "$work/flood.out")" \
        "answers, $(awk '/Non-2xx or 3xx responses/ {print $NF}' "$work/flood.out" | grep . || echo 0) of them 503 overloaded," \
        "p99 $(awk '/^ +99%/ {print $2}' "$work/flood.out")"
    stop_server "$server_pid"
    stop_test_cluster "$dir"
}
