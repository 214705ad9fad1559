-- The rulebook (issue 9): rules, area kinds and constants as rows, read by
-- the check; changing a row changes the answer; shipped rows are protected;
-- the readings of the document on both sides of each boundary; answers as
-- of a date (peildatum).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE FUNCTION pg_temp.pt(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_SetSRID(ST_MakePoint(230000 + x, 550000 + y), 28992) $$;
CREATE FUNCTION pg_temp.sq(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_MakeEnvelope(230000 + x0, 550000 + y0, 230000 + x1, 550000 + y1, 28992)) $$;
-- The reasons of one check as one line: ernst:regel:naam, sorted.
CREATE FUNCTION pg_temp.redenen(g geometry, sys text, van float8, tot float8,
                                mv float8 DEFAULT NULL, peil date DEFAULT CURRENT_DATE)
RETURNS text LANGUAGE sql AS $$
  SELECT min(t.oordeel) || ' | ' || string_agg(t.ernst || ':' || t.regel || ':' || coalesce(t.naam, ''), ', '
                                               ORDER BY t.ernst, t.regel, t.naam)
    FROM bv_bodemenergie_toets(g, sys, van, tot, mv, NULL, peil) t $$;

-- 1. The shipped rulebook: every rule names its source; every kind exists.
SELECT soort, code, systemen, dieper_dan_m, ernst, van_kracht, standaard
  FROM bv_regelboek ORDER BY soort, code;
SELECT count(*) AS regels_zonder_bron FROM bv_regel WHERE length(bron) < 20;
SELECT soort FROM bv_gebiedssoort ORDER BY soort;
SELECT naam, waarde, eenheid FROM bv_beleidsconstante ORDER BY naam;
SELECT bv_constante('bel_straal_m') AS bel, bv_constante('interferentie_drempel') AS drempel;
SELECT bv_constante('bel_straal');
SELECT * FROM bv_toegestane_diepte('open');
SELECT * FROM bv_toegestane_diepte('gesloten');
SELECT * FROM bv_toegestane_diepte('geothermie');
SELECT indeling, naam, van_m, tot_m FROM bv_dieptemodel() WHERE indeling IN ('zone_3d', 'laag') ORDER BY indeling, van_m;

BEGIN;
-- 2. An area kind and a rule added as rows change the check, no code.
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES
  ('intrekgebied', 'Intrekgebied Assen-Oost', pg_temp.sq(0, 0, 1000, 1000));
SELECT pg_temp.redenen(pg_temp.pt(500, 500), 'open', 30, 100) AS intrekgebied_zone_2,
       pg_temp.redenen(pg_temp.pt(500, 500), 'gesloten', 0, 25) AS intrekgebied_zone_1;
INSERT INTO bv_gebiedssoort (soort, omschrijving, bron) VALUES
  ('stiltegebied', 'Stiltegebied (voorbeeld)', 'eigen keuze: voorbeeld in de test');
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES
  ('stiltegebied', 'Stil', pg_temp.sq(2000, 0, 3000, 1000));
SELECT pg_temp.redenen(pg_temp.pt(2500, 500), 'gesloten', 0, 10) AS zonder_regel;
INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron) VALUES
  ('stiltegebied.diep', 'stiltegebied', '{gesloten}', 40, 'restrictie', 'Stiltegebied: restrictie onder 40 m.', 'eigen keuze: test');
SELECT pg_temp.redenen(pg_temp.pt(2500, 500), 'gesloten', 0, 40) AS tot_40,
       pg_temp.redenen(pg_temp.pt(2500, 500), 'gesloten', 0, 40.001) AS dieper_dan_40,
       pg_temp.redenen(pg_temp.pt(2500, 500), 'open', 30, 100) AS ander_systeem;
-- a changed shipped rule is the user's own from then on
UPDATE bv_regel SET ernst = 'verbod' WHERE code = 'intrekgebied.zone_2';
SELECT code, ernst, standaard FROM bv_regel WHERE code = 'intrekgebied.zone_2';
SELECT pg_temp.redenen(pg_temp.pt(500, 500), 'open', 30, 100) AS intrekgebied_nu_verbod;
-- a rule ended yesterday no longer applies; before its end it did
UPDATE bv_regel SET geldig_tot = CURRENT_DATE WHERE code = 'intrekgebied.zone_2';
SELECT pg_temp.redenen(pg_temp.pt(500, 500), 'open', 30, 100) AS beeindigd,
       pg_temp.redenen(pg_temp.pt(500, 500), 'open', 30, 100, NULL, CURRENT_DATE - 1) AS gisteren;
ROLLBACK;

-- 3. Bad rows are refused, nothing written.  (the class-22 refusals with a hint; terse where the failing row
-- would show the moment it was loaded)
\set VERBOSITY default
\set ON_ERROR_STOP 0
DELETE FROM bv_regel WHERE code = 'waterwingebied.bodemenergie';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM bv_gebiedssoort WHERE soort = 'gasveld';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES ('onbekend', 'x', pg_temp.sq(0, 0, 1, 1));
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, ernst, uitleg, bron) VALUES ('x', 'bos', '{open}', 'verbod', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, ernst, uitleg, bron) VALUES ('x', 'gasveld', '{warmtepomp}', 'verbod', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, ernst, uitleg, bron) VALUES ('x', 'gasveld', '{}', 'verbod', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, ernst, uitleg, bron) VALUES ('x', 'gasveld', '{open}', 'misschien', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron) VALUES ('x', 'gasveld', '{open}', 'NaN', 'verbod', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron) VALUES ('x', 'gasveld', '{open}', -1, 'verbod', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bv_regel (code, soort, systemen, ernst, uitleg, bron, geldig_vanaf, geldig_tot) VALUES ('x', 'gasveld', '{open}', 'verbod', 'x', 'x', '2030-01-01', '2029-01-01');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO bv_gebiedssoort (soort, omschrijving, bron) VALUES ('Hoofd Letters', 'x', 'x');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
\set VERBOSITY terse
UPDATE bv_beleidsconstante SET waarde = 'Infinity' WHERE naam = 'bel_straal_m';
\echo :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
\set VERBOSITY default
SELECT count(*) AS regels, count(*) FILTER (WHERE standaard) AS standaard FROM bv_regel;

-- 4. A restored row replaces the shipped one (pg_restore after CREATE EXTENSION).
BEGIN;
INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron, standaard)
VALUES ('gasveld.geothermie', 'gasveld', '{geothermie}', NULL, 'restrictie',
        'Gasveld: geothermie alleen met drukvalonderzoek.', 'eigen keuze: in overleg met de NAM', false);
SELECT code, ernst, uitleg, standaard FROM bv_regel WHERE code = 'gasveld.geothermie';
-- ... but a row of the user's own is not replaced: a duplicate key is an error
\set ON_ERROR_STOP 0
INSERT INTO bv_regel (code, soort, systemen, ernst, uitleg, bron)
VALUES ('gasveld.geothermie', 'gasveld', '{geothermie}', 'verbod', 'x', 'x');
\set ON_ERROR_STOP 1
ROLLBACK;

-- 5. Readings of the document, on both sides of each boundary.
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES
  ('potklei_doorlatend', 'Assen-West: potklei doorlatend', pg_temp.sq(4000, 0, 5000, 1000));
-- Open systems need an aquifer; ground level 10 m NAP: sdl1 is 15-60 m-mv,
-- wvp3 60-75, wvp4 75-110, wvp5 110-165, basis below 165 m-mv.
SELECT pg_temp.redenen(pg_temp.pt(8000, 8000), 'open', 30, 60, 10) AS filter_geheel_in_potklei,
       pg_temp.redenen(pg_temp.pt(8000, 8000), 'open', 30, 60.001, 10) AS filter_raakt_wvp3,
       pg_temp.redenen(pg_temp.pt(8000, 8000), 'open', 80, 100, 10) AS filter_in_wvp4,
       pg_temp.redenen(pg_temp.pt(8000, 8000), 'open', 170, 200, 10) AS filter_in_basis,
       pg_temp.redenen(pg_temp.pt(8000, 8000), 'open', 30, 60) AS zonder_maaiveld;
-- where the pot clay is leaky: advice, verdict unchanged
SELECT pg_temp.redenen(pg_temp.pt(4500, 500), 'gesloten', 0, 50) AS potklei_doorlatend,
       pg_temp.redenen(pg_temp.pt(5000.001, 500), 'gesloten', 0, 50) AS er_net_buiten;
ROLLBACK;

-- 6. Answers as of a date.
BEGIN;
INSERT INTO bv_beleidsgebied (soort, naam, status, geldig_vanaf, geom) VALUES
  ('grondwaterbeschermingsgebied', 'GWBG Assen-West (voornemen)', 'voornemen', NULL, pg_temp.sq(0, 0, 1000, 1000)),
  ('waterwingebied', 'Waterwingebied (vanaf 2030)', 'vastgesteld', '2030-01-01', pg_temp.sq(2000, 0, 3000, 1000)),
  ('boringsvrije_zone', 'Verbodzone (tot 2030)', 'vastgesteld', NULL, pg_temp.sq(4000, 0, 5000, 1000));
UPDATE bv_beleidsgebied SET geldig_tot = '2030-01-01' WHERE naam = 'Verbodzone (tot 2030)';
SELECT pg_temp.redenen(pg_temp.pt(500, 500), 'open', 30, 100, NULL, '2040-01-01') AS voornemen_nooit_verbod,
       pg_temp.redenen(pg_temp.pt(2500, 500), 'open', 30, 100, NULL, '2029-12-31') AS dag_ervoor,
       pg_temp.redenen(pg_temp.pt(2500, 500), 'open', 30, 100, NULL, '2030-01-01') AS eerste_dag,
       pg_temp.redenen(pg_temp.pt(4500, 500), 'open', 30, 100, NULL, '2029-12-31') AS laatste_dag,
       pg_temp.redenen(pg_temp.pt(4500, 500), 'open', 30, 100, NULL, '2030-01-01') AS vervallen;
SELECT t.ernst, t.regel, t.uitleg
  FROM bv_bodemenergie_toets(pg_temp.pt(2500, 500), 'open', 30, 100, NULL, NULL, '2029-06-01') t;
-- WKO systems by permit and end date, plumes by discovery and remediation
INSERT INTO bv_wko_systeem (naam, systeem, putten, status, vergunning_datum, eind_datum) VALUES
  ('Vanaf 2028', 'open', ST_Multi(pg_temp.pt(10000, 10000)), 'vergund', '2028-01-01', NULL),
  ('Tot 2028', 'open', ST_Multi(pg_temp.pt(12000, 10000)), 'beeindigd', '2000-01-01', '2028-01-01'),
  ('Beeindigd', 'open', ST_Multi(pg_temp.pt(14000, 10000)), 'beeindigd', NULL, NULL);
INSERT INTO bv_verontreiniging (naam, status, ontdekt_op, gesaneerd_op, geom) VALUES
  ('Ontdekt 2028', 'actueel', '2028-01-01', NULL, pg_temp.pt(10000, 12000)),
  ('Gesaneerd 2028', 'gesaneerd', '2020-01-01', '2028-01-01', pg_temp.pt(12000, 12000));
SELECT d AS peildatum,
       pg_temp.redenen(pg_temp.pt(10100, 10000), 'open', 30, 100, NULL, d) AS vanaf_2028,
       pg_temp.redenen(pg_temp.pt(12100, 10000), 'open', 30, 100, NULL, d) AS tot_2028,
       pg_temp.redenen(pg_temp.pt(14100, 10000), 'open', 30, 100, NULL, d) AS beeindigd,
       pg_temp.redenen(pg_temp.pt(10100, 12000), 'gesloten', 0, 20, NULL, d) AS pluim_ontdekt_2028,
       pg_temp.redenen(pg_temp.pt(12100, 12000), 'gesloten', 0, 20, NULL, d) AS pluim_gesaneerd_2028
  FROM (VALUES ('2027-12-31'::date), ('2028-01-01'::date)) AS p(d);
ROLLBACK;
\set ON_ERROR_STOP 0
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, NULL, NULL, NULL);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, NULL, NULL, 'infinity');

-- 7. Corrections of a rule keep history; a replaced shipped row on restore does not.
BEGIN;
UPDATE bv_regel SET dieper_dan_m = 20 WHERE code = 'boringsvrije_zone.dieper_dan_15m';
SELECT code, dieper_dan_m, versie, standaard FROM bv_regel WHERE code = 'boringsvrije_zone.dieper_dan_15m';
SELECT code, dieper_dan_m, versie FROM bv_regel_historie WHERE code = 'boringsvrije_zone.dieper_dan_15m';
ROLLBACK;
BEGIN;
INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron, standaard, versie)
SELECT code, soort, systemen, dieper_dan_m, ernst, uitleg, bron, standaard, 3
  FROM bv_regel WHERE code = 'gasveld.geothermie';
SELECT code, versie, standaard, (SELECT count(*) FROM bv_regel_historie h WHERE h.code = 'gasveld.geothermie') AS historie
  FROM bv_regel WHERE code = 'gasveld.geothermie';
ROLLBACK;
