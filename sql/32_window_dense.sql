-- Crowded neighbourhoods: where many bubbles or plume circles overlap, the
-- overlap and union areas go through the grid of circle_area.c instead of
-- the pairwise loops.  Cross-checked against plain PostGIS on generated
-- dense and clustered data (areas within relative 1e-6).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- 1. WKO systems: a dense block (250 systems in 1 km x 1 km) and clustered
-- data (600 systems, 90 % around 3 Gaussian centres), radii 50-400 m per
-- row, a quarter with two wells, and a few exact copies (coinciding edges,
-- most of them deep inside other bubbles).
SELECT setseed(0.77);
CREATE TEMP TABLE sys AS
SELECT i AS id, layout, 50 + random() * 350 AS r,
       CASE WHEN random() < 0.25
            THEN ST_Collect(ST_MakePoint(x, y), ST_MakePoint(x + (random() - 0.5) * 200, y + (random() - 0.5) * 200))
            ELSE ST_MakePoint(x, y) END AS g
  FROM (SELECT i, 'dense' AS layout, random() * 1000 AS x, random() * 1000 AS y
          FROM generate_series(1, 250) i
        UNION ALL
        SELECT i, 'clustered',
               CASE WHEN c < 3 THEN 20000 + c * 4000 + 300 * sqrt(-2 * ln(1 - u)) * cos(2 * pi() * v)
                    ELSE 15000 + random() * 20000 END,
               CASE WHEN c < 3 THEN 300 * sqrt(-2 * ln(1 - u)) * sin(2 * pi() * v)
                    ELSE -10000 + random() * 20000 END
          FROM (SELECT i, CASE WHEN random() < 0.9 THEN i % 3 ELSE 3 END AS c,
                       random() AS u, random() AS v
                  FROM generate_series(251, 850) i) s) s;
INSERT INTO sys SELECT 1000 + id, layout, r, g FROM sys WHERE id % 40 = 0;
CREATE INDEX ON sys USING gist (g);

CREATE TEMP TABLE got AS
SELECT id, (bv_wko_interference(g, r) OVER (PARTITION BY layout ORDER BY id)).* FROM sys;
CREATE TEMP TABLE expected AS
SELECT s.id,
       (SELECT count(*) FROM sys o
         WHERE o.layout = s.layout AND o.id <> s.id AND ST_DWithin(s.g, o.g, s.r + o.r)
           AND ST_Distance(s.g, o.g) < s.r + o.r)::int AS n_buren,
       coalesce((SELECT ST_Area(ST_Intersection(ST_Buffer(s.g, s.r), ST_Union(ST_Buffer(o.g, o.r))))
                   FROM sys o
                  WHERE o.layout = s.layout AND o.id <> s.id AND ST_DWithin(s.g, o.g, s.r + o.r)
                    AND ST_Distance(s.g, o.g) < s.r + o.r), 0) AS overlap_m2
  FROM sys s;

-- how crowded: the grid is used from 5 circles (own wells + neighbours' wells)
SELECT s.layout, count(*) AS systems,
       count(*) FILTER (WHERE e.n_buren >= 4) AS with_4_or_more,
       count(*) FILTER (WHERE e.n_buren >= 50) AS with_50_or_more,
       max(e.n_buren) >= 100 AS some_over_100
  FROM expected e JOIN sys s USING (id) GROUP BY s.layout ORDER BY s.layout;
SELECT e.id, e.n_buren, g.n_buren AS got_n_buren, e.overlap_m2, g.overlap_m2 AS got_overlap_m2
  FROM expected e JOIN got g USING (id)
 WHERE e.n_buren <> g.n_buren
    OR abs(e.overlap_m2 - g.overlap_m2) > 1e-6 * greatest(e.overlap_m2, g.overlap_m2, 1);
SELECT count(*) AS rows_compared FROM expected e JOIN got g USING (id);

-- 2. Plumes: point sources crowded into one block (one cluster of several
-- hundred standard circles, some listed twice) and a looser field of small
-- clusters; union areas against ST_Area(ST_Union(ST_Buffer(p, 150))).
SELECT setseed(0.31);
CREATE TEMP TABLE plume AS
SELECT i AS id, ST_MakePoint(random() * 1500, random() * 1500) AS g FROM generate_series(1, 400) i
UNION ALL
SELECT i, ST_MakePoint(5000 + random() * 6000, random() * 6000) FROM generate_series(401, 700) i;
INSERT INTO plume SELECT 1000 + id, g FROM plume WHERE id % 50 = 0;

CREATE TEMP TABLE pexpected AS
WITH d AS (
    SELECT id, ST_ClusterDBSCAN(ST_Buffer(g, 150), 0, 1) OVER (ORDER BY id) AS k, ST_Buffer(g, 150) AS c
      FROM plume
), a AS (
    SELECT k, count(*)::int AS n_pluimen, ST_Area(ST_Union(c)) AS cluster_m2 FROM d GROUP BY k
)
SELECT d.id, a.n_pluimen, a.cluster_m2 FROM d JOIN a USING (k);
CREATE TEMP TABLE pgot AS
SELECT id, (bv_pluim_approach(g) OVER (ORDER BY id)).* FROM plume;

SELECT max(n_pluimen) >= 300 AS one_big_cluster,
       count(DISTINCT cluster_m2) FILTER (WHERE n_pluimen BETWEEN 5 AND 299) >= 3 AS several_mid_clusters
  FROM pexpected;
SELECT e.*, g.n_pluimen AS got_n, g.cluster_m2 AS got_m2
  FROM pexpected e JOIN pgot g USING (id)
 WHERE e.n_pluimen <> g.n_pluimen
    OR abs(e.cluster_m2 - g.cluster_m2) > 1e-6 * greatest(e.cluster_m2, g.cluster_m2);
SELECT count(*) AS rows_compared FROM pexpected e JOIN pgot g USING (id);

-- 3. A cancel also stops the grid loops: 10,000 systems in 2 km x 2 km
-- (about 1,500 neighbours each; the analysis runs for several seconds) are
-- cancelled by a 1 s statement_timeout, and the error comes promptly.
SELECT setseed(0.9);
CREATE TEMP TABLE blok AS
SELECT i AS id, ST_MakePoint(random() * 2000, random() * 2000) AS g FROM generate_series(1, 10000) i;
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
SET statement_timeout = '1s';
SELECT count(r) FROM (SELECT bv_wko_interference(g) OVER () AS r FROM blok) s;
RESET statement_timeout;
SELECT clock_timestamp() - t < interval '4 s' AS cancelled_promptly FROM t0;
-- and the backend works normally afterwards
SELECT (bv_wko_interference(g) OVER ()).n_buren FROM blok WHERE id <= 2;
