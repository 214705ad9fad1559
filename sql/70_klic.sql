-- KLIC import in SQL (bv_klic_import) and the cable-and-pipe checks of
-- module 1: bv_graafcheck, bv_drinkwater_onder_verharding, bv_hoofdtrace_check.
-- Expectations are written from doc/beleid.md section 10 and the issue; each block
-- lists mismatches, so an empty result is a pass.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY terse

-- 1. Import an inline IMKL 2.0 document: three srsName spellings, a
--    gml:Curve, a missing link, leading zeros.
CREATE TEMP TABLE doc AS SELECT $x$<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"
  xmlns:imkl="http://www.geostandaarden.nl/imkl/wibon"
  xmlns:net="http://inspire.ec.europa.eu/schemas/net/4.0"
  xmlns:us-net-common="http://inspire.ec.europa.eu/schemas/us-net-common/4.0"
  xmlns:xlink="http://www.w3.org/1999/xlink">
 <gml:featureMember><imkl:GebiedsinformatieLevering gml:id="L"><imkl:leveringsvolgnummer>2</imkl:leveringsvolgnummer>
   <imkl:datumLeveringSamengesteld>2026-01-05T12:00:00Z</imkl:datumLeveringSamengesteld></imkl:GebiedsinformatieLevering></gml:featureMember>
 <gml:featureMember><imkl:GebiedsinformatieAanvraag gml:id="A"><imkl:klicMeldnummer>09C000001</imkl:klicMeldnummer></imkl:GebiedsinformatieAanvraag></gml:featureMember>
 <gml:featureMember><imkl:Utiliteitsnet gml:id="nl.imkl-KL0001.n"><imkl:thema xlink:href="x/Thema/warmte"/></imkl:Utiliteitsnet></gml:featureMember>
 <gml:featureMember><us-net-common:UtilityLink gml:id="nl.imkl-KL0001.a"><net:centrelineGeometry>
   <gml:LineString srsName="EPSG:28992"><gml:posList>0 0 10 0</gml:posList></gml:LineString></net:centrelineGeometry></us-net-common:UtilityLink></gml:featureMember>
 <gml:featureMember><us-net-common:UtilityLink gml:id="nl.imkl-KL0001.b"><net:centrelineGeometry>
   <gml:Curve srsName="urn:x-ogc:def:crs:EPSG:28992"><gml:segments><gml:LineStringSegment><gml:posList>10 0 10 5</gml:posList></gml:LineStringSegment>
   <gml:LineStringSegment><gml:posList>10 5 20 5</gml:posList></gml:LineStringSegment></gml:segments></gml:Curve></net:centrelineGeometry></us-net-common:UtilityLink></gml:featureMember>
 <gml:featureMember><imkl:ThermischePijpleiding gml:id="nl.imkl-KL0001.t"><net:inNetwork xlink:href="nl.imkl-KL0001.n"/>
   <net:link xlink:href="nl.imkl-KL0001.a"/><net:link xlink:href="nl.imkl-KL0001.b"/><net:link xlink:href="nl.imkl-KL0001.weg"/></imkl:ThermischePijpleiding></gml:featureMember>
</gml:FeatureCollection>$x$::text AS t;
SELECT klic_meldnummer, leveringsvolgnummer, status, kabels_leidingen, diepten, voorzorgsgebieden, meldingen
  FROM bv_klic_import((SELECT t::xml FROM doc), 'inline');
SELECT l.soort, l.imkl_versie, l.datum AT TIME ZONE 'UTC' AS datum_utc, k.klasse, k.thema, k.beheerder,
       ST_AsText(k.geom) AS geom, k.ontbrekende_links
  FROM bv_klic_levering l JOIN bv_kabel_leiding k ON k.levering_id = l.id;
-- again: nothing changes; same number, other content: replaced
SELECT status FROM bv_klic_import((SELECT t::xml FROM doc), 'inline');
SELECT status, kabels_leidingen, meldingen
  FROM bv_klic_import((SELECT replace(t, '<net:link xlink:href="nl.imkl-KL0001.weg"/>', '')::xml FROM doc), 'inline v2');
SELECT count(*) AS leveringen, min(bron) AS bron FROM bv_klic_levering;
-- the same bytes through bv_klic_import_bestand, in Latin-1 with a declaration
SELECT status FROM bv_klic_import_bestand(
    convert_to(replace(replace((SELECT t FROM doc), 'UTF-8', 'ISO-8859-1'),
                       '<net:inNetwork', '<imkl:label>Tracé Noord</imkl:label><net:inNetwork'), 'LATIN1'), 'latin1');
SELECT label, encode(convert_to(label, 'UTF8'), 'hex') AS utf8 FROM bv_kabel_leiding;

-- 2. Refused input: clear errors, nothing written.
SELECT * FROM bv_klic_import(NULL);
SELECT * FROM bv_klic_import('tekst zonder element'::xml);
SELECT * FROM bv_klic_import('<html/>'::xml);
SELECT * FROM bv_klic_import('<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"/>'::xml);
SELECT * FROM bv_klic_import((SELECT replace(t, 'urn:x-ogc:def:crs:EPSG:28992', 'EPSG:4258')::xml FROM doc));
SELECT * FROM bv_klic_import((SELECT replace(replace(t, '09C000001', '09C000002'), '10 5 20 5', '10 5 20')::xml FROM doc));
SELECT * FROM bv_klic_import_bestand(convert_to(left((SELECT t FROM doc), 900), 'UTF8'), 'afgebroken.xml');
SELECT * FROM bv_klic_import_bestand('\xc0c1'::bytea, 'binair');
SELECT * FROM bv_klic_import_bestand(convert_to('<?xml version="1.0" encoding="EBCDIC-X"?><a/>', 'UTF8'), 'raar');
SELECT count(*) AS leveringen_nog_steeds FROM bv_klic_levering;
DELETE FROM bv_klic_levering;

-- 2b. The shared second stage on staged fragments (the example of
--     doc/reference/bv_klic_import_fragmenten.md), and its refusals.
BEGIN;
CREATE TEMP TABLE pg_temp.bv_klic_fragment (volgnr bigint, fragment text) ON COMMIT DROP;
INSERT INTO pg_temp.bv_klic_fragment VALUES
 (1, '<imkl:Utiliteitsnet xmlns:imkl="http://www.geostandaarden.nl/imkl/wibon" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="nl.imkl-KL0002.n"><imkl:thema xlink:href="x/Thema/water"/></imkl:Utiliteitsnet>'),
 (2, '<us-net-common:UtilityLink xmlns:us-net-common="http://inspire.ec.europa.eu/schemas/us-net-common/4.0" xmlns:net="http://inspire.ec.europa.eu/schemas/net/4.0" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="nl.imkl-KL0002.u"><net:centrelineGeometry><gml:LineString srsName="EPSG:28992"><gml:posList>0 0 30 40</gml:posList></gml:LineString></net:centrelineGeometry></us-net-common:UtilityLink>'),
 (3, '<imkl:Waterleiding xmlns:imkl="http://www.geostandaarden.nl/imkl/wibon" xmlns:net="http://inspire.ec.europa.eu/schemas/net/4.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="nl.imkl-KL0002.w"><net:inNetwork xlink:href="nl.imkl-KL0002.n"/><net:link xlink:href="nl.imkl-KL0002.u"/></imkl:Waterleiding>');
SELECT status, kabels_leidingen, meldingen
  FROM bv_klic_import_fragmenten('<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"/>',
                                 'fragmenten', 'voorbeeld-1', ARRAY['EPSG:28992']);
SELECT klasse, thema, beheerder, ST_Length(geom) FROM bv_kabel_leiding WHERE imkl_id = 'nl.imkl-KL0002.w';
COMMIT;
BEGIN;
CREATE TEMP TABLE pg_temp.bv_klic_fragment (volgnr bigint, fragment text) ON COMMIT DROP;
INSERT INTO pg_temp.bv_klic_fragment VALUES
 (1, '<imkl:Utiliteitsnet xmlns:imkl="http://www.geostandaarden.nl/imkl/wibon" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="nl.imkl-KL0002.n"><imkl:thema xlink:href="x/Thema/water"/></imkl:Utiliteitsnet>'),
 (2, '<us-net-common:UtilityLink xmlns:us-net-common="http://inspire.ec.europa.eu/schemas/us-net-common/4.0" xmlns:net="http://inspire.ec.europa.eu/schemas/net/4.0" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="nl.imkl-KL0002.u"><net:centrelineGeometry><gml:LineString srsName="EPSG:28992"><gml:posList>0 0 30 40</gml:posList></gml:LineString></net:centrelineGeometry></us-net-common:UtilityLink>'),
 (3, '<imkl:Waterleiding xmlns:imkl="http://www.geostandaarden.nl/imkl/wibon" xmlns:net="http://inspire.ec.europa.eu/schemas/net/4.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="nl.imkl-KL0002.w"><net:inNetwork xlink:href="nl.imkl-KL0002.n"/><net:link xlink:href="nl.imkl-KL0002.u"/></imkl:Waterleiding>');
SELECT * FROM bv_klic_import_fragmenten('<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"/>',
                                        'fragmenten', 'voorbeeld-2', ARRAY['EPSG:28992', 'EPSG:4326']);
ROLLBACK;
SELECT * FROM bv_klic_import_fragmenten('<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"/>', 'x', 'y');
SELECT count(*) AS leveringen_na_fragmenten FROM bv_klic_levering;
DELETE FROM bv_klic_levering;

-- 3. bv_graafcheck on hand-made data.  Dig polygon D = box (0 0, 100 50).
INSERT INTO bv_klic_levering (id, klic_meldnummer, leveringsvolgnummer, soort, imkl_versie, sha256, geom)
VALUES (1000, '26G000001', 1, 'graafmelding', '2.0.0', 'x',
        ST_Multi(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992)));
INSERT INTO bv_kabel_leiding (levering_id, imkl_id, klasse, thema, beheerder, links, geom) VALUES
 (1000, 'c1', 'Elektriciteitskabel', 'laagspanning', 'KL1', '{}', ST_Multi(ST_GeomFromText('LINESTRING(50 -10,50 60)', 28992))),
 (1000, 'c2', 'Waterleiding', 'water', 'KL2', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 50.5,100 50.5)', 28992))),
 (1000, 'c3', 'Telecommunicatiekabel', 'datatransport', 'KL3', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 52,100 52)', 28992))),
 (1000, 'c4', 'OlieGasChemicalienPijpleiding', 'gasHogeDruk', 'KL4', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 500,100 500)', 28992))),
 (1000, 'c5', 'Waterleiding', 'water', 'KL2', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 30,100 30)', 28992))),
 (1000, 'c6', 'Rioolleiding', 'rioolVrijverval', 'KL5', '{}', NULL);
INSERT INTO bv_klic_voorzorg (levering_id, imkl_id, beheerder, thema, eis, geom) VALUES
 (1000, 'v1', 'KL4', 'gasHogeDruk', 'O_GHD', ST_Multi(ST_GeomFromText('POLYGON((90 40,110 40,110 60,90 60,90 40))', 28992))),
 (1000, 'v2', 'KL4', 'gasHogeDruk', 'O_GHD', ST_Multi(ST_GeomFromText('POLYGON((90 490,110 490,110 510,90 510,90 490))', 28992)));
INSERT INTO bv_verontreiniging (naam, status, bron, geom) VALUES
 ('bron dichtbij', 'actueel', 'test70', ST_GeomFromText('POINT(200 25)', 28992)),     -- 100 m away: plume reaches
 ('bron ver', 'actueel', 'test70', ST_GeomFromText('POINT(300 25)', 28992)),          -- 200 m away: not
 ('contour', 'in_sanering', 'test70', ST_GeomFromText('POLYGON((-10 -10,10 -10,10 10,-10 10,-10 -10))', 28992)),
 ('gesaneerd', 'gesaneerd', 'test70', ST_GeomFromText('POLYGON((10 10,20 10,20 20,10 20,10 10))', 28992));
INSERT INTO bv_beleidsgebied (soort, naam, bron, geom) VALUES
 ('archeologie', 'hoge verwachting', 'test70', ST_Multi(ST_GeomFromText('POLYGON((-50 -50,50 -50,50 100,-50 100,-50 -50))', 28992))),
 ('hoofdtrace', 'tracé A', 'test70', ST_Multi(ST_GeomFromText('POLYGON((0 100,200 100,200 110,0 110,0 100))', 28992))),
 ('nationaal_landschap', 'Drentse Aa', 'test70', ST_Multi(ST_GeomFromText('POLYGON((-50 -50,150 -50,150 100,-50 100,-50 -50))', 28992)));

CREATE TEMP TABLE verwacht (soort text, object text, binnen boolean, afstand_m double precision,
                            lengte_binnen_m double precision, oppervlak_binnen_m2 double precision, bron text);
INSERT INTO verwacht VALUES
 ('kabel_leiding', 'c1', true, 0, 50, NULL, 'KLIC 26G000001-1 (KL1)'),
 ('kabel_leiding', 'c2', false, 0.5, 0, NULL, 'KLIC 26G000001-1 (KL2)'),
 ('kabel_leiding', 'c5', true, 0, 100, NULL, 'KLIC 26G000001-1 (KL2)'),
 ('voorzorgsmaatregel', 'v1', true, 0, NULL, 100, 'KLIC 26G000001-1 (KL4)'),
 ('verontreiniging', 'bron dichtbij', true, 0, NULL, NULL, 'test70'),
 ('verontreiniging', 'contour', true, 0, NULL, 100, 'test70'),
 ('archeologie', 'hoge verwachting', true, 0, NULL, 2500, 'test70');
-- mismatches both ways (the plume's area is compared with PostGIS separately)
(SELECT v.soort, v.object, v.binnen, v.afstand_m, v.lengte_binnen_m, v.oppervlak_binnen_m2, v.bron FROM verwacht v
 EXCEPT
 SELECT c.soort, CASE WHEN c.soort = 'verontreiniging' THEN split_part(c.omschrijving, ' (', 1)
                      WHEN c.soort = 'archeologie' THEN c.omschrijving ELSE c.object_id END,
        c.binnen, round(c.afstand_m::numeric, 6)::float8, c.lengte_binnen_m,
        CASE WHEN c.omschrijving LIKE 'bron dichtbij%' THEN NULL ELSE c.oppervlak_binnen_m2 END, c.bron
   FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992)) c)
UNION ALL
(SELECT 'extra: ' || c.soort, c.object_id, c.binnen, c.afstand_m, c.lengte_binnen_m, c.oppervlak_binnen_m2, c.bron
   FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992)) c
  WHERE (c.soort, CASE WHEN c.soort = 'verontreiniging' THEN split_part(c.omschrijving, ' (', 1)
                       WHEN c.soort = 'archeologie' THEN c.omschrijving ELSE c.object_id END)
        NOT IN (SELECT v.soort, v.object FROM verwacht v));
-- the point source counts as the standard 150 m circle (ST_Buffer, doc/beleid.md section 0)
SELECT abs(c.oppervlak_binnen_m2 - ST_Area(ST_Intersection(ST_Buffer(ST_GeomFromText('POINT(200 25)', 28992), 150),
                                      ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992)))) < 1e-6 AS pluim_als_postgis
  FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992)) c
 WHERE c.omschrijving LIKE 'bron dichtbij%';
-- margin 2 m takes in the telecom cable at 2 m; margin 0 drops the water pipe at 0.5 m
SELECT string_agg(object_id, ',' ORDER BY object_id) AS marge_2
  FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), 2) WHERE soort = 'kabel_leiding';
SELECT string_agg(object_id, ',' ORDER BY object_id) AS marge_0
  FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), 0) WHERE soort = 'kabel_leiding';
-- a dig polygon that crosses the main route corridor; and a trench as a line
SELECT soort, omschrijving FROM bv_graafcheck(ST_GeomFromText('POLYGON((150 90,160 90,160 120,150 120,150 90))', 28992));
SELECT soort, coalesce(klasse, omschrijving) AS wat FROM bv_graafcheck(ST_GeomFromText('LINESTRING(40 10,60 10)', 28992)) ORDER BY 1, 2;
-- SRID 0 is cartesian metres (taken as RD); the delivery's own polygon
SELECT count(*) AS srid0_zelfde FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 0));
SELECT count(*) AS eigen_graafpolygoon FROM bv_graafcheck_levering(1000);
-- cross-check against plain PostGIS on random dig boxes
SELECT setseed(0.7);
CREATE TEMP TABLE vakken AS
SELECT i, ST_MakeEnvelope(x, y, x + w, y + h, 28992) AS g
  FROM (SELECT i, random() * 300 - 100 AS x, random() * 600 - 50 AS y,
               random() * 60 + 1 AS w, random() * 60 + 1 AS h FROM generate_series(1, 200) i) s;
SELECT count(*) AS verschillen FROM (
  (SELECT v.i, c.object_id FROM vakken v, bv_graafcheck(v.g, 1.5) c WHERE c.soort = 'kabel_leiding'
   EXCEPT
   SELECT v.i, k.imkl_id FROM vakken v, bv_kabel_leiding k WHERE ST_DWithin(k.geom, v.g, 1.5))
  UNION ALL
  (SELECT v.i, k.imkl_id FROM vakken v, bv_kabel_leiding k WHERE ST_DWithin(k.geom, v.g, 1.5)
   EXCEPT
   SELECT v.i, c.object_id FROM vakken v, bv_graafcheck(v.g, 1.5) c WHERE c.soort = 'kabel_leiding')) d;

-- bad input to bv_graafcheck
SELECT count(*) AS null_geen_bevindingen FROM bv_graafcheck(NULL);
SELECT count(*) AS leeg_geen_bevindingen FROM bv_graafcheck('SRID=28992;POLYGON EMPTY'::geometry);
SELECT * FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), 'NaN');
SELECT * FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), -1);
SELECT * FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), 'Infinity');
SELECT * FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 50,100 0,0 50,0 0))', 28992));
SELECT * FROM bv_graafcheck('SRID=4326;POLYGON((6.5 53,6.6 53,6.6 53.1,6.5 53))'::geometry);
SELECT * FROM bv_graafcheck('SRID=28992;CURVEPOLYGON(CIRCULARSTRING(0 0,10 10,20 0,10 -10,0 0))'::geometry);
SELECT * FROM bv_graafcheck_levering(-1);

-- 4. Drinking-water pipes under closed pavement.  Pipe c5 runs along y = 30.
INSERT INTO bv_verharding (bgt_id, bgt_functie, fysiek_voorkomen, plus_fysiek_voorkomen, bron, geom) VALUES
 ('w1', 'rijbaan lokale weg', 'gesloten verharding', 'asfalt', 'test70', ST_Multi(ST_GeomFromText('POLYGON((20 20,50 20,50 40,20 40,20 20))', 28992))),
 ('w2', 'rijbaan lokale weg', 'gesloten verharding', 'asfalt', 'test70', ST_Multi(ST_GeomFromText('POLYGON((40 20,70 20,70 40,40 40,40 20))', 28992))),
 ('w3', 'parkeervlak', 'open verharding', 'klinkers', 'test70', ST_Multi(ST_GeomFromText('POLYGON((80 20,100 20,100 40,80 40,80 20))', 28992))),
 ('w4', 'rijbaan lokale weg', 'gesloten verharding', 'asfalt', 'test70', ST_Multi(ST_GeomFromText('POLYGON((45 45,55 45,55 60,45 60,45 45))', 28992)));
-- c5: 20..70 under closed pavement (overlapping road parts counted once) = 50 m of 100;
-- c2 (y = 50.5) crosses w4 for 10 m; the telecom cable under w4 is no water pipe.
SELECT imkl_id, beheerder, lengte_m, lengte_onder_verharding_m, aandeel, bron FROM bv_drinkwater_onder_verharding();
SELECT imkl_id, lengte_onder_verharding_m FROM bv_drinkwater_onder_verharding(ARRAY['gesloten verharding', 'open verharding'], 20);
SELECT * FROM bv_drinkwater_onder_verharding(min_lengte_m => -1);

-- 5. Main routes: corridor (0 100, 200 110).
INSERT INTO bv_kabel_leiding (levering_id, imkl_id, klasse, thema, beheerder, links, geom) VALUES
 (1000, 'p1', 'Elektriciteitskabel', 'middenspanning', 'KL1', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 115,200 115)', 28992))),  -- parallel, 5 m outside
 (1000, 'p2', 'Elektriciteitskabel', 'middenspanning', 'KL1', '{}', ST_Multi(ST_GeomFromText('LINESTRING(100 80,100 130)', 28992))), -- crosses: pieces of 10 m
 (1000, 'p3', 'Waterleiding', 'water', 'KL2', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 105,200 105)', 28992))),                  -- inside the corridor
 (1000, 'p4', 'Waterleiding', 'water', 'KL2', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 125,200 125)', 28992))),                  -- 15 m away
 (1000, 'p5', 'Telecommunicatiekabel', 'datatransport', 'KL3', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 95,50 95)', 28992))),    -- parallel, 5 m below
 (1000, 'p6', 'Telecommunicatiekabel', 'datatransport', 'KL3', '{}', ST_Multi(ST_GeomFromText('LINESTRING(150 105,150 92,190 92)', 28992))); -- leaves, then parallel 40 m
SELECT hoofdtrace, beheerder, aantal, lengte_m, klassen, imkl_ids FROM bv_hoofdtrace_check();
SELECT beheerder, aantal, lengte_m FROM bv_hoofdtrace_check(20, 25);
SELECT * FROM bv_hoofdtrace_check(0);
SELECT * FROM bv_hoofdtrace_check(10, 'NaN');

-- 6. The map layer: one row per current line, theme colours.
SELECT imkl_id, klasse, thema_naam, kleur, lijndikte, lijnstijl, tekenvolgorde
  FROM bv_klic_netwerk_kaart WHERE imkl_id IN ('c1', 'c2', 'c4', 'p5') ORDER BY imkl_id;

-- 7. The dig checks on a peildatum (default today).  A later delivery
-- (1001, dated 1 March 2027 00:30 Dutch time: still 28 February in UTC)
-- moves c1 and c5 away and adds c7; a plume found, an archaeology area in
-- force, a well built and a main route ended on dates of their own.
BEGIN;
INSERT INTO bv_klic_levering (id, klic_meldnummer, leveringsvolgnummer, soort, imkl_versie, datum, sha256)
VALUES (1001, '27G000001', 1, 'graafmelding', '2.0.0', '2027-03-01 00:30+01', 'y');
INSERT INTO bv_kabel_leiding (levering_id, imkl_id, klasse, thema, beheerder, links, geom) VALUES
 (1001, 'c1', 'Elektriciteitskabel', 'laagspanning', 'KL1', '{}', ST_Multi(ST_GeomFromText('LINESTRING(50 300,60 300)', 28992))),
 (1001, 'c5', 'Waterleiding', 'water', 'KL2', '{}', ST_Multi(ST_GeomFromText('LINESTRING(0 300,100 300)', 28992))),
 (1001, 'c7', 'Elektriciteitskabel', 'laagspanning', 'KL1', '{}', ST_Multi(ST_GeomFromText('LINESTRING(10 10,20 10)', 28992)));
UPDATE bv_verontreiniging SET ontdekt_op = '2027-01-01' WHERE naam = 'bron dichtbij';
UPDATE bv_beleidsgebied SET geldig_vanaf = '2027-06-01' WHERE naam = 'hoge verwachting';
UPDATE bv_beleidsgebied SET geldig_tot = '2027-06-01' WHERE naam = 'tracé A';
INSERT INTO bv_monitoringsput (register_id, putcode, eigenaar, locatie_bron, aanlegdatum, bron, geom)
VALUES ('GMW000000070004', 'PB-4', '01131081', 'RD', '2027-06-01', 'test70', 'SRID=28992;POINT(50 25)');
-- (ordered by what is shown: the ids of contamination and archaeology rows
-- depend on how far their sequences ran in earlier tests)
SELECT p.d AS peildatum,
       string_agg(c.wat, ', ' ORDER BY c.wat) AS bevindingen
  FROM (VALUES ('2026-12-31'::date), ('2027-01-01'), ('2027-02-28'), ('2027-03-01'), ('2027-05-31'), ('2027-06-01')) p(d),
       LATERAL (SELECT g.soort || ' ' || CASE WHEN g.soort IN ('verontreiniging', 'archeologie')
                                              THEN split_part(g.omschrijving, ' (', 1) ELSE g.object_id END AS wat
                  FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), 1.0, p.d) g) c
 GROUP BY p.d ORDER BY p.d;
SELECT p.d AS peildatum, (SELECT count(*) FROM bv_graafcheck_levering(1000, 1.0, p.d)) AS levering_1000,
       (SELECT string_agg(w.imkl_id, ',' ORDER BY w.imkl_id) FROM bv_drinkwater_onder_verharding(ARRAY['gesloten verharding'], 0, p.d) w) AS onder_verharding,
       (SELECT string_agg(DISTINCT h.hoofdtrace, ',') FROM bv_hoofdtrace_check(10, 25, p.d) h) AS hoofdtrace
  FROM (VALUES ('2027-02-28'::date), ('2027-03-01'), ('2027-05-31'), ('2027-06-01')) p(d) ORDER BY 1;
-- a voornemen reservation is not in force on any date
UPDATE bv_beleidsgebied SET status = 'voornemen', geldig_tot = NULL WHERE naam = 'tracé A';
SELECT count(*) AS voornemen_hoofdtrace FROM bv_hoofdtrace_check(10, 25, '2030-01-01');
SAVEPOINT s;
SELECT * FROM bv_graafcheck(ST_GeomFromText('POLYGON((0 0,100 0,100 50,0 50,0 0))', 28992), 1.0, 'infinity');
ROLLBACK TO s;
SELECT * FROM bv_hoofdtrace_check(10, 25, '-infinity');
ROLLBACK;

-- clean up what this test wrote
DELETE FROM bv_klic_levering;
DELETE FROM bv_verharding WHERE bron = 'test70';
DELETE FROM bv_verontreiniging WHERE bron = 'test70';
DELETE FROM bv_beleidsgebied WHERE bron = 'test70';
-- a monitoring well in the dig is named; one just outside the margin is not
BEGIN;
INSERT INTO bv_monitoringsput (register_id, putcode, eigenaar, locatie_bron, bron, geom) VALUES
  ('GMW000000070001', 'PB-1', '01131081', 'RD', 'test70', 'SRID=28992;POINT(100 50)'),
  ('GMW000000070002', 'PB-2', '01131081', 'RD', 'test70', 'SRID=28992;POINT(100 153.5)'),
  ('GMW000000070003', 'PB-3', '01131081', 'RD', 'test70', 'SRID=28992;POINT(100 152.9)');
SELECT soort, object_id, omschrijving, round(afstand_m::numeric, 2) AS afstand_m, binnen
  FROM bv_graafcheck('SRID=28992;POLYGON((0 0, 200 0, 200 150, 0 150, 0 0))'::geometry, 3)
 WHERE soort = 'monitoringsput' ORDER BY object_id;
ROLLBACK;
