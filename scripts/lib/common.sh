# Shared by scripts/run, scripts/test and scripts/bench: system packages and a private PostgreSQL cluster.
# Sourced, not executed.

# Debian packages the build and the embedded database need.
NAFIDHA_APT_PACKAGES=(pkg-config libpq-dev libssl-dev postgresql)
# What the tests need besides: a QR Code is rendered to PNG by librsvg and read back by ZBar (TransparencyTests).
NAFIDHA_TEST_APT_PACKAGES=(librsvg2-bin zbar-tools)

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
