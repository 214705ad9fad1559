#!/usr/bin/env bash
# Benchmark of the two window analyses against the best plain-PostGIS SQL for
# the same question (not part of the test suite).
#
#   test/bench-window.sh [SIZES...]        default sizes: 20000 100000
#
# Runs inside the current cluster when PGHOST is set (or under bin/lib.sh's
# bv_in_cluster), using the installed extension; otherwise it builds and
# installs the extension holding the install lock and starts a throwaway
# cluster (pg_virtualenv, settings of bv_in_cluster).
# For each size it generates WKO systems and plumes (fixed seed), then times,
# each in a fresh backend:
#   wko  ours: bv_wko_interference(putten) OVER ()
#   wko  sql : ST_ClusterDBSCAN for the groups + index-backed ST_DWithin
#              self-join with ST_Union of the neighbours' bubbles per system
#   plume ours: bv_pluim_approach(pluim) OVER ()
#   plume sql : ST_ClusterDBSCAN(eps 0) + ST_Union per cluster
# and prints time, ratio, peak backend memory (VmHWM of the backend) and the
# growth of the time from the first size to the last, and the number of rows
# where the two answers disagree (must be 0).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BV_ROOT=$root
source "$root/bin/lib.sh"
bv_needs_cluster "$0" "$@"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 100000)

psql_q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }

psql_q -c "CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE" >/dev/null

# Run one statement in a fresh backend; print "<ms> <peak kB>".
timed() {
    psql_q -At <<SQL | awk '/^Time:/ {t=$2} /^VmHWM:/ {m=$2} END {printf "%.0f %d\n", t, m}'
SET max_parallel_workers_per_gather = 0;
\timing on
$1
\timing off
SELECT line FROM regexp_split_to_table(pg_read_file('/proc/' || pg_backend_pid() || '/status'), E'\n') AS line
 WHERE line LIKE 'VmHWM:%';
SQL
}

generate() {
    local n=$1
    psql_q <<SQL
DROP TABLE IF EXISTS bench_sys, bench_pluim;
SELECT setseed(0.3);
-- WKO systems: uniform over a square with on average one system per
-- 500 m x 500 m (about 3 neighbours each at 250 m), 10 % open systems with
-- two wells (warm and cold) 50-150 m apart, the rest single points.
CREATE TABLE bench_sys AS
SELECT i AS id,
       CASE WHEN random() < 0.1
            THEN ST_Collect(ST_MakePoint(x, y), ST_MakePoint(x + 50 + random() * 100, y))
            ELSE ST_MakePoint(x, y) END AS putten
  FROM (SELECT i, random() * sqrt($n) * 500 AS x, random() * sqrt($n) * 500 AS y
          FROM generate_series(1, $n) i) s;
CREATE INDEX ON bench_sys USING gist (putten);
-- Plumes: one per 600 m x 600 m; 70 % point sources (150 m circle), 30 %
-- surveyed contours (irregular polygons of 20-200 m).
CREATE TABLE bench_pluim AS
SELECT i AS id,
       CASE WHEN random() < 0.7 THEN ST_MakePoint(x, y)
            ELSE ST_Buffer(ST_MakePoint(x, y), 20 + random() * 180, 2 + (random() * 3)::int) END AS pluim
  FROM (SELECT i, random() * sqrt($n) * 600 AS x, random() * sqrt($n) * 600 AS y
          FROM generate_series(1, $n) i) s;
CREATE INDEX ON bench_pluim USING gist (pluim);
ANALYZE bench_sys;
ANALYZE bench_pluim;
SQL
}

WKO_OURS="CREATE UNLOGGED TABLE bench_r_ours AS
SELECT id, (bv_wko_interference(putten) OVER (ORDER BY id)).* FROM bench_sys;"

WKO_SQL="CREATE UNLOGGED TABLE bench_r_sql AS
WITH groups AS (
    SELECT id, ST_ClusterDBSCAN(putten, 500, 1) OVER (ORDER BY id) AS groep FROM bench_sys
), overlap AS (
    SELECT a.id, count(b.id) AS n_buren,
           coalesce(ST_Area(ST_Intersection(ST_Buffer(a.putten, 250), ST_Union(ST_Buffer(b.putten, 250)))), 0) AS overlap_m2
      FROM bench_sys a
      LEFT JOIN bench_sys b ON b.id <> a.id AND ST_DWithin(a.putten, b.putten, 500)
                           AND ST_Distance(a.putten, b.putten) < 500
     GROUP BY a.id, a.putten
)
SELECT g.id, g.groep, count(*) OVER (PARTITION BY g.groep) AS n_groep, o.n_buren, o.overlap_m2
  FROM groups g JOIN overlap o USING (id);"

PLUIM_OURS="CREATE UNLOGGED TABLE bench_r_ours AS
SELECT id, (bv_pluim_approach(pluim) OVER (ORDER BY id)).* FROM bench_pluim;"

PLUIM_SQL="CREATE UNLOGGED TABLE bench_r_sql AS
WITH c AS (
    SELECT id, ST_ClusterDBSCAN(contour, 0, 1) OVER (ORDER BY id) AS cluster, contour
      FROM (SELECT id, CASE WHEN GeometryType(pluim) = 'POINT' THEN ST_Buffer(pluim, 150)
                            ELSE pluim END AS contour FROM bench_pluim) p
), a AS (
    SELECT cluster, count(*) AS n_pluimen, ST_Area(ST_Union(contour)) AS cluster_m2
      FROM c GROUP BY cluster
)
SELECT c.id, c.cluster, a.n_pluimen, a.cluster_m2,
       CASE WHEN a.n_pluimen = 1 THEN 'geval'
            WHEN a.cluster_m2 < 10000 THEN 'cluster' ELSE 'cluster_of_gebied' END AS aanpak
  FROM c JOIN a USING (cluster);"

# Do both answers agree?  Groups are compared as partitions (DBSCAN numbers
# its clusters its own way), areas within relative 1e-6.
WKO_AGREE="SELECT count(*) FILTER (WHERE o.n_groep <> s.n_groep OR o.n_buren <> s.n_buren
                            OR abs(o.overlap_m2 - s.overlap_m2) > 1e-6 * greatest(o.overlap_m2, 1))
              + (SELECT count(DISTINCT (o2.groep, s2.groep)) - count(DISTINCT o2.groep)
                   FROM bench_r_ours o2 JOIN bench_r_sql s2 USING (id))
  FROM bench_r_ours o JOIN bench_r_sql s USING (id)"
PLUIM_AGREE="SELECT count(*) FILTER (WHERE o.n_pluimen <> s.n_pluimen OR o.aanpak <> s.aanpak
                            OR abs(o.cluster_m2 - s.cluster_m2) > 1e-6 * o.cluster_m2)
              + (SELECT count(DISTINCT (o2.cluster, s2.cluster)) - count(DISTINCT o2.cluster)
                   FROM bench_r_ours o2 JOIN bench_r_sql s2 USING (id))
  FROM bench_r_ours o JOIN bench_r_sql s USING (id)"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "PostgreSQL $(psql_q -At -c 'SHOW server_version'), PostGIS $(psql_q -At -c 'SELECT postgis_lib_version()'), GEOS $(psql_q -At -c 'SELECT bv_geos_version()')"
printf '%-7s %-6s %10s %10s %7s %12s %12s %9s\n' size what ours_ms sql_ms ratio ours_peak_MB sql_peak_MB disagree
declare -A first_time
for n in "${sizes[@]}"; do
    generate "$n" >/dev/null
    for what in wko pluim; do
        if [ "$what" = wko ]; then ours=$WKO_OURS; sql=$WKO_SQL; agree=$WKO_AGREE
        else ours=$PLUIM_OURS; sql=$PLUIM_SQL; agree=$PLUIM_AGREE; fi
        psql_q -c "DROP TABLE IF EXISTS bench_r_ours, bench_r_sql" 2>/dev/null
        read -r t_ours m_ours < <(timed "$ours")
        read -r t_sql m_sql < <(timed "$sql")
        bad=$(psql_q -At -c "$agree")
        ratio=$(awk -v a="$t_sql" -v b="$t_ours" 'BEGIN {printf "%.1f", a / b}')
        printf '%-7s %-6s %10s %10s %6sx %12d %12d %9s\n' "$n" "$what" "$t_ours" "$t_sql" "$ratio" \
            $((m_ours / 1024)) $((m_sql / 1024)) "$bad"
        if [ -z "${first_time[$what]:-}" ]; then
            first_time[$what]="$n $t_ours"
        else
            read -r n0 t0 <<<"${first_time[$what]}"
            awk -v n0="$n0" -v t0="$t0" -v n="$n" -v t="$t_ours" -v w="$what" 'BEGIN {
                printf "        %s growth %d -> %d: size x%.1f, time x%.2f (n log n predicts x%.2f)\n",
                    w, n0, n, n / n0, t / t0, (n * log(n)) / (n0 * log(n0)) }'
        fi
    done
done
psql_q -c "DROP TABLE IF EXISTS bench_sys, bench_pluim, bench_r_ours, bench_r_sql" >/dev/null
