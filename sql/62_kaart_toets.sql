-- The potential map and the check read one rulebook: they must agree
-- everywhere (issue 9).  For every band of the map and a dense grid of
-- points (on area edges too), the map's class at the point equals the
-- verdict of bv_bodemenergie_toets for a system of that type whose borehole
-- ends in the band, from the reasons the map covers (policy areas, plumes,
-- zones; not interference, the aquifer or advice).  At a point on a shared
-- edge the map's worst class counts, as the check counts an edge as inside.
-- Two data sets: hand-made layers with every area kind, and the Assen
-- sample data; two dates: today and after a planned area comes into force.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

CREATE FUNCTION pg_temp.sq(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_MakeEnvelope(230000 + x0, 550000 + y0, 230000 + x1, 550000 + y1, 28992)) $$;

-- Disagreements between map and check on a grid (step in m) for peildatum.
CREATE FUNCTION pg_temp.verschillen(stap float8, peil date)
RETURNS TABLE (kaartlaag text, x float8, y float8, van float8, tot float8, kaart text, toets text)
LANGUAGE sql AS $$
  WITH kaart AS (SELECT * FROM bv_bodemenergie_kaart(peil)),
  ext AS (SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
            FROM (SELECT ST_Extent(k.geom)::geometry AS e FROM kaart k) z),
  punten AS (
    SELECT ST_SetSRID(ST_MakePoint(gx, gy), 28992) AS p, gx, gy
      FROM ext, generate_series(ext.x0::numeric + 50, ext.x1::numeric, stap::numeric) gx,
           generate_series(ext.y0::numeric + 50, ext.y1::numeric, stap::numeric) gy),
  banden AS (
    SELECT DISTINCT k.kaartlaag, k.systeem, k.diepte_van_m AS a, k.diepte_tot_m AS b FROM kaart k),
  -- a borehole ending inside the band and one ending on its bottom; the
  -- screen starts where the type is allowed, or at ground level for a band
  -- above that (there the only screen the zone allows is the zero-length
  -- one exactly on its top, e.g. open at [25, 25]: not a system)
  gevallen AS (
    SELECT bd.*, t.tot,
           CASE WHEN bd.systeem = 'gesloten' OR t.tot <= d.van_m THEN 0::float8
                ELSE d.van_m END AS van
      FROM banden bd
     CROSS JOIN LATERAL bv_toegestane_diepte(bd.systeem) d
     CROSS JOIN LATERAL (VALUES ((bd.a + bd.b) / 2), (bd.b)) t(tot))
  SELECT g.kaartlaag, pt.gx, pt.gy, g.van, g.tot, m.oordeel, c.oordeel
    FROM gevallen g CROSS JOIN punten pt
   CROSS JOIN LATERAL (
         SELECT CASE max(CASE k.oordeel WHEN 'verbod' THEN 2 WHEN 'restrictie' THEN 1 ELSE 0 END)
                  WHEN 2 THEN 'verbod' WHEN 1 THEN 'restrictie' ELSE 'vrij' END AS oordeel
           FROM kaart k WHERE k.kaartlaag = g.kaartlaag AND ST_Intersects(k.geom, pt.p)) m
   CROSS JOIN LATERAL (
         SELECT coalesce(min(t.ernst) FILTER (WHERE t.ernst = 'verbod'),
                         min(t.ernst) FILTER (WHERE t.ernst = 'restrictie'), 'vrij') AS oordeel
           FROM bv_bodemenergie_toets(pt.p, g.systeem, g.van, g.tot, NULL, NULL, peil) t
          WHERE t.regel NOT IN ('interferentie', 'interferentiegebied', 'watervoerend_pakket')) c
   WHERE m.oordeel IS DISTINCT FROM c.oordeel $$;

-- 1. Hand-made layers: every area kind of the rulebook, overlapping, with
-- edges on the grid; a plume source and a contour; a planned area.
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom)
SELECT s.soort, 'test ' || s.soort,
       pg_temp.sq(1000 * (n % 5), 1000 * (n / 5), 1000 * (n % 5) + 1500, 1000 * (n / 5) + 1500)
  FROM (SELECT soort, (row_number() OVER (ORDER BY soort))::int - 1 AS n
          FROM bv_gebiedssoort WHERE soort <> 'verontreiniging') s;
INSERT INTO bv_beleidsgebied (soort, naam, status, geldig_vanaf, geom) VALUES
  ('waterwingebied', 'vanaf 2031', 'vastgesteld', '2031-01-01', pg_temp.sq(6000, 0, 7000, 1000)),
  ('grondwaterbeschermingsgebied', 'voornemen', 'voornemen', NULL, pg_temp.sq(6000, 2000, 7000, 3000));
INSERT INTO bv_verontreiniging (naam, geom) VALUES
  ('bron', ST_SetSRID(ST_MakePoint(230000 + 6500, 550000 + 4000), 28992)),
  ('contour', pg_temp.sq(2200, 3200, 2800, 3800));
-- the bands the map shows (from the rules: 15 m and 25 m inside the zones)
SELECT DISTINCT kaartlaag, systeem, zone_3d, diepte_van_m, diepte_tot_m
  FROM bv_bodemenergie_kaart(CURRENT_DATE) ORDER BY systeem, diepte_van_m;
SELECT count(*) AS verschillen_vandaag FROM pg_temp.verschillen(250, CURRENT_DATE);
SELECT count(*) AS verschillen_2031 FROM pg_temp.verschillen(250, '2031-01-01');
-- the grid did meet every class of every band (so the test can fail)
SELECT count(DISTINCT (k.kaartlaag, k.oordeel)) AS klassen_op_het_raster,
       (SELECT count(*) FROM bv_bodemenergie_kaart(CURRENT_DATE)) AS klassen
  FROM bv_bodemenergie_kaart(CURRENT_DATE) k,
       generate_series(230050, 237500, 250) gx, generate_series(550050, 558500, 250) gy
 WHERE ST_Intersects(k.geom, ST_SetSRID(ST_MakePoint(gx, gy), 28992));
-- the planned area changes the map in 2031, not before
SELECT (SELECT count(*) FROM bv_bodemenergie_kaart('2030-12-31') WHERE oordeel = 'verbod') AS verbod_2030,
       (SELECT count(*) FROM bv_bodemenergie_kaart('2031-01-01') WHERE oordeel = 'verbod') AS verbod_2031,
       (SELECT round(sum(ST_Area(geom))) FROM bv_bodemenergie_kaart('2030-12-31') WHERE kaartlaag = 'gesloten_0_15' AND oordeel = 'verbod') AS m2_2030,
       (SELECT round(sum(ST_Area(geom))) FROM bv_bodemenergie_kaart('2031-01-01') WHERE kaartlaag = 'gesloten_0_15' AND oordeel = 'verbod') AS m2_2031;
-- a changed rule changes both: the 15 m limit becomes 20 m
UPDATE bv_regel SET dieper_dan_m = 20 WHERE code = 'boringsvrije_zone.dieper_dan_15m';
SELECT DISTINCT kaartlaag FROM bv_bodemenergie_kaart(CURRENT_DATE) WHERE systeem = 'gesloten' ORDER BY 1;
SELECT count(*) AS verschillen_na_wijziging FROM pg_temp.verschillen(250, CURRENT_DATE);
ROLLBACK;

-- 2. The Assen sample data.
BEGIN;
\set ECHO none
\i data/assen/10_beleidsgebieden.sql
\i data/assen/20_gebieden.sql
\i data/assen/30_wko_systemen.sql
\i data/assen/40_verontreinigingen.sql
\set ECHO all
SELECT count(*) AS verschillen_assen FROM pg_temp.verschillen(400, CURRENT_DATE);
SELECT count(DISTINCT kaartlaag) AS banden, count(*) AS klassen FROM bv_bodemenergie_kaart(CURRENT_DATE);
ROLLBACK;
