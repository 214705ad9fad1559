-- The data model (DATAMODEL.md): tables, types, constraints, indexes,
-- pg_dump registration, and the decision-tree-4.1 view over bv_gebied.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY terse

-- Columns and types exactly as fixed in DATAMODEL.md.
SELECT c.relname AS tabel, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, a.attidentity AS identity
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relname IN ('bv_beleidsgebied', 'bv_gebied', 'bv_wko_systeem', 'bv_verontreiniging')
 ORDER BY 1, 2;

-- Every id of the extension's tables is bigint, identity or not (history
-- tables), with a bigint sequence, and so is every column that holds one
-- (issue 14: only a bigint identity gets a range of its own per Citus node).
SELECT c.relname AS tabel, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
       a.attidentity AS identity, s.seqtypid::regtype AS sequentie
  FROM pg_depend d
  JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'r'
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_sequence s ON s.seqrelid = pg_get_serial_sequence(c.oid::regclass::text, a.attname)::regclass
 WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'bodemvisie')
   AND (a.attname IN ('id', 'levering_id', 'wko_id', 'put_id') OR a.attidentity <> '')
 ORDER BY 1, 2;

-- A GiST index on every geometry column.
SELECT c.relname AS tabel, a.attname AS geometry_column,
       EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                 JOIN pg_am am ON am.oid = ic.relam
                WHERE i.indrelid = c.oid AND am.amname = 'gist' AND a.attnum = ANY (i.indkey)) AS gist
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
 WHERE c.relname IN ('bv_beleidsgebied', 'bv_gebied', 'bv_wko_systeem', 'bv_verontreiniging')
   AND c.relkind = 'r' AND a.atttypid = 'geometry'::regtype
 ORDER BY 1;

-- Registered for pg_dump: the four tables and their identity sequences.
SELECT x::regclass AS config_dump
  FROM pg_extension e, unnest(e.extconfig) x
 WHERE e.extname = 'bodemvisie'
   AND x::regclass::text ~ '^bv_(beleidsgebied|gebied|wko_systeem|verontreiniging)(_id_seq)?$'
 ORDER BY x::regclass::text;

-- Comments on every table and column.
SELECT c.relname, a.attname
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relname IN ('bv_beleidsgebied', 'bv_gebied', 'bv_wko_systeem', 'bv_verontreiniging')
   AND col_description(c.oid, a.attnum) IS NULL AND NOT a.attisdropped;

-- Constraints refuse what the model forbids.
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES ('bos', 'x', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES ('gasveld', 'x', 'SRID=28992;MULTIPOLYGON(((0 0,10 10,10 0,0 10,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES ('gasveld', 'x', 'SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES ('gasveld', 'x', 'SRID=28992;POLYGON((0 0,1 0,1 1,0 0))');
ROLLBACK;
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES ('gasveld', NULL, 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_gebied (naam, vraag, geom) VALUES ('x', -1, 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_gebied (naam, aanbod, geom) VALUES ('x', -0.1, 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten) VALUES ('x', 'geothermie', 'SRID=28992;MULTIPOINT(0 0)');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, diepte_van_m, diepte_tot_m) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 100, 30);
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 0);
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, volume_m3_per_jaar) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', -1);
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, status) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'bestaand');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten) VALUES ('x', 'open', 'SRID=28992;POINT(0 0)');
ROLLBACK;
BEGIN;
INSERT INTO bv_verontreiniging (naam, geom) VALUES ('x', 'SRID=28992;LINESTRING(0 0,1 1)');
ROLLBACK;
BEGIN;
INSERT INTO bv_verontreiniging (naam, status, geom) VALUES ('x', 'weg', 'SRID=28992;POINT(0 0)');
ROLLBACK;
BEGIN;
INSERT INTO bv_verontreiniging (naam, geom) VALUES ('x', 'SRID=28992;POLYGON((0 0,10 10,10 0,0 10,0 0))');
ROLLBACK;
-- NaN passes "x >= 0" in PostgreSQL: the extra constraints keep numbers finite.
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'NaN');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 10000.001);
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, diepte_van_m, diepte_tot_m) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 30, 'NaN');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, diepte_van_m, diepte_tot_m) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', '-Infinity', 30);
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, volume_m3_per_jaar) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'Infinity');
ROLLBACK;
BEGIN;
INSERT INTO bv_gebied (naam, vraag, geom) VALUES ('x', 'NaN', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_gebied (naam, aanbod, geom) VALUES ('x', 'Infinity', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
-- ... and accept what it allows, with the documented defaults.
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten) VALUES ('x', 'gesloten', 'SRID=28992;MULTIPOINT(0 0)')
RETURNING status, straal_m, diepte_van_m;
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m, diepte_van_m, diepte_tot_m)
VALUES ('y', 'open', 'SRID=28992;MULTIPOINT EMPTY', 10000, 30, 30) RETURNING straal_m, diepte_van_m, diepte_tot_m;
INSERT INTO bv_verontreiniging (naam, geom) VALUES ('p', 'SRID=28992;POINT(0 0)'), ('c', 'SRID=28992;POLYGON((0 0,1 0,1 1,0 0))'),
  ('m', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))') RETURNING naam, status;
INSERT INTO bv_gebied (naam, geom) VALUES ('g', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))')
RETURNING ontwikkelgebied, vraag, aanbod;
ROLLBACK;

-- ---------------------------------------------------------------------
-- The decision tree 4.1 view on hand-made areas.
-- ---------------------------------------------------------------------
CREATE FUNCTION pg_temp.sq(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_MakeEnvelope(230000 + x0, 550000 + y0, 230000 + x1, 550000 + y1, 28992)) $$;
CREATE FUNCTION pg_temp.mp(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Multi(ST_SetSRID(ST_MakePoint(230000 + x, 550000 + y), 28992)) $$;

BEGIN;
-- TRUNCATE ... RESTART IDENTITY is rolled back with the transaction too;
-- it makes the ids below independent of earlier tests.
TRUNCATE bv_beleidsgebied, bv_gebied, bv_wko_systeem, bv_verontreiniging RESTART IDENTITY;
INSERT INTO bv_gebied (id, naam, ontwikkelgebied, vraag, aanbod, geom) VALUES
  (1, 'Markt: geen ontwikkeling, 3 systemen',  false, 90, 100,  pg_temp.sq(0, 0, 1000, 1000)),
  (2, 'Vier systemen, vraag/aanbod 0.31',      false, 31, 100,  pg_temp.sq(2000, 0, 3000, 1000)),
  (3, 'Ontwikkel, 0.30',                       true,  30, 100,  pg_temp.sq(4000, 0, 5000, 1000)),
  (4, 'Ontwikkel, aanbod onbekend, bellen 36%', true, 50, NULL, pg_temp.sq(6000, 0, 7000, 1000)),
  (5, 'Ontwikkel, aanbod onbekend, bellen 4%', true, NULL, NULL, pg_temp.sq(8000, 0, 9000, 1000)),
  (6, 'Leeg',                                  false, NULL, NULL, pg_temp.sq(10000, 0, 11000, 1000));
-- area 1: 3 systems; area 2: 4 systems
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m)
SELECT format('S%s-%s', g, i), 'gesloten', pg_temp.mp(x0 + 100 * i, 500), 10
  FROM (VALUES (1, 0, 3), (2, 2000, 4)) AS a(g, x0, n), generate_series(1, a.n) i;
-- area 4: a waterwingebied takes the west 200 m; one system of radius 300 in
-- the middle, and one outside whose bubble reaches 50 m into the area
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES
  ('waterwingebied', 'W', pg_temp.sq(5900, -100, 6200, 1100)),
  ('archeologie', 'A', pg_temp.sq(6000, 0, 7000, 1000));
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m) VALUES
  ('Midden', 'open', pg_temp.mp(6600, 500), 300),
  ('Buiten', 'open', pg_temp.mp(7200, 500), NULL);
-- area 5: one small bubble
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m) VALUES ('Klein', 'open', pg_temp.mp(8500, 500), 100);

SELECT id, naam, ontwikkelgebied, n_systemen, vraag, aanbod, beslissing,
       round(bruikbaar_m2) AS bruikbaar_m2, round(bezet_m2) AS bezet_m2,
       round(bezet_aandeel::numeric, 4) AS bezet_aandeel, beslissing_met_proxy
  FROM bv_wko_beslisboom_gebied ORDER BY id;

-- Cross-check the measured proxy against plain PostGIS.
SELECT v.id, v.bruikbaar_m2, x.bruikbaar_m2 AS want_bruikbaar, v.bezet_m2, x.bezet_m2 AS want_bezet
  FROM bv_wko_beslisboom_gebied v
  JOIN LATERAL (
        SELECT ST_Area(u) AS bruikbaar_m2,
               coalesce(ST_Area(ST_Intersection(
                   (SELECT ST_Union(ST_Buffer(w.putten, coalesce(w.straal_m, 250))) FROM bv_wko_systeem w), u)), 0) AS bezet_m2
          FROM (SELECT coalesce(ST_Difference(g.geom,
                    (SELECT ST_Union(b.geom) FROM bv_beleidsgebied b
                      WHERE b.soort IN ('waterwingebied', 'boringsvrije_zone', 'grondwaterbeschermingsgebied'))),
                    g.geom) AS u
                  FROM bv_gebied g WHERE g.id = v.id) q) x ON true
 WHERE abs(v.bruikbaar_m2 - x.bruikbaar_m2) > 1e-6 * greatest(1, x.bruikbaar_m2)
    OR abs(v.bezet_m2 - x.bezet_m2) > 1e-6 * greatest(1, x.bezet_m2);

-- The toets uses the view's beslissing (not the proxy) for its
-- interferentiegebied reason.
SELECT v.id, v.beslissing,
       EXISTS (SELECT 1 FROM bv_bodemenergie_toets(ST_PointOnSurface(v.geom), 'gesloten', 0, 20) t
                WHERE t.regel = 'interferentiegebied') AS toets_restrictie
  FROM bv_wko_beslisboom_gebied v ORDER BY v.id;
ROLLBACK;
-- Time and register columns (issue 10): the constraints refuse what cannot be
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, status, geom) VALUES ('waterwingebied', 'x', 'gepland', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geldig_vanaf, geldig_tot, geom) VALUES ('waterwingebied', 'x', '2030-01-01', '2030-01-01', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, vergunning_datum, eind_datum) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', '2020-01-02', '2020-01-01');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, vergunning_soort) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'ontheffing');
ROLLBACK;
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, register_id) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'GUF1'), ('y', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'GUF1');
ROLLBACK;
BEGIN;
INSERT INTO bv_verontreiniging (naam, ontdekt_op, gesaneerd_op, geom) VALUES ('x', '2020-01-02', '2020-01-01', 'SRID=28992;POINT(0 0)');
ROLLBACK;
-- the edges that are allowed: one day in force, a permit ending on its day
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geldig_vanaf, geldig_tot, geom) VALUES ('waterwingebied', 'x', '2030-01-01', '2030-01-02', 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))') RETURNING status, geldig_vanaf, geldig_tot;
INSERT INTO bv_wko_systeem (naam, systeem, putten, vergunning_datum, eind_datum) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', '2020-01-01', '2020-01-01') RETURNING status, vergunning_datum, eind_datum;
ROLLBACK;
-- Distribution-ready (issue 14, doc/scaling.md): on the tables that grow,
-- every primary key and unique index contains regio, and the id and its
-- identity sequence are bigint (Citus gives each node its own range only
-- for bigint).  Lists the offending keys and columns: none.
SELECT c.relname AS tabel, i.indexrelid::regclass AS sleutel_zonder_regio
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
 WHERE c.relname IN ('bv_wko_systeem', 'bv_verontreiniging')
   AND (i.indisprimary OR i.indisunique)
   AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'regio' AND a.attnum = ANY (i.indkey::smallint[]))
 ORDER BY 1, 2;
SELECT c.relname AS tabel, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
       (SELECT format_type(s.seqtypid, NULL) FROM pg_sequence s
         WHERE s.seqrelid = pg_get_serial_sequence(c.relname, a.attname)::regclass) AS sequence_type
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
 WHERE c.relname IN ('bv_wko_systeem', 'bv_verontreiniging', 'bv_wko_systeem_historie', 'bv_verontreiniging_historie')
   AND a.attname IN ('id', 'regio')
 ORDER BY 1, 2;
-- a new row gets the default region; two regions may hold the same register id
BEGIN;
INSERT INTO bv_wko_systeem (naam, systeem, putten, register_id) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'GUF9') RETURNING regio;
INSERT INTO bv_wko_systeem (naam, systeem, putten, register_id, regio) VALUES ('y', 'open', 'SRID=28992;MULTIPOINT(0 0)', 'GUF9', 'Tynaarlo') RETURNING regio;
INSERT INTO bv_wko_systeem (naam, systeem, putten, regio) VALUES ('z', 'open', 'SRID=28992;MULTIPOINT(0 0)', ' ');
ROLLBACK;
