-- bv_zone_for_depth and bv_boring: doc/beleid.md sections 0-4.
-- Expectations are written out from doc/beleid.md; the queries list every row
-- where the function disagrees, so an empty result is a pass.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- Layers, 3D zones and competent authority: every boundary on both sides.
CREATE TEMP TABLE expect_layers(depth float8, laag text, zone_3d int, bevoegd_gezag text);
INSERT INTO expect_layers VALUES
  (-100,    'occupatielaag',      NULL, 'gemeente'),
  (-0.001,  'occupatielaag',      NULL, 'gemeente'),
  (0,       'netwerklaag',        1,    'gemeente'),
  (4.999,   'netwerklaag',        1,    'gemeente'),
  (5,       'ondiepe_ondergrond', 1,    'provincie'),
  (24.999,  'ondiepe_ondergrond', 1,    'provincie'),
  (25,      'ondiepe_ondergrond', 2,    'provincie'),
  (299.999, 'ondiepe_ondergrond', 2,    'provincie'),
  (300,     'ondiepe_ondergrond', NULL, 'provincie'),
  (499.999, 'ondiepe_ondergrond', NULL, 'provincie'),
  (500,     'diepe_ondergrond',   NULL, 'rijk'),
  (10000,   'diepe_ondergrond',   NULL, 'rijk');
SELECT e.*, z.laag AS got_laag, z.zone_3d AS got_zone, z.bevoegd_gezag AS got_gezag
  FROM expect_layers e, bv_zone_for_depth(e.depth) z
 WHERE (z.laag, z.zone_3d, z.bevoegd_gezag) IS DISTINCT FROM (e.laag, e.zone_3d, e.bevoegd_gezag);
SELECT count(*) AS layer_cases FROM expect_layers;

-- Table 2.1 with ground level +10 m NAP (depth = 10 - level): every unit and
-- formation, both sides of each boundary.  Boundaries go to the deeper unit.
CREATE TEMP TABLE expect_units(level float8, eenheid text, formatie text);
INSERT INTO expect_units VALUES
  (10,      'wvp1', 'Boxtel'),
  (8.001,   'wvp1', 'Boxtel'),
  (8,       'wvp1', 'Drente'),
  (5.001,   'wvp1', 'Drente'),
  (5,       'wvp2', 'Peelo'),
  (-4.999,  'wvp2', 'Peelo'),
  (-5,      'sdl1', 'Peelo'),
  (-49.999, 'sdl1', 'Peelo'),
  (-50,     'wvp3', 'Peelo'),
  (-64.999, 'wvp3', 'Peelo'),
  (-65,     'wvp4', 'Peize-Waalre'),
  (-99.999, 'wvp4', 'Peize-Waalre'),
  (-100,    'wvp5', 'Oosterhout'),
  (-154.999,'wvp5', 'Oosterhout'),
  (-155,    'basis','Breda'),
  (-489.999,'basis','Breda');
SELECT e.*, z.eenheid AS got_eenheid, z.formatie AS got_formatie
  FROM expect_units e, bv_zone_for_depth(10 - e.level, 10) z
 WHERE (z.eenheid, z.formatie) IS DISTINCT FROM (e.eenheid, e.formatie);
SELECT count(*) AS unit_cases FROM expect_units;
-- doc/beleid.md 0: level +5.0 NAP is wvp2, whatever the ground level.
SELECT mv, (bv_zone_for_depth(mv - 5, mv)).eenheid
  FROM unnest(ARRAY[5.5, 12, 30]::float8[]) mv;

-- Table 2.2 and where units/formations are NULL.
CREATE TEMP TABLE expect_deep(depth float8, mv float8, eenheid text, formatie text);
INSERT INTO expect_deep VALUES
  (-1,      10,   NULL, NULL),                -- above ground
  (-1,      NULL, NULL, NULL),
  (100,     NULL, NULL, NULL),                -- shallow without ground level
  (499.999, 10,   'basis', 'Breda'),
  (500,     10,   NULL, 'Zechstein'),         -- from 500 m: table 2.2 only
  (500,     NULL, NULL, 'Zechstein'),
  (1399.999,NULL, NULL, 'Zechstein'),
  (1400,    NULL, NULL, 'Rijnland, Hoofd-Bontzandsteen, Boven-Rotliegend'),
  (4499.999,10,   NULL, 'Rijnland, Hoofd-Bontzandsteen, Boven-Rotliegend'),
  (4500,    NULL, NULL, NULL);                -- below table 2.2
SELECT e.*, z.eenheid AS got_eenheid, z.formatie AS got_formatie
  FROM expect_deep e,
       LATERAL (SELECT * FROM bv_zone_for_depth(e.depth) WHERE e.mv IS NULL
                UNION ALL
                SELECT * FROM bv_zone_for_depth(e.depth, e.mv) WHERE e.mv IS NOT NULL) z
 WHERE (z.eenheid, z.formatie) IS DISTINCT FROM (e.eenheid, e.formatie);

-- Uses suited to each depth (vocabulary order of doc/beleid.md 11).
CREATE TEMP TABLE expect_uses(depth float8, functies text[]);
INSERT INTO expect_uses VALUES
  (-1,     '{}'),
  (0,      '{wko_gesloten,kabels_leidingen}'),
  (4.999,  '{wko_gesloten,kabels_leidingen}'),
  (5,      '{wko_gesloten}'),
  (24.999, '{wko_gesloten}'),
  (25,     '{wko_gesloten,wko_open}'),
  (299.999,'{wko_gesloten,wko_open}'),
  (300,    '{}'),
  (499.999,'{}'),
  (500,    '{zoutwinning,opslag_gas,opslag_perslucht,opslag_afval}'),
  (1399.999,'{zoutwinning,opslag_gas,opslag_perslucht,opslag_afval}'),
  (1400,   '{gaswinning,oliewinning,geothermie_warmte,geothermie_elektrisch,opslag_gas,opslag_co2}'),
  (2000,   '{gaswinning,oliewinning,geothermie_warmte,geothermie_elektrisch,opslag_gas,opslag_co2}'),
  (4499.999,'{gaswinning,oliewinning,geothermie_warmte,geothermie_elektrisch,opslag_gas,opslag_co2}'),
  (4500,   '{}');
SELECT e.*, z.functies AS got
  FROM expect_uses e, bv_zone_for_depth(e.depth) z
 WHERE z.functies IS DISTINCT FROM e.functies;

-- Table 2.2, geothermal (issue 9): heat only in 1,400-4,500 m (Rijnland,
-- Hoofd-Bontzandsteen, Boven-Rotliegend), not in the Zechstein (500-1,400),
-- not below 4,500 m; electricity only where Boven-Rotliegend can be, i.e.
-- the same band (the table gives no depth per formation).
SELECT d, 'geothermie_warmte' = ANY (z.functies) AS warmte,
       'geothermie_elektrisch' = ANY (z.functies) AS elektrisch, z.formatie
  FROM unnest(ARRAY[500, 1399.999, 1400, 4499.999, 4500]::float8[]) d, bv_zone_for_depth(d) z;

-- The whole answer, as users see it.
SELECT * FROM bv_zone_for_depth(80);
SELECT * FROM bv_zone_for_depth(80, 10);
SELECT * FROM bv_zone_for_depth(2000, 10);

-- NULL in, NULL out.
SELECT bv_zone_for_depth(NULL) IS NULL AS a, bv_zone_for_depth(NULL, 10) IS NULL AS b,
       bv_zone_for_depth(10, NULL) IS NULL AS c;

-- Bad input: clear errors naming the argument.
\set VERBOSITY default
SELECT bv_zone_for_depth('NaN');
SELECT bv_zone_for_depth('Infinity');
SELECT bv_zone_for_depth('-Infinity');
SELECT bv_zone_for_depth(10000.001);
SELECT bv_zone_for_depth(10, 'NaN');
SELECT bv_zone_for_depth(10, -10.001);
SELECT bv_zone_for_depth(10, 400.001);
SELECT (bv_zone_for_depth(10, -10)).eenheid, (bv_zone_for_depth(10, 400)).eenheid;
\set VERBOSITY terse
SELECT bv_zone_for_depth('NaN');
\set VERBOSITY default
-- errcode 22003 (numeric_value_out_of_range)
DO $$
BEGIN
  PERFORM bv_zone_for_depth('Infinity');
EXCEPTION WHEN numeric_value_out_of_range THEN
  RAISE WARNING 'sqlstate 22003 as promised';
END $$;

-- bv_boring: a borehole from the surface to 80 m at ground level +10 m NAP
-- crosses wvp1 .. wvp4 and pierces the pot clay.
SELECT * FROM bv_boring(0, 80, 10);
-- A closed-loop borehole to 40 m at +10 m NAP reaches into the pot clay
-- (level -30) without piercing it.
SELECT * FROM bv_boring(0, 40, 10);
-- Screen 60..80 m at +10: inside wvp3/wvp4 only, below the clay.
SELECT raakt_potklei, doorboort_potklei, eenheden FROM bv_boring(60, 80, 10);
-- Exactly down to the top of the clay (depth 15 at +10 = level -5) touches it.
SELECT raakt_potklei, doorboort_potklei FROM bv_boring(0, 15, 10);
-- Exactly to the bottom of the clay (level -50, depth 60) pierces it.
SELECT raakt_potklei, doorboort_potklei FROM bv_boring(0, 60, 10);
SELECT raakt_potklei, doorboort_potklei FROM bv_boring(0, 59.999, 10);
-- Without a ground level: layers, zones and deep formations only.
SELECT * FROM bv_boring(0, 600);
-- One depth is an interval too; 25.0 is zone 2.
SELECT zones_3d FROM bv_boring(25, 25);
SELECT zones_3d FROM bv_boring(0, 25);
SELECT bv_boring(NULL, 10) IS NULL AS null_depth;
SELECT bv_boring(80, 10, 10);
SELECT bv_boring(0, 'NaN', 10);
SELECT bv_boring(0, 10, 500);

-- Parallel plans give the same answers.
CREATE TABLE zone_depths AS
  SELECT i, (i % 6000) / 10.0 - 50 AS depth, 2 + (i % 7) AS mv
    FROM generate_series(1, 200000) i;
ANALYZE zone_depths;
CREATE TEMP TABLE serial_answers AS
  SELECT i, bv_zone_for_depth(depth) AS a, bv_zone_for_depth(depth, mv) AS b FROM zone_depths;
SET force_parallel_mode = on;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
  SELECT i, bv_zone_for_depth(depth), bv_zone_for_depth(depth, mv) FROM zone_depths;
SELECT count(*) AS differ_under_parallel FROM (
  SELECT i, bv_zone_for_depth(depth)::text, bv_zone_for_depth(depth, mv)::text FROM zone_depths
  EXCEPT
  SELECT i, a::text, b::text FROM serial_answers) d;
RESET ALL;
DROP TABLE zone_depths;
