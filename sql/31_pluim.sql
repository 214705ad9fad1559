-- Groundwater plumes (doc/beleid.md 6 and 11): bv_pluim and bv_pluim_approach.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- 1. The standard circle: 10 m/yr x 30 yr x 0.5 = 150 m, as ST_Buffer builds it.
SELECT ST_AsEWKT(bv_pluim('SRID=28992;POINT(233000 557000)')) =
       ST_AsEWKT(ST_Buffer('SRID=28992;POINT(233000 557000)'::geometry, 150)) AS standard_is_buffer_150,
       ST_AsEWKT(bv_pluim('POINT(0 0)', 20, 10, 1)) =
       ST_AsEWKT(ST_Buffer('POINT(0 0)'::geometry, 200)) AS radius_is_product,
       ST_Equals(bv_pluim('MULTIPOINT((0 0), (100 0))'),
                 ST_Buffer('MULTIPOINT((0 0), (100 0))'::geometry, 150)) AS multipoint,
       ST_IsEmpty(bv_pluim('POINT(0 0)', 0)) AS zero_speed_is_empty,
       ST_IsEmpty(bv_pluim('POINT EMPTY')) AS empty_source;
SELECT round(ST_Area(bv_pluim('POINT(0 0)'))::numeric, 3) AS standard_m2;
SELECT bv_pluim(NULL) IS NULL AS strict_null;

\set VERBOSITY default
SELECT bv_pluim('POINT(0 0)', -10);
SELECT bv_pluim('POINT(0 0)', 10, 'NaN');
SELECT bv_pluim('POINT(0 0)', 10, 30, 'Infinity');
SELECT bv_pluim('POINT(0 0)', 1e300, 1e300, 1);
SELECT bv_pluim('POLYGON((0 0, 10 0, 10 10, 0 0))');
SELECT bv_pluim('SRID=4326;POINT(6.56 52.99)');
\set VERBOSITY terse

-- 2. Hand-made cases for decision tree 2.1 (max_cluster_m2 1 ha).
CREATE TEMP TABLE hand(id int, g geometry);
INSERT INTO hand VALUES
  (1, 'POINT(0 0)'),                                         -- alone: geval
  (2, 'POLYGON((1000 0, 1050 0, 1050 100, 1000 100, 1000 0))'),  -- 50 x 100 m
  (3, 'POLYGON((1050 0, 1100 0, 1100 100, 1050 100, 1050 0))'),  -- touches 2: union exactly 1 ha
  (4, 'POLYGON((2000 0, 2040 0, 2040 40, 2000 40, 2000 0))'),
  (5, 'POLYGON((2020 20, 2060 20, 2060 60, 2020 60, 2020 20))'), -- overlaps 4: 2800 m2 < 1 ha
  (6, NULL),                                                 -- NULL: no part
  (7, 'POLYGON EMPTY'),                                      -- empty: no part
  (8, 'POINT(290 0)'),                                       -- circles of 1 and 8 overlap
  (9, 'POLYGON((3000 0, 3010 0, 3010 10, 3000 10, 3000 0))'),
  (10, 'POLYGON((3030 0, 3040 0, 3040 10, 3030 10, 3030 0))');  -- 20 m from 9
SELECT id, (bv_pluim_approach(g) OVER (ORDER BY id)).* FROM hand ORDER BY id;
-- union exactly max_cluster_m2 is not below it; a bit more and it is
SELECT id, (bv_pluim_approach(g, 0, 10000.001) OVER (ORDER BY id)).aanpak
  FROM hand WHERE id IN (2, 3) ORDER BY id;
-- nabij_m: plumes within 20 m are neighbours (distance <= nabij_m)
SELECT id, (bv_pluim_approach(g, 20) OVER (ORDER BY id)).* FROM hand WHERE id IN (9, 10) ORDER BY id;
SELECT id, (bv_pluim_approach(g, 19.999) OVER (ORDER BY id)).* FROM hand WHERE id IN (9, 10) ORDER BY id;
-- ids follow the window's row order
SELECT id, (bv_pluim_approach(g) OVER (ORDER BY id DESC)).cluster FROM hand ORDER BY id;

-- 3. Partitions: one row, only NULLs, PARTITION BY.
SELECT (bv_pluim_approach('POINT(0 0)'::geometry) OVER ()).*;
SELECT (bv_pluim_approach(g) OVER ()) IS NULL AS is_null
  FROM (VALUES (NULL::geometry), (NULL), ('MULTIPOLYGON EMPTY')) t(g);
SELECT id, part, (bv_pluim_approach(g) OVER (PARTITION BY part ORDER BY id)).*
  FROM (VALUES (1, 'a', 'POINT(0 0)'::geometry), (2, 'b', 'POINT(100 0)'),
               (3, 'a', 'POINT(200 0)'), (4, 'b', 'POINT(5000 0)')) t(id, part, g)
 ORDER BY id;
-- separate analyses may use different parameters
SELECT id, (bv_pluim_approach(g, d) OVER (PARTITION BY d ORDER BY id)).n_pluimen
  FROM (VALUES (1, 0::float8, 'POINT(0 0)'::geometry), (2, 0, 'POINT(400 0)'),
               (3, 200, 'POINT(0 0)'), (4, 200, 'POINT(400 0)')) t(id, d, g)
 ORDER BY id;

-- 4. Bad input: errors with a hint.
\set VERBOSITY default
SELECT bv_pluim_approach(g, d) OVER () FROM (VALUES ('POINT(0 0)'::geometry, 0::float8), ('POINT(1 1)', 5)) t(g, d);
SELECT bv_pluim_approach(g, 0, m) OVER () FROM (VALUES ('POINT(0 0)'::geometry, 1::float8), ('POINT(1 1)', 2)) t(g, m);
SELECT bv_pluim_approach('POINT(0 0)'::geometry, NULL) OVER ();
SELECT bv_pluim_approach('POINT(0 0)'::geometry, 0, NULL) OVER ();
SELECT bv_pluim_approach('POINT(0 0)'::geometry, -1) OVER ();
SELECT bv_pluim_approach('POINT(0 0)'::geometry, 'NaN') OVER ();
SELECT bv_pluim_approach('POINT(0 0)'::geometry, 'Infinity') OVER ();
SELECT bv_pluim_approach('POINT(0 0)'::geometry, 0, -1) OVER ();
SELECT bv_pluim_approach('POINT(0 0)'::geometry, 0, 'Infinity') OVER ();
SELECT bv_pluim_approach('LINESTRING(0 0, 10 0)'::geometry) OVER ();
SELECT bv_pluim_approach('MULTILINESTRING((0 0, 10 0))'::geometry) OVER ();
SELECT bv_pluim_approach('GEOMETRYCOLLECTION(POINT(0 0))'::geometry) OVER ();
SELECT bv_pluim_approach('POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))'::geometry) OVER ();
SELECT bv_pluim_approach(g) OVER () FROM (VALUES ('SRID=28992;POINT(0 0)'::geometry), ('POINT(0 0)')) t(g);
SELECT bv_pluim_approach('SRID=4326;POINT(6.5 53)'::geometry) OVER ();
SELECT bv_pluim_approach('CURVEPOLYGON(CIRCULARSTRING(0 0, 4 0, 4 4, 0 4, 0 0))'::geometry) OVER ();
SELECT bv_pluim_approach(ST_MakePoint(0, 'Infinity')) OVER ();
\set VERBOSITY terse
-- a repaired polygon is accepted
SELECT (bv_pluim_approach(ST_MakeValid('POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))'::geometry)) OVER ()).*;
-- 3D and M: the analysis is 2D
SELECT id, bv_pluim_approach(g) OVER (ORDER BY id) = bv_pluim_approach(ST_Force2D(g)) OVER (ORDER BY id) AS same_as_2d
  FROM (VALUES (1, 'POINT Z (0 0 5)'::geometry), (2, 'POLYGON Z ((100 0 1, 200 0 2, 200 100 3, 100 0 1))'),
               (3, 'POINT M (1000 0 3)')) t(id, g)
 ORDER BY id;

-- 5. Cross-check against plain PostGIS (ST_ClusterDBSCAN + ST_Union) on
-- generated data: 3000 plumes, clustered and sparse, point sources,
-- multipoint sources, polygons with holes and multipolygons.
SELECT setseed(0.777);
CREATE TEMP TABLE plume AS
SELECT i AS id, layout,
       CASE WHEN k < 0.5 THEN ST_MakePoint(x, y)
            WHEN k < 0.6 THEN ST_Collect(ST_MakePoint(x, y), ST_MakePoint(x + 200, y + (random() - 0.5) * 300))
            WHEN k < 0.8 THEN ST_Buffer(ST_MakePoint(x, y), 10 + random() * 150, 1 + (random() * 4)::int)
            WHEN k < 0.9 THEN ST_Difference(ST_Buffer(ST_MakePoint(x, y), 120, 3), ST_Buffer(ST_MakePoint(x, y), 40, 2))
            ELSE ST_Multi(ST_Union(ST_Buffer(ST_MakePoint(x, y), 30, 2), ST_Buffer(ST_MakePoint(x + 150, y), 40, 2)))
       END AS g
  FROM (SELECT i, layout, random() AS k,
               CASE layout WHEN 'clustered' THEN (i % 6) * 5000 + (random() - 0.5) * 4000
                           ELSE random() * 100000 END AS x,
               CASE layout WHEN 'clustered' THEN (i % 4) * 5000 + (random() - 0.5) * 4000
                           ELSE 40000 + random() * 100000 END AS y
          FROM (SELECT i, CASE WHEN i % 2 = 0 THEN 'clustered' ELSE 'sparse' END AS layout
                  FROM generate_series(1, 3000) i) s) s;
INSERT INTO plume SELECT 3000 + id, layout, g FROM plume WHERE id % 400 = 0;   -- duplicates
-- small contours (5-30 m) close together: clusters under 1 ha
INSERT INTO plume
SELECT 10000 + i, 'clustered', ST_Buffer(ST_MakePoint(-3000 + random() * 1500, random() * 1500), 5 + random() * 25, 2)
  FROM generate_series(1, 300) i;
SELECT GeometryType(g) AS type, count(*) FROM plume GROUP BY 1 ORDER BY 1;
SELECT count(*) AS invalid FROM plume WHERE NOT ST_IsValid(g);

CREATE TEMP TABLE contour AS
SELECT id, layout, CASE WHEN GeometryType(g) IN ('POINT', 'MULTIPOINT') THEN ST_Buffer(g, 150) ELSE g END AS c
  FROM plume;

-- expected per nabij_m, by ST_ClusterDBSCAN(eps nabij_m, minpoints 1)
CREATE TEMP TABLE expected AS
WITH d AS (
    SELECT nabij, id, c, ST_ClusterDBSCAN(c, nabij, 1) OVER (PARTITION BY nabij ORDER BY id) AS k
      FROM contour, (VALUES (0::float8), (35)) n(nabij)
), a AS (
    SELECT nabij, k, min(id) AS first_id, count(*)::int AS n_pluimen, ST_Area(ST_Union(c)) AS cluster_m2
      FROM d GROUP BY nabij, k
)
SELECT d.nabij, d.id,
       (dense_rank() OVER (PARTITION BY d.nabij ORDER BY a.first_id) - 1)::int AS cluster,
       a.n_pluimen, a.cluster_m2,
       CASE WHEN a.n_pluimen = 1 THEN 'geval' WHEN a.cluster_m2 < 10000 THEN 'cluster'
            ELSE 'cluster_of_gebied' END AS aanpak
  FROM d JOIN a USING (nabij, k);
CREATE TEMP TABLE got AS
SELECT nabij, id, (bv_pluim_approach(g, nabij) OVER (PARTITION BY nabij ORDER BY id)).*
  FROM plume, (VALUES (0::float8), (35)) n(nabij);

SELECT nabij, count(*) AS plumes, count(DISTINCT cluster) AS clusters, max(n_pluimen) AS largest,
       count(*) FILTER (WHERE aanpak = 'geval') AS geval,
       count(*) FILTER (WHERE aanpak = 'cluster') AS cluster,
       count(*) FILTER (WHERE aanpak = 'cluster_of_gebied') AS cluster_of_gebied
  FROM expected GROUP BY nabij ORDER BY nabij;
SELECT e.*, g.cluster AS got_cluster, g.n_pluimen AS got_n, g.cluster_m2 AS got_m2, g.aanpak AS got_aanpak
  FROM expected e JOIN got g USING (nabij, id)
 WHERE e.cluster <> g.cluster OR e.n_pluimen <> g.n_pluimen OR e.aanpak <> g.aanpak
    OR abs(e.cluster_m2 - g.cluster_m2) > 1e-6 * greatest(e.cluster_m2, g.cluster_m2);
SELECT count(*) AS rows_compared FROM expected e JOIN got g USING (nabij, id);

-- A point plume is exactly ST_Buffer(point, 150): single point plumes have
-- that area bit for bit.
SELECT count(*) AS single_points,
       count(*) FILTER (WHERE g.cluster_m2 <> ST_Area(ST_Buffer(p.g, 150))) AS area_differs
  FROM got g JOIN plume p USING (id)
 WHERE g.nabij = 0 AND g.n_pluimen = 1 AND GeometryType(p.g) = 'POINT';

-- PARTITION BY layout equals running each layout on its own.
SELECT count(*) AS rows_differ
  FROM (SELECT id, (bv_pluim_approach(g) OVER (PARTITION BY layout ORDER BY id)).* FROM plume) p
  JOIN (SELECT id, (bv_pluim_approach(g) OVER (ORDER BY id)).* FROM plume WHERE layout = 'clustered'
        UNION ALL
        SELECT id, (bv_pluim_approach(g) OVER (ORDER BY id)).* FROM plume WHERE layout = 'sparse') s
 USING (id)
 WHERE (p.cluster, p.n_pluimen, p.aanpak) IS DISTINCT FROM (s.cluster, s.n_pluimen, s.aanpak)
    OR abs(p.cluster_m2 - s.cluster_m2) > 1e-9 * p.cluster_m2;
