-- The time model (issue 10): validity predicates on both sides of every
-- boundary, history of corrections (versie, <table>_historie, <table>_op),
-- what changes between two dates, and the append-only decision record.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Far from Assen, so that rows of other tests do not meet ours.
CREATE FUNCTION pg_temp.pt(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_SetSRID(ST_MakePoint(150000 + x, 450000 + y), 28992) $$;
CREATE FUNCTION pg_temp.sq(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_MakeEnvelope(150000 + x0, 450000 + y0, 150000 + x1, 450000 + y1, 28992)) $$;

-- 1. bv_van_kracht: vastgesteld only; geldig_vanaf included, geldig_tot
--    excluded; NULL bounds open.
SELECT status, vanaf, tot, peil, bv_van_kracht(status, vanaf, tot, peil) AS van_kracht
  FROM (VALUES ('vastgesteld', '2030-01-01'::date, NULL::date, '2029-12-31'::date),
               ('vastgesteld', '2030-01-01', NULL, '2030-01-01'),
               ('vastgesteld', NULL, '2030-01-01', '2029-12-31'),
               ('vastgesteld', NULL, '2030-01-01', '2030-01-01'),
               ('vastgesteld', '2030-01-01', '2030-01-02', '2030-01-01'),
               ('vastgesteld', '2030-01-01', '2030-01-02', '2030-01-02'),
               ('vastgesteld', NULL, NULL, '1900-01-01'),
               ('ontwerp', NULL, NULL, '2030-01-01'),
               ('ontwerp', '2030-01-01', NULL, '2031-01-01'),
               ('voornemen', NULL, NULL, '2030-01-01'),
               ('vervallen', NULL, NULL, '2030-01-01')) v(status, vanaf, tot, peil);

-- 2. bv_in_gebruik: from vergunning_datum (included) until eind_datum
--    (excluded); beeindigd without an end date never; aangevraagd claims
--    its bubble.
SELECT status, vergund, eind, peil, bv_in_gebruik(status, vergund, eind, peil) AS in_gebruik
  FROM (VALUES ('gerealiseerd', '2020-05-01'::date, NULL::date, '2020-04-30'::date),
               ('gerealiseerd', '2020-05-01', NULL, '2020-05-01'),
               ('gerealiseerd', NULL, '2035-01-01', '2034-12-31'),
               ('gerealiseerd', NULL, '2035-01-01', '2035-01-01'),
               ('beeindigd', NULL, '2025-01-01', '2024-12-31'),
               ('beeindigd', NULL, '2025-01-01', '2025-01-01'),
               ('beeindigd', '2010-01-01', NULL, '2015-01-01'),
               ('aangevraagd', NULL, NULL, '2026-01-01'),
               ('vergund', '2027-01-01', NULL, '2026-12-31'),
               ('vergund', '2027-01-01', NULL, '2027-01-01')) v(status, vergund, eind, peil);

-- 3. bv_pluim_actueel: from ontdekt_op (included) until gesaneerd_op
--    (excluded); gesaneerd without a date takes part on no date.
SELECT status, ontdekt, gesaneerd, peil, bv_pluim_actueel(status, ontdekt, gesaneerd, peil) AS actueel
  FROM (VALUES ('actueel', '2015-03-01'::date, NULL::date, '2015-02-28'::date),
               ('actueel', '2015-03-01', NULL, '2015-03-01'),
               ('in_sanering', NULL, '2024-06-01', '2024-05-31'),
               ('gesaneerd', NULL, '2024-06-01', '2024-05-31'),
               ('gesaneerd', NULL, '2024-06-01', '2024-06-01'),
               ('gesaneerd', NULL, NULL, '1990-01-01'),
               ('actueel', NULL, NULL, '1990-01-01')) v(status, ontdekt, gesaneerd, peil);

-- 4. bv_komend: what is coming, NULL when in force or gone.
SELECT status, vanaf, tot, peil, bv_komend(status, vanaf, tot, peil) AS komend
  FROM (VALUES ('vastgesteld', '2030-01-01'::date, NULL::date, '2029-12-31'::date),
               ('vastgesteld', '2030-01-01', NULL, '2030-01-01'),
               ('vastgesteld', NULL, '2030-01-01', '2029-12-31'),
               ('ontwerp', '2031-07-01', NULL, '2030-01-01'),
               ('ontwerp', '2031-07-01', NULL, '2031-07-01'),
               ('voornemen', NULL, NULL, '2030-01-01'),
               ('voornemen', NULL, '2030-01-01', '2030-01-01'),
               ('vervallen', NULL, NULL, '2030-01-01')) v(status, vanaf, tot, peil);

-- The predicates are inlined: the planner sees the comparisons themselves.
EXPLAIN (COSTS OFF)
SELECT 1 FROM bv_beleidsgebied b
 WHERE bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, '2030-01-01'::date);

-- 5. History.  Every statement below is its own transaction, so that each
--    version has its own registration interval.
INSERT INTO bv_beleidsgebied (id, soort, naam, bron, geom)
VALUES (4201, 'waterwingebied', 'Proefgebied v1', 'test', pg_temp.sq(0, 0, 1000, 1000));
SELECT now() AS t1 \gset
UPDATE bv_beleidsgebied SET naam = 'Proefgebied v2', versie = 100 WHERE id = 4201;
SELECT now() AS t2 \gset
UPDATE bv_beleidsgebied SET geldig_vanaf = '2030-01-01' WHERE id = 4201;
SELECT now() AS t3 \gset
DELETE FROM bv_beleidsgebied WHERE id = 4201;
SELECT now() AS t4 \gset
-- versie counts updates (the 100 given by the user is ignored)
SELECT id, versie, naam, geldig_vanaf, geregistreerd_van < geregistreerd_tot AS interval_ok
  FROM bv_beleidsgebied_historie WHERE id = 4201 ORDER BY versie;
-- the rows as registered at each moment: before the insert, then v1, v2, v3, gone
SELECT m.moment, o.id, o.versie, o.naam, o.geldig_vanaf
  FROM (VALUES ('t0', '-infinity'::timestamptz), ('t1', :'t1'), ('t2', :'t2'), ('t3', :'t3'), ('t4', :'t4')) m(moment, t)
  LEFT JOIN LATERAL (SELECT * FROM bv_beleidsgebied_op(CASE WHEN m.t = '-infinity' THEN :'t1'::timestamptz - interval '1 hour' ELSE m.t END)
                      WHERE id = 4201) o ON true
 ORDER BY m.moment;
-- on the boundary: a version registered at t belongs to t, not the one before
SELECT (SELECT versie FROM bv_beleidsgebied_op(h.geregistreerd_tot) WHERE id = 4201) AS op_grens,
       (SELECT versie FROM bv_beleidsgebied_op(h.geregistreerd_tot - interval '1 microsecond') WHERE id = 4201) AS net_ervoor
  FROM bv_beleidsgebied_historie h WHERE h.id = 4201 AND h.versie = 1;
-- the other two tables, and the generic function
INSERT INTO bv_wko_systeem (id, naam, systeem, putten, status)
VALUES (4201, 'Proef-WKO', 'open', ST_Multi(pg_temp.pt(500, 500)), 'aangevraagd');
UPDATE bv_wko_systeem SET status = 'vergund', vergunning_datum = '2026-03-01' WHERE id = 4201;
SELECT id, versie, status FROM bv_wko_systeem_historie WHERE id = 4201
UNION ALL SELECT id, versie, status FROM bv_wko_systeem WHERE id = 4201 ORDER BY versie;
SELECT count(*) AS nu_geregistreerd FROM bv_wko_systeem_op(now()) WHERE id = 4201;
SELECT count(*) FROM bv_historie_op(NULL::bv_verharding, now());
-- the analysis areas keep history, each statement its own transaction
INSERT INTO bv_gebied (id, naam, vraag, aanbod, geom) VALUES (4201, 'Proefwijk v1', 10, 100, pg_temp.sq(0, 0, 1000, 1000));
SELECT now() AS g1 \gset
UPDATE bv_gebied SET naam = 'Proefwijk v2', vraag = 50, versie = 7 WHERE id = 4201;
SELECT now() AS g2 \gset
SELECT id, versie, naam, vraag, geregistreerd_van < geregistreerd_tot AS interval_ok
  FROM bv_gebied_historie WHERE id = 4201
UNION ALL SELECT id, versie, naam, vraag, NULL FROM bv_gebied WHERE id = 4201 ORDER BY versie;
SELECT m.moment, o.versie, o.naam, o.vraag
  FROM (VALUES ('g0', :'g1'::timestamptz - interval '1 hour'), ('g1', :'g1'), ('g2', :'g2')) m(moment, t)
  LEFT JOIN LATERAL (SELECT * FROM bv_historie_op(NULL::bv_gebied, m.t) WHERE id = 4201) o ON true
 ORDER BY m.moment;
DELETE FROM bv_gebied WHERE id = 4201;
SELECT pg_catalog.count(*) AS versies_na_delete FROM bv_gebied_historie WHERE id = 4201;
-- and so do the area kinds: a new kind changed and removed, and a shipped
-- kind changed by hand (no longer standaard; the shipped version is kept)
INSERT INTO bv_gebiedssoort (soort, omschrijving, bron) VALUES ('proefsoort', 'Proef v1', 'eigen keuze: test');
UPDATE bv_gebiedssoort SET omschrijving = 'Proef v2' WHERE soort = 'proefsoort';
DELETE FROM bv_gebiedssoort WHERE soort = 'proefsoort';
SELECT soort, versie, omschrijving FROM bv_gebiedssoort_historie WHERE soort = 'proefsoort' ORDER BY versie;
BEGIN;
UPDATE bv_gebiedssoort SET omschrijving = omschrijving || ' (aangepast)' WHERE soort = 'gasveld';
SELECT 'historie' AS waar, soort, versie, standaard, omschrijving LIKE '%(aangepast)' AS aangepast
  FROM bv_gebiedssoort_historie WHERE soort = 'gasveld'
UNION ALL
SELECT 'nu', soort, versie, standaard, omschrijving LIKE '%(aangepast)' FROM bv_gebiedssoort WHERE soort = 'gasveld';
-- renaming a kind cascades to its rules, which keep their history as well
UPDATE bv_gebiedssoort SET soort = 'gasveld_nam' WHERE soort = 'gasveld';
SELECT code, versie, soort FROM bv_regel_historie WHERE code = 'gasveld.geothermie'
UNION ALL SELECT code, versie, soort FROM bv_regel WHERE code = 'gasveld.geothermie' ORDER BY versie;
ROLLBACK;
SELECT count(*) FROM bv_verontreiniging_op(NULL);
-- TRUNCATE keeps the rows as history too; truncating the table together
-- with its history empties both
BEGIN;
INSERT INTO bv_verontreiniging (id, naam, geom) VALUES (4201, 'Proefpluim', pg_temp.pt(100, 100));
TRUNCATE bv_verontreiniging;
SELECT count(*) AS in_historie FROM bv_verontreiniging_historie WHERE id = 4201;
TRUNCATE bv_verontreiniging, bv_verontreiniging_historie;
SELECT (SELECT count(*) FROM bv_verontreiniging) + (SELECT count(*) FROM bv_verontreiniging_historie) AS leeg;
ROLLBACK;
-- DROP EXTENSION weighs history rows as data too
DO $$
BEGIN
    DROP EXTENSION bodemvisie;
    RAISE EXCEPTION 'dropped';
EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE WARNING 'refused, names bv_beleidsgebied_historie: %', SQLERRM LIKE '%bv_beleidsgebied_historie%';
END $$;

-- Clean up what this section left in the tables (history included).
DELETE FROM bv_wko_systeem WHERE id = 4201;
DELETE FROM bv_beleidsgebied_historie WHERE id = 4201;
DELETE FROM bv_wko_systeem_historie WHERE id = 4201;
DELETE FROM bv_gebied_historie WHERE id = 4201;
DELETE FROM bv_gebiedssoort_historie WHERE soort = 'proefsoort';

-- 6. What changes between two dates.
BEGIN;
INSERT INTO bv_beleidsgebied (id, soort, naam, status, geldig_vanaf, geldig_tot, geom) VALUES
  (4211, 'waterwingebied', 'Komt 2030', 'vastgesteld', '2030-01-01', NULL, pg_temp.sq(0, 0, 1000, 1000)),
  (4212, 'honderdjaarszone', 'Vervalt 2028', 'vastgesteld', NULL, '2028-01-01', pg_temp.sq(2000, 0, 3000, 1000)),
  (4213, 'grondwaterbeschermingsgebied', 'Voornemen', 'voornemen', NULL, NULL, pg_temp.sq(4000, 0, 5000, 1000));
INSERT INTO bv_wko_systeem (id, naam, systeem, putten, diepte_van_m, diepte_tot_m, status, eind_datum) VALUES
  (4211, 'in 2030-gebied', 'open', ST_Multi(pg_temp.pt(100, 100)), 30, 100, 'gerealiseerd', NULL),
  (4212, 'in 2030-gebied, stopt 2029', 'gesloten', ST_Multi(pg_temp.pt(200, 200)), 0, 50, 'gerealiseerd', '2029-01-01'),
  (4213, 'ondiep in honderdjaarszone', 'gesloten', ST_Multi(pg_temp.pt(2100, 100)), 0, 20, 'gerealiseerd', NULL),
  (4214, 'diep in honderdjaarszone', 'open', ST_Multi(pg_temp.pt(2200, 100)), 30, 100, 'vergund', NULL);
INSERT INTO bv_gebied (id, naam, geom) VALUES (4211, 'Proefwijk', pg_temp.sq(500, 0, 2500, 500));
-- recorded decisions: one in the 2030 area (a rule at any depth), a shallow
-- and a deep one in the 100-year zone (its rule applies below 25 m)
SELECT bv_besluit_vastleggen(pg_temp.pt(300, 300), 'gesloten', 0, 50, NULL, NULL, '2026-06-01') > 0 AS vastgelegd,
       bv_besluit_vastleggen(pg_temp.pt(2300, 300), 'gesloten', 0, 25, NULL, NULL, '2026-06-01') > 0 AS ondiep,
       bv_besluit_vastleggen(pg_temp.pt(2300, 300), 'gesloten', 0, 25.5, NULL, NULL, '2026-06-01') > 0 AS diep;
SELECT beleidsgebied, soort, naam, verandering, op, regels, wko_systemen, gebieden,
       (SELECT array_agg(b.diepte_tot_m ORDER BY b.id) FROM bv_besluit b WHERE b.id = ANY (besluiten)) AS besluiten_tot_m
  FROM bv_wat_verandert('2027-01-01', '2031-01-01') WHERE beleidsgebied BETWEEN 4211 AND 4213;
-- on both sides of the boundaries
SELECT '2029-12-31' AS tot, count(*) FILTER (WHERE beleidsgebied = 4211) AS komt_2030
  FROM bv_wat_verandert('2027-01-01', '2029-12-31')
UNION ALL
SELECT '2030-01-01', count(*) FILTER (WHERE beleidsgebied = 4211)
  FROM bv_wat_verandert('2027-01-01', '2030-01-01');
SELECT van, count(*) FILTER (WHERE beleidsgebied = 4212) AS vervalt_2028
  FROM (VALUES ('2027-12-31'::date), ('2028-01-01')) v(van), bv_wat_verandert(v.van, '2031-01-01')
 GROUP BY van ORDER BY van;
-- Rules with dates: a kind of our own with one area and one system in it,
-- a kind without any area, and the plume kind; advies is never listed.
INSERT INTO bv_gebiedssoort (soort, omschrijving, bron) VALUES
  ('proefkind', 'Proef.', 'eigen keuze: test'), ('proefkind_leeg', 'Proef zonder gebied.', 'eigen keuze: test');
INSERT INTO bv_beleidsgebied (id, soort, naam, geom)
VALUES (4214, 'proefkind', 'Proefkind-gebied', pg_temp.sq(0, 2000, 1000, 3000));
INSERT INTO bv_wko_systeem (id, naam, systeem, putten, diepte_van_m, diepte_tot_m, status) VALUES
  (4215, 'in proefkind-gebied', 'open', ST_Multi(pg_temp.pt(500, 2500)), 30, 100, 'gerealiseerd'),
  (4216, 'in pluim 4212', 'open', ST_Multi(pg_temp.pt(2050, 4100)), 30, 100, 'gerealiseerd');
INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron, geldig_vanaf, geldig_tot) VALUES
  ('proefkind.vanaf_2029', 'proefkind', '{open}', NULL, 'verbod', 'Proef.', 'eigen keuze: test', '2029-01-01', NULL),
  ('proefkind.tot_2029', 'proefkind', '{open}', NULL, 'restrictie', 'Proef.', 'eigen keuze: test', NULL, '2029-01-01'),
  ('proefkind.advies_2029', 'proefkind', '{open}', NULL, 'advies', 'Proef.', 'eigen keuze: test', '2029-01-01', NULL),
  ('proefkind_leeg.vanaf_2028', 'proefkind_leeg', '{gesloten}', NULL, 'verbod', 'Proef.', 'eigen keuze: test', '2028-01-01', NULL),
  ('verontreiniging.proef_2030', 'verontreiniging', '{gesloten}', 50, 'verbod', 'Proef.', 'eigen keuze: test', '2030-01-01', NULL);
-- Plumes with dates: a contour found in 2029, a source point (its 150 m
-- circle) remediated in 2028, with a decision recorded in its circle.
INSERT INTO bv_verontreiniging (id, naam, status, ontdekt_op, gesaneerd_op, geom) VALUES
  (4211, 'Ontdekt 2029', 'actueel', '2029-03-01', NULL, pg_temp.sq(0, 4000, 200, 4200)),
  (4212, 'Gesaneerd 2028', 'gesaneerd', '2020-01-01', '2028-06-01', pg_temp.pt(2000, 4100));
SELECT bv_besluit_vastleggen(pg_temp.pt(2100, 4100), 'open', 30, 100, NULL, NULL, '2026-06-01') > 0 AS in_pluim;
SELECT beleidsgebied, verontreiniging, soort, naam, verandering, op, regel, regels, wko_systemen,
       cardinality(besluiten) AS besluiten
  FROM bv_wat_verandert('2027-01-01', '2031-01-01')
 WHERE soort IN ('proefkind', 'proefkind_leeg') OR verontreiniging BETWEEN 4211 AND 4212;
-- on both sides of the boundaries: the rules change on 2029-01-01, plume
-- 4211 is found on 2029-03-01, plume 4212 is remediated on 2028-06-01
SELECT v.tot, count(*) FILTER (WHERE w.regel = 'proefkind.vanaf_2029') AS regel_vanaf,
       count(*) FILTER (WHERE w.regel = 'proefkind.tot_2029') AS regel_tot,
       count(*) FILTER (WHERE w.verontreiniging = 4211 AND w.regel IS NULL) AS ontdekt
  FROM (VALUES ('2028-12-31'::date), ('2029-01-01'), ('2029-02-28'), ('2029-03-01')) v(tot),
       bv_wat_verandert('2027-01-01', v.tot) w
 GROUP BY v.tot ORDER BY v.tot;
SELECT v.van, count(*) FILTER (WHERE w.verontreiniging = 4212) AS gesaneerd
  FROM (VALUES ('2028-05-31'::date), ('2028-06-01')) v(van), bv_wat_verandert(v.van, '2031-01-01') w
 GROUP BY v.van ORDER BY v.van;
SELECT count(*) FROM bv_wat_verandert('2031-01-01', '2027-01-01');
ROLLBACK;

-- 7. The decision record: record, replay, change an area, replay again.
BEGIN;
INSERT INTO bv_beleidsgebied (id, soort, naam, geom)
VALUES (4221, 'honderdjaarszone', 'Proefzone', pg_temp.sq(0, 0, 1000, 1000));
SELECT bv_besluit_vastleggen(pg_temp.pt(500, 500), 'open', 30, 100, 10, NULL, '2026-06-01', 'zaak 1') AS besluit \gset
SELECT oordeel, peildatum, toelichting, extensie_versie = (SELECT extversion FROM pg_extension WHERE extname = 'bodemvisie') AS versie_ok,
       geregistreerd_door = session_user AS door_ok, ST_AsText(locatie) AS locatie
  FROM bv_besluit WHERE id = :besluit;
SELECT r ->> 'ernst' AS ernst, r ->> 'regel' AS regel, r ->> 'bron_tabel' AS bron_tabel,
       r ->> 'bron_id' AS bron_id, r ->> 'bron_versie' AS bron_versie
  FROM bv_besluit, jsonb_array_elements(redenen) r WHERE id = :besluit;
SELECT gelijk, oordeel_vastgelegd, oordeel_nu, verschillen FROM bv_besluit_herhalen(:besluit);
-- the area is corrected: a new version; the replay on the current data differs
UPDATE bv_beleidsgebied SET naam = 'Proefzone (gecorrigeerd)' WHERE id = 4221;
SELECT gelijk, oordeel_vastgelegd, oordeel_nu,
       jsonb_path_query_array(verschillen, '$[*].waar') AS waar,
       jsonb_path_query_array(verschillen, '$[*].reden.bron_versie') AS bron_versies
  FROM bv_besluit_herhalen(:besluit);
-- the area lapses: the verdict itself changes
UPDATE bv_beleidsgebied SET status = 'vervallen' WHERE id = 4221;
SELECT gelijk, oordeel_vastgelegd, oordeel_nu,
       jsonb_path_query_array(verschillen, '$[*].waar') AS waar,
       jsonb_path_query_array(verschillen, '$[*].reden.regel') AS regels
  FROM bv_besluit_herhalen(:besluit);
SAVEPOINT s;
SELECT * FROM bv_besluit_herhalen(-1);
ROLLBACK TO s;
SELECT bv_besluit_redenen(pg_temp.pt(500, 500), 'open', 30, 100, 10, NULL, '2026-06-01', now());
ROLLBACK TO s;
-- append-only: refused without the role bv_besluit_beheerder, also for a superuser
UPDATE bv_besluit SET oordeel = 'toegestaan' WHERE id = :besluit;
ROLLBACK TO s;
DELETE FROM bv_besluit WHERE id = :besluit;
ROLLBACK TO s;
TRUNCATE bv_besluit;
ROLLBACK TO s;
-- an ordinary role with the table privilege: refused; as a member of
-- bv_besluit_beheerder: allowed
CREATE ROLE bv_tijd_gebruiker;
CREATE ROLE bv_besluit_beheerder;
GRANT USAGE ON SCHEMA public TO bv_tijd_gebruiker;
GRANT SELECT, UPDATE, DELETE ON bv_besluit TO bv_tijd_gebruiker;
SAVEPOINT s;
SET ROLE bv_tijd_gebruiker;
UPDATE bv_besluit SET toelichting = 'zaak 2' WHERE id = :besluit;
ROLLBACK TO s;
GRANT bv_besluit_beheerder TO bv_tijd_gebruiker;
SET ROLE bv_tijd_gebruiker;
UPDATE bv_besluit SET toelichting = 'zaak 2' WHERE id = :besluit RETURNING toelichting;
RESET ROLE;
ROLLBACK;


-- 8. Reproduction from history: a decision recorded in one transaction,
-- the area corrected in a later one; the replay on the registered data is
-- the same answer, the replay on today's data is not.  (Its own database:
-- the record is append-only and must be committed.)
\c postgres
CREATE DATABASE bv_besluit_historie;
\c bv_besluit_historie
SET client_min_messages = warning;
CREATE EXTENSION bodemvisie CASCADE;
INSERT INTO bv_beleidsgebied (id, soort, naam, geom)
VALUES (1, 'honderdjaarszone', 'Proefzone', 'SRID=28992;MULTIPOLYGON(((230000 550000,231000 550000,231000 551000,230000 551000,230000 550000)))');
SELECT bv_besluit_vastleggen('SRID=28992;POINT(230500 550500)', 'open', 30, 100, 10, NULL, '2026-06-01', 'zaak 2') AS besluit \gset
UPDATE bv_beleidsgebied SET status = 'vervallen' WHERE id = 1;
-- and its rules are reworded (a new version of each)
UPDATE bv_regel SET uitleg = uitleg || ' (herzien)' WHERE soort = 'honderdjaarszone';
SELECT versie, status FROM bv_beleidsgebied WHERE id = 1;
SELECT gelijk, oordeel_vastgelegd, oordeel_nu, verschillen FROM bv_besluit_herhalen(:besluit);
SELECT gelijk, oordeel_vastgelegd, oordeel_nu,
       jsonb_path_query_array(verschillen, '$[*].waar') AS waar
  FROM bv_besluit_herhalen(:besluit, false);
SELECT t.oordeel, t.regel, t.naam
  FROM bv_besluit b, bv_bodemenergie_toets(b.locatie, b.systeem, b.diepte_van_m, b.diepte_tot_m, b.maaiveld_nap,
                                           b.straal_m, b.peildatum, b.geregistreerd_op) t
 WHERE b.id = :besluit;
-- The analysis areas are read from history too: a decision with an
-- interference-area reason replays equal after the area's demand changed.
INSERT INTO bv_gebied (id, naam, ontwikkelgebied, vraag, aanbod, geom)
VALUES (1, 'Proefwijk', true, 50, 100, 'SRID=28992;MULTIPOLYGON(((230000 550000,231000 550000,231000 551000,230000 551000,230000 550000)))');
SELECT bv_besluit_vastleggen('SRID=28992;POINT(230500 550500)', 'gesloten', 0, 20, NULL, NULL, '2026-06-01', 'zaak 3') AS besluit3 \gset
SELECT r ->> 'ernst' AS ernst, r ->> 'regel' AS regel, r ->> 'bron_tabel' AS bron_tabel, r ->> 'bron_versie' AS bron_versie
  FROM bv_besluit, jsonb_array_elements(redenen) r WHERE id = :besluit3;
UPDATE bv_gebied SET vraag = 10 WHERE id = 1;
SELECT gelijk, oordeel_vastgelegd, oordeel_nu, verschillen FROM bv_besluit_herhalen(:besluit3);
SELECT gelijk, oordeel_vastgelegd, oordeel_nu,
       jsonb_path_query_array(verschillen, '$[*].waar') AS waar,
       jsonb_path_query_array(verschillen, '$[*].reden.regel') AS regels
  FROM bv_besluit_herhalen(:besluit3, false);
\set ON_ERROR_STOP 0
SELECT count(*) FROM bv_bodemenergie_toets('SRID=28992;POINT(230500 550500)', 'open', 30, 100, 10, NULL, '2026-06-01', 'infinity');
\set ON_ERROR_STOP 1
\c contrib_regression
DROP DATABASE bv_besluit_historie;
-- The history and freshness triggers name their table (issue 14): on Citus
-- they fire on the shards (<table>_<shard id>), and write next to them
-- (doc/scaling.md).  Without Citus, fired on another relation, the history
-- trigger refuses rather than write anywhere, and the freshness trigger
-- records the relation it fired on.
SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) ~ 'bv_historie_bewaren\(''bv_wko_systeem'', ''bv_wko_systeem_historie''\)' AS met_naam
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname = 'bv_wko_systeem' AND t.tgname LIKE 'bv_historie_%' ORDER BY 2;
SELECT pg_get_triggerdef(t.oid) ~ 'bv_gegevens_gewijzigd\(''bv_gebied''\)' AS met_naam
  FROM pg_trigger t WHERE t.tgrelid = 'bv_gebied'::regclass AND t.tgname = 'bv_gewijzigd';
BEGIN;
CREATE TABLE bv_gebiedssoort_990001 (LIKE bv_gebiedssoort);
INSERT INTO bv_gebiedssoort_990001 SELECT * FROM bv_gebiedssoort WHERE soort = 'gasveld';
CREATE TRIGGER bv_gewijzigd AFTER UPDATE ON bv_gebiedssoort_990001
    FOR EACH STATEMENT EXECUTE FUNCTION bv_gegevens_gewijzigd('bv_gebiedssoort');
UPDATE bv_gebiedssoort_990001 SET omschrijving = 'proef';
SELECT tabel FROM bv_gegevens_status WHERE tabel LIKE 'bv_gebiedssoort%' ORDER BY 1;
CREATE TRIGGER bv_historie_update AFTER UPDATE ON bv_gebiedssoort_990001 REFERENCING OLD TABLE AS bv_oud
    FOR EACH STATEMENT EXECUTE FUNCTION bv_historie_bewaren('bv_gebiedssoort', 'bv_gebiedssoort_historie');
SAVEPOINT s;
\set ON_ERROR_STOP 0
UPDATE bv_gebiedssoort_990001 SET omschrijving = 'proef 2';
\set ON_ERROR_STOP 1
ROLLBACK TO SAVEPOINT s;
SELECT pg_catalog.count(*) FROM bv_gebiedssoort_historie WHERE omschrijving LIKE 'proef%';
ROLLBACK;
