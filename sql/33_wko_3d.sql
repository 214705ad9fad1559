-- WKO interference in 3D (issue 9, section 3): bv_wko_interference with
-- screen depths (m-mv) and a vertical margin.  Neighbours overlap in plan
-- AND in depth: the vertical gap between the closed screen intervals is at
-- most marge_verticaal_m (touching screens interfere).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- SQLSTATE, message, and the hint of an error; 'ok' without error.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; hint text;
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
  RETURN st || ' ' || msg || CASE WHEN hint <> '' THEN ' | hint: ' || hint ELSE ' (NO HINT)' END;
END $$;

-- 1. Boundaries.  Every case is one partition of two or three systems
-- whose bubbles (250 m) overlap in plan; only the depths decide.
CREATE TEMP TABLE pair(geval text, id int, g geometry, van float8, tot float8, marge float8);
INSERT INTO pair VALUES
  ('a touching screens',         1, 'POINT(0 0)', 0, 20, 0),      ('a touching screens',         2, 'POINT(300 0)', 20, 40, 0),
  ('b gap 0.01 m',               1, 'POINT(0 0)', 0, 20, 0),      ('b gap 0.01 m',               2, 'POINT(300 0)', 20.01, 40, 0),
  ('c gap 5, margin 5',          1, 'POINT(0 0)', 0, 20, 5),      ('c gap 5, margin 5',          2, 'POINT(300 0)', 25, 40, 5),
  ('d gap 5, margin 4.99',       1, 'POINT(0 0)', 0, 20, 4.99),   ('d gap 5, margin 4.99',       2, 'POINT(300 0)', 25, 40, 4.99),
  ('e gap 5.01, margin 5',       1, 'POINT(0 0)', 0, 20, 5),      ('e gap 5.01, margin 5',       2, 'POINT(300 0)', 25.01, 40, 5),
  ('f one screen inside other',  1, 'POINT(0 0)', 0, 200, 0),     ('f one screen inside other',  2, 'POINT(300 0)', 50, 60, 0),
  ('g NULL = whole column',      1, 'POINT(0 0)', 75, 110, 0),    ('g NULL = whole column',      2, 'POINT(300 0)', NULL, NULL, 0),
  ('h closed 0-20, open 75-110', 1, 'POINT(0 0)', 0, 20, 0),      ('h closed 0-20, open 75-110', 2, 'POINT(300 0)', 75, 110, 0),
  ('i top NULL = from 0, meets', 1, 'POINT(0 0)', NULL, 20, 0),   ('i top NULL = from 0, meets', 2, 'POINT(300 0)', 20, 30, 0),
  ('j top NULL = from 0, apart', 1, 'POINT(0 0)', NULL, 20, 0),   ('j top NULL = from 0, apart', 2, 'POINT(300 0)', 20.01, 30, 0),
  ('k bottom NULL, meets',       1, 'POINT(0 0)', 300, NULL, 0),  ('k bottom NULL, meets',       2, 'POINT(300 0)', 500, 4000, 0),
  ('l bottom NULL, apart',       1, 'POINT(0 0)', 300, NULL, 0),  ('l bottom NULL, apart',       2, 'POINT(300 0)', 0, 299.99, 0),
  ('m zero-length screens',      1, 'POINT(0 0)', 30, 30, 0),     ('m zero-length screens',      2, 'POINT(300 0)', 30, 30, 0),
  ('n apart in plan, same depth',1, 'POINT(0 0)', 0, 20, 0),      ('n apart in plan, same depth',2, 'POINT(500 0)', 0, 20, 0),
  -- a chain in depth at one place: 1-2 and 2-3 meet, 1-3 do not
  ('o chain in depth',           1, 'POINT(0 0)', 0, 20, 0),      ('o chain in depth',           2, 'POINT(0 0)', 10, 50, 0),
  ('o chain in depth',           3, 'POINT(0 0)', 40, 80, 0);
SELECT geval, id, van, tot, marge, (r).groep, (r).n_groep, (r).n_buren, round((r).overlap_m2::numeric, 3) AS overlap_m2
  FROM (SELECT geval, id, van, tot, marge,
               bv_wko_interference(g, 250::float8, van, tot, marge) OVER (PARTITION BY geval ORDER BY id) AS r
          FROM pair) s
 ORDER BY geval, id;
-- the full bubble area, for comparison with the covered ones above
SELECT round(ST_Area(bv_wko_bel('POINT(0 0)'::geometry, 250::float8))::numeric, 3) AS bubble_m2;

-- 2. Bad input: class 22 with a hint.
SELECT q, pg_temp.err(q) AS result FROM (VALUES
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 'NaN', 20) OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 0, 'Infinity') OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, '-Infinity', 20) OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, -1, 20) OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 30, 20) OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 0, 20, -1) OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 0, 20, 'NaN') OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 0, 20, 2e6) OVER ()$$),
  ($$SELECT bv_wko_interference('POINT(0 0)'::geometry, 250, 0, 20, NULL) OVER ()$$),
  ($$SELECT bv_wko_interference(g, 250, 0, 20, m) OVER () FROM (VALUES ('POINT(0 0)'::geometry, 0::float8), ('POINT(1 0)', 1)) t(g, m)$$),
  -- a row that takes no part is still checked
  ($$SELECT bv_wko_interference(NULL::geometry, 250, 30, 20) OVER ()$$),
  -- different margins in different partitions are fine
  ($$SELECT bv_wko_interference(g, 250, 0, 20, m) OVER (PARTITION BY m) FROM (VALUES ('POINT(0 0)'::geometry, 0::float8), ('POINT(1 0)', 1)) t(g, m)$$)
  ) t(q);

-- 3. Cross-check against plain PostGIS: 2000 systems with random screens
-- (whole metres, so touching and exactly-bridged gaps occur; some open at
-- the top, the bottom or both), clustered and sparse, points and
-- multipoints, radii per system; with margin 0 and with margin 10.
SELECT setseed(0.4321);
CREATE TEMP TABLE sys AS
SELECT i AS id, layout, r, van, CASE WHEN van IS NULL OR random() >= 0.1 THEN van + len END AS tot,
       CASE WHEN random() < 0.25
            THEN ST_Collect(ST_MakePoint(x, y), ST_MakePoint(x + (random() - 0.5) * 300, y + (random() - 0.5) * 300))
            ELSE ST_MakePoint(x, y) END AS g
  FROM (SELECT i, layout,
               CASE layout WHEN 'clustered' THEN 20000 + (i % 7) * 3000 + (random() - 0.5) * 2500
                           ELSE random() * 60000 END AS x,
               CASE layout WHEN 'clustered' THEN (i % 5) * 3000 + (random() - 0.5) * 2500
                           ELSE 50000 + random() * 60000 END AS y,
               CASE WHEN random() < 0.5 THEN 250 ELSE 50 + random() * 350 END AS r,
               CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 40) * 5 END::float8 AS van,
               ((1 + floor(random() * 8)) * 5)::float8 AS len
          FROM (SELECT i, CASE WHEN i % 2 = 0 THEN 'clustered' ELSE 'sparse' END AS layout
                  FROM generate_series(1, 2000) i) s) s;
-- a top NULL with a bottom, and a few exact duplicates
UPDATE sys SET van = NULL WHERE id % 97 = 0;
INSERT INTO sys SELECT 3000 + id, layout, r, van, tot, g FROM sys WHERE id % 400 = 0;
CREATE INDEX ON sys USING gist (g);
SELECT count(*) AS systems, count(*) FILTER (WHERE van IS NULL AND tot IS NULL) AS whole_column,
       count(*) FILTER (WHERE van IS NULL AND tot IS NOT NULL) AS open_top,
       count(*) FILTER (WHERE van IS NOT NULL AND tot IS NULL) AS open_bottom
  FROM sys;

CREATE TEMP TABLE marge(m float8);
INSERT INTO marge VALUES (0), (10);
-- 2D neighbours (as in 30_wko), kept when the screens meet within the margin
CREATE TEMP TABLE edge AS
SELECT mg.m, a.id AS a, b.id AS b
  FROM sys a JOIN sys b ON a.id <> b.id AND ST_DWithin(a.g, b.g, a.r + b.r)
                       AND ST_Distance(a.g, b.g) < a.r + b.r
 CROSS JOIN marge mg
 WHERE coalesce(b.van, '-Infinity') <= coalesce(a.tot, 'Infinity') + mg.m
   AND coalesce(a.van, '-Infinity') <= coalesce(b.tot, 'Infinity') + mg.m;
CREATE TEMP TABLE label AS SELECT mg.m, s.id, s.id AS l FROM sys s CROSS JOIN marge mg;
DO $$
BEGIN
  LOOP
    UPDATE label SET l = x.l
      FROM (SELECT e.m, e.a AS id, min(lb.l) AS l
              FROM edge e JOIN label lb ON lb.m = e.m AND lb.id = e.b GROUP BY e.m, e.a) x
     WHERE label.m = x.m AND label.id = x.id AND x.l < label.l;
    EXIT WHEN NOT FOUND;
  END LOOP;
END $$;
CREATE TEMP TABLE expected AS
SELECT lb.m, s.id,
       (dense_rank() OVER (PARTITION BY lb.m ORDER BY lb.l) - 1)::int AS groep,
       (count(*) OVER (PARTITION BY lb.m, lb.l))::int AS n_groep,
       (SELECT count(*) FROM edge e WHERE e.m = lb.m AND e.a = s.id)::int AS n_buren,
       coalesce((SELECT ST_Area(ST_Intersection(ST_Buffer(s.g, s.r), ST_Union(ST_Buffer(o.g, o.r))))
                   FROM edge e JOIN sys o ON o.id = e.b WHERE e.m = lb.m AND e.a = s.id), 0) AS overlap_m2
  FROM sys s JOIN label lb USING (id);
CREATE TEMP TABLE got AS
SELECT mg.m, s.id, (bv_wko_interference(s.g, s.r, s.van, s.tot, mg.m) OVER (PARTITION BY mg.m ORDER BY s.id)).*
  FROM sys s CROSS JOIN marge mg;
CREATE TEMP TABLE got_2d AS
SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM sys;

-- the depths matter: fewer neighbours than in 2D, more with the margin
SELECT e.m, count(*) AS systems,
       sum(e.n_buren) / 2 AS pairs, (SELECT sum(n_buren) / 2 FROM got_2d) AS pairs_2d,
       count(*) FILTER (WHERE e.n_buren > 0) AS with_neighbours,
       count(DISTINCT e.groep) AS groups, max(e.n_groep) AS largest_group,
       (SELECT count(*) FROM edge x JOIN sys a ON a.id = x.a JOIN sys b ON b.id = x.b
         WHERE x.m = e.m AND (b.van = a.tot + e.m OR a.van = b.tot + e.m)) / 2 AS pairs_at_the_boundary
  FROM expected e GROUP BY e.m ORDER BY e.m;
SELECT e.*, g.groep AS got_groep, g.n_groep AS got_n_groep, g.n_buren AS got_n_buren,
       g.overlap_m2 AS got_overlap_m2
  FROM expected e JOIN got g USING (m, id)
 WHERE e.groep <> g.groep OR e.n_groep <> g.n_groep OR e.n_buren <> g.n_buren
    OR abs(e.overlap_m2 - g.overlap_m2) > 1e-6 * greatest(e.overlap_m2, g.overlap_m2, 1);

-- 4. Without the new arguments: the 2D analysis.  The defaults, explicit
-- NULL depths with any margin, and the 2-argument C entry that the frozen
-- install script of 0.1.0 declares, all give the same rows.
CREATE FUNCTION pg_temp.wko_010(putten geometry, straal_m double precision DEFAULT 250)
RETURNS bv_wko_interferentie AS '$libdir/bodemvisie', 'bv_wko_interference'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
SELECT count(*) AS systems,
       count(*) FILTER (WHERE a IS DISTINCT FROM b) AS differ_explicit_null,
       count(*) FILTER (WHERE a IS DISTINCT FROM c) AS differ_null_margin_50,
       count(*) FILTER (WHERE a IS DISTINCT FROM d) AS differ_010_entry,
       count(*) FILTER (WHERE a IS DISTINCT FROM e) AS differ_huge_margin
  FROM (SELECT id,
               bv_wko_interference(g, r) OVER w AS a,
               bv_wko_interference(g, r, NULL, NULL, 0) OVER w AS b,
               bv_wko_interference(g, r, NULL, NULL, 50) OVER w AS c,
               pg_temp.wko_010(g, r) OVER w AS d,
               bv_wko_interference(g, r, van, tot, 1e6) OVER w AS e
          FROM sys WINDOW w AS (ORDER BY id)) t;
