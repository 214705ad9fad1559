-- DSO/STOP GIO -> policy areas and BAG -> dwellings (issue 11 sections 4
-- and 5): the SQL functions behind bin/bodemvisie import, as an ETL job
-- calls them.  test/check-import-gio-bag.sh runs the command on files.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- ---------------------------------------------------------------------
-- 1. GIO: a group whose label is a kind, a location whose name needs a
--    mapping, a MultiSurface.
-- ---------------------------------------------------------------------
CREATE FUNCTION pg_temp.gio(expr text, x1 int, extra text DEFAULT '', beschermd boolean DEFAULT true) RETURNS xml LANGUAGE sql AS $$
SELECT XMLPARSE(DOCUMENT
'<geo:GeoInformatieObjectVaststelling xmlns:geo="https://standaarden.overheid.nl/stop/imop/geo/" xmlns:basisgeo="http://www.geostandaarden.nl/basisgeometrie/1.0" xmlns:gml="http://www.opengis.net/gml/3.2" schemaversie="1.3.0">
<geo:vastgesteldeVersie><geo:GeoInformatieObjectVersie>
<geo:FRBRWork>/join/id/regdata/gm0106/2024/bodem</geo:FRBRWork>
<geo:FRBRExpression>/join/id/regdata/gm0106/2024/bodem/' || expr || '</geo:FRBRExpression>
<geo:groepen><geo:Groep><geo:groepID>a</geo:groepID><geo:label>aardkundig_monument</geo:label></geo:Groep></geo:groepen>
<geo:locaties>
<geo:Locatie><geo:naam>Es</geo:naam><geo:groepID>a</geo:groepID><geo:geometrie><basisgeo:Geometrie><basisgeo:id>1</basisgeo:id><basisgeo:geometrie>
<gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::28992"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>230000 557000 ' || x1 || ' 557000 ' || x1 || ' 557100 230000 557000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>231000 557000 231100 557000 231100 557100 231000 557000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
</basisgeo:geometrie></basisgeo:Geometrie></geo:geometrie></geo:Locatie>' || CASE WHEN beschermd THEN '
<geo:Locatie><geo:naam>Beschermd gebied</geo:naam><geo:geometrie><basisgeo:Geometrie><basisgeo:id>2</basisgeo:id><basisgeo:geometrie>
<gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992"><gml:exterior><gml:LinearRing><gml:posList>232000 557000 232100 557000 232100 557100 232000 557000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
</basisgeo:geometrie></basisgeo:Geometrie></geo:geometrie></geo:Locatie>' ELSE '' END || extra || '
</geo:locaties></geo:GeoInformatieObjectVersie></geo:vastgesteldeVersie></geo:GeoInformatieObjectVaststelling>')
$$;

-- an unmapped name is refused with the known kinds, nothing loaded
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230100), NULL, 'sql');
SELECT count(*) AS rows_after_refusal FROM bv_beleidsgebied;
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230100), '{"Beschermd gebied": "grondwaterbeschermingsgebied"}', 'sql');
SELECT soort, naam, status, geldig_vanaf, geldig_tot, rechtsgrond, register_id, register_versie, register_locatie,
       ST_GeometryType(geom), ST_NumGeometries(geom), ST_Area(geom)
  FROM bv_beleidsgebied ORDER BY naam;
-- the same expression: nothing written
CREATE TEMP TABLE voor AS SELECT id, geladen_op FROM bv_beleidsgebied;
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230100), '{"Beschermd gebied": "grondwaterbeschermingsgebied"}', 'sql');
SELECT count(*) AS rows_rewritten FROM bv_beleidsgebied b JOIN voor v USING (id) WHERE b.geladen_op <> v.geladen_op;
-- a newer expression on the same day (;2): a larger Es, a second Es, no Beschermd gebied
-- (it never was in force: vervallen)
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;2', 230200,
  '<geo:Locatie><geo:naam>Es</geo:naam><geo:groepID>a</geo:groepID><geo:geometrie><basisgeo:Geometrie><basisgeo:geometrie><gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992"><gml:exterior><gml:LinearRing><gml:posList>233000 557000 233100 557000 233100 557100 233000 557000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></basisgeo:geometrie></basisgeo:Geometrie></geo:geometrie></geo:Locatie>', false),
  '{"Beschermd gebied": "grondwaterbeschermingsgebied"}', 'sql-2');
SELECT naam, register_locatie, status, geldig_vanaf, geldig_tot, register_versie, ST_Area(geom), bron FROM bv_beleidsgebied ORDER BY register_locatie;
-- and a version of 2024-09-01 without the second Es: it ends on that day
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-09-01;1', 230200, '', false), NULL, 'sql-3');
SELECT naam, register_locatie, status, geldig_vanaf, geldig_tot, register_versie FROM bv_beleidsgebied ORDER BY register_locatie;
-- the older one now changes nothing
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230100), '{"Beschermd gebied": "grondwaterbeschermingsgebied"}', 'sql');
-- refusals
SELECT * FROM bv_gio_import(NULL, NULL, NULL);
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230100), '["x"]', 'sql');
SELECT * FROM bv_gio_import('<a xmlns="urn:x"/>', NULL, 'vreemd');
SELECT * FROM bv_gio_import(pg_temp.gio('nld;1', 230100), NULL, 'zonder datum');
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230100), '{"Beschermd gebied": "beschermd"}', 'sql');
SELECT * FROM bv_gio_import(pg_temp.gio('nld@2024-03-01;1', 230000), '{"Beschermd gebied": "grondwaterbeschermingsgebied"}', 'leeg vlak');
SELECT count(*) AS rows_after_refusals FROM bv_beleidsgebied;

-- ---------------------------------------------------------------------
-- 2. BAG: units (one with two voorkomens) and a building.
-- ---------------------------------------------------------------------
CREATE FUNCTION pg_temp.bag(typ text, objecten text) RETURNS xml LANGUAGE sql AS $$
SELECT XMLPARSE(DOCUMENT
'<sl-bag-extract:bagStand xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0">
<sl:standBestand><sl:inhoud><sl:objectTypen><sl:objectType>' || typ || '</sl:objectType></sl:objectTypen></sl:inhoud><sl:stand>' || objecten || '</sl:stand></sl:standBestand></sl-bag-extract:bagStand>')
$$;
CREATE FUNCTION pg_temp.vbo(id text, vk int, begin_ text, eind text, doel text, status text, x float8, opp text DEFAULT '80') RETURNS text LANGUAGE sql AS $$
SELECT '<sl-bag-extract:bagObject><Objecten:Verblijfsobject><Objecten:voorkomen><Historie:Voorkomen><Historie:voorkomenidentificatie>' || vk
    || '</Historie:voorkomenidentificatie><Historie:beginGeldigheid>' || begin_ || '</Historie:beginGeldigheid>'
    || coalesce('<Historie:eindGeldigheid>' || eind || '</Historie:eindGeldigheid>', '')
    || '<Historie:tijdstipRegistratie>' || begin_ || 'T09:00:00.000</Historie:tijdstipRegistratie></Historie:Voorkomen></Objecten:voorkomen>'
    || '<Objecten:identificatie domein="NL.IMBAG.Verblijfsobject">' || id || '</Objecten:identificatie>'
    || '<Objecten:geometrie><Objecten:punt><gml:Point srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3"><gml:pos>' || x || ' 557050 0.0</gml:pos></gml:Point></Objecten:punt></Objecten:geometrie>'
    || (SELECT string_agg('<Objecten:gebruiksdoel>' || d || '</Objecten:gebruiksdoel>', '') FROM unnest(string_to_array(doel, ',')) d)
    || '<Objecten:oppervlakte>' || opp || '</Objecten:oppervlakte><Objecten:status>' || status || '</Objecten:status>'
    || '<Objecten:maaktDeelUitVan><Objecten-ref:PandRef domein="NL.IMBAG.Pand">0106100000000001</Objecten-ref:PandRef></Objecten:maaktDeelUitVan>'
    || '</Objecten:Verblijfsobject></sl-bag-extract:bagObject>'
$$;

SELECT bv_woning_statussen();
SELECT * FROM bv_bag_import(pg_temp.bag('VBO',
    pg_temp.vbo('0106010000000001', 1, '2010-01-01', NULL, 'woonfunctie', 'Verblijfsobject in gebruik', 230010)
 || pg_temp.vbo('0106010000000002', 1, '2010-01-01', NULL, 'woonfunctie,kantoorfunctie', 'Verblijfsobject in gebruik (niet ingemeten)', 230020)
 || pg_temp.vbo('0106010000000003', 1, '2010-01-01', NULL, 'kantoorfunctie', 'Verblijfsobject in gebruik', 230030)
 || pg_temp.vbo('0106010000000004', 1, '2020-01-01', '2025-02-01', 'woonfunctie', 'Verblijfsobject gevormd', 230040)
 || pg_temp.vbo('0106010000000004', 2, '2025-02-01', NULL, 'woonfunctie', 'Verblijfsobject in gebruik', 230040)
 || pg_temp.vbo('0106010000000005', 1, '2010-01-01', '2024-01-01', 'woonfunctie', 'Verblijfsobject ingetrokken', 230050)), 'vbo');
SELECT * FROM bv_bag_import(pg_temp.bag('PND',
  '<sl-bag-extract:bagObject><Objecten:Pand><Objecten:identificatie domein="NL.IMBAG.Pand">0106100000000001</Objecten:identificatie>'
  || '<Objecten:geometrie><gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3"><gml:exterior><gml:LinearRing><gml:posList>230000 557000 0 230100 557000 0 230100 557100 0 230000 557000 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></Objecten:geometrie>'
  || '<Objecten:oorspronkelijkBouwjaar>1978</Objecten:oorspronkelijkBouwjaar><Objecten:status>Pand in gebruik</Objecten:status>'
  || '<Objecten:voorkomen><Historie:Voorkomen><Historie:voorkomenidentificatie>1</Historie:voorkomenidentificatie><Historie:beginGeldigheid>2009-01-01</Historie:beginGeldigheid><Historie:tijdstipRegistratie>2009-01-01T09:00:00</Historie:tijdstipRegistratie></Historie:Voorkomen></Objecten:voorkomen>'
  || '</Objecten:Pand></sl-bag-extract:bagObject>'), 'pnd');
SELECT identificatie, gebruiksdoel, oppervlakte, status, bouwjaar, voorkomen, begin_geldigheid, eind_geldigheid, ST_AsText(geom), bron
  FROM bv_verblijfsobject ORDER BY identificatie;
SELECT identificatie, bouwjaar, status, ST_AsText(geom) FROM bv_pand;
-- dwellings: 1 and 2 always; 4 from 2025-02-01; 5 until 2024-01-01 but ingetrokken; 3 is an office
SELECT d, bv_woningen_in(ST_MakeEnvelope(229000, 556000, 231000, 558000, 28992), d) AS woningen
  FROM unnest('{2024-06-01,2025-02-01}'::date[]) d;
SELECT bv_woningen_in('POLYGON((229000 556000, 231000 556000, 231000 558000, 229000 558000, 229000 556000))'::geometry, '2025-06-01') AS srid_0;
SELECT * FROM bv_woningdichtheid(ST_MakeEnvelope(230000, 557000, 230100, 557100, 28992), '2025-06-01');
SELECT * FROM bv_woningdichtheid(NULL, '2025-06-01');
SELECT * FROM bv_woningdichtheid('SRID=28992;POINT(230000 557000)', '2025-06-01');
-- an empty file, another object type, a unit again: ongewijzigd
SELECT * FROM bv_bag_import(pg_temp.bag('PND', ''), 'leeg');
SELECT * FROM bv_bag_import(pg_temp.bag('NUM', ''), 'num');
SELECT * FROM bv_bag_import(pg_temp.bag('VBO',
    pg_temp.vbo('0106010000000001', 1, '2010-01-01', NULL, 'woonfunctie', 'Verblijfsobject in gebruik', 230010)), 'vbo');
-- refusals
SELECT * FROM bv_bag_import(pg_temp.bag('VBO',
    pg_temp.vbo('0106010000000009', 1, '2010-01-01', NULL, 'woonfunctie', 'Verblijfsobject in gebruik', 230010, 'veel')), 'fout');
SELECT * FROM bv_bag_import(pg_temp.bag('VBO',
    pg_temp.vbo('106010000000009', 1, '2010-01-01', NULL, 'woonfunctie', 'Verblijfsobject in gebruik', 230010)), 'fout');
SELECT * FROM bv_bag_import('<a xmlns="urn:x"/>', 'vreemd');
SELECT * FROM bv_bag_import(NULL, NULL);
SELECT count(*) AS units_after_refusals FROM bv_verblijfsobject;
BEGIN;
DROP TABLE IF EXISTS pg_temp.bv_bag_rij;
SELECT * FROM bv_bag_laad('zonder tabel');
ROLLBACK;

-- views
INSERT INTO bv_gebied (naam, geom) VALUES ('wijk', ST_Multi(ST_MakeEnvelope(229000, 556000, 231000, 558000, 28992)));
SELECT naam, woningen, oppervlakte_km2, woningen_per_km2, systeemkeuze, geothermie_woningen_min, geothermie_woningen_max, geothermie
  FROM bv_woningen_gebied;
SELECT id, woningen, woningen_per_km2, geothermie, ST_AsText(geom) FROM bv_kaart_woningdichtheid ORDER BY id;

DELETE FROM bv_gebied;
DELETE FROM bv_verblijfsobject;
DELETE FROM bv_pand;
DELETE FROM bv_beleidsgebied;
