-- WKO interference (doc/beleid.md 5 and 11): bv_wko_bel and bv_wko_interference.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- 1. The bubble is ST_Buffer(putten, r) with 8 segments per quarter circle.
SELECT g, r, ST_Equals(bv_wko_bel(g, r), ST_Buffer(g, r)) AS equals_buffer,
       ST_AsEWKT(bv_wko_bel(g, r)) = ST_AsEWKT(ST_Buffer(g, r)) AS same_text,
       ST_SRID(bv_wko_bel(g, r)) AS srid
  FROM (VALUES ('SRID=28992;POINT(233000 557000)'::geometry, 250::float8),
               ('SRID=28992;MULTIPOINT((233000 557000), (233100 557000))', 250),
               ('SRID=28992;MULTIPOINT((233000 557000), (233000 557000))', 250),
               ('POINT(0 0)', 1),
               ('POINT(0 0)', 0),
               ('SRID=28992;POINT Z (1 2 3)', 10),
               ('SRID=28992;POINT M (1 2 3)', 10),
               ('SRID=28992;POINT EMPTY', 10)) t(g, r);
SELECT ST_Area(bv_wko_bel('POINT(0 0)')) AS default_250_m2,
       ST_NPoints(bv_wko_bel('POINT(0 0)')) AS npoints;
SELECT bv_wko_bel(NULL) IS NULL AS strict_null, bv_wko_bel('POINT(0 0)', NULL) IS NULL AS strict_null_r;

\set VERBOSITY default
SELECT bv_wko_bel('POINT(0 0)', -1);
SELECT bv_wko_bel('POINT(0 0)', 'NaN');
SELECT bv_wko_bel('POINT(0 0)', 'Infinity');
SELECT bv_wko_bel('LINESTRING(0 0, 1 1)');
SELECT bv_wko_bel('POLYGON((0 0, 1 0, 1 1, 0 0))');
SELECT bv_wko_bel('SRID=4326;POINT(6.56 52.99)');
SELECT bv_wko_bel('CIRCULARSTRING(0 0, 1 1, 2 0)');
\set VERBOSITY terse

-- 2. Hand-made cases.  Bubbles of 250 m overlap when the wells are less than
-- 500 m apart; exactly 500 m (touching) is not interference.
CREATE TEMP TABLE hand(id int, g geometry, r float8);
INSERT INTO hand VALUES
  (1, 'POINT(0 0)', 250),
  (2, 'POINT(300 0)', 250),          -- overlaps 1
  (3, 'POINT(800 0)', 250),          -- 500 m from 2: touching, no neighbour
  (4, NULL, 250),                    -- no geometry: NULL, no part
  (5, 'POINT(300 10)', NULL),        -- no radius: NULL, no part
  (6, 'POINT EMPTY', 250),           -- empty: NULL, no part
  (7, 'MULTIPOINT((2000 0), (2000 400))', 100),  -- open system, two wells
  (8, 'POINT(2000 650)', 200),       -- 250 m from the second well of 7: 250 < 100 + 200
  (9, 'POINT(0 0)', 250),            -- same as 1: overlap is its whole bubble
  (10, 'POINT(5000 0)', 0),          -- zero radius, alone
  (11, 'POINT(5000 100)', 150);      -- its bubble holds the well of 10: neighbours
SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).*
  FROM hand ORDER BY id;
-- the same in another row order: ids follow the window's row order
SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id DESC)).groep
  FROM hand ORDER BY id;
-- overlap against plain PostGIS on the hand cases
SELECT h.id, round(w.overlap_m2::numeric, 6) AS ours,
       round(coalesce((SELECT ST_Area(ST_Intersection(ST_Buffer(h.g, h.r), ST_Union(ST_Buffer(o.g, o.r))))
                         FROM hand o
                        WHERE o.id <> h.id AND o.r IS NOT NULL AND NOT ST_IsEmpty(o.g)
                          AND ST_Distance(h.g, o.g) < h.r + o.r), 0)::numeric, 6) AS postgis
  FROM hand h
  JOIN (SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM hand) w USING (id)
 WHERE w.groep IS NOT NULL
 ORDER BY h.id;
-- the default radius is 250 m
SELECT id, (bv_wko_interference(g) OVER (ORDER BY id)).n_buren FROM hand WHERE id <= 3 ORDER BY id;

-- A closed system with a field of 600 boreholes next to two others: many
-- circles on the own side go through the grid of circle_area.c as well.
CREATE TEMP TABLE veld AS
SELECT 1 AS id, ST_Collect(ST_MakePoint(10000 + (i % 30) * 7, (i / 30) * 7)) AS g, 20::float8 AS r
  FROM generate_series(0, 599) i
UNION ALL SELECT 2, ST_MakePoint(10250, 70), 100
UNION ALL SELECT 3, ST_MakePoint(9950, 0), 50;
SELECT v.id, w.n_buren, round(w.overlap_m2) AS overlap_m2,
       abs(w.overlap_m2 - coalesce((SELECT ST_Area(ST_Intersection(ST_Buffer(v.g, v.r), ST_Union(ST_Buffer(o.g, o.r))))
                                      FROM veld o WHERE o.id <> v.id AND ST_Distance(v.g, o.g) < v.r + o.r), 0))
         <= 1e-6 * greatest(w.overlap_m2, 1) AS same_as_postgis
  FROM veld v JOIN (SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM veld) w USING (id)
 ORDER BY v.id;

-- Wells listed twice count once.
SELECT id, n_buren, round(overlap_m2::numeric, 6) AS overlap_m2,
       round(ST_Area(ST_Intersection(ST_Buffer('MULTIPOINT((0 0), (0 0), (300 0), (0 0))'::geometry, 250),
                                     ST_Buffer('POINT(100 0)'::geometry, 250)))::numeric, 6) AS postgis
  FROM (SELECT id, (bv_wko_interference(g) OVER (ORDER BY id)).*
          FROM (VALUES (1, 'MULTIPOINT((0 0), (0 0), (300 0), (0 0))'::geometry), (2, 'POINT(100 0)')) t(id, g)) s
 ORDER BY id;

-- 3. Partitions: one row, only NULLs, and PARTITION BY as separate analyses.
SELECT (bv_wko_interference('POINT(0 0)'::geometry) OVER ()).*;
SELECT (bv_wko_interference(g) OVER ()) IS NULL AS is_null
  FROM (VALUES (NULL::geometry), (NULL), ('POINT EMPTY')) t(g);
SELECT id, part, (bv_wko_interference(g) OVER (PARTITION BY part ORDER BY id)).*
  FROM (VALUES (1, 'a', 'POINT(0 0)'::geometry), (2, 'b', 'POINT(100 0)'),
               (3, 'a', 'POINT(200 0)'), (4, 'b', 'POINT(5000 0)'),
               (5, 'b', 'POINT(5100 0)')) t(id, part, g)
 ORDER BY id;

-- 4. Bad input in a window: errors with a hint, never a silent answer.
\set VERBOSITY default
SELECT bv_wko_interference(g, -5) OVER () FROM (VALUES ('POINT(0 0)'::geometry)) t(g);
SELECT bv_wko_interference(g, 'NaN') OVER () FROM (VALUES ('POINT(0 0)'::geometry)) t(g);
SELECT bv_wko_interference(g, '-Infinity') OVER () FROM (VALUES ('POINT(0 0)'::geometry)) t(g);
SELECT bv_wko_interference(g) OVER () FROM (VALUES ('SRID=28992;POINT(0 0)'::geometry), ('SRID=32631;POINT(0 0)')) t(g);
SELECT bv_wko_interference(g) OVER () FROM (VALUES ('SRID=4326;POINT(6.5 53)'::geometry)) t(g);
SELECT bv_wko_interference(g) OVER () FROM (VALUES ('POLYGON((0 0, 10 0, 10 10, 0 0))'::geometry)) t(g);
SELECT bv_wko_interference(g) OVER () FROM (VALUES ('LINESTRING(0 0, 10 0)'::geometry)) t(g);
SELECT bv_wko_interference(g) OVER () FROM (VALUES ('GEOMETRYCOLLECTION(POINT(0 0))'::geometry)) t(g);
SELECT bv_wko_interference(g) OVER () FROM (VALUES ('CIRCULARSTRING(0 0, 1 1, 2 0)'::geometry)) t(g);
SELECT bv_wko_interference(ST_MakePoint('NaN', 0)) OVER ();
\set VERBOSITY terse

-- 3D and M: the analysis is 2D; Z and M are ignored.
SELECT id, bv_wko_interference(g) OVER (ORDER BY id) = bv_wko_interference(ST_Force2D(g)) OVER (ORDER BY id) AS same_as_2d
  FROM (VALUES (1, 'POINT Z (0 0 10)'::geometry), (2, 'POINT Z (300 0 -80)'),
               (3, 'POINT M (100 100 7)'), (4, 'MULTIPOINT ZM ((200 200 1 2), (900 0 3 4))')) t(id, g)
 ORDER BY id;

-- 5. Cross-check against plain PostGIS on generated data: 3000 systems,
-- clustered (dense town centres) and sparse, points and multipoints, radii
-- varying per system; every field must agree, areas within relative 1e-6.
SELECT setseed(0.1234);
CREATE TEMP TABLE sys AS
SELECT i AS id, layout, r,
       CASE WHEN random() < 0.25
            THEN ST_Collect(ST_MakePoint(x, y), ST_MakePoint(x + (random() - 0.5) * 300, y + (random() - 0.5) * 300))
            ELSE ST_MakePoint(x, y) END AS g
  FROM (SELECT i, layout,
               CASE layout WHEN 'clustered' THEN 20000 + (i % 7) * 3000 + (random() - 0.5) * 2500
                           ELSE random() * 80000 END AS x,
               CASE layout WHEN 'clustered' THEN (i % 5) * 3000 + (random() - 0.5) * 2500
                           ELSE 50000 + random() * 80000 END AS y,
               CASE WHEN random() < 0.5 THEN 250 ELSE 50 + random() * 350 END AS r
          FROM (SELECT i, CASE WHEN i % 2 = 0 THEN 'clustered' ELSE 'sparse' END AS layout
                  FROM generate_series(1, 3000) i) s) s;
-- a few exact duplicates (identical bubbles), a zero radius and touching pairs
INSERT INTO sys SELECT 3000 + id, layout, r, g FROM sys WHERE id % 500 = 0;
INSERT INTO sys VALUES (4001, 'sparse', 0, 'POINT(-5000 0)'), (4002, 'sparse', 100, 'POINT(-5000 50)'),
                       (4003, 'sparse', 250, 'POINT(-9000 0)'), (4004, 'sparse', 250, 'POINT(-8500 0)');
CREATE INDEX ON sys USING gist (g);

CREATE TEMP TABLE edge AS
SELECT a.id AS a, b.id AS b
  FROM sys a JOIN sys b ON a.id <> b.id AND ST_DWithin(a.g, b.g, a.r + b.r)
                       AND ST_Distance(a.g, b.g) < a.r + b.r;
-- connected components by label propagation (label = smallest id)
CREATE TEMP TABLE label AS SELECT id, id AS l FROM sys;
DO $$
BEGIN
  LOOP
    UPDATE label SET l = m.l
      FROM (SELECT e.a AS id, min(lb.l) AS l FROM edge e JOIN label lb ON lb.id = e.b GROUP BY e.a) m
     WHERE label.id = m.id AND m.l < label.l;
    EXIT WHEN NOT FOUND;
  END LOOP;
END $$;
CREATE TEMP TABLE expected AS
SELECT s.id,
       (dense_rank() OVER (ORDER BY lb.l) - 1)::int AS groep,
       (count(*) OVER (PARTITION BY lb.l))::int AS n_groep,
       (SELECT count(*) FROM edge e WHERE e.a = s.id)::int AS n_buren,
       coalesce((SELECT ST_Area(ST_Intersection(ST_Buffer(s.g, s.r), ST_Union(ST_Buffer(o.g, o.r))))
                   FROM edge e JOIN sys o ON o.id = e.b WHERE e.a = s.id), 0) AS overlap_m2
  FROM sys s JOIN label lb USING (id);
CREATE TEMP TABLE got AS
SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM sys;

SELECT count(*) AS systems,
       count(*) FILTER (WHERE e.n_buren > 0) AS with_neighbours,
       count(*) FILTER (WHERE e.n_buren > 1) AS with_several,
       count(DISTINCT e.groep) AS groups,
       max(e.n_groep) AS largest_group
  FROM expected e;
SELECT e.*, g.groep AS got_groep, g.n_groep AS got_n_groep, g.n_buren AS got_n_buren,
       g.overlap_m2 AS got_overlap_m2
  FROM expected e JOIN got g USING (id)
 WHERE e.groep <> g.groep OR e.n_groep <> g.n_groep OR e.n_buren <> g.n_buren
    OR abs(e.overlap_m2 - g.overlap_m2) > 1e-6 * greatest(e.overlap_m2, g.overlap_m2, 1);

-- With one radius for all, the groups are ST_ClusterDBSCAN(eps 2r, minpoints 1),
-- except that DBSCAN also joins touching bubbles (distance = eps): the
-- touching pair 4003/4004 is one cluster there and two groups here.
SELECT count(DISTINCT groep) AS groups, count(DISTINCT dbscan) AS dbscan_clusters,
       count(DISTINCT (groep, dbscan)) AS pairs
  FROM (SELECT (bv_wko_interference(g) OVER (ORDER BY id)).groep,
               ST_ClusterDBSCAN(g, 500, 1) OVER (ORDER BY id) AS dbscan
          FROM sys) t;
SELECT count(DISTINCT groep) = count(DISTINCT dbscan) AND
       count(DISTINCT (groep, dbscan)) = count(DISTINCT groep) AS same_groups_as_dbscan
  FROM (SELECT (bv_wko_interference(g) OVER (ORDER BY id)).groep,
               ST_ClusterDBSCAN(g, 500, 1) OVER (ORDER BY id) AS dbscan
          FROM sys WHERE id NOT IN (4003, 4004)) t;

-- PARTITION BY layout equals running each layout on its own.
SELECT count(*) AS rows_differ
  FROM (SELECT id, (bv_wko_interference(g, r) OVER (PARTITION BY layout ORDER BY id)).* FROM sys) p
  JOIN (SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM sys WHERE layout = 'clustered'
        UNION ALL
        SELECT id, (bv_wko_interference(g, r) OVER (ORDER BY id)).* FROM sys WHERE layout = 'sparse') s
 USING (id)
 WHERE (p.groep, p.n_groep, p.n_buren) IS DISTINCT FROM (s.groep, s.n_groep, s.n_buren)
    OR abs(p.overlap_m2 - s.overlap_m2) > 1e-9 * greatest(p.overlap_m2, 1);
