-- bv_bodemenergie_toets and the other policy rules (issue 4), on small
-- hand-made layers.  Expectations are written out from doc/beleid.md sections 1-5,
-- 7-9 and the issue; the queries list every disagreement (empty = pass).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- Local coordinates: metres from (230000, 550000) in RD New.
CREATE FUNCTION pg_temp.pt(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_SetSRID(ST_MakePoint(230000 + x, 550000 + y), 28992) $$;
CREATE FUNCTION pg_temp.sq(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_MakeEnvelope(230000 + x0, 550000 + y0, 230000 + x1, 550000 + y1, 28992)) $$;

-- ---------------------------------------------------------------------
-- 1. Bad input (before any data: each is a clear error with a hint).
-- ---------------------------------------------------------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'warmtepomp', 30, 100);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), NULL, 30, 100);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'Open', 30, 100);
SELECT * FROM bv_bodemenergie_toets(NULL, 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', NULL, 100);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, NULL);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 100, 30);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 'NaN', 100);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 'Infinity');
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 1000);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 'NaN');
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 10, 0);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 10, -250);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 10, 'NaN');
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 10, NULL);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 10, 'Infinity');
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100, 10, 10000.001);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(0, 0), 'open', 30, 100000);
SELECT * FROM bv_bodemenergie_toets('SRID=28992;POLYHEDRALSURFACE(((0 0 0,0 1 0,1 1 0,0 0 0)))', 'gesloten', 0, 10);
SELECT * FROM bv_bodemenergie_toets('SRID=28992;MULTIPOINT EMPTY', 'gesloten', 0, 10);
SELECT * FROM bv_bodemenergie_toets(ST_Transform(pg_temp.pt(0, 0), 4326), 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets('SRID=28992;POINT EMPTY', 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets('SRID=28992;POINTM(230000 550000 1)', 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets('SRID=28992;CIRCULARSTRING(230000 550000,230001 550001,230002 550000)', 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets('SRID=28992;POLYGON((230000 550000,230010 550010,230010 550000,230000 550010,230000 550000))', 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets('SRID=999999;POINT(230000 550000)', 'open', 30, 100);

-- ---------------------------------------------------------------------
-- 2. Hand-made layers.  Everything runs in one transaction that starts by
--    emptying the tables and ends with ROLLBACK, so rows of other tests
--    neither disturb nor are disturbed.
-- ---------------------------------------------------------------------
BEGIN;
-- TRUNCATE ... RESTART IDENTITY is rolled back with the transaction too;
-- it makes the ids below independent of earlier tests.
TRUNCATE bv_beleidsgebied, bv_gebied, bv_wko_systeem, bv_verontreiniging RESTART IDENTITY;

-- Policy areas: one square per kind along y in [0, 1000].
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES
  ('waterwingebied',               'Waterwingebied Assen-Oost',      pg_temp.sq(0, 0, 1000, 1000)),
  ('boringsvrije_zone',            'Verbodzone diepe boringen',      pg_temp.sq(2000, 0, 3000, 1000)),
  ('honderdjaarszone',             '100-jaarszone Assen-Oost',       pg_temp.sq(4000, 0, 5000, 1000)),
  ('grondwaterbeschermingsgebied', 'GWBG Assen-West',                pg_temp.sq(6000, 0, 7000, 1000)),
  ('nationaal_landschap',          'Drentse Aa',                     pg_temp.sq(8000, 0, 9000, 1000)),
  ('gasveld',                      'Gasveld Assen',                  pg_temp.sq(10000, 0, 11000, 1000)),
  ('archeologie',                  'Hoge verwachting',               pg_temp.sq(12000, 0, 13000, 1000)),
  ('hoofdtrace',                   'Hoofdtrace Noord',               pg_temp.sq(14000, 0, 15000, 1000));

-- Contamination along y = 5000: a source point (150 m circle), a contour
-- being remediated, and a remediated point that takes no part.
INSERT INTO bv_verontreiniging (naam, status, geom) VALUES
  ('Stomerij', 'actueel', pg_temp.pt(0, 5000)),
  ('Gasfabriek', 'in_sanering', ST_Multi(pg_temp.sq(3000, 4500, 4000, 5500))),
  ('Oude tank', 'gesaneerd', pg_temp.pt(6000, 5000));

-- WKO systems along y = 10000.
INSERT INTO bv_wko_systeem (naam, systeem, putten, diepte_van_m, diepte_tot_m, straal_m, status) VALUES
  ('WKO Ziekenhuis', 'open', ST_Multi(pg_temp.pt(0, 10000)), 60, 100, NULL, 'gerealiseerd'),
  ('WKO School', 'gesloten', ST_Collect(pg_temp.pt(3000, 10000), pg_temp.pt(3050, 10000)), 0, 80, 100, 'gerealiseerd'),
  ('WKO TT-hal', 'open', ST_Multi(pg_temp.pt(6000, 10000)), 80, 150, 1000, 'vergund');

-- Analysis areas along y in [14000, 16000] for decision tree 4.1.
INSERT INTO bv_gebied (naam, ontwikkelgebied, vraag, aanbod, geom) VALUES
  ('Ontwikkel boven drempel', true, 31, 100, pg_temp.sq(0, 14000, 2000, 16000)),
  ('Ontwikkel op drempel',    true, 30, 100, pg_temp.sq(3000, 14000, 5000, 16000)),
  ('Vier systemen, aanbod 0', false, 1, 0,   pg_temp.sq(6000, 14000, 8000, 16000)),
  ('Drie systemen, aanbod 0', false, 1, 0,   pg_temp.sq(9000, 14000, 11000, 16000)),
  ('Ontwikkel, vraag onbekend', true, NULL, 100, pg_temp.sq(12000, 14000, 14000, 16000));
INSERT INTO bv_wko_systeem (naam, systeem, putten, straal_m)
SELECT format('Hoek %s-%s', g, c), 'gesloten', ST_Multi(pg_temp.pt(x0 + dx, 14010 + dy)), 10
  FROM (VALUES (1, 6000, 4), (2, 9000, 3)) AS a(g, x0, n),
       LATERAL (SELECT c, (ARRAY[10, 1980, 10, 1980])[c] AS dx, (ARRAY[0, 0, 1980, 1980])[c] AS dy
                  FROM generate_series(1, a.n) c) p;

-- The cases: location, system, interval, ground level, bubble radius, and
-- the expected verdict and reasons (ernst:regel:source name, sorted).
CREATE TEMP TABLE expect_toets(
  nr serial, x float8, y float8, systeem text, van float8, tot float8,
  mv float8, straal float8, oordeel text, redenen text, why text);
INSERT INTO expect_toets (x, y, systeem, van, tot, mv, straal, oordeel, redenen, why) VALUES
  -- zone rules at a clean spot
  (16500, 500, 'open', 25, 299.999, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'open wholly in zone 2'),
  (16500, 500, 'open', 25, 25, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'open at the top of zone 2'),
  (16500, 500, 'open', 24.999, 100, NULL, 250, 'verbod', 'verbod:zone:', 'open starts in zone 1'),
  (16500, 500, 'open', 25, 300, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'open 25-300: zone 2 is a closed range'),
  (16500, 500, 'open', 25, 300.01, NULL, 250, 'verbod', 'verbod:zone:', 'open just below 300 m'),
  (16500, 500, 'gesloten', 0, 299.999, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'closed in zones 1-2'),
  (16500, 500, 'gesloten', -0.001, 10, NULL, 250, 'verbod', 'verbod:zone:', 'closed above ground level'),
  (16500, 500, 'gesloten', 0, 300, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'closed down to 300 m'),
  (16500, 500, 'gesloten', 0, 300.001, NULL, 250, 'verbod', 'verbod:zone:', 'closed below 300 m'),
  (16500, 500, 'geothermie', 1400, 4500, NULL, 250, 'restrictie', 'restrictie:geothermie:', 'geothermal 1,400-4,500 m (table 2.2): Mijnbouwwet, NAM'),
  (16500, 500, 'geothermie', 1399.999, 2500, NULL, 250, 'verbod', 'verbod:zone:, restrictie:geothermie:', 'geothermal reaching into the Zechstein'),
  (16500, 500, 'geothermie', 500, 1000, NULL, 250, 'verbod', 'verbod:zone:, restrictie:geothermie:', 'geothermal in the Zechstein'),
  (16500, 500, 'geothermie', 2000, 4500.001, NULL, 250, 'verbod', 'verbod:zone:, restrictie:geothermie:', 'geothermal below 4,500 m'),
  -- waterwingebied: verbod for all soil energy; the edge belongs to the area
  (500, 500, 'open', 30, 100, NULL, 250, 'verbod', 'verbod:waterwingebied.bodemenergie:Waterwingebied Assen-Oost', 'open'),
  (500, 500, 'gesloten', 0, 20, NULL, 250, 'verbod', 'verbod:waterwingebied.bodemenergie:Waterwingebied Assen-Oost', 'closed'),
  (500, 500, 'geothermie', 2000, 2500, NULL, 250, 'verbod', 'verbod:waterwingebied.bodemenergie:Waterwingebied Assen-Oost, restrictie:geothermie:', 'geothermal'),
  (1000, 500, 'gesloten', 0, 20, NULL, 250, 'verbod', 'verbod:waterwingebied.bodemenergie:Waterwingebied Assen-Oost', 'on the edge'),
  (1000.001, 500, 'gesloten', 0, 20, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', '1 mm outside'),
  -- boringsvrije zone: deeper than 15 m verbod, shallower restrictie, geothermal verbod
  (2500, 500, 'gesloten', 0, 15, NULL, 250, 'restrictie', 'restrictie:boringsvrije_zone.boren:Verbodzone diepe boringen', 'to 15 m'),
  (2500, 500, 'gesloten', 0, 15.001, NULL, 250, 'verbod', 'verbod:boringsvrije_zone.dieper_dan_15m:Verbodzone diepe boringen, restrictie:boringsvrije_zone.boren:Verbodzone diepe boringen', 'just deeper than 15 m'),
  (2500, 500, 'open', 30, 100, NULL, 250, 'verbod', 'verbod:boringsvrije_zone.dieper_dan_15m:Verbodzone diepe boringen, restrictie:boringsvrije_zone.boren:Verbodzone diepe boringen', 'open in zone 2'),
  (2500, 500, 'geothermie', 2000, 2500, NULL, 250, 'verbod', 'verbod:boringsvrije_zone.dieper_dan_15m:Verbodzone diepe boringen, restrictie:geothermie:', 'geothermal'),
  (1999.999, 500, 'open', 30, 100, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'just outside'),
  -- honderdjaarszone: restrictie for the part in zone 2
  (4500, 500, 'gesloten', 0, 24.999, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'closed only in zone 1'),
  (4500, 500, 'gesloten', 0, 25, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'closed down to 25 m: [0, 25] lies in zone 1'),
  (4500, 500, 'gesloten', 0, 25.001, NULL, 250, 'restrictie', 'restrictie:honderdjaarszone.zone_2:100-jaarszone Assen-Oost', 'closed reaches into zone 2'),
  (4500, 500, 'open', 30, 100, NULL, 250, 'restrictie', 'restrictie:honderdjaarszone.zone_2:100-jaarszone Assen-Oost', 'open'),
  (4500, 500, 'geothermie', 2000, 2500, NULL, 250, 'restrictie', 'restrictie:geothermie:, restrictie:honderdjaarszone.zone_2:100-jaarszone Assen-Oost', 'the geothermal bore crosses zone 2'),
  -- grondwaterbeschermingsgebied: verbod for all soil energy
  (6500, 500, 'gesloten', 0, 10, NULL, 250, 'verbod', 'verbod:grondwaterbeschermingsgebied.bodemenergie:GWBG Assen-West', 'shallow closed'),
  (6500, 500, 'open', 30, 100, NULL, 250, 'verbod', 'verbod:grondwaterbeschermingsgebied.bodemenergie:GWBG Assen-West', 'open'),
  (6500, 500, 'geothermie', 2000, 2500, NULL, 250, 'verbod', 'verbod:grondwaterbeschermingsgebied.bodemenergie:GWBG Assen-West, restrictie:geothermie:', 'geothermal'),
  -- nationaal landschap: restrictie for the part in zone 2
  (8500, 500, 'gesloten', 0, 24.999, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'zone 1 only'),
  (8500, 500, 'open', 25, 100, NULL, 250, 'restrictie', 'restrictie:nationaal_landschap.zone_2:Drentse Aa', 'zone 2'),
  -- gas field: geothermal verbod (and no NAM reason); WKO unaffected
  (10500, 500, 'geothermie', 2000, 2500, NULL, 250, 'verbod', 'verbod:gasveld.geothermie:Gasveld Assen', 'geothermal in a gas field'),
  (10500, 500, 'open', 30, 100, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'WKO over a gas field'),
  (11000.001, 500, 'geothermie', 2000, 2500, NULL, 250, 'restrictie', 'restrictie:geothermie:', 'just outside the gas field'),
  -- archaeology and main routes take no part in this check
  (12500, 500, 'gesloten', 0, 10, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'archeologie'),
  (14500, 500, 'gesloten', 0, 10, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'hoofdtrace'),
  -- contamination: the 150 m circle is ST_Buffer's polygon (8 segments per
  -- quarter); a point between two vertices at 149.5 m is outside it
  (149.999, 5000, 'gesloten', 0, 20, NULL, 250, 'restrictie', 'restrictie:verontreiniging.potklei:Stomerij', 'inside the circle'),
  (150, 5000, 'gesloten', 0, 20, NULL, 250, 'restrictie', 'restrictie:verontreiniging.potklei:Stomerij', 'on a vertex of the circle'),
  (150.001, 5000, 'gesloten', 0, 20, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'outside the circle'),
  (149.5 * cos(radians(5.625)), 5000 + 149.5 * sin(radians(5.625)), 'gesloten', 0, 20, NULL, 250,
   'toegestaan', 'toegestaan:geen_beperking:', 'inside the true circle, outside the buffer polygon'),
  (3500, 5000, 'geothermie', 2000, 2500, 10, 250, 'restrictie', 'restrictie:geothermie:, restrictie:verontreiniging.potklei:Gasfabriek', 'in a contour, every kind'),
  (2999.999, 5000, 'gesloten', 0, 20, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'just outside the contour'),
  (6000, 5000, 'gesloten', 0, 20, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'remediated'),
  -- interference: bubbles overlap when the distance < sum of radii
  (0, 10499.999, 'open', 30, 100, NULL, 250, 'restrictie', 'restrictie:interferentie:WKO Ziekenhuis', '250 + 250, just overlapping'),
  -- ... and only when the screens overlap in depth (Ziekenhuis: 60-100 m-mv)
  (0, 10100, 'gesloten', 0, 59.999, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'closed above the screen: no shared bubble'),
  (0, 10100, 'gesloten', 0, 60, NULL, 250, 'restrictie', 'restrictie:interferentie:WKO Ziekenhuis', 'closed down to the screen top: touching counts'),
  (0, 10100, 'open', 100, 140, NULL, 250, 'restrictie', 'restrictie:interferentie:WKO Ziekenhuis', 'open from the screen bottom down: touching counts'),
  (0, 10100, 'open', 100.001, 140, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'open just below the screen'),
  (0, 10500, 'open', 30, 100, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'bubbles touch'),
  (0, 10300, 'open', 30, 100, NULL, 50, 'toegestaan', 'toegestaan:geen_beperking:', 'own radius 50: 300 = 250 + 50 touches'),
  (0, 10299.999, 'open', 30, 100, NULL, 50, 'restrictie', 'restrictie:interferentie:WKO Ziekenhuis', 'own radius 50, overlapping'),
  (3050, 10349.999, 'gesloten', 0, 50, NULL, 250, 'restrictie', 'restrictie:interferentie:WKO School', 'radius 100 of the second well'),
  (3050, 10350, 'gesloten', 0, 50, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'touching the second well''s bubble'),
  (6000, 11249.999, 'open', 30, 100, NULL, 250, 'restrictie', 'restrictie:interferentie:WKO TT-hal', 'planned system with radius 1000'),
  (6000, 11250, 'open', 30, 100, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'touching radius 1000'),
  (6000, 11000, 'geothermie', 2000, 2500, NULL, 250, 'restrictie', 'restrictie:geothermie:', 'geothermal has no WKO bubble'),
  (1400, 10000, 'open', 30, 100, NULL, 1500.001, 'restrictie', 'restrictie:interferentie:WKO School, restrictie:interferentie:WKO Ziekenhuis', 'a big bubble names both'),
  (1400, 10000, 'open', 30, 100, NULL, 1500, 'restrictie', 'restrictie:interferentie:WKO Ziekenhuis', 'a big bubble touching the school'),
  -- decision tree 4.1 areas
  (1000, 15000, 'open', 30, 100, NULL, 250, 'restrictie', 'restrictie:interferentiegebied:Ontwikkel boven drempel', 'demand 31 % of supply'),
  (4000, 15000, 'open', 30, 100, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'demand 30 % of supply'),
  (7000, 15000, 'gesloten', 0, 50, NULL, 250, 'restrictie', 'restrictie:interferentiegebied:Vier systemen, aanbod 0', '4 systems, supply 0'),
  (10000, 15000, 'gesloten', 0, 50, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', '3 systems: market'),
  (13000, 15000, 'gesloten', 0, 50, NULL, 250, 'toegestaan', 'toegestaan:geen_beperking:', 'demand unknown: onderzoek, no restriction'),
  (1000, 15000, 'geothermie', 2000, 2500, NULL, 250, 'restrictie', 'restrictie:geothermie:', 'geothermal: no WKO masterplan'),
  -- several reasons: the worst wins
  (2500, 500, 'gesloten', 0, 10, NULL, 250, 'restrictie', 'restrictie:boringsvrije_zone.boren:Verbodzone diepe boringen', 'shallow in boringsvrije zone'),
  (500, 500, 'open', 10, 400, NULL, 250, 'verbod', 'verbod:waterwingebied.bodemenergie:Waterwingebied Assen-Oost, verbod:zone:', 'two verboden');

SELECT e.nr, e.why, e.oordeel, got.oordeel AS got_oordeel, e.redenen, got.redenen AS got_redenen
  FROM expect_toets e
 CROSS JOIN LATERAL (
        SELECT min(t.oordeel) AS oordeel, count(DISTINCT t.oordeel) AS n_oordeel,
               string_agg(t.ernst || ':' || t.regel || ':' || coalesce(t.naam, ''), ', '
                          ORDER BY CASE t.ernst WHEN 'verbod' THEN 0 ELSE 1 END, t.regel, t.naam) AS redenen
          FROM bv_bodemenergie_toets(pg_temp.pt(e.x, e.y), e.systeem, e.van, e.tot, e.mv, e.straal) t) got
 WHERE (got.oordeel, got.redenen, got.n_oordeel) IS DISTINCT FROM (e.oordeel, e.redenen, 1::bigint);
SELECT count(*) AS toets_cases FROM expect_toets;

-- The verdict is the worst reason; bv_bodemenergie_oordeel agrees.
SELECT e.nr FROM expect_toets e
 WHERE bv_bodemenergie_oordeel(pg_temp.pt(e.x, e.y), e.systeem, e.van, e.tot, e.mv, e.straal)
       IS DISTINCT FROM e.oordeel;

-- Full rows for a few cases, with the Dutch explanations.
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(16500, 500), 'open', 30, 100);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(500, 500), 'open', 10, 400);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(1400, 10000), 'open', 30, 100, NULL, 1500.001);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(10500, 500), 'geothermie', 2000, 2500);
SELECT * FROM bv_bodemenergie_toets(pg_temp.pt(1000, 15000), 'open', 30, 100);

-- Contamination and the pot clay (ground level +10 m NAP: the clay sdl1 is
-- 15-60 m below ground level).  The borehole runs from ground level down.
SELECT v.tot, v.mv, t.uitleg
  FROM (VALUES (14.999, 10.0), (15, 10), (59.999, 10), (60, 10), (60, NULL)) AS v(tot, mv),
       bv_bodemenergie_toets(pg_temp.pt(0, 5000), 'gesloten', 0, v.tot, v.mv) t
 ORDER BY v.tot, v.mv;
SELECT t.uitleg FROM bv_bodemenergie_toets(pg_temp.pt(0, 5000), 'open', 70, 100, 10) t;

-- A plot polygon that reaches 1 m into the waterwingebied.
SELECT oordeel, regel, naam
  FROM bv_bodemenergie_toets(ST_Buffer(pg_temp.pt(1050, 500), 51), 'gesloten', 0, 20);

-- Other location shapes: a line (e.g. a horizontal loop) and a collection
-- are checked wherever they touch.
SELECT string_agg(regel || ':' || coalesce(naam, ''), ', ' ORDER BY regel, naam) AS lijn
  FROM bv_bodemenergie_toets(ST_MakeLine(pg_temp.pt(900, 500), pg_temp.pt(2100, 500)), 'gesloten', 0, 10);
SELECT string_agg(regel || ':' || coalesce(naam, ''), ', ' ORDER BY regel, naam) AS verzameling
  FROM bv_bodemenergie_toets(ST_Collect(pg_temp.pt(4500, 500), ST_MakeLine(pg_temp.pt(0, 5100), pg_temp.pt(10, 5100))), 'gesloten', 0, 30);

-- SRIDs: 0 is read as RD New; another metric CRS is transformed; Z ignored.
SELECT bv_bodemenergie_oordeel(ST_SetSRID(pg_temp.pt(500, 500), 0), 'gesloten', 0, 20) AS srid0,
       bv_bodemenergie_oordeel(ST_Transform(pg_temp.pt(500, 500), 32631), 'gesloten', 0, 20) AS utm31,
       bv_bodemenergie_oordeel(ST_Transform(pg_temp.pt(500, 500), 3857), 'gesloten', 0, 20) AS web_mercator,
       bv_bodemenergie_oordeel(ST_Force3D(pg_temp.pt(500, 500), 12), 'gesloten', 0, 20) AS with_z;

-- Cross-check against plain PostGIS on generated locations (fixed seed):
-- the set of policy areas, plumes and systems named equals what the same
-- questions give in SQL.
CREATE TEMP TABLE loc AS
SELECT i, pg_temp.pt(-500 + random() * 17000, -500 + random() * 17000) AS g
  FROM (SELECT setseed(0.42)) s, generate_series(1, 400) i;
SELECT count(*) AS cross_check_mismatches
  FROM loc l,
       LATERAL (SELECT string_agg(DISTINCT t.bron_tabel || t.bron_id, ',' ORDER BY t.bron_tabel || t.bron_id) AS got
                  FROM bv_bodemenergie_toets(l.g, 'open', 30, 100) t
                 WHERE t.bron_tabel IN ('bv_beleidsgebied', 'bv_verontreiniging', 'bv_wko_systeem')) a,
       LATERAL (SELECT string_agg(k, ',' ORDER BY k) AS want FROM (
                  SELECT 'bv_beleidsgebied' AS tab, b.id FROM bv_beleidsgebied b
                   WHERE ST_Intersects(b.geom, l.g)
                     AND b.soort NOT IN ('gasveld', 'archeologie', 'hoofdtrace')
                  UNION ALL
                  SELECT 'bv_verontreiniging', v.id FROM bv_verontreiniging v
                   WHERE v.status <> 'gesaneerd'
                     AND ST_Intersects(CASE WHEN GeometryType(v.geom) = 'POINT'
                                            THEN ST_Buffer(v.geom, 150) ELSE v.geom END, l.g)
                  UNION ALL
                  SELECT 'bv_wko_systeem', w.id FROM bv_wko_systeem w
                   WHERE ST_Distance(w.putten, l.g) < 250 + coalesce(w.straal_m, 250)
                ) x, LATERAL (SELECT x.tab || x.id AS k) kk) b
 WHERE a.got IS DISTINCT FROM b.want;
ROLLBACK;

-- Table 4.1, the ladder and the geothermal potential: sql/52_keuzehulp.sql.

-- Declared properties.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
 WHERE p.proname IN ('bv_bodemenergie_toets', 'bv_bodemenergie_oordeel')
 ORDER BY p.oid::regprocedure::text;
