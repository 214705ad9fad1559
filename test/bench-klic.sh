#!/usr/bin/env bash
# Benchmark (not part of the suite): 'bin/bodemvisie klic-import' next to
# 'ogr2ogr -f PostgreSQL' on the same files, generated into /tmp from the
# 3.2 MB real sample (orientation request 22O000518, 2261 features) by
# repeating its feature members with new ids (test/klic-groot.py).  Reports
# wall time of both, MB/s, and the import backend's peak memory (VmHWM, which
# includes the shared buffers it touched, and the peak of its private memory,
# RssAnon, sampled every 0.2 s from /proc/<backend pid>/status).
# Runs against the database of the libpq variables, or builds, installs and
# starts a throwaway cluster when none is set.
#   test/bench-klic.sh [SIZE_MB...]      default: 3 250 1000 (or BV_KLIC_BENCH_SIZES)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BV_ROOT=$root
source "$root/bin/lib.sh"
sample=${BV_KLIC_SAMPLE:-$root/../shared/data/klic/GI_gebiedsinformatielevering_22O000518_1_V2.xml}
[ -f "$sample" ] || bv_die "bench-klic: sample not found: $sample"
bv_needs_cluster "$0" "$@"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || read -r -a sizes <<< "${BV_KLIC_BENCH_SIZES:-3 250 1000}"
export PGDATABASE=bv_klic_bench
dropdb --if-exists bv_klic_bench
createdb bv_klic_bench
work=$(mktemp -d /tmp/bv-klic-bench.XXXXXX)
trap 'dropdb --if-exists bv_klic_bench; rm -rf "$work"' EXIT
psql -X -q -c "SET client_min_messages = warning; CREATE EXTENSION bodemvisie CASCADE" -c "CREATE SCHEMA ogr"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $(psql -X -A -t -c 'SHOW server_version'), shared_buffers $(psql -X -A -t -c 'SHOW shared_buffers'), work_mem $(psql -X -A -t -c 'SHOW work_mem')"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

for mb in "${sizes[@]}"; do
    f=$work/GI_gebiedsinformatielevering_22O000518_1_V2.xml
    rm -f "$work"/*.xml "$work"/*.gfs
    /usr/bin/python3 "$root/test/klic-groot.py" "$sample" "$mb" "$f" 2>/dev/null
    bytes=$(stat -c %s "$f")
    fmb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
    echo "--- $fmb MB ($(grep -c '<gml:featureMember>' "$f") features)"

    psql -X -q -c "DELETE FROM bv_klic_levering"
    psql -X -q -c "CHECKPOINT"
    t0=$(now)
    PGAPPNAME=bv_klic_bench "$root/bin/bodemvisie" klic-import -q "$f" > "$work/out" 2> "$work/err" &
    ipid=$!
    bpid= hwm=0 anon=0
    while kill -0 "$ipid" 2>/dev/null; do
        [ -n "$bpid" ] || bpid=$(psql -X -A -t -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'bv_klic_bench' AND query ~ 'COPY|bv_klic_import_fragmenten' LIMIT 1" 2>/dev/null || true)
        if [ -n "$bpid" ] && [ -r "/proc/$bpid/status" ]; then
            read -r h a < <(awk '/^VmHWM:/ {h=$2} /^RssAnon:/ {a=$2} END {print h+0, a+0}' "/proc/$bpid/status" 2>/dev/null || echo "0 0")
            [ "$h" -gt "$hwm" ] && hwm=$h
            [ "$a" -gt "$anon" ] && anon=$a
        fi
        sleep 0.2
    done
    if wait "$ipid"; then ours=$(since "$t0"); else ours="FAILED"; cat "$work/err"; fi
    n=$(psql -X -A -t -c "SELECT count(*) FROM bv_kabel_leiding")
    echo "ours:    $ours s ($(awk -v m="$fmb" -v t="$ours" 'BEGIN {if (t + 0 > 0) printf "%.1f", m / t; else print "-"}') MB/s), $n cables/pipes; backend peak VmHWM $((hwm / 1024)) MB, private (RssAnon) peak $((anon / 1024)) MB"

    t0=$(now)
    if ogr2ogr -f PostgreSQL PG: "$f" -a_srs EPSG:28992 -lco SCHEMA=ogr -overwrite \
            --config PG_USE_COPY YES > "$work/ogr.out" 2>&1; then
        ogr=$(since "$t0")
    else
        ogr="FAILED"; tail -n 3 "$work/ogr.out"
    fi
    echo "ogr2ogr: $ogr s ($(awk -v m="$fmb" -v t="$ogr" 'BEGIN {if (t + 0 > 0) printf "%.1f", m / t; else print "-"}') MB/s), $(psql -X -A -t -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'ogr'") tables"
    psql -X -q -c "DROP SCHEMA ogr CASCADE" -c "CREATE SCHEMA ogr"

    t0=$(now)
    "$root/bin/bodemvisie" klic-import -q "$f"
    echo "ours, re-import unchanged: $(since "$t0") s"
done
