# The fault harness, section `crash` of scripts/bench, which sources this file (it uses the bench's helpers:
# start_nafidha, free_port, bench_psql, the pids and clusters it cleans up). Both scenarios run submissions
# (scripts/bench.d/submissions.py load) on a private cluster with default durability, then let the audit chain
# settle and check (scripts/bench.d/crash-checks.sql):
#   (a) one `nafidha serve`: killed with SIGKILL mid-load and started again; then the PostgreSQL postmaster killed
#       with SIGKILL mid-load and started again (crash recovery), the server riding it out;
#   (b) two `nafidha serve` processes on one database, on two ports, taking submissions at once.
# Knobs: CRASH_CLIENTS (16) concurrent clients, CRASH_PHASE_SECONDS (4) of load between faults, CRASH_SETTLE_SECONDS
# (60) at most for every event to be chained.

crash_clients=${CRASH_CLIENTS:-16}
whole_number CRASH_CLIENTS "$crash_clients"
crash_phase=${CRASH_PHASE_SECONDS:-4}
whole_number CRASH_PHASE_SECONDS "$crash_phase"
crash_settle=${CRASH_SETTLE_SECONDS:-60}
whole_number CRASH_SETTLE_SECONDS "$crash_settle"
crash_failed=()

acknowledged() { wc -l <"$1" | tr -d ' '; }

# crash_database NAME: a bench cluster in $work/pg-NAME with the demo catalog in database nafidha_crash; sets
# crash_dir and crash_url.
crash_database() {
    crash_dir=$work/pg-$1
    start_bench_cluster "$crash_dir"
    clusters+=("$crash_dir")
    "$(pg_bindir)/createdb" -h "$crash_dir" -U nafidha nafidha_crash
    crash_url=$(cluster_url "$crash_dir" nafidha_crash)
    "$nafidha" seed demo --database-url "$crash_url" >/dev/null
}

# crash_verify SCENARIO: the checks, on $crash_dir while its servers still run. Prints the verdict with its counts
# and records a failure. Extra conditions (e.g. "the load resumed after each restart") come in crash_extra_ok and
# crash_extra_note.
crash_verify() {
    local scenario=$1 waiting waited verify_out verify_rc=0 problems=()
    local acked distinct stored missing unsubmitted twice tasks_bad unchained seq_twice
    read -r waiting waited < <(await_chained "$crash_dir" nafidha_crash "$crash_settle")
    verify_out=$("$nafidha" admin audit-verify --database-url "$crash_url" 2>&1) || verify_rc=$?
    read -r acked distinct stored missing unsubmitted twice tasks_bad unchained seq_twice < <(
        bench_psql "$crash_dir" nafidha_crash -At -F ' ' -f scripts/bench.d/crash-checks.sql <"$work/acks-$scenario")
    if [ -z "$seq_twice" ]; then
        echo "crash: ($scenario) FAIL: the checks could not run"
        crash_failed+=("$scenario")
        return 0
    fi
    [ "$verify_rc" -eq 0 ] && ! grep -q BROKEN <<<"$verify_out" || problems+=("audit verify failed")
    [ "$acked" -gt 0 ] || problems+=("nothing was acknowledged")
    [ "$acked" -eq "$distinct" ] || problems+=("a tracking number was acknowledged twice")
    [ "$missing" -eq 0 ] || problems+=("$missing acknowledged submissions are missing")
    [ "$unsubmitted" -eq 0 ] || problems+=("$unsubmitted requests lack their submitted event")
    [ "$twice" -eq 0 ] || problems+=("$twice requests have their submitted event twice")
    [ "$tasks_bad" -eq 0 ] || problems+=("$tasks_bad opened tasks lack exactly one task_opened event")
    [ "$unchained" -eq 0 ] || problems+=("$unchained events still wait to be chained after ${waited} s")
    [ "$seq_twice" -eq 0 ] || problems+=("$seq_twice chain positions are taken twice")
    [ "${crash_extra_ok:-1}" -eq 1 ] || problems+=("$crash_extra_note")
    if [ ${#problems[@]} -eq 0 ]; then
        echo "crash: ($scenario) PASS"
    else
        echo "crash: ($scenario) FAIL: $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
        crash_failed+=("$scenario")
    fi
    echo "crash: ($scenario)   audit verify (exit $verify_rc; chains without events left out):" \
        "$(grep -v ' 0 events$' <<<"$verify_out" | tr '\n' ' ')"
    echo "crash: ($scenario)   acknowledged $acked ($distinct distinct), stored $stored" \
        "($((stored - distinct + missing)) committed but never acknowledged: allowed)," \
        "acknowledged but missing $missing; requests without their submitted event $unsubmitted, with it twice" \
        "$twice; opened tasks without exactly one task_opened $tasks_bad; events waiting to be chained" \
        "$unchained (waited ${waited} s); seq taken twice $seq_twice"
}

# (a) SIGKILL the server, start it again; SIGKILL the postmaster, start it again; all under load.
crash_kills() {
    local port load_pid at_start at_server_kill at_postmaster_kill at_end server_survived=yes
    crash_database crash-a
    port=$(free_port)
    local serve=(--database-url "$crash_url" --listen "127.0.0.1:$port")
    start_nafidha crash-a "${serve[@]}"
    : >"$work/acks-a"
    python3 scripts/bench.d/submissions.py load "127.0.0.1:$port" "$crash_clients" "$work/acks-a" >"$work/load-a.out" &
    load_pid=$!
    pids+=("$load_pid")
    at_start=$(acknowledged "$work/acks-a")
    sleep "$crash_phase"
    kill -KILL "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    at_server_kill=$(acknowledged "$work/acks-a")
    sleep 1
    start_nafidha crash-a "${serve[@]}"
    sleep "$crash_phase"
    kill -KILL "$(postmaster_pid "$crash_dir")"
    at_postmaster_kill=$(acknowledged "$work/acks-a")
    sleep 1
    resume_bench_cluster "$crash_dir"
    sleep "$crash_phase"
    if ! kill -0 "$server_pid" 2>/dev/null; then   # a server that died with its database is a finding, not the end
        server_survived=no
        start_nafidha crash-a "${serve[@]}"
        sleep "$crash_phase"
    fi
    kill -TERM "$load_pid"
    wait "$load_pid"
    at_end=$(acknowledged "$work/acks-a")
    echo "crash: (a) load: $(cat "$work/load-a.out")"
    echo "crash: (a) acknowledged: $at_server_kill when the server was killed, $at_postmaster_kill when the" \
        "postmaster was killed, $at_end in all; the server outlived its database's crash: $server_survived"
    crash_extra_ok=1
    if [ "$at_postmaster_kill" -le "$at_server_kill" ] || [ "$at_end" -le "$at_postmaster_kill" ] \
        || [ "$server_survived" = no ]; then
        crash_extra_ok=0
        crash_extra_note="submissions did not resume after every restart (or the server died with its database)"
    fi
    crash_verify a
    stop_server "$server_pid"
    stop_test_cluster "$crash_dir"
}

# (b) two servers on one database, both taking submissions.
crash_two_servers() {
    local port1 port2 pid1 load_pid
    crash_database crash-b
    port1=$(free_port)
    start_nafidha crash-b1 --database-url "$crash_url" --listen "127.0.0.1:$port1"
    pid1=$server_pid
    port2=$(free_port)
    start_nafidha crash-b2 --database-url "$crash_url" --listen "127.0.0.1:$port2"
    : >"$work/acks-b"
    python3 scripts/bench.d/submissions.py load "127.0.0.1:$port1,127.0.0.1:$port2" "$crash_clients" \
        "$work/acks-b" >"$work/load-b.out" &
    load_pid=$!
    pids+=("$load_pid")
    sleep $((crash_phase * 2))
    kill -TERM "$load_pid"
    wait "$load_pid"
    echo "crash: (b) load on two servers: $(cat "$work/load-b.out")"
    crash_extra_ok=1
    crash_verify b
    stop_server "$pid1"
    stop_server "$server_pid"
    stop_test_cluster "$crash_dir"
}

bench_crash() {
    crash_kills
    crash_two_servers
    if [ ${#crash_failed[@]} -eq 0 ]; then
        echo "crash: PASS (both scenarios)"
    else
        echo "crash: FAIL (scenarios: ${crash_failed[*]})"
        return 1
    fi
}
