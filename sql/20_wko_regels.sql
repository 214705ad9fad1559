-- bv_wko_beslisboom (decision tree 4.1) and bv_wko_thermische_straal.
-- Expectations are written out from doc/beleid.md section 5 and issue 3; the
-- queries list every disagreement, so an empty result is a pass.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

CREATE TEMP TABLE expect_boom(ontw boolean, n integer, vraag float8, aanbod float8,
                              besluit text, why text);
INSERT INTO expect_boom VALUES
  -- step 1: development area or more than 3 systems
  (false, 0,    10,   1,    'markt',               'no development area, no systems'),
  (false, 3,    10,   1,    'markt',               '3 systems is not more than 3'),
  (false, 4,    10,   1,    'interferentiegebied', '4 systems is more than 3'),
  (true,  0,    10,   1,    'interferentiegebied', 'development area alone'),
  (NULL,  3,    10,   1,    'markt',               'NULL flag = false'),
  (NULL,  4,    10,   1,    'interferentiegebied', 'NULL flag, 4 systems'),
  (true,  NULL, 10,   1,    'interferentiegebied', 'NULL count = 0, development area'),
  (false, NULL, 10,   1,    'markt',               'NULL count = 0'),
  (false, 3,    NULL, NULL, 'markt',               'unknown data does not matter in step 1'),
  -- step 2: unknown demand or supply
  (true,  0,    NULL, 10,   'onderzoek',           'demand unknown'),
  (true,  0,    3,    NULL, 'onderzoek',           'supply unknown'),
  (false, 5,    NULL, NULL, 'onderzoek',           'both unknown'),
  -- step 2: demand / supply > 0.30, both sides of the boundary
  (true,  0,    3,    10,   'markt',               'exactly 0.30 is not above'),
  (true,  0,    3.000001, 10, 'interferentiegebied', 'just above 0.30'),
  (true,  0,    2.999999, 10, 'markt',             'just below 0.30'),
  (true,  0,    30,   100,  'markt',               '0.30 again'),
  (true,  0,    31,   100,  'interferentiegebied', '0.31'),
  (true,  0,    0,    10,   'markt',               'no demand'),
  -- supply 0
  (true,  0,    1,    0,    'interferentiegebied', 'supply 0, demand > 0 counts as above'),
  (true,  0,    1e-300, 0,  'interferentiegebied', 'supply 0, tiny demand'),
  (true,  0,    0,    0,    'markt',               'supply 0, demand 0'),
  (false, 4,    5,    0,    'interferentiegebied', 'supply 0 via the count');
SELECT e.*, bv_wko_beslisboom(e.ontw, e.n, e.vraag, e.aanbod) AS got
  FROM expect_boom e
 WHERE bv_wko_beslisboom(e.ontw, e.n, e.vraag, e.aanbod) IS DISTINCT FROM e.besluit;
SELECT count(*) AS boom_cases FROM expect_boom;

-- The parameters: min_systemen and drempel move the boundaries.
SELECT bv_wko_beslisboom(false, 5, 1, 1, min_systemen => 5) AS n5_min5,
       bv_wko_beslisboom(false, 6, 1, 1, min_systemen => 5) AS n6_min5,
       bv_wko_beslisboom(false, 1, 1, 1, min_systemen => 0) AS n1_min0,
       bv_wko_beslisboom(true, 0, 5, 10, drempel => 0.5) AS half_at_half,
       bv_wko_beslisboom(true, 0, 5.1, 10, drempel => 0.5) AS above_half,
       bv_wko_beslisboom(true, 0, 0, 10, drempel => 0) AS zero_demand_zero_threshold;

-- Declared properties.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p WHERE p.proname IN ('bv_wko_beslisboom', 'bv_wko_thermische_straal')
 ORDER BY 1;

-- Bad input: a clear error each.
\set VERBOSITY default
SELECT bv_wko_beslisboom(true, -1, 1, 1);
SELECT bv_wko_beslisboom(true, 0, -1, 1);
SELECT bv_wko_beslisboom(true, 0, 1, -0.5);
SELECT bv_wko_beslisboom(true, 0, 'NaN', 1);
SELECT bv_wko_beslisboom(true, 0, 1, 'Infinity');
SELECT bv_wko_beslisboom(true, 0, 1, 1, NULL);
SELECT bv_wko_beslisboom(true, 0, 1, 1, 3, NULL);
SELECT bv_wko_beslisboom(true, 0, 1, 1, -1);
SELECT bv_wko_beslisboom(true, 0, 1, 1, 3, -0.1);
SELECT bv_wko_beslisboom(true, 0, 1, 1, 3, 'NaN');

-- Thermal radius: R = sqrt(c_w V / (c_aq pi L)), c_aq = (1-n) 1.87 + n 4.18.
SELECT round(bv_wko_thermische_straal(500000, 50)::numeric, 3) AS r_500k_50,
       round(sqrt(4.18 * 500000 / ((0.7 * 1.87 + 0.3 * 4.18) * pi() * 50))::numeric, 3) AS by_hand,
       round(bv_wko_thermische_straal(500000, 50, 0.35)::numeric, 3) AS r_n035,
       bv_wko_thermische_straal(0, 50) AS r_zero_volume,
       round(bv_wko_thermische_straal(2000000, 50)::numeric / bv_wko_thermische_straal(500000, 50)::numeric, 6) AS four_times_volume_doubles_r;
-- cross-check on generated inputs
SELECT count(*) AS straal_mismatches
  FROM (SELECT random() * 2e6 AS v, 1 + random() * 100 AS l, 0.05 + random() * 0.9 AS n
          FROM (SELECT setseed(0.4)) s, generate_series(1, 1000)) x
 WHERE abs(bv_wko_thermische_straal(v, l, n)
           - sqrt(4.18 * v / (((1 - n) * 1.87 + n * 4.18) * pi() * l))) > 1e-9;
-- NULL in, NULL out (STRICT); the radius as a bubble: 3 x R
SELECT bv_wko_thermische_straal(NULL, 50) IS NULL AS null_volume,
       round(3 * bv_wko_thermische_straal(500000, 50)) AS bubble_3r;
SELECT bv_wko_thermische_straal(-1, 50);
SELECT bv_wko_thermische_straal(500000, 0);
SELECT bv_wko_thermische_straal(500000, -5);
SELECT bv_wko_thermische_straal('NaN', 50);
SELECT bv_wko_thermische_straal(500000, 'Infinity');
SELECT bv_wko_thermische_straal(500000, 50, 0);
SELECT bv_wko_thermische_straal(500000, 50, 1);
SELECT bv_wko_thermische_straal(500000, 50, 30);
