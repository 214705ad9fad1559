-- Installing and removing the extension.
SET client_min_messages = warning;

-- 1. PostGIS in its own schema, not on the search_path of the caller.
CREATE SCHEMA gis;
CREATE EXTENSION postgis SCHEMA gis;
CREATE EXTENSION bodemvisie;
SELECT e.extname, n.nspname
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname IN ('postgis', 'bodemvisie') ORDER BY 1;
SET search_path = public;
SELECT (bv_zone_for_depth(25)).laag;
SELECT gis.ST_AsEWKT(bv_invoer(gis.ST_GeomFromEWKT('SRID=28992;POINT(230000 557000)')));
-- SQL functions, views and materialized views work with PostGIS off the path
INSERT INTO bv_wko_systeem (naam, systeem, putten)
VALUES ('gerealiseerd', 'open', gis.ST_GeomFromEWKT('SRID=28992;MULTIPOINT(233400 557300)'));
INSERT INTO bv_verontreiniging (naam, geom)
VALUES ('bron', gis.ST_GeomFromEWKT('SRID=28992;POINT(233400 557100)'));
SELECT oordeel, regel FROM bv_bodemenergie_toets(
    gis.ST_GeomFromEWKT('SRID=28992;POINT(233400 557000)'), 'gesloten', 0, 50);
SELECT * FROM bv_kaart_verversen();
SELECT count(*) FROM bv_klic_netwerk_kaart;
DELETE FROM bv_wko_systeem;
DELETE FROM bv_verontreiniging;
-- the SRID check finds spatial_ref_sys in schema gis
SELECT bv_invoer(gis.ST_GeomFromEWKT('SRID=4326;POINT(6.5 53)'));

-- 2. DROP EXTENSION does not silently delete data: refused while a data
--    table holds rows (also through DROP EXTENSION postgis CASCADE), unless
--    the session confirms; nothing is dropped by the refusal.
INSERT INTO bv_gebied (naam, geom)
VALUES ('g', gis.ST_GeomFromEWKT('SRID=28992;MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))'));
DROP EXTENSION bodemvisie;
DROP EXTENSION IF EXISTS postgis CASCADE;
SELECT count(*) AS rows_kept FROM bv_gebied;
SET bodemvisie.verwijder_gegevens = 'aan';
--    ... and then DROP EXTENSION leaves nothing of ours behind.
DROP EXTENSION bodemvisie;
RESET bodemvisie.verwijder_gegevens;
SELECT count(*) AS functions_left FROM pg_proc WHERE proname LIKE 'bv\_%';
SELECT count(*) AS types_left FROM pg_type WHERE typname LIKE 'bv\_%' OR typname LIKE '\_bv\_%';
SELECT count(*) AS relations_left FROM pg_class WHERE relname LIKE 'bv\_%';
DROP EXTENSION postgis;
DROP SCHEMA gis;
RESET search_path;

-- 3. CASCADE on a database without PostGIS pulls it in.  (In a new session:
-- PostGIS caches its operator families per backend, so re-creating it in the
-- backend that dropped it fails in PostGIS itself.)
\c
SET client_min_messages = warning;
SELECT count(*) AS postgis_before FROM pg_extension WHERE extname = 'postgis';
CREATE EXTENSION bodemvisie CASCADE;
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions
                               WHERE name = extname) AS default_version
  FROM pg_extension WHERE extname IN ('postgis', 'bodemvisie') ORDER BY 1;

-- 4. Every function of the extension has a comment.
SELECT p.oid::regprocedure AS function_without_comment
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
 WHERE obj_description(p.oid, 'pg_proc') IS NULL;
