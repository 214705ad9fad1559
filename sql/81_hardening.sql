-- Hardening (issue #13): bad numbers, bounds, limits, cancellation, and
-- bv_invoer agreeing with the analyses.  See doc/security.md.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- 'ok', or the SQLSTATE and message of the error, and whether it has a hint.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; hint text;
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
  RETURN st || ' ' || msg || CASE WHEN hint <> '' THEN ' (hint)' ELSE ' (NO HINT)' END;
END $$;

-- The same geometry through every geometry-taking function of the module.
CREATE FUNCTION pg_temp.every(expr text) RETURNS TABLE (fn text, result text) LANGUAGE sql AS $$
  VALUES ('bv_invoer', pg_temp.err(format('SELECT bv_invoer(%s)', expr))),
         ('bv_wko_bel', pg_temp.err(format('SELECT bv_wko_bel(%s)', expr))),
         ('bv_pluim', pg_temp.err(format('SELECT bv_pluim(%s)', expr))),
         ('bv_wko_interference', pg_temp.err(format('SELECT bv_wko_interference(%s) OVER ()', expr))),
         ('bv_pluim_approach', pg_temp.err(format('SELECT bv_pluim_approach(%s) OVER ()', expr)))
$$;

-- 1. Bad numbers in coordinates: one error (22003, with hint) everywhere.
-- Before: a NaN inside a MULTIPOINT was dropped by bv_pluim_approach, and
-- bv_wko_bel / bv_pluim of NaN, Infinity or 1e300 gave POLYGON EMPTY.
CREATE TEMP TABLE bad(id int, label text, expr text);
INSERT INTO bad VALUES
  (1, 'NaN x', $$ST_MakePoint('NaN', 0)$$),
  (2, 'Infinity y', $$ST_MakePoint(0, 'Infinity')$$),
  (3, '-Infinity x', $$ST_MakePoint('-Infinity', 0)$$),
  (4, '1e300', $$ST_MakePoint(1e300, 0)$$),
  (5, 'NaN in MULTIPOINT', $$ST_Collect(ST_MakePoint(0, 0), ST_MakePoint('NaN', 5))$$),
  (6, 'Infinity in MULTIPOINT', $$ST_Collect(ST_MakePoint(0, 0), ST_MakePoint(5, 'Infinity'))$$),
  (7, 'just beyond +1e9', $$ST_MakePoint(1000000000.001, 0)$$),
  (8, 'just beyond -1e9', $$ST_MakePoint(0, -1000000000.001)$$),
  (9, 'NaN z', $$ST_MakePoint(0, 0, 'NaN')$$),
  (10, 'at the bound 1e9', $$ST_MakePoint(1e9, -1e9)$$),
  (11, 'POINT EMPTY', $$'POINT EMPTY'::geometry$$),
  (12, 'empty point in MULTIPOINT', $$ST_Collect('POINT EMPTY'::geometry, 'POINT(1 1)'::geometry)$$);
SELECT b.id, b.label, e.fn, e.result
  FROM bad b, pg_temp.every(b.expr) e
 ORDER BY b.id, e.fn;

-- Polygons and lines (bv_invoer and the plume contours).
SELECT pg_temp.err($$SELECT bv_pluim_approach(ST_MakePolygon(ST_MakeLine(ARRAY[
          ST_MakePoint(0, 0), ST_MakePoint(10, 0), ST_MakePoint('NaN', 10), ST_MakePoint(0, 0)]))) OVER ()$$) AS nan_vertex;
SELECT pg_temp.err($$SELECT bv_pluim_approach(ST_MakePolygon(ST_MakeLine(ARRAY[
          ST_MakePoint(0, 0), ST_MakePoint(2e9, 0), ST_MakePoint(0, 10), ST_MakePoint(0, 0)]))) OVER ()$$) AS far_vertex;
SELECT pg_temp.err($$SELECT bv_invoer(ST_MakeLine(ST_MakePoint(0, 0), ST_MakePoint('Infinity', 1)))$$) AS infinite_line;
SELECT pg_temp.err($$SELECT bv_invoer(ST_Collect(ST_MakeLine(ST_MakePoint(0, 0), ST_MakePoint(1, 1)), ST_MakePoint('NaN', 1)))$$) AS nan_in_collection;
-- The SQL functions read through bv_invoer and refuse the same.
SELECT pg_temp.err($$SELECT bv_geothermie_woningen('SRID=28992;POLYGON((0 0,1e200 0,1e200 1e200,0 0))')$$) AS sql_function;

\set VERBOSITY default
SELECT bv_wko_bel(ST_MakePoint('NaN', 0));
SELECT bv_pluim_approach(ST_Collect(ST_MakePoint(0, 0), ST_MakePoint('Infinity', 0))) OVER ();
SELECT bv_pluim(ST_MakePoint(1e300, 0));
\set VERBOSITY terse

-- 2. Bounds of lengths: at most 1e6 m; at the bounds everything is finite.
SELECT pg_temp.err($$SELECT bv_wko_bel('POINT(0 0)', 1e308)$$) AS bel_1e308,
       pg_temp.err($$SELECT bv_wko_bel('POINT(0 0)', 1000000.001)$$) AS bel_above,
       pg_temp.err($$SELECT bv_wko_bel('POINT(0 0)', 1e6)$$) AS bel_at;
SELECT pg_temp.err($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 1e308) OVER ()$$) AS interference_1e308,
       pg_temp.err($$SELECT bv_pluim_approach('POINT(0 0)'::geometry, 1000000.001) OVER ()$$) AS nabij_above,
       pg_temp.err($$SELECT bv_pluim_approach('POINT(0 0)'::geometry, 1e6) OVER ()$$) AS nabij_at;
SELECT pg_temp.err($$SELECT bv_pluim('POINT(0 0)', 1e6, 1, 1.000001)$$) AS pluim_above,
       pg_temp.err($$SELECT bv_pluim('POINT(0 0)', 1e6, 1, 1)$$) AS pluim_at,
       pg_temp.err($$SELECT bv_pluim('POINT(0 0)', 1e300, 1e300, 1)$$) AS pluim_overflow;
-- Largest radius at the largest coordinates: finite areas, as PostGIS.
CREATE TEMP TABLE far AS
SELECT * FROM (VALUES (1, ST_MakePoint(1e9, 1e9)), (2, ST_MakePoint(999500000, 1e9))) t(id, g);
SELECT f.id, (o).overlap_m2 > 0 AND (o).overlap_m2 < 'Infinity' AS finite,
       abs((o).overlap_m2 - ST_Area(ST_Intersection(ST_Buffer(f.g, 1e6), ST_Buffer(x.g, 1e6))))
         <= 1e-6 * (o).overlap_m2 AS as_postgis
  FROM (SELECT id, g, bv_wko_interference(g, 1e6) OVER (ORDER BY id) AS o FROM far) f
  JOIN far x ON x.id <> f.id
 ORDER BY f.id;
SELECT (a).cluster_m2 > 0 AND (a).cluster_m2 < 'Infinity' AS approach_finite
  FROM (SELECT bv_pluim_approach(g, 1e6) OVER () AS a FROM far) s LIMIT 1;
SELECT abs(ST_Area(bv_wko_bel(ST_MakePoint(-1e9, 1e9), 1e6))
           - ST_Area(ST_Buffer(ST_MakePoint(-1e9, 1e9), 1e6))) < 1 AS bel_at_bounds_as_postgis;

-- 3. Limits on the number of points, refused before any GEOS work (54000).
CREATE TEMP TABLE many AS
SELECT n, ST_Collect(ST_MakePoint(i * 10, 0)) AS g
  FROM (VALUES (10000), (10001)) v(n), generate_series(1, n) i GROUP BY n;
SELECT n, pg_temp.err(format('SELECT bv_wko_bel(g, 0) FROM many WHERE n = %s', n)) AS bel,
       pg_temp.err(format('SELECT bv_wko_interference(g, 0) OVER () FROM many WHERE n = %s', n)) AS interference,
       pg_temp.err(format('SELECT bv_pluim(g, 0) FROM many WHERE n = %s', n)) AS pluim,
       pg_temp.err(format('SELECT bv_pluim_approach(g, 0) OVER () FROM many WHERE n = %s', n)) AS approach
  FROM many ORDER BY n;
SELECT pg_temp.err($$SELECT bv_pluim_approach(ST_Buffer('POINT(0 0)'::geometry, 100, 24999)) OVER ()$$) AS contour_99997,
       pg_temp.err($$SELECT bv_pluim_approach(ST_Buffer('POINT(0 0)'::geometry, 100, 25000)) OVER ()$$) AS contour_100001;
\set VERBOSITY default
SELECT bv_wko_bel(g) FROM many WHERE n = 10001;
SELECT bv_pluim_approach(ST_Buffer('POINT(0 0)'::geometry, 100, 25000)) OVER ();
\set VERBOSITY terse

-- 4. Cancellation: a bubble of 10,000 wells with a 2 km radius takes
-- minutes inside GEOS's buffer; statement_timeout stops it within about a
-- second (asserted generously).  (This also held before: PostgreSQL's
-- statement timeout raises SIGINT, whose PostGIS handler interrupts GEOS.
-- pg_terminate_backend did not stop it: test/check-cancel.sh.)
SELECT setseed(0.3);
CREATE TEMP TABLE heavy AS
SELECT ST_Collect(ST_MakePoint(random() * 20000, random() * 20000)) AS g FROM generate_series(1, 10000);
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
SET statement_timeout = '1s';
SELECT ST_NPoints(bv_wko_bel(g, 2000)) FROM heavy;
RESET statement_timeout;
SELECT clock_timestamp() - t < interval '5 s' AS bel_cancelled_promptly FROM t0;
UPDATE t0 SET t = clock_timestamp();
SET statement_timeout = '1s';
SELECT ST_NPoints(bv_pluim(g, 10, 200, 1)) FROM heavy;
RESET statement_timeout;
SELECT clock_timestamp() - t < interval '5 s' AS pluim_cancelled_promptly FROM t0;
-- the backend works normally afterwards
SELECT round(ST_Area(bv_wko_bel('POINT(0 0)', 250))) AS m2;

-- 5. bv_wko_interference with systems of many wells: nearest wells through
-- an index, not every pair.  16 systems of 10,000 wells on one line, 10 m
-- apart, whose grown envelopes all overlap (radius 0, so no two of them are
-- neighbours), and system 20 of 4 wells with radius 2 whose wells are 1.58
-- m from wells of system 0.  Before: 1.2e10 distance computations, far
-- beyond the statement_timeout; now about 1.2 million index look-ups.
CREATE TEMP TABLE wide AS
SELECT k AS id, 0.0::float8 AS r, ST_Collect(ST_MakePoint(i * 1000 + k * 10, 0)) AS g
  FROM generate_series(0, 15) k, generate_series(0, 9999) i GROUP BY k
UNION ALL
SELECT 20, 2, ST_Collect(ST_MakePoint(i * 1000 + 1.5, 0.5)) FROM generate_series(0, 9999, 3333) i;
SET statement_timeout = '15s';
CREATE TEMP TABLE wide_got AS SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM wide;
RESET statement_timeout;
SELECT count(*) AS systems, count(*) FILTER (WHERE n_buren = 0 AND n_groep = 1) AS alone FROM wide_got;
SELECT w.id, w.n_groep, w.n_buren, w.overlap_m2,
       (SELECT count(*) FROM wide o WHERE o.id <> w.id AND ST_Distance(o.g, s.g) < o.r + s.r) AS postgis_n_buren
  FROM wide_got w JOIN wide s USING (id)
 WHERE w.n_buren > 0 ORDER BY w.id;

-- Cross-check of the indexed path against ST_Distance: 400 systems of 10
-- to 60 wells (so most pairs have more than 256 well pairs), radii varying.
SELECT setseed(0.61);
CREATE TEMP TABLE centre AS
SELECT s AS id, 20 + random() * 200 AS r, random() * 20000 AS cx, random() * 20000 AS cy
  FROM generate_series(1, 400) s;
CREATE TEMP TABLE msys AS
SELECT c.id, c.r, ST_Collect(ST_MakePoint(c.cx + (random() - 0.5) * 800, c.cy + (random() - 0.5) * 800)) AS g
  FROM centre c, generate_series(1, 60) k WHERE k <= 10 + (c.id * 7) % 51 GROUP BY c.id, c.r;
CREATE TEMP TABLE medge AS
SELECT a.id AS a, b.id AS b FROM msys a JOIN msys b ON a.id <> b.id AND ST_Distance(a.g, b.g) < a.r + b.r;
SELECT count(*) AS systems,
       count(*) FILTER (WHERE got.n_buren > 0) AS with_neighbours,
       count(*) FILTER (WHERE got.n_buren <> (SELECT count(*) FROM medge WHERE medge.a = got.id)) AS differ
  FROM (SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM msys) got;

-- 6. bv_invoer accepts exactly what the analyses accept, and returns what
-- they see: Z kept, M dropped (the analyses are 2D).
CREATE TEMP TABLE kinds(id int, label text, expr text);
INSERT INTO kinds VALUES
  (1, 'POINT', $$'SRID=28992;POINT(1 2)'::geometry$$),
  (2, 'POINT Z', $$'SRID=28992;POINT Z (1 2 3)'::geometry$$),
  (3, 'POINT M', $$'SRID=28992;POINT M (1 2 3)'::geometry$$),
  (4, 'POINT ZM', $$'SRID=28992;POINT ZM (1 2 3 4)'::geometry$$),
  (5, 'MULTIPOINT M', $$'MULTIPOINT M ((0 0 1), (300 0 2))'::geometry$$),
  (6, 'POLYGON ZM', $$'POLYGON ZM ((0 0 1 1, 10 0 1 1, 10 10 1 1, 0 0 1 1))'::geometry$$),
  (7, 'POINT EMPTY', $$'POINT EMPTY'::geometry$$),
  (8, 'POLYGON EMPTY', $$'POLYGON EMPTY'::geometry$$),
  (9, 'NaN', $$ST_MakePoint('NaN', 1)$$),
  (10, 'NaN M', $$ST_MakePointM(1, 2, 'NaN')$$),
  (11, '1e300', $$ST_MakePoint(1, 1e300)$$),
  (12, 'CURVEPOLYGON', $$'CURVEPOLYGON(CIRCULARSTRING(0 0, 4 0, 4 4, 0 4, 0 0))'::geometry$$),
  (13, 'curve in collection', $$'GEOMETRYCOLLECTION(POINT(0 0), CIRCULARSTRING(0 0, 1 1, 2 0))'::geometry$$),
  (14, 'SRID 4326', $$'SRID=4326;POINT(6.5 53)'::geometry$$),
  (15, 'SRID 2263 (feet)', $$'SRID=2263;POINT(1000 1000)'::geometry$$),
  (16, 'TIN', $$'TIN(((0 0 0, 0 1 0, 1 1 0, 0 0 0)))'::geometry$$);
-- SQLSTATE of bv_invoer and of bv_pluim_approach (which takes points and
-- polygons); 22023 of the analysis only for a type it does not take.
SELECT id, label,
       left(pg_temp.err(format('SELECT bv_invoer(%s)', expr)), 5) AS invoer,
       left(pg_temp.err(format('SELECT bv_pluim_approach(%s) OVER ()', expr)), 5) AS approach,
       left(pg_temp.err(format('SELECT bv_wko_bel(%s)', expr)), 5) AS bel
  FROM kinds ORDER BY id;
SELECT id, label,
       left(pg_temp.err(format('SELECT bv_invoer(%s)', expr)), 2) =
       left(pg_temp.err(format('SELECT bv_pluim_approach(%s) OVER ()', expr)), 2) AS same_verdict
  FROM kinds WHERE id <> 13 ORDER BY id;
-- what the analyses see
SELECT ST_AsEWKT(bv_invoer('SRID=28992;POINT M (1 2 3)')) AS m,
       ST_AsEWKT(bv_invoer('SRID=28992;POINT ZM (1 2 3 4)')) AS zm,
       ST_AsEWKT(bv_invoer('MULTIPOINT M ((0 0 1), (300 0 2))')) AS multi_m;
SELECT ST_Equals(bv_wko_bel(g), bv_wko_bel(bv_invoer(g))) AS bel_same,
       (bv_pluim_approach(g) OVER ()) = (bv_pluim_approach(bv_invoer(g)) OVER ()) AS approach_same
  FROM (VALUES ('MULTIPOINT ZM ((0 0 1 1), (300 0 2 2))'::geometry)) t(g);
