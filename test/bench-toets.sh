#!/usr/bin/env bash
# Benchmark of bv_bodemenergie_toets (not part of the test suite).
#
# Loads 100,000 WKO systems, 10,000 policy areas, 5,000 contaminations and
# 1,000 analysis areas (national spread plus a dense cluster around Assen),
# corrects 20 % of the areas and systems twice (history rows), then times single calls at random locations and shows with auto_explain
# that every inner query runs on the GiST indexes.
#
# usage: test/bench-toets.sh [calls]     (default 2000 calls)
#        BV_BENCH_HISTORIE=0 test/bench-toets.sh   (without the history rows)
# Builds and installs the extension (holding the install lock, so nobody
# installs over it mid-run) and runs on a throwaway cluster, unless the libpq
# variables already name a server: then it uses what is installed there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
calls=${1:-2000}

BV_ROOT=$root
source "$root/bin/lib.sh"
bv_needs_cluster "$0" "$@"

db=bv_bench_$$
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
createdb "$db"
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

echo "== machine: $(nproc) cores, $(uname -srm), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== loading data"
psql_q <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION bodemvisie CASCADE;
SELECT setseed(0.2026);
-- Extents: the Netherlands in RD New, and Assen (10 x 10 km).
CREATE TEMP TABLE ext(naam text, x0 float8, y0 float8, dx float8, dy float8);
INSERT INTO ext VALUES ('nl', 13000, 306000, 265000, 313000), ('assen', 228000, 551000, 10000, 10000);

-- 10,000 policy areas: 9,000 spread over the country, 1,000 in Assen;
-- 16- to 32-gons of 50-1,500 m radius, a few large ones.
INSERT INTO bv_beleidsgebied (soort, naam, bron, geom)
SELECT (ARRAY['waterwingebied','boringsvrije_zone','honderdjaarszone','grondwaterbeschermingsgebied',
              'nationaal_landschap','gasveld','archeologie','hoofdtrace'])[1 + (i % 8)],
       'gebied ' || i, 'bench',
       ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(e.x0 + random() * e.dx, e.y0 + random() * e.dy), 28992),
                          CASE WHEN i % 100 = 0 THEN 3000 ELSE 50 + random() * 1450 END,
                          4 + (i % 5)))
  FROM generate_series(1, 10000) i
  JOIN ext e ON e.naam = CASE WHEN i <= 9000 THEN 'nl' ELSE 'assen' END;

-- 100,000 WKO systems: 95,000 over the country, 5,000 in Assen (50 per km2);
-- one to three wells, own radius for a third of them.
INSERT INTO bv_wko_systeem (naam, systeem, putten, diepte_van_m, diepte_tot_m, straal_m, status)
SELECT 'wko ' || i, CASE WHEN i % 3 = 0 THEN 'gesloten' ELSE 'open' END,
       (SELECT ST_SetSRID(ST_Multi(ST_Collect(ST_MakePoint(c.x + 40 * k, c.y + 25 * k))), 28992)
          FROM generate_series(0, i % 3) k),
       30, 150, CASE WHEN i % 3 = 1 THEN 60 + random() * 400 END,
       CASE WHEN i % 10 = 0 THEN 'vergund' ELSE 'gerealiseerd' END
  FROM generate_series(1, 100000) i
  JOIN ext e ON e.naam = CASE WHEN i <= 95000 THEN 'nl' ELSE 'assen' END
 CROSS JOIN LATERAL (SELECT e.x0 + random() * e.dx + 0 * i AS x, e.y0 + random() * e.dy AS y) c;

-- 5,000 contaminations (points and contours), 10 % remediated.
INSERT INTO bv_verontreiniging (naam, status, geom)
SELECT 'pluim ' || i, CASE WHEN i % 10 = 0 THEN 'gesaneerd' ELSE 'actueel' END,
       CASE WHEN i % 2 = 0 THEN p ELSE ST_Buffer(p, 20 + random() * 200, 3) END
  FROM generate_series(1, 5000) i
  JOIN ext e ON e.naam = CASE WHEN i <= 4000 THEN 'nl' ELSE 'assen' END
 CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(e.x0 + random() * e.dx + 0 * i,
                                                    e.y0 + random() * e.dy), 28992) AS p) q;

-- 1,000 analysis areas: a grid of 316 m cells over Assen with demand/supply.
INSERT INTO bv_gebied (naam, ontwikkelgebied, vraag, aanbod, geom)
SELECT 'cel ' || gx || '-' || gy, (gx + gy) % 7 = 0,
       CASE WHEN (gx * gy) % 5 <> 0 THEN random() * 100 END, CASE WHEN (gx + gy) % 4 <> 0 THEN random() * 200 END,
       ST_Multi(ST_MakeEnvelope(228000 + gx * 316.2, 551000 + gy * 316.2,
                                228000 + (gx + 1) * 316.2, 551000 + (gy + 1) * 316.2, 28992))
  FROM generate_series(0, 39) gx, generate_series(0, 24) gy;
ANALYZE bv_beleidsgebied; ANALYZE bv_wko_systeem; ANALYZE bv_verontreiniging; ANALYZE bv_gebied;
SELECT (SELECT count(*) FROM bv_wko_systeem) AS wko_systemen,
       (SELECT count(*) FROM bv_beleidsgebied) AS beleidsgebieden,
       (SELECT count(*) FROM bv_verontreiniging) AS verontreinigingen,
       (SELECT count(*) FROM bv_gebied) AS gebieden;
SQL

if [ "${BV_BENCH_HISTORIE:-1}" = 1 ]; then
echo "== history (issue 10): 20 % of the policy areas and WKO systems corrected twice, one statement each"
psql_q <<'SQL' | grep -E 'Time:|^ '
\timing on
UPDATE bv_beleidsgebied SET bron = 'bench, correctie 1' WHERE id % 5 = 0;
UPDATE bv_beleidsgebied SET bron = 'bench, correctie 2' WHERE id % 5 = 0;
UPDATE bv_wko_systeem SET straal_m = coalesce(straal_m, 250) WHERE id % 5 = 0;
UPDATE bv_wko_systeem SET straal_m = NULL WHERE id % 5 = 0 AND id % 3 <> 1;
\timing off
ANALYZE bv_beleidsgebied; ANALYZE bv_wko_systeem;
SELECT (SELECT count(*) FROM bv_beleidsgebied_historie) AS gebied_versies_in_historie,
       (SELECT count(*) FROM bv_wko_systeem_historie) AS wko_versies_in_historie,
       (SELECT max(versie) FROM bv_beleidsgebied) AS max_versie;
SQL
fi

echo "== bv_kaart_verversen(): refresh every map layer on this data (wall time; backend CPU)"
psql_q <<'SQL' | grep -E 'Time:|^ |cpu'
SET max_parallel_workers_per_gather = 0;
SELECT 'cpu0: ' || (split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint) AS c
  FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s \gset
\timing on
SELECT * FROM bv_kaart_verversen();   -- CPU below in ticks of 1/100 s (CLK_TCK)
\timing off
SELECT 'backend cpu s: ' || round(((split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint)
        - substr(:'c', 7)::bigint)::numeric / 100, 2)
  FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s;
SQL
echo "   again, on filled layers (DELETE + INSERT, the default: readers keep reading; issue 14):"
psql_q <<'SQL' | grep -E 'Time:|^ |cpu'
SET max_parallel_workers_per_gather = 0;
SELECT 'cpu0: ' || (split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint) AS c
  FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s \gset
\timing on
SELECT * FROM bv_kaart_verversen();
\timing off
SELECT 'backend cpu s: ' || round(((split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint)
        - substr(:'c', 7)::bigint)::numeric / 100, 2)
  FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s;
SQL
echo "   per layer (TRUNCATE + INSERT from its view, as bv_kaart_verversen(false)), and the WKO interference analysis alone:"
psql_q <<'SQL' | grep -E 'Time:|^ '
SET max_parallel_workers_per_gather = 0;
\timing on
BEGIN; TRUNCATE bv_kaart_wko_bellen_m; INSERT INTO bv_kaart_wko_bellen_m SELECT * FROM bv_kaart_wko_bellen; COMMIT;
BEGIN; TRUNCATE bv_kaart_pluimen_m; INSERT INTO bv_kaart_pluimen_m SELECT * FROM bv_kaart_pluimen; COMMIT;
BEGIN; TRUNCATE bv_kaart_interferentie_gebied_m; INSERT INTO bv_kaart_interferentie_gebied_m SELECT * FROM bv_kaart_interferentie_gebied; COMMIT;
BEGIN; TRUNCATE bv_kaart_bodemenergie_m; INSERT INTO bv_kaart_bodemenergie_m SELECT * FROM bv_kaart_bodemenergie; COMMIT;
SELECT count(*) AS wko_rows, round(avg((r).n_buren), 1) AS mean_neighbours, max((r).n_buren) AS max_neighbours
  FROM (SELECT bv_wko_interference(putten, coalesce(straal_m, 250)) OVER (ORDER BY id) AS r
          FROM bv_wko_systeem) s;
SQL

echo "== $calls single calls at random locations (half in dense Assen), server-side time per call"
psql_q -v calls="$calls" <<'SQL'
SET client_min_messages = warning;
SELECT set_config('bench.calls', :'calls', false) \gset
CREATE TEMP TABLE tijd(i int, waar text, systeem text, ms float8, redenen int);
DO $$
DECLARE
    t0 timestamptz; p geometry; s text; n int; waar text;
BEGIN
    PERFORM setseed(0.7);
    FOR i IN 1 .. current_setting('bench.calls')::int LOOP
        IF i % 2 = 0 THEN
            waar := 'assen';
            p := ST_SetSRID(ST_MakePoint(228000 + random() * 10000, 551000 + random() * 10000), 28992);
        ELSE
            waar := 'nl';
            p := ST_SetSRID(ST_MakePoint(13000 + random() * 265000, 306000 + random() * 313000), 28992);
        END IF;
        s := (ARRAY['open', 'gesloten', 'geothermie'])[1 + i % 3];
        t0 := clock_timestamp();
        SELECT count(*) INTO n
          FROM bv_bodemenergie_toets(p, s, CASE s WHEN 'geothermie' THEN 2000 ELSE 30 END,
                                     CASE s WHEN 'geothermie' THEN 2500 ELSE 150 END, 10);
        INSERT INTO tijd VALUES (i, waar, s,
            extract(epoch FROM clock_timestamp() - t0) * 1000, n);
    END LOOP;
END $$;
SELECT waar, systeem, count(*) AS calls, round(avg(redenen), 1) AS avg_rows,
       round(avg(ms)::numeric, 3) AS avg_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS p50_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS p95_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS p99_ms,
       round(max(ms)::numeric, 3) AS max_ms
  FROM tijd WHERE i > 10 GROUP BY ROLLUP (waar, systeem) ORDER BY 1, 2;
SQL

echo "== one call in Assen with psql \\timing (client round trip included)"
psql_q <<'SQL'
\timing on
SELECT oordeel, ernst, regel, bron_id, naam
  FROM bv_bodemenergie_toets(ST_SetSRID(ST_MakePoint(233000, 556000), 28992), 'open', 30, 150, 10);
SELECT bv_bodemenergie_oordeel(ST_SetSRID(ST_MakePoint(233000, 556000), 28992), 'open', 30, 150, 10);
SQL

echo "== plans of the queries inside one call (auto_explain, nested statements)"
psql_q <<'SQL' 2>&1 | grep -E 'LOG:|Query Text|Scan|Index Cond|Filter|Execution|Recheck|->|Limit|Aggregate' | sed 's/^psql:<stdin>:[0-9]*: //' | head -150
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_timing = on;
SET client_min_messages = log;
SELECT count(*) FROM bv_bodemenergie_toets(ST_SetSRID(ST_MakePoint(233000, 556000), 28992), 'open', 30, 150, 10);
SELECT count(*) FROM bv_bodemenergie_toets(ST_SetSRID(ST_MakePoint(233000, 556000), 28992), 'geothermie', 2000, 2500, 10);
SQL
