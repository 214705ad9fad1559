-- Exact analyse_regios across region borders (issue 14, item 1): per region with
-- a halo (eigen_rij false) and the merge of groups equal one analysis of the
-- whole table.  Random data (fixed seed), regions cut at arbitrary lines.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; hint text;
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
  RETURN st || ' ' || msg || CASE WHEN hint <> '' THEN ' | hint: ' || hint ELSE ' (NO HINT)' END;
END $$;

-- Relative difference of two areas (0 when both are 0).
CREATE FUNCTION pg_temp.rel(a float8, b float8) RETURNS float8 LANGUAGE sql AS
$$ SELECT abs(a - b) / greatest(abs(a), abs(b), 1e-300) $$;

-- Two labellings of the same ids are the same partition when every pair
-- (a, b) maps one-to-one: as many distinct pairs as distinct a and as b.
CREATE FUNCTION pg_temp.zelfde_partitie(n_paar bigint, n_a bigint, n_b bigint) RETURNS boolean
LANGUAGE sql AS $$ SELECT n_paar = n_a AND n_paar = n_b $$;

-- The merge over a per-region result table t with columns analyse_regio,
-- id, eigen_rij and the group column kolom (groep or cluster).
CREATE FUNCTION pg_temp.samenvoegen(t text, kolom text)
RETURNS TABLE (id bigint, groep integer, n_groep integer) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT * FROM bv_groepen_samenvoegen(
       (SELECT array_agg(analyse_regio ORDER BY analyse_regio, id, eigen_rij) FROM %1$I),
       (SELECT array_agg(id::bigint ORDER BY analyse_regio, id, eigen_rij) FROM %1$I),
       (SELECT array_agg(%2$I ORDER BY analyse_regio, id, eigen_rij) FROM %1$I),
       (SELECT array_agg(eigen_rij ORDER BY analyse_regio, id, eigen_rij) FROM %1$I))', t, kolom);
END $$;

-- 1. WKO systems: 900 systems of 1 to 3 wells on 12 x 12 km, radii 40..250 m,
-- screens between 0 and 300 m-mv.  Regions: three arbitrary lines.
SELECT setseed(0.1414);
CREATE TEMP TABLE sys AS
SELECT i AS id,
       (SELECT ST_SetSRID(ST_Collect(ST_MakePoint(cx + 60 * random() - 30 + 0 * w, cy + 60 * random() - 30)), 28992)
          FROM generate_series(1, 1 + (i % 3)) w) AS putten,
       40 + 210 * random() AS straal_m,
       v AS van, v + 5 + 100 * random() AS tot
  FROM (SELECT i, 230000 + 12000 * random() AS cx, 555000 + 12000 * random() AS cy,
               200 * random() AS v
          FROM generate_series(1, 900) i) s;
ALTER TABLE sys ADD COLUMN regio text;
UPDATE sys SET regio = CASE
    WHEN ST_X(ST_Centroid(putten)) < 234345.6 + 0.4 * (ST_Y(ST_Centroid(putten)) - 555000) THEN 'west'
    WHEN ST_Y(ST_Centroid(putten)) < 561777.7 THEN 'zuidoost'
    WHEN ST_X(ST_Centroid(putten)) > 238567.8 THEN 'oost' ELSE 'noord' END;
CREATE INDEX ON sys USING gist (putten);
SELECT regio, count(*) FROM sys GROUP BY regio ORDER BY regio;

-- The halo pattern of doc/scaling.md: a region's own rows, plus every row
-- of another region within (own radius + largest radius) of an own row.
CREATE TEMP TABLE sys_halo AS
SELECT s.regio AS analyse_regio, s.id, s.putten, s.straal_m, s.van, s.tot, true AS eigen_rij
  FROM sys s
UNION ALL
SELECT DISTINCT o.regio, h.id, h.putten, h.straal_m, h.van, h.tot, false
  FROM sys h
  JOIN sys o ON o.regio <> h.regio
            AND ST_DWithin(o.putten, h.putten, o.straal_m + (SELECT max(straal_m) FROM sys));
SELECT count(*) FILTER (WHERE NOT eigen_rij) AS halo_rijen FROM sys_halo;

-- Whole table, per region with halo, per region without halo (2D).
CREATE TEMP TABLE w2 AS
SELECT id, (bv_wko_interference(putten, straal_m) OVER (ORDER BY id)).* FROM sys;
CREATE TEMP TABLE h2 AS
SELECT analyse_regio, id, eigen_rij,
       (bv_wko_interference(putten, straal_m, NULL, NULL, 0, eigen_rij)
          OVER (PARTITION BY analyse_regio ORDER BY id)).*
  FROM sys_halo;
CREATE TEMP TABLE z2 AS
SELECT id, (bv_wko_interference(putten, straal_m) OVER (PARTITION BY regio ORDER BY id)).* FROM sys;

-- Halo rows give only their groep.
SELECT eigen_rij, count(*), count(groep) AS groep, count(n_groep) AS n_groep,
       count(n_buren) AS n_buren, count(overlap_m2) AS overlap_m2
  FROM h2 GROUP BY eigen_rij ORDER BY eigen_rij;

-- Without a halo the border systems differ (the test can fail) ...
SELECT count(*) FILTER (WHERE z.n_buren <> w.n_buren) AS zonder_halo_n_buren_anders,
       count(*) FILTER (WHERE pg_temp.rel(z.overlap_m2, w.overlap_m2) > 1e-9) AS zonder_halo_overlap_anders
  FROM w2 w JOIN z2 z USING (id);
-- ... with it nothing does.
SELECT count(*) AS eigen_rijen,
       count(*) FILTER (WHERE h.n_buren IS DISTINCT FROM w.n_buren) AS n_buren_anders,
       count(*) FILTER (WHERE NOT pg_temp.rel(h.overlap_m2, w.overlap_m2) <= 1e-9) AS overlap_anders,
       sum(w.n_buren) AS som_n_buren, round(sum(w.overlap_m2)) AS som_overlap_m2
  FROM w2 w JOIN h2 h ON h.id = w.id AND h.eigen_rij;

-- Groups: merged per-region groups = whole-table groups, as partitions.
CREATE TEMP TABLE m2 AS
SELECT * FROM pg_temp.samenvoegen('h2', 'groep');
SELECT count(*) AS rijen,
       count(DISTINCT w.groep) AS groepen,
       count(*) FILTER (WHERE w.n_groep > 1) AS in_groep,
       (SELECT count(*) FROM (SELECT m.groep FROM m2 m JOIN sys s ON s.id = m.id
                               GROUP BY m.groep HAVING count(DISTINCT s.regio) > 1) x) AS groepen_over_grens,
       pg_temp.zelfde_partitie(count(DISTINCT (w.groep, m.groep)), count(DISTINCT w.groep),
                               count(DISTINCT m.groep)) AS zelfde_groepen,
       count(*) FILTER (WHERE m.n_groep <> w.n_groep) AS n_groep_anders
  FROM w2 w JOIN m2 m ON m.id = w.id;
-- Per region without merge the groups are not the whole-table ones.
SELECT pg_temp.zelfde_partitie(count(DISTINCT (w.groep, h.analyse_regio, h.groep)), count(DISTINCT w.groep),
                               count(DISTINCT (h.analyse_regio, h.groep))) AS zonder_samenvoegen_zelfde
  FROM w2 w JOIN h2 h ON h.id = w.id AND h.eigen_rij;

-- 2. The same in 3D: screens, margin 5 m (the halo ignores depth).
CREATE TEMP TABLE w3 AS
SELECT id, (bv_wko_interference(putten, straal_m, van, tot, 5) OVER (ORDER BY id)).* FROM sys;
CREATE TEMP TABLE h3 AS
SELECT analyse_regio, id, eigen_rij,
       (bv_wko_interference(putten, straal_m, van, tot, 5, eigen_rij)
          OVER (PARTITION BY analyse_regio ORDER BY id)).*
  FROM sys_halo;
CREATE TEMP TABLE m3 AS
SELECT * FROM pg_temp.samenvoegen('h3', 'groep');
SELECT count(*) AS eigen_rijen,
       count(*) FILTER (WHERE h.n_buren IS DISTINCT FROM w.n_buren) AS n_buren_anders,
       count(*) FILTER (WHERE NOT pg_temp.rel(h.overlap_m2, w.overlap_m2) <= 1e-9) AS overlap_anders,
       sum(w.n_buren) AS som_n_buren, count(DISTINCT w.groep) AS groepen,
       pg_temp.zelfde_partitie(count(DISTINCT (w.groep, m.groep)), count(DISTINCT w.groep),
                               count(DISTINCT m.groep)) AS zelfde_groepen,
       count(*) FILTER (WHERE m.n_groep <> w.n_groep) AS n_groep_anders
  FROM w3 w JOIN h3 h ON h.id = w.id AND h.eigen_rij JOIN m3 m ON m.id = w.id;
-- 3D has fewer neighbours than 2D on the same systems (depth matters here).
SELECT (SELECT sum(n_buren) FROM w3) < (SELECT sum(n_buren) FROM w2) AS minder_buren_in_3d;

-- 3. Plumes: 700 of them on 8 x 8 km, sources (150 m circles) and surveyed
-- contours (squares and irregular hulls), nabij_m 60, clusters up to 20 ha
-- take the approach cluster.
SELECT setseed(0.2718);
CREATE TEMP TABLE pl AS
SELECT i AS id,
       CASE WHEN i % 3 = 0
            THEN ST_SetSRID(ST_MakeEnvelope(x, y, x + 30 + 200 * random(), y + 30 + 200 * random()), 28992)
            WHEN i % 3 = 1
            THEN ST_SetSRID(ST_MakePoint(x, y), 28992)
            ELSE (SELECT ST_SetSRID(ST_ConvexHull(ST_Collect(ST_MakePoint(x + 250 * random() + 0 * p, y + 250 * random()))), 28992)
                    FROM generate_series(1, 6) p)
       END AS geom
  FROM (SELECT i, 230000 + 8000 * random() AS x, 555000 + 8000 * random() AS y
          FROM generate_series(1, 700) i) s;
ALTER TABLE pl ADD COLUMN regio text;
UPDATE pl SET regio = CASE
    WHEN ST_X(ST_Centroid(geom)) < 234210.9 - 0.3 * (ST_Y(ST_Centroid(geom)) - 555000) THEN 'west'
    WHEN ST_Y(ST_Centroid(geom)) < 559123.4 THEN 'zuidoost' ELSE 'noordoost' END;
-- The plume as bv_pluim_approach sees it: a source becomes its circle.
ALTER TABLE pl ADD COLUMN contour geometry;
UPDATE pl SET contour = CASE WHEN ST_Dimension(geom) = 0 THEN bv_pluim(geom) ELSE geom END;
CREATE INDEX ON pl USING gist (contour);

-- The halo: every plume of another region within nabij_m of an own contour.
CREATE TEMP TABLE pl_halo AS
SELECT p.regio AS analyse_regio, p.id, p.geom, true AS eigen_rij FROM pl p
UNION ALL
SELECT DISTINCT o.regio, h.id, h.geom, false
  FROM pl h JOIN pl o ON o.regio <> h.regio AND ST_DWithin(o.contour, h.contour, 60);

CREATE TEMP TABLE wp AS
SELECT id, (bv_pluim_approach(geom, 60, 200000) OVER (ORDER BY id)).* FROM pl;
CREATE TEMP TABLE hp AS
SELECT analyse_regio, id, eigen_rij,
       (bv_pluim_approach(geom, 60, 200000, eigen_rij) OVER (PARTITION BY analyse_regio ORDER BY id)).*
  FROM pl_halo;
SELECT eigen_rij, count(*), count(cluster) AS cluster, count(n_pluimen) AS n_pluimen,
       count(cluster_m2) AS cluster_m2, count(aanpak) AS aanpak
  FROM hp GROUP BY eigen_rij ORDER BY eigen_rij;
CREATE TEMP TABLE mp AS
SELECT * FROM pg_temp.samenvoegen('hp', 'cluster');
-- The exact cluster_m2 and aanpak: a second pass per merged cluster.
CREATE TEMP TABLE tp AS
SELECT p.id, m.groep, (bv_pluim_approach(p.geom, 60, 200000) OVER (PARTITION BY m.groep ORDER BY p.id)).*
  FROM pl p JOIN mp m ON m.id = p.id;
SELECT count(*) AS pluimen,
       count(DISTINCT w.cluster) AS clusters,
       count(*) FILTER (WHERE w.n_pluimen > 1) AS in_cluster,
       pg_temp.zelfde_partitie(count(DISTINCT (w.cluster, m.groep)), count(DISTINCT w.cluster),
                               count(DISTINCT m.groep)) AS zelfde_clusters,
       count(*) FILTER (WHERE m.n_groep <> w.n_pluimen) AS n_pluimen_anders,
       count(*) FILTER (WHERE t.n_pluimen <> w.n_pluimen) AS tweede_n_anders,
       count(*) FILTER (WHERE NOT pg_temp.rel(t.cluster_m2, w.cluster_m2) <= 1e-9) AS cluster_m2_anders,
       count(*) FILTER (WHERE t.aanpak <> w.aanpak) AS aanpak_anders,
       string_agg(DISTINCT w.aanpak, ',' ORDER BY w.aanpak) AS aanpakken
  FROM wp w JOIN mp m ON m.id = w.id JOIN tp t ON t.id = w.id;
-- Per region (with halo, not merged) the cluster sizes are partial here.
SELECT count(*) FILTER (WHERE h.n_pluimen <> w.n_pluimen) > 0 AS per_regio_n_pluimen_deels,
       (SELECT count(*) FROM (SELECT m.groep FROM mp m JOIN pl p ON p.id = m.id
                               GROUP BY m.groep HAVING count(DISTINCT p.regio) > 1) x) > 0 AS clusters_over_grens
  FROM wp w JOIN hp h ON h.id = w.id AND h.eigen_rij;

-- 4. Bad input.  eigen_rij NULL: an error (neither guess is safe).
SELECT pg_temp.err($$SELECT bv_wko_interference(g, 250::float8, NULL::float8, NULL::float8, 0::float8, e) OVER ()
                     FROM (VALUES ('SRID=28992;POINT(0 0)'::geometry, true), ('SRID=28992;POINT(9 9)'::geometry, NULL)) v(g, e)$$);
SELECT pg_temp.err($$SELECT bv_pluim_approach(g, 0::float8, 10000::float8, e) OVER ()
                     FROM (VALUES ('SRID=28992;POINT(0 0)'::geometry, NULL::boolean)) v(g, e)$$);
-- NULL also when the row itself takes no part (no geometry).
SELECT pg_temp.err($$SELECT bv_wko_interference(NULL::geometry, 250::float8, NULL::float8, NULL::float8, 0::float8, NULL::boolean) OVER ()$$);
-- Only halo rows: every row gets its groep, nobody a result.
SELECT (bv_wko_interference(g, 250::float8, NULL::float8, NULL::float8, 0::float8, false) OVER ()).*
  FROM (VALUES ('SRID=28992;POINT(0 0)'::geometry), ('SRID=28992;POINT(100 0)'::geometry)) v(g);
-- The 0.1.0 and 5-argument calls resolve as before (no new 3-argument form).
SELECT (bv_wko_interference(g, 250, NULL) OVER ()).n_buren
  FROM (VALUES ('SRID=28992;POINT(0 0)'::geometry), ('SRID=28992;POINT(100 0)'::geometry)) v(g);
SELECT pg_temp.err($$SELECT * FROM bv_groepen_samenvoegen(ARRAY['a'], ARRAY[1::bigint, 2], ARRAY[0, 0], ARRAY[true, true])$$);
SELECT pg_temp.err($$SELECT * FROM bv_groepen_samenvoegen(ARRAY['a', 'b'], ARRAY[1::bigint, 1], ARRAY[0, 0], ARRAY[true, true])$$);
SELECT pg_temp.err($$SELECT * FROM bv_groepen_samenvoegen(ARRAY['a', 'b'], ARRAY[1::bigint, 1], ARRAY[0, 0], ARRAY[true, NULL])$$);
SELECT * FROM bv_groepen_samenvoegen(ARRAY[]::text[], ARRAY[]::bigint[], ARRAY[]::integer[], ARRAY[]::boolean[]);
-- A chain a-b-c over three regions: one group though no region sees it whole.
SELECT * FROM bv_groepen_samenvoegen(
  ARRAY['r1', 'r1', 'r2', 'r2', 'r2', 'r3', 'r3', 'r4'],
  ARRAY[10::bigint, 20,   20,   10,   30,   30,   20,   40],
  ARRAY[0,     0,    0,    0,    0,    1,    1,    NULL],
  ARRAY[true,  false, true, false, false, true, false, true]);
