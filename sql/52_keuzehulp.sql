-- Guidance readings of the Bodemvisie (issue 9 section 2): table 4.1 as a
-- guideline, the Ladder van Assen in three blocks, the competent authority
-- per activity, the geothermal potential without the excluded ground.
-- Expected values are written from the document (quoted next to them); the
-- queries list every disagreement (empty = pass).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Local coordinates: metres from (230000, 550000) in RD New.
CREATE FUNCTION pg_temp.pt(x float8, y float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_SetSRID(ST_MakePoint(230000 + x, 550000 + y), 28992) $$;
CREATE FUNCTION pg_temp.sq(x0 float8, y0 float8, x1 float8, y1 float8) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_MakeEnvelope(230000 + x0, 550000 + y0, 230000 + x1, 550000 + y1, 28992)) $$;

-- ---------------------------------------------------------------------
-- 1. Table 4.1: "Nieuwbouw ... (< 50 woningen)", "Nieuwbouw ... (> 50
--    woningen)", "Bestaande bouw ... (> 2.000 woningen)"; no cell = maatwerk.
--    Eigen keuze: 50 is open; 2,000 is not "> 2.000".
-- ---------------------------------------------------------------------
CREATE TEMP TABLE expect_keuze(woningen int, bestaand boolean, systeem text);
INSERT INTO expect_keuze VALUES
  (0, false, 'gesloten'), (49, false, 'gesloten'), (50, false, 'open'), (51, false, 'open'),
  (2000, false, 'open'), (2001, false, 'maatwerk'), (100000, false, 'maatwerk'),
  (0, true, 'maatwerk'), (49, true, 'maatwerk'), (50, true, 'maatwerk'), (2000, true, 'maatwerk'),
  (2001, true, 'geothermie'), (100000, true, 'geothermie');
SELECT e.*, bv_systeemkeuze(e.woningen, e.bestaand) AS got
  FROM expect_keuze e WHERE bv_systeemkeuze(e.woningen, e.bestaand) IS DISTINCT FROM e.systeem;
-- the richer function agrees for dwellings, with and without the default
SELECT e.*, a.advies
  FROM expect_keuze e, bv_systeemadvies(e.woningen, e.bestaand) a
 WHERE a.advies IS DISTINCT FROM e.systeem
    OR a.advies IS DISTINCT FROM (bv_systeemadvies(e.woningen, e.bestaand, 'woningen')).advies;
SELECT bv_systeemkeuze(NULL, true) IS NULL AS null_woningen, bv_systeemkeuze(10, NULL) IS NULL AS null_bouw,
       (bv_systeemadvies(10, false, NULL)).advies IS NULL AS null_functie;
SELECT bv_systeemkeuze(-1, false);
SELECT * FROM bv_systeemadvies(-1, false, 'kantoren');

-- Other kinds of building ("Ontwikkeling" row of the table).
CREATE TEMP TABLE expect_advies(functie text, woningen int, bestaand boolean, advies text);
INSERT INTO expect_advies VALUES
  -- "kleine kantoren" gesloten, "kantoren" open, both "Nieuwbouw"
  ('kantoren', 0, false, 'gesloten'), ('kantoren', 49, false, 'gesloten'),
  ('kantoren', 50, false, 'open'), ('kantoren', 2000, false, 'open'),
  ('kantoren', 2001, false, 'maatwerk'), ('kantoren', 10, true, 'maatwerk'),
  ('kantoren', 5000, true, 'maatwerk'),
  -- "industrie": open column, "Nieuwbouw"; size does not apply
  ('industrie', 0, false, 'open'), ('industrie', 10000, false, 'open'), ('industrie', 0, true, 'maatwerk'),
  -- "glastuinbouw": geothermie column (eigen keuze: new and existing)
  ('glastuinbouw', 0, false, 'geothermie'), ('glastuinbouw', 0, true, 'geothermie'),
  -- "woon-complexen (> 50 woningen)", "woonwijken (> 2.000 woningen)": the size rule
  ('wooncomplex', 60, false, 'open'), ('wooncomplex', 60, true, 'maatwerk'),
  ('woonwijk', 2001, true, 'geothermie'), ('woonwijk', 2001, false, 'maatwerk');
SELECT e.*, a.advies AS got
  FROM expect_advies e, bv_systeemadvies(e.woningen, e.bestaand, e.functie) a
 WHERE a.advies IS DISTINCT FROM e.advies;
-- The explanation: always cites table 4.1 as a guideline; low-temperature
-- heating and extra investment wherever existing build gets no WKO answer;
-- the preference for open over closed with every WKO answer.
SELECT x.functie, x.woningen, x.bestaand, a.advies,
       a.uitleg LIKE 'Tabel 4.1 (module 4, Bodemenergie) is een richtlijn, geen beslistabel: %' AS tabel,
       a.uitleg LIKE '%lage temperatuurverwarming%' AND a.uitleg LIKE '%extra investeringen%' AS lage_temp,
       a.uitleg LIKE '%open systemen de voorkeur boven gesloten systemen%' AS voorkeur_open
  FROM (SELECT functie, woningen, bestaand FROM expect_advies
        UNION SELECT 'woningen', woningen, bestaand FROM expect_keuze) x,
       bv_systeemadvies(x.woningen, x.bestaand, x.functie) a
 WHERE NOT (a.uitleg LIKE 'Tabel 4.1 (module 4, Bodemenergie) is een richtlijn, geen beslistabel: %')
    OR (a.uitleg LIKE '%extra investeringen%') IS DISTINCT FROM (x.bestaand AND a.advies = 'maatwerk')
    OR (a.uitleg LIKE '%open systemen de voorkeur boven gesloten systemen%')
       IS DISTINCT FROM (a.advies IN ('open', 'gesloten') OR (a.advies = 'maatwerk' AND NOT x.bestaand
                                                           AND x.functie <> 'kantoren'));
SELECT * FROM bv_systeemadvies(30, false);
SELECT * FROM bv_systeemadvies(800, true);
SELECT * FROM bv_systeemadvies(0, true, 'glastuinbouw');
SELECT * FROM bv_systeemadvies(10, false, 'school');
SELECT * FROM bv_systeemadvies(10, false, 'Kantoren');

-- ---------------------------------------------------------------------
-- 2. Ladder van Assen (fig. 4.1): three blocks, no order inside a block.
-- ---------------------------------------------------------------------
SELECT blok, string_agg(functie, ', ' ORDER BY functie) AS functies,
       string_agg(functie, ', ' ORDER BY functie) FILTER (WHERE drinkwaterverbod) AS drinkwaterverbod
  FROM bv_ladder_treden() GROUP BY blok ORDER BY blok;
CREATE TEMP TABLE expect_blok(functie text, blok int);
INSERT INTO expect_blok VALUES
  ('bodemkwaliteit', 1),                         -- "Beschermen en verbeteren grond- en grondwaterkwaliteit"
  ('bodemenergie', 2), ('wko_open', 2), ('wko_gesloten', 2), ('geothermie', 2),
  ('geothermie_warmte', 2), ('geothermie_elektrisch', 2),   -- "Bodemenergie (zowel opslag als winning van aardwarmte)"
  ('grondwaterwinning', 2), ('drinkwaterwinning', 2),       -- "Grondwateronttrekkingen"
  ('olie_gaswinning', 2), ('gaswinning', 2), ('oliewinning', 2),  -- "Olie- en gaswinningen"
  ('opslag_gas', 2), ('injectie_formatiewater', 2),         -- "Gasopslag", "Injectie van formatiewater"
  ('opslag_afval', 3), ('opslag_co2', 3);        -- "Opslag van gevaarlijk en radioactief afval", "CO2-opslag"
SELECT coalesce(e.functie, t.functie) AS functie, e.blok AS expected, t.blok AS got
  FROM expect_blok e FULL JOIN bv_ladder_treden() t USING (functie)
 WHERE e.blok IS DISTINCT FROM t.blok OR e.blok IS DISTINCT FROM bv_ladder(e.functie);

CREATE TEMP TABLE expect_voorrang(a text, b text, voorrang text);
INSERT INTO expect_voorrang VALUES
  -- different blocks: the higher block
  ('bodemkwaliteit', 'wko_open', 'bodemkwaliteit'),
  ('grondwaterwinning', 'bodemkwaliteit', 'bodemkwaliteit'),
  ('wko_open', 'opslag_afval', 'wko_open'),
  ('injectie_formatiewater', 'opslag_co2', 'injectie_formatiewater'),
  ('bodemkwaliteit', 'drinkwaterwinning', 'bodemkwaliteit'),
  -- same block: maatwerk, never a winner
  ('wko_open', 'wko_gesloten', 'maatwerk'),
  ('wko_open', 'geothermie', 'maatwerk'),
  ('grondwaterwinning', 'gaswinning', 'maatwerk'),
  ('bodemenergie', 'opslag_gas', 'maatwerk'),
  ('opslag_afval', 'opslag_co2', 'maatwerk'),
  ('drinkwaterwinning', 'grondwaterwinning', 'maatwerk'),
  ('wko_open', 'wko_open', 'maatwerk'),
  -- the drinking-water bans of modules 3 and 4 are not weighed
  ('wko_open', 'drinkwaterwinning', 'drinkwaterwinning'),
  ('drinkwaterwinning', 'wko_gesloten', 'drinkwaterwinning'),
  ('bodemenergie', 'drinkwaterwinning', 'drinkwaterwinning'),
  ('drinkwaterwinning', 'geothermie_warmte', 'drinkwaterwinning'),
  ('gaswinning', 'drinkwaterwinning', 'drinkwaterwinning'),
  ('drinkwaterwinning', 'opslag_co2', 'drinkwaterwinning'),
  -- bijlage 3: "Geothermische energie gaat bij interferentie vóór CO2opslag
  -- en strategische en permanente gasopslag"
  ('geothermie', 'opslag_gas', 'geothermie'),
  ('opslag_gas', 'geothermie_warmte', 'geothermie_warmte'),
  ('opslag_co2', 'geothermie_elektrisch', 'geothermie_elektrisch');
SELECT e.*, bv_ladder_voorrang(e.a, e.b) AS got_ab, bv_ladder_voorrang(e.b, e.a) AS got_ba
  FROM expect_voorrang e
 WHERE bv_ladder_voorrang(e.a, e.b) IS DISTINCT FROM e.voorrang
    OR bv_ladder_voorrang(e.b, e.a) IS DISTINCT FROM e.voorrang;
-- every pair: symmetric, never NULL, the same as bv_ladder_afweging, the
-- guide's words in every explanation, the rejection of CO2 storage exactly
-- when CO2 storage is asked about
SELECT a.functie AS a, b.functie AS b, x.voorrang, x.uitleg
  FROM bv_ladder_treden() a CROSS JOIN bv_ladder_treden() b
 CROSS JOIN LATERAL bv_ladder_afweging(a.functie, b.functie) x
 WHERE x.voorrang IS NULL
    OR x.voorrang IS DISTINCT FROM (bv_ladder_afweging(b.functie, a.functie)).voorrang
    OR x.voorrang IS DISTINCT FROM bv_ladder_voorrang(a.functie, b.functie)
    OR x.voorrang NOT IN (a.functie, b.functie, 'maatwerk')
    OR x.uitleg NOT LIKE '%"een leidraad bij het maken van keuzes%Per situatie is echter sprake van maatwerk%Ook de tijdsfactor speelt hierin een rol."%'
    OR (x.uitleg LIKE '%staat op voorhand afwijzend tegenover CO2-opslag%')
       IS DISTINCT FROM ('opslag_co2' IN (a.functie, b.functie));
SELECT * FROM bv_ladder_afweging('wko_open', 'drinkwaterwinning');
SELECT * FROM bv_ladder_afweging('geothermie_warmte', 'opslag_co2');
SELECT * FROM bv_ladder_afweging('wko_open', 'grondwaterwinning');
SELECT bv_ladder(NULL) IS NULL AS null_in, bv_ladder_voorrang('wko_open', NULL) IS NULL AS null_voorrang,
       (bv_ladder_afweging(NULL, 'wko_open')).voorrang IS NULL AS null_afweging;
SELECT bv_ladder('zoutwinning');
SELECT bv_ladder_voorrang('wko_open', 'kernenergie');
SELECT * FROM bv_ladder_afweging('WKO_open', 'wko_gesloten');

-- ---------------------------------------------------------------------
-- 3. Competent authority per activity (doc/beleid.md 1; tabel 1.1, 2.1, 4.2).
-- ---------------------------------------------------------------------
CREATE TEMP TABLE expect_gezag(activiteit text, diepte float8, document text, omgevingswet text);
INSERT INTO expect_gezag VALUES
  -- tabel 4.2: provincie "bevoegd gezag Waterwet (open en gesloten WKO systemen ...)";
  -- Omgevingswet: closed = melding gemeente, open = vergunning provincie
  ('gesloten_systeem', NULL, 'provincie', 'gemeente'),
  ('wko_gesloten', 100, 'provincie', 'gemeente'),
  ('gesloten_systeem', 499.999, 'provincie', 'gemeente'),
  ('gesloten_systeem', 500, 'rijk', 'rijk'),
  ('open_systeem', NULL, 'provincie', 'provincie'),
  ('wko_open', 499.999, 'provincie', 'provincie'),
  ('open_systeem', 500, 'rijk', 'rijk'),
  -- "Rijk - bevoegd gezag Mijnbouwwet (> 500 m-mv: geothermie, ...)"
  ('geothermie', NULL, 'rijk', 'rijk'),
  ('geothermie', 2000, 'rijk', 'rijk'),
  ('geothermie', 500, 'rijk', 'rijk'),
  ('geothermie', 499.999, 'provincie', 'provincie'),
  -- waterschappen "bevoegd gezag Waterwet (kleinschalige/tijdelijke onttrekkingen)"
  ('kleine_onttrekking', NULL, 'waterschap', 'waterschap'),
  ('tijdelijke_onttrekking', 10, 'waterschap', 'waterschap'),
  ('bronbemaling', 8, 'waterschap', 'waterschap'),
  -- provincie "vergunningverlening WKO, drinkwater, industrie"
  ('drinkwaterwinning', 120, 'provincie', 'provincie'),
  ('industriele_onttrekking', NULL, 'provincie', 'provincie'),
  -- provincie "bevoegd gezag Wet bodembescherming"; Omgevingswet: gemeente
  ('sanering', NULL, 'provincie', 'gemeente'),
  -- gemeente "Melden grondroerende werkzaamheden"; KLIC at the Kadaster
  ('graven', 2, 'gemeente', 'gemeente'),
  ('graven', -1, 'gemeente', 'gemeente'),
  ('graven', 500, 'rijk', 'rijk');
SELECT e.*, g.bevoegd_gezag_document, g.bevoegd_gezag_omgevingswet
  FROM expect_gezag e, bv_bevoegd_gezag(e.activiteit, e.diepte) g
 WHERE (g.bevoegd_gezag_document, g.bevoegd_gezag_omgevingswet) IS DISTINCT FROM (e.document, e.omgevingswet);
-- every activity has an answer without a depth; rijk exactly with the Mijnbouwwet
SELECT a, g.*
  FROM unnest(bv_bevoegd_gezag_activiteiten()) a, bv_bevoegd_gezag(a) g
 WHERE g.wet IS NULL OR g.uitleg IS NULL
    OR (g.bevoegd_gezag_omgevingswet = 'rijk') IS DISTINCT FROM (g.wet = 'Mijnbouwwet')
    OR g.bevoegd_gezag_omgevingswet NOT IN ('gemeente', 'provincie', 'waterschap', 'rijk');
SELECT activiteit, g.wet, g.uitleg LIKE '%KLIC%' AS klic, g.uitleg LIKE '%Niet zeker%' AS onzeker
  FROM unnest(ARRAY['graven', 'sanering', 'bronbemaling']) activiteit, bv_bevoegd_gezag(activiteit) g;
SELECT * FROM bv_bevoegd_gezag('gesloten_systeem', 80);
-- the depth band's default (bv_zone_for_depth) is not the answer per activity
SELECT z.bevoegd_gezag AS zone_default,
       (bv_bevoegd_gezag('gesloten_systeem', 80::float8)).bevoegd_gezag_omgevingswet AS gesloten,
       (bv_bevoegd_gezag('bronbemaling', 80::float8)).bevoegd_gezag_omgevingswet AS bronbemaling
  FROM bv_zone_for_depth(80) z;
SELECT (bv_bevoegd_gezag(NULL)).bevoegd_gezag_document IS NULL AS null_in;
SELECT * FROM bv_bevoegd_gezag('boren');
SELECT * FROM bv_bevoegd_gezag('Graven');
SELECT * FROM bv_bevoegd_gezag('graven', 'NaN');
SELECT * FROM bv_bevoegd_gezag('geothermie', 'Infinity');

-- ---------------------------------------------------------------------
-- 4. Geothermal potential: "1.200 tot 1.500 woningen per km2", minus the
--    ground where geothermal is not possible (module 4: gas fields and the
--    verbodzone diepe boringen).
-- ---------------------------------------------------------------------
SELECT bv_geothermie_uitgesloten() AS uitgesloten;
SELECT * FROM bv_geothermie_woningen(pg_temp.sq(0, 0, 1000, 1000));
SELECT * FROM bv_geothermie_woningen(pg_temp.sq(0, 0, 2000, 1500));
SELECT * FROM bv_geothermie_woningen(pg_temp.sq(0, 0, 1000, 1000), 1000, 1000);
SELECT * FROM bv_geothermie_woningen('SRID=28992;POLYGON EMPTY');
BEGIN;
TRUNCATE bv_beleidsgebied;
INSERT INTO bv_beleidsgebied (soort, naam, geom) VALUES
  ('gasveld', 'Gasveld', pg_temp.sq(1000, 0, 3000, 1000)),
  ('boringsvrije_zone', 'Verbodzone diepe boringen', pg_temp.sq(500, 0, 1500, 1000)),
  ('honderdjaarszone', 'Honderdjaarszone (geen verbod voor geothermie)', pg_temp.sq(0, 0, 500, 1000)),
  ('waterwingebied', 'Waterwingebied', pg_temp.sq(600, 100, 700, 200));
CREATE TEMP TABLE expect_geo(naam text, gebied geometry, km2 float8, uit_km2 float8, wmin bigint, wmax bigint);
INSERT INTO expect_geo VALUES
  -- 0-2000: 500-2000 excluded (verbodzone 500-1500 and gas field 1000-2000,
  -- overlap counted once; the waterwingebied lies inside), 0-500 left
  ('overlap once', pg_temp.sq(0, 0, 2000, 1000), 0.5, 1.5, 600, 750),
  -- the honderdjaarszone does not exclude geothermal
  ('honderdjaarszone', pg_temp.sq(0, 0, 500, 1000), 0.5, 0, 600, 750),
  -- both sides of the verbodzone's edge at x = 500
  ('edge, touching', pg_temp.sq(-500, 0, 500, 1000), 1, 0, 1200, 1500),
  ('edge, 2 m in', pg_temp.sq(-498, 0, 502, 1000), 0.998, 0.002, 1198, 1497),
  -- wholly inside: nothing left
  ('inside', pg_temp.sq(1000, 0, 2000, 1000), 0, 1, 0, 0),
  -- SRID 0 counts as RD New
  ('srid 0', ST_SetSRID(pg_temp.sq(0, 0, 2000, 1000), 0), 0.5, 1.5, 600, 750);
SELECT e.naam, w.*
  FROM expect_geo e, bv_geothermie_woningen(e.gebied) w
 WHERE abs(w.oppervlakte_km2 - e.km2) > 1e-9 OR abs(w.uitgesloten_km2 - e.uit_km2) > 1e-9
    OR (w.woningen_min, w.woningen_max) IS DISTINCT FROM (e.wmin, e.wmax);
-- another metric CRS (UTM 31N): the same ground, measured in its own CRS
SELECT round(w.oppervlakte_km2::numeric, 2) AS km2, round(w.uitgesloten_km2::numeric, 2) AS uit_km2
  FROM bv_geothermie_woningen(ST_Transform(pg_temp.sq(0, 0, 2000, 1000), 32631)) w;
ROLLBACK;
SELECT bv_geothermie_woningen(NULL) IS NULL AS null_in;
SELECT * FROM bv_geothermie_woningen(pg_temp.pt(0, 0));
SELECT * FROM bv_geothermie_woningen(ST_Transform(pg_temp.sq(0, 0, 1000, 1000), 4326));
SELECT * FROM bv_geothermie_woningen('SRID=28992;POLYGON((0 0,10 10,10 0,0 10,0 0))');
SELECT * FROM bv_geothermie_woningen(pg_temp.sq(0, 0, 1000, 1000), 1500, 1200);
SELECT * FROM bv_geothermie_woningen(pg_temp.sq(0, 0, 1000, 1000), 'NaN', 1200);
SELECT * FROM bv_geothermie_woningen('SRID=28992;POLYGON((0 0,1e200 0,1e200 1e200,0 0))');
SELECT * FROM bv_geothermie_woningen('SRID=28992;GEOMETRYCOLLECTION(POLYGON((0 0,1000 0,1000 1000,0 0)))');

-- Declared properties.
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
 WHERE p.proname IN ('bv_systeemkeuze', 'bv_systeemadvies', 'bv_systeemadvies_functies',
                     'bv_ladder', 'bv_ladder_treden', 'bv_ladder_voorrang', 'bv_ladder_afweging',
                     'bv_bevoegd_gezag', 'bv_bevoegd_gezag_activiteiten',
                     'bv_geothermie_uitgesloten', 'bv_geothermie_woningen')
 ORDER BY p.oid::regprocedure::text;
