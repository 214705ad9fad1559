#!/usr/bin/env bash
# pg_cancel_backend and pg_terminate_backend stop bv_wko_bel and bv_pluim
# inside a long GEOS buffer within seconds (issue #13: a huge MULTIPOINT ran
# 20 minutes and only kill -9 stopped it).  Two sessions: one runs a bubble
# of BV_CANCEL_WELLS wells (default 10,000, the limit) with a 2 km radius,
# which takes minutes, or a window analysis of 60,000 plumes; the other
# cancels or terminates it after 1.5 s.
# Each must end within 5 s (about 1 s is normal).  Runs inside the suite's
# cluster.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=bv_check_cancel
wells=${BV_CANCEL_WELLS:-10000}
trap 'dropdb --if-exists "$db" 2>/dev/null || true' EXIT
dropdb --if-exists "$db" 2>/dev/null || true
createdb "$db" || exit 1
export PGDATABASE=$db
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
     -c "CREATE EXTENSION bodemvisie CASCADE" || exit 1
failed=0
out=$(mktemp)

# run_case LABEL QUERY ACTION: QUERY must contain the marker bv-cancel-probe
run_case() {
    local call=$1 query=$2 action=$3 pid="" i t0 t1 bg elapsed
    psql -X -c "$query" >"$out" 2>&1 &
    bg=$!
    for i in $(seq 1 100); do
        pid=$(psql -X -At -c "SELECT pid FROM pg_stat_activity
                               WHERE query LIKE '%bv-cancel-probe%' AND pid <> pg_backend_pid()
                                 AND state = 'active' AND now() - query_start > interval '1.5 s'")
        [ -n "$pid" ] && break
        sleep 0.1
    done
    if [ -z "$pid" ]; then
        echo "  FAIL $call / $action: the query did not start or ended early"; cat "$out"
        failed=1; wait "$bg"; return
    fi
    t0=$(date +%s.%N)
    psql -X -At -c "SELECT $action($pid)" >/dev/null
    # the session's psql exits when its query is cancelled or its backend ends
    for i in $(seq 1 100); do kill -0 "$bg" 2>/dev/null || break; sleep 0.1; done
    t1=$(date +%s.%N)
    elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    if kill -0 "$bg" 2>/dev/null; then
        echo "  FAIL $call / $action: still running ${elapsed} s after $action"
        failed=1
        wait "$bg"
        return
    fi
    wait "$bg"
    # the backend itself must be gone (terminate) or idle (cancel)
    if psql -X -At -c "SELECT 1 FROM pg_stat_activity WHERE pid = $pid AND state = 'active'" | grep -q 1; then
        echo "  FAIL $call / $action: backend $pid still active"; failed=1; return
    fi
    if awk -v e="$elapsed" 'BEGIN { exit !(e < 5) }' &&
       grep -qE "canceling statement due to user request|terminating connection due to administrator command|server closed the connection" "$out"; then
        printf '  ok   %-28s %-22s stopped after %s s: %s\n' "$call" "$action" "$elapsed" \
            "$(grep -m1 -oE 'canceling statement due to user request|terminating connection due to administrator command' "$out")"
    else
        echo "  FAIL $call / $action: stopped after $elapsed s"; cat "$out"; failed=1
    fi
}

bubble() {
    echo "SELECT 'bv-cancel-probe', ST_NPoints($1)
            FROM (SELECT ST_Collect(ST_MakePoint(random() * 20000, random() * 20000)) AS g
                    FROM generate_series(1, $wells)) s"
}
# a window analysis of plume contours whose cluster unions (GEOS) take
# many seconds; source points would be too fast since the grid integration
window="SELECT 'bv-cancel-probe', count(r)
          FROM (SELECT bv_pluim_approach(ST_Buffer(g, 150::float8, 8), 100::float8, 10000::float8) OVER () AS r
                  FROM (SELECT ST_MakePoint(random() * 70000, random() * 70000) AS g
                          FROM generate_series(1, 60000)) p) s"

run_case "bv_wko_bel(g, 2000)" "$(bubble 'bv_wko_bel(g, 2000)')" pg_cancel_backend
run_case "bv_wko_bel(g, 2000)" "$(bubble 'bv_wko_bel(g, 2000)')" pg_terminate_backend
run_case "bv_pluim(g, 10, 200, 1)" "$(bubble 'bv_pluim(g, 10, 200, 1)')" pg_cancel_backend
run_case "bv_pluim(g, 10, 200, 1)" "$(bubble 'bv_pluim(g, 10, 200, 1)')" pg_terminate_backend
run_case "bv_pluim_approach(g, 100)" "$window" pg_terminate_backend
rm -f "$out"
exit $failed
