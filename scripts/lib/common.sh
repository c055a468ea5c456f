# Shared by scripts/run, scripts/test and scripts/bench: system packages and a private PostgreSQL cluster.
# Sourced, not executed.

# Debian packages the build and the embedded database need.
NAFIDHA_APT_PACKAGES=(pkg-config libpq-dev libssl-dev postgresql)
# What the tests need besides: a QR Code is rendered to PNG by librsvg and read back by ZBar (TransparencyTests,
# the decision page's QR Code); MailTests send e-mail to a real SMTP server, aiosmtpd, run by Debian's
# /usr/bin/python3, with certificates made by the openssl command; the Python decision verifier of
# docs/verification.md needs python3-cryptography; /metrics is read by prometheus_client's parser
# (MetricsRoutesTests, nginx-front.py); two servers run behind Debian's nginx with deploy/nginx/nafidha.conf, and
# docker-compose.yml is read with PyYAML (scripts/test.d/).
NAFIDHA_TEST_APT_PACKAGES=(librsvg2-bin zbar-tools python3-aiosmtpd python3-cryptography openssl
    python3-prometheus-client nginx-light python3-yaml)

# Prints the missing Debian packages, one per line.
missing_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
    done
}

# Installs what is missing when root; otherwise prints the exact apt-get line and fails.
ensure_packages() {
    local missing
    missing=$(missing_packages "$@")
    [ -z "$missing" ] && return 0
    # shellcheck disable=SC2086
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing missing Debian packages: $(echo $missing)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
    else
        echo "Error: missing Debian packages. Run: sudo apt-get install -y $(echo $missing)" >&2
        return 1
    fi
}

# The OpenAPI validator scripts/test runs on docs/openapi.yaml, from PyPI, pinned (it brings PyYAML along).
NAFIDHA_OPENAPI_VALIDATOR=openapi-spec-validator==0.9.0

# Prints a Python that has the pinned validator: python3 itself when it has that very version, else a private
# virtual environment (~/.cache/nafidha/python, or $NAFIDHA_PYTHON_ENV), made and filled with pip on first use and
# reused after. Installs python3 and python3-venv like ensure_packages when they are missing.
openapi_python() {
    local env=${NAFIDHA_PYTHON_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/nafidha/python}
    local probe="import sys, yaml, openapi_spec_validator as v; sys.exit(v.__version__ != '${NAFIDHA_OPENAPI_VALIDATOR#*==}')"
    if command -v python3 >/dev/null 2>&1 && python3 -c "$probe" 2>/dev/null; then
        command -v python3
        return 0
    fi
    if ! "$env/bin/python" -c "$probe" 2>/dev/null; then
        ensure_packages python3 python3-venv || return 1
        echo "Installing $NAFIDHA_OPENAPI_VALIDATOR into $env" >&2
        { python3 -m venv "$env" >&2 \
            && "$env/bin/python" -m pip install --quiet --disable-pip-version-check "$NAFIDHA_OPENAPI_VALIDATOR" >&2 \
            && "$env/bin/python" -c "$probe"; } \
            || { echo "Error: cannot install $NAFIDHA_OPENAPI_VALIDATOR into $env" >&2; return 1; }
    fi
    echo "$env/bin/python"
}

# check_openapi YAML JSON: validates the OpenAPI document YAML (failing with the validator's report when it is not
# valid), then writes it to JSON as the tests read it (OpenAPIDocumentTests: Foundation has no YAML parser).
check_openapi() {
    local python report
    python=$(openapi_python) || return 1
    if ! report=$("$python" -m openapi_spec_validator "$1" 2>&1); then
        # The validator follows its finding with the whole meta-schema: keep the finding and where it is.
        echo "Error: $1 is not a valid OpenAPI document:" >&2
        grep -E '^(\S+: |Failed validating|On instance)' <<<"$report" | cut -c1-400 >&2
        return 1
    fi
    "$python" -c 'import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", encoding="utf-8") as target:
    json.dump(yaml.safe_load(source), target, ensure_ascii=False)' "$1" "$2"
}

# check_catalog_schema SCHEMA FILE...: validates the catalog files against the catalog's JSON Schema with the
# jsonschema package (which openapi-spec-validator brings along, so the same Python has it), failing with every
# finding; then prints that Python, which CatalogSchemaTests run the same check with (NAFIDHA_SCHEMA_PYTHON).
check_catalog_schema() {
    local python
    python=$(openapi_python) || return 1
    if ! "$python" scripts/lib/check-json-schema.py "$@" >&2; then
        echo "Error: $2 does not follow $1" >&2
        return 1
    fi
    echo "$python"
}

ensure_toolchain() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "Error: the Swift toolchain (6.0 or later) is not on PATH; see https://www.swift.org/install/linux/" >&2
        return 1
    fi
}

# The PostgreSQL server binaries: pg_config --bindir, else the newest /usr/lib/postgresql/*/bin.
pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null)
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    echo "Error: PostgreSQL server binaries not found; install the Debian package 'postgresql'" >&2
    return 1
}

# Runs a command as the cluster's owner: the postgres user when we are root (PostgreSQL refuses root).
as_cluster_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# start_test_cluster DIR: a throwaway cluster in DIR, Unix socket in DIR, no TCP, tuned for tests
# (fsync off: nothing here outlives the run). Prints nothing; the socket is DIR/.s.PGSQL.5432.
start_test_cluster() {
    local dir=$1 bindir
    bindir=$(pg_bindir) || return 1
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    as_cluster_owner "$bindir/initdb" -D "$dir" -U nafidha --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; return 1; }
    as_cluster_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB" >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
}

# start_test_standby PRIMARY_DIR DIR: a hot standby of the test cluster at PRIMARY_DIR, in DIR: pg_basebackup -R
# over the primary's socket (initdb's pg_hba lets local replication connections in), streaming, Unix socket in DIR,
# no TCP, the primary's settings. Prints nothing; stop it with stop_test_cluster DIR.
start_test_standby() {
    local primary=$1 dir=$2 bindir
    bindir=$(pg_bindir) || return 1
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    as_cluster_owner "$bindir/pg_basebackup" -h "$primary" -U nafidha -D "$dir" -R -X stream --checkpoint=fast \
        >"$dir.basebackup.log" 2>&1 || { cat "$dir.basebackup.log" >&2; return 1; }
    # The primary's socket lives in its data folder, so the copy holds its socket's lock file: not the standby's.
    rm -f "$dir/.s.PGSQL.5432.lock"
    as_cluster_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB -c hot_standby=on" >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
}

# stop_test_cluster DIR: stops it if it runs; never fails.
stop_test_cluster() {
    local dir=$1 bindir
    [ -f "$dir/postmaster.pid" ] || return 0
    bindir=$(pg_bindir) || return 0
    as_cluster_owner "$bindir/pg_ctl" -D "$dir" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || as_cluster_owner "$bindir/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
}

# The libpq URL of database NAME in the cluster at DIR.
cluster_url() {
    echo "postgresql://nafidha@/$2?host=$1"
}

# start_bench_cluster DIR: a throwaway cluster in DIR for benchmarks and the fault harness, Unix socket in DIR, no
# TCP. Unlike start_test_cluster it keeps PostgreSQL's default durability (fsync, synchronous_commit and
# full_page_writes on: a 201 must survive a crash) and preloads pg_stat_statements (created in database postgres,
# where the bench's own queries run, so they never count against the database under test). The settings live in
# DIR/postgresql.conf, so resume_bench_cluster restarts it exactly so after a crash.
start_bench_cluster() {
    local dir=$1 bindir
    bindir=$(pg_bindir) || return 1
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    as_cluster_owner "$bindir/initdb" -D "$dir" -U nafidha --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; return 1; }
    cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.track_utility = on
CONF
    resume_bench_cluster "$dir" || return 1
    "$bindir/psql" -q -X -v ON_ERROR_STOP=1 -h "$dir" -U nafidha -d postgres \
        -c 'CREATE EXTENSION pg_stat_statements' >/dev/null
}

# resume_bench_cluster DIR: starts the cluster of start_bench_cluster again, e.g. after its postmaster was killed.
# Retries for up to 30 s while the killed postmaster's orphaned backends still hold its shared memory.
resume_bench_cluster() {
    local dir=$1 bindir attempt
    bindir=$(pg_bindir) || return 1
    for attempt in $(seq 1 30); do
        as_cluster_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 120 start >/dev/null 2>&1 && return 0
        sleep 1
    done
    cat "$dir/server.log" >&2
    return 1
}

# postmaster_pid DIR: the PID of the cluster's postmaster (first line of postmaster.pid), or nothing.
postmaster_pid() {
    [ -f "$1/postmaster.pid" ] && head -n 1 "$1/postmaster.pid"
    return 0
}
