#!/usr/bin/env bash
# Benchmark (not part of the suite): time 'bin/bodemvisie klic-import' on the
# 3.2 MB real sample (orientation request 22O000518, 2261 features).  Target:
# under 10 s.  Runs against the database of the libpq variables, or builds,
# installs and starts a throwaway cluster when none is set.
#   test/bench-klic.sh [RUNS] [FILE]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BV_ROOT=$root
source "$root/bin/lib.sh"
runs=${1:-5}
file=${2:-$root/../shared/data/klic/GI_gebiedsinformatielevering_22O000518_1_V2.xml}
[ -f "$file" ] || bv_die "bench-klic: sample not found: $file"
bv_needs_cluster "$0" "$runs" "$file"
export PGDATABASE=bv_klic_bench
dropdb --if-exists bv_klic_bench
createdb bv_klic_bench
trap 'dropdb --if-exists bv_klic_bench' EXIT
psql -X -q -c "SET client_min_messages = warning; CREATE EXTENSION bodemvisie CASCADE"
echo "file: $(basename "$file") ($(stat -c %s "$file") bytes)"
times=()
for i in $(seq 1 "$runs"); do
    psql -X -q -c "DELETE FROM bv_klic_levering"
    t0=$(date +%s.%N)
    "$root/bin/bodemvisie" klic-import -q "$file"
    t1=$(date +%s.%N)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
    times+=("$t")
    printf 'run %d: %.2f s\n' "$i" "$t"
done
t0=$(date +%s.%N)
"$root/bin/bodemvisie" klic-import -q "$file"
t1=$(date +%s.%N)
printf 're-import (unchanged): %.2f s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "min %.2f s, median %.2f s, max %.2f s (target < 10 s)\n", a[1], a[int((NR+1)/2)], a[NR]}'
psql -X -A -t -c "SELECT count(*) || ' cables/pipes, ' || (SELECT count(*) FROM bv_klic_melding) || ' reports' FROM bv_kabel_leiding"
