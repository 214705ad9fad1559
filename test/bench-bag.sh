#!/usr/bin/env bash
# Benchmark (not part of the suite): 'bin/bodemvisie import' of a generated
# BAG 2.0 extract (test/bag-genereer.py: the Kadaster's zip with one zip per
# object type, files of 10,000 objects) of N units (default 50,000) and N/4
# buildings.  Reports wall time, units per second, and the peak memory of the
# import backends (VmHWM, which includes the shared buffers they touched, and
# the peak of their private memory, RssAnon, sampled every 0.2 s from
# /proc/<pid>/status of every backend of the import).  Target (issue 11):
# under 60 s and under 500 MB.  Then the same extract again (every object
# unchanged), and the dwelling count of the whole area.
# Runs against the database of the libpq variables, or builds, installs and
# starts a throwaway cluster when none is set.
#   test/bench-bag.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BV_ROOT=$root
source "$root/bin/lib.sh"
bv_needs_cluster "$0" "$@"
n=${1:-50000}
export PGDATABASE=bv_bag_bench
dropdb --if-exists bv_bag_bench
createdb bv_bag_bench
work=$(mktemp -d /tmp/bv-bag-bench.XXXXXX)
trap 'dropdb --if-exists bv_bag_bench; rm -rf "$work"' EXIT
psql -X -q -c "SET client_min_messages = warning; CREATE EXTENSION bodemvisie CASCADE"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $(psql -X -A -t -c 'SHOW server_version'), shared_buffers $(psql -X -A -t -c 'SHOW shared_buffers'), work_mem $(psql -X -A -t -c 'SHOW work_mem')"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

t0=$(now)
/usr/bin/python3 "$root/test/bag-genereer.py" --aantal "$n" "$work/bag.zip"
echo "generated $n units in $(since "$t0") s: $(du -m "$work/bag.zip" | cut -f1) MB zip (stored, uncompressed XML inside deflated zips)"

run() {   # label
    psql -X -q -c "CHECKPOINT"
    local t0 ipid hwm=0 anon=0 pids h a p
    t0=$(now)
    PGAPPNAME=bv_bag_bench "$root/bin/bodemvisie" import -q "$work/bag.zip" > "$work/out" 2> "$work/err" &
    ipid=$!
    while kill -0 "$ipid" 2>/dev/null; do
        pids=$(psql -X -A -t -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'bv_bag_bench'" 2>/dev/null || true)
        for p in $pids; do
            if [ -r "/proc/$p/status" ]; then
                read -r h a < <(awk '/^VmHWM:/ {h=$2} /^RssAnon:/ {a=$2} END {print h+0, a+0}' "/proc/$p/status" 2>/dev/null || echo "0 0")
                [ "$h" -gt "$hwm" ] && hwm=$h
                [ "$a" -gt "$anon" ] && anon=$a
            fi
        done
        sleep 0.2
    done
    if wait "$ipid"; then t=$(since "$t0"); else t=FAILED; cat "$work/err"; fi
    echo "$1: $t s ($(awk -v n="$n" -v t="$t" 'BEGIN {if (t + 0 > 0) printf "%.0f", n / t; else print "-"}') units/s); backend peak VmHWM $((hwm / 1024)) MB, private (RssAnon) peak $((anon / 1024)) MB"
}
run "import"
echo "  $(psql -X -A -t -c "SELECT count(*) || ' units, ' || (SELECT count(*) FROM bv_pand) || ' buildings, ' || count(*) FILTER (WHERE bouwjaar IS NOT NULL) || ' with bouwjaar' FROM bv_verblijfsobject")"
run "again (unchanged)"
t0=$(now)
echo "  dwellings in the extent: $(psql -X -A -t -c "SELECT bv_woningen_in(ST_Expand((SELECT ST_Extent(geom)::geometry FROM bv_verblijfsobject), 1::float8), CURRENT_DATE)") in $(since "$t0") s; density cells: $(psql -X -A -t -c "SELECT count(*) FROM bv_kaart_woningdichtheid")"
