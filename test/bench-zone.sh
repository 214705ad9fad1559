#!/usr/bin/env bash
# Benchmark: bv_zone_for_depth (C) against the same rules written as a
# SQL-language function and as a PL/pgSQL function, and against the floor of
# just counting the generated depths.  One run, one session, same data.
# Not a test: it prints rows/s and ratios.  Usage: test/bench-zone.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000000}

BV_ROOT=$root
source "$root/bin/lib.sh"
bv_needs_cluster "$0" "$n"

psql -X -q -v ON_ERROR_STOP=1 -v n="$n" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
SET max_parallel_workers_per_gather = 0;   -- compare single-core work
SET jit = off;

-- The rules of bv_zone_for_depth(depth) as a SQL-language function.
CREATE OR REPLACE FUNCTION pg_temp.zone_sql(depth float8) RETURNS bv_zone
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ROW(
    CASE WHEN depth < 0 THEN 'occupatielaag' WHEN depth < 5 THEN 'netwerklaag'
         WHEN depth < 500 THEN 'ondiepe_ondergrond' ELSE 'diepe_ondergrond' END,
    CASE WHEN depth >= 0 AND depth < 25 THEN 1 WHEN depth >= 25 AND depth < 300 THEN 2 END,
    NULL::text,
    CASE WHEN depth >= 500 AND depth < 1400 THEN 'Zechstein'
         WHEN depth >= 1400 AND depth < 4500 THEN 'Rijnland, Hoofd-Bontzandsteen, Boven-Rotliegend' END,
    CASE WHEN depth < 5 THEN 'gemeente' WHEN depth < 500 THEN 'provincie' ELSE 'rijk' END,
    CASE WHEN depth >= 0 AND depth < 5 THEN ARRAY['wko_gesloten','kabels_leidingen']
         WHEN depth >= 5 AND depth < 25 THEN ARRAY['wko_gesloten']
         WHEN depth >= 25 AND depth < 300 THEN ARRAY['wko_gesloten','wko_open']
         WHEN depth >= 500 AND depth < 1400 THEN ARRAY['zoutwinning','opslag_gas','opslag_perslucht','opslag_afval']
         WHEN depth >= 1400 AND depth < 4500 THEN ARRAY['gaswinning','oliewinning','geothermie_warmte',
              'geothermie_elektrisch','opslag_gas','opslag_co2']
         ELSE '{}'::text[] END)::bv_zone
$$;

-- The same as PL/pgSQL.
CREATE OR REPLACE FUNCTION pg_temp.zone_plpgsql(depth float8) RETURNS bv_zone
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE z bv_zone;
BEGIN
  z.laag := CASE WHEN depth < 0 THEN 'occupatielaag' WHEN depth < 5 THEN 'netwerklaag'
                 WHEN depth < 500 THEN 'ondiepe_ondergrond' ELSE 'diepe_ondergrond' END;
  IF depth >= 0 AND depth < 25 THEN z.zone_3d := 1;
  ELSIF depth >= 25 AND depth < 300 THEN z.zone_3d := 2; END IF;
  IF depth >= 500 AND depth < 1400 THEN z.formatie := 'Zechstein';
  ELSIF depth >= 1400 AND depth < 4500 THEN
    z.formatie := 'Rijnland, Hoofd-Bontzandsteen, Boven-Rotliegend'; END IF;
  z.bevoegd_gezag := CASE WHEN depth < 5 THEN 'gemeente' WHEN depth < 500 THEN 'provincie' ELSE 'rijk' END;
  z.functies := CASE
         WHEN depth >= 0 AND depth < 5 THEN ARRAY['wko_gesloten','kabels_leidingen']
         WHEN depth >= 5 AND depth < 25 THEN ARRAY['wko_gesloten']
         WHEN depth >= 25 AND depth < 300 THEN ARRAY['wko_gesloten','wko_open']
         WHEN depth >= 500 AND depth < 1400 THEN ARRAY['zoutwinning','opslag_gas','opslag_perslucht','opslag_afval']
         WHEN depth >= 1400 AND depth < 4500 THEN ARRAY['gaswinning','oliewinning','geothermie_warmte',
              'geothermie_elektrisch','opslag_gas','opslag_co2']
         ELSE '{}'::text[] END;
  RETURN z;
END $$;

-- The SQL and PL/pgSQL versions must agree with the C one, or the
-- comparison means nothing.
SELECT count(*) AS sql_versions_disagree
  FROM generate_series(-1000, 99999) d,
       LATERAL (SELECT d * 0.1::float8 AS depth) x
 WHERE bv_zone_for_depth(depth)::text <> pg_temp.zone_sql(depth)::text
    OR bv_zone_for_depth(depth)::text <> pg_temp.zone_plpgsql(depth)::text \gset
\if :sql_versions_disagree
  \echo 'SQL versions disagree with the C function:' :sql_versions_disagree
  \quit
\endif

CREATE TEMP TABLE bench(name text, seconds float8);
CREATE OR REPLACE FUNCTION pg_temp.timeit(name text, query text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; t1 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE query;
  t1 := clock_timestamp();
  INSERT INTO bench VALUES (name, extract(epoch FROM t1 - t0));
END $$;

-- depths 0 .. 9999.999 m: every layer, zone and formation is visited
\o /dev/null
SELECT pg_temp.timeit('warm-up', format('SELECT count(d) FROM generate_series(0, %s - 1) d', :'n'));
SELECT pg_temp.timeit('floor: count(d)',
  format('SELECT count(d) FROM generate_series(0, %s - 1) d', :'n'));
SELECT pg_temp.timeit('floor: count(depth expression)',
  format('SELECT count(d * (10000.0 / %s)::float8) FROM generate_series(0, %s - 1) d', :'n', :'n'));
SELECT pg_temp.timeit('C bv_zone_for_depth',
  format('SELECT count(bv_zone_for_depth(d * (10000.0 / %s)::float8)) FROM generate_series(0, %s - 1) d', :'n', :'n'));
SELECT pg_temp.timeit('C bv_zone_for_depth(depth, maaiveld)',
  format('SELECT count(bv_zone_for_depth(d * (10000.0 / %s)::float8, 10)) FROM generate_series(0, %s - 1) d', :'n', :'n'));
SELECT pg_temp.timeit('SQL-language function',
  format('SELECT count(pg_temp.zone_sql(d * (10000.0 / %s)::float8)) FROM generate_series(0, %s - 1) d', :'n', :'n'));
SELECT pg_temp.timeit('PL/pgSQL function',
  format('SELECT count(pg_temp.zone_plpgsql(d * (10000.0 / %s)::float8)) FROM generate_series(0, %s - 1) d', :'n', :'n'));

\o
DELETE FROM bench WHERE name = 'warm-up';
\echo
\echo 'bv_zone_for_depth benchmark,' :n 'calls each, one backend, no parallelism'
SELECT b.name, round(b.seconds::numeric, 3) AS seconds,
       round((:n / b.seconds)::numeric) AS rows_per_s,
       round((b.seconds / c.seconds)::numeric, 2) AS time_vs_c
  FROM bench b, (SELECT seconds FROM bench WHERE name = 'C bv_zone_for_depth') c
 ORDER BY b.seconds;
SELECT round((s.seconds / c.seconds)::numeric, 2) AS "C speed-up vs SQL (target >= 5)",
       round((p.seconds / c.seconds)::numeric, 2) AS "C speed-up vs PL/pgSQL",
       round((c.seconds / f.seconds)::numeric, 2) AS "C time / floor count(d) (target <= 3)"
  FROM bench c, bench s, bench p, bench f
 WHERE c.name = 'C bv_zone_for_depth' AND s.name = 'SQL-language function'
   AND p.name = 'PL/pgSQL function' AND f.name = 'floor: count(d)';
SQL
