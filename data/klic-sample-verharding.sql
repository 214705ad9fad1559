-- Sample pavement layer (BGT-like road parts) for bv_drinkwater_onder_verharding.
-- Hand-drawn, NOT real BGT data: a few road parts over the test fixture near
-- Assen (test/fixtures/klic/) and over the public KLIC sample 22O000518
-- (Wessem), so that the check has something to find.  Load with
--   psql -f data/klic-sample-verharding.sql
-- into a database with the bodemvisie extension.  Rerunning replaces these rows.
BEGIN;
DELETE FROM bv_verharding WHERE bron = 'bodemvisie voorbeeld (geen BGT)';
INSERT INTO bv_verharding (bgt_id, bgt_functie, fysiek_voorkomen, plus_fysiek_voorkomen, bron, geom)
SELECT v.bgt_id, v.functie, v.fysiek, v.plus, 'bodemvisie voorbeeld (geen BGT)',
       ST_Multi(ST_GeomFromText(v.wkt, 28992))
  FROM (VALUES
    -- Assen, over the fixture's water pipe (y = 557030)
    ('VB.assen.1', 'rijbaan lokale weg', 'gesloten verharding', 'asfalt',
     'POLYGON((232990 557022,233080 557022,233080 557038,232990 557038,232990 557022))'),
    ('VB.assen.2', 'rijbaan lokale weg', 'open verharding', 'gebakken klinkers',
     'POLYGON((233080 557022,233170 557022,233170 557038,233080 557038,233080 557022))'),
    ('VB.assen.3', 'voetpad', 'open verharding', 'betonstraatstenen',
     'POLYGON((232990 557038,233170 557038,233170 557042,232990 557042,232990 557038))'),
    -- Wessem, over the water company's sample network
    ('VB.wessem.1', 'rijbaan lokale weg', 'gesloten verharding', 'asfalt',
     'POLYGON((189459 352285,189476 352285,189476 352420,189459 352420,189459 352285))'),
    ('VB.wessem.2', 'rijbaan lokale weg', 'gesloten verharding', 'asfalt',
     'POLYGON((189376 352420,189520 352420,189520 352444,189376 352444,189376 352420))'),
    ('VB.wessem.3', 'rijbaan lokale weg', 'open verharding', 'gebakken klinkers',
     'POLYGON((189372 352285,189398 352285,189398 352420,189372 352420,189372 352285))'),
    ('VB.wessem.4', 'parkeervlak', 'half verhard', 'grind',
     'POLYGON((189480 352300,189500 352300,189500 352340,189480 352340,189480 352300))'),
    ('VB.wessem.5', 'berm', 'onverhard', 'gras- en kruidachtigen',
     'POLYGON((189398 352285,189459 352285,189459 352300,189398 352300,189398 352285))')
  ) AS v(bgt_id, functie, fysiek, plus, wkt);
COMMIT;
