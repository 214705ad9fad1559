-- Every import, check, analysis and map function of the extension, called
-- the way a careful superuser would (exact argument types, every argument
-- given: a call that leaves a default out or needs an implicit cast can be
-- captured by an overload in a schema on the caller's path), on the Assen
-- sample data.  test/check-hostile-objects.sh runs it before and after a
-- less-privileged role planted hostile objects in public: the output must
-- not change and nothing planted may run.  Everything happens inside one
-- transaction that is rolled back, so the file can run again.
-- psql variables: klic (path of a KLIC delivery the server can read);
-- alleen_lezen (set: leave out what writes, for a read-only standby).
\set ON_ERROR_STOP 0
\set ON_ERROR_ROLLBACK on
\pset footer off
SET client_min_messages = warning;
BEGIN;

SELECT * FROM bv_zone_for_depth(80::float8, 10::float8);
SELECT * FROM bv_zone_for_depth(2500::float8);
SELECT * FROM bv_boring(0::float8, 80::float8, 10::float8);
SELECT st_astext(bv_invoer('SRID=28992;POINT(233400 557000)'::geometry));
SELECT * FROM bv_wko_beslisboom(true, 5, 100::float8, 50::float8, 3, 0.30::float8);
SELECT round(bv_wko_thermische_straal(150000::float8, 20::float8, 0.3::float8)::numeric, 3);
SELECT round(st_area(bv_wko_bel('SRID=28992;MULTIPOINT(233400 557300, 233500 557300)'::geometry, 250::float8))::numeric, 1);
SELECT round(st_area(bv_pluim('SRID=28992;POINT(233400 557100)'::geometry, 10::float8, 30::float8, 0.5::float8))::numeric, 1);

-- the window analyses over the stored tables
SELECT id, (r).groep, (r).n_groep, (r).n_buren, round((r).overlap_m2::numeric, 3)
  FROM (SELECT id, bv_wko_interference(putten, coalesce(straal_m, 250::float8)) OVER (ORDER BY id) AS r
          FROM bv_wko_systeem) s ORDER BY id;
SELECT id, (r).cluster, (r).n_pluimen, round((r).cluster_m2::numeric, 3), (r).aanpak
  FROM (SELECT id, bv_pluim_approach(geom, 100::float8, 10000::float8) OVER (ORDER BY id) AS r
          FROM bv_verontreiniging) s ORDER BY id;

-- the soil-energy check at a few places, for every system type
SELECT s.systeem, x.x, t.oordeel, t.ernst, t.regel, t.bron_tabel, t.soort, t.naam, t.uitleg
  FROM (VALUES ('open'::text, 65::float8, 100::float8), ('gesloten', 0, 50), ('geothermie', 2000, 3000)) s(systeem, van, tot),
       (VALUES (233400::float8), (231000), (234500)) x(x),
       LATERAL bv_bodemenergie_toets(st_setsrid(st_makepoint(x.x, 557000::float8), 28992),
                                     s.systeem, s.van, s.tot, 8::float8, 250::float8, CURRENT_DATE) t
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
SELECT bv_bodemenergie_oordeel('SRID=28992;POINT(233400 557000)'::geometry, 'open'::text, 65::float8, 100::float8, 8::float8, 250::float8, CURRENT_DATE);
-- the rulebook, the depth model and the time predicates
SELECT code, soort, systemen, dieper_dan_m, ernst, van_kracht FROM bv_regelboek ORDER BY code;
SELECT bv_constante('bel_straal_m'::text), bv_constante('interferentie_drempel'::text);
SELECT * FROM bv_dieptemodel() ORDER BY 1, 3, 2;
SELECT * FROM bv_dieptemodel(10::float8) ORDER BY 1, 3, 2;
SELECT * FROM bv_toegestane_diepte('open'::text);
SELECT bv_interval_in_band(30::float8, 60::float8, 60::float8, 75::float8), bv_interval_in_band(60::float8, 60::float8, 60::float8, NULL::float8);
SELECT bv_regel_van_kracht('2030-01-01'::date, NULL::date, '2030-01-01'::date);
SELECT g.naam, bv_wko_aantal_in(g.geom, CURRENT_DATE) FROM bv_gebied g ORDER BY 1;
SELECT bv_datumwissel_tussen('2000-01-01'::date, '2100-01-01'::date);
SELECT t.oordeel, t.ernst, t.regel, t.naam, t.uitleg
  FROM bv_bodemenergie_toets('SRID=28992;POINT(230200 555200)'::geometry, 'open'::text, 30::float8, 100::float8,
                             10::float8, NULL::float8, '2040-01-01'::date) t ORDER BY 1, 2, 3, 4;
SELECT id, kaartlaag, oordeel, redenen, round(st_area(geom)::numeric) FROM bv_bodemenergie_kaart('2040-01-01'::date) ORDER BY id;
SELECT id, naam, n_systemen, beslissing, beslissing_proxy, beslissing_met_proxy FROM bv_wko_beslisboom_gebieden('2040-01-01'::date) ORDER BY id;
SELECT * FROM bv_systeemkeuze(500, true);
SELECT * FROM bv_ladder_treden();
SELECT * FROM bv_ladder('wko_open'::text);
SELECT * FROM bv_ladder_voorrang('wko_open'::text, 'grondwaterwinning'::text);
SELECT * FROM bv_ladder_voorrang('wko_open'::text, 'drinkwaterwinning'::text);
SELECT * FROM bv_ladder_afweging('opslag_co2'::text, 'geothermie_warmte'::text);
SELECT * FROM bv_systeemadvies(800, true, 'woningen'::text);
SELECT * FROM bv_systeemadvies(30, false, 'kantoren'::text);
SELECT * FROM bv_systeemadvies_functies();
SELECT a, g.* FROM pg_catalog.unnest(bv_bevoegd_gezag_activiteiten()) a,
       bv_bevoegd_gezag(a, 80::float8) g ORDER BY a;
SELECT * FROM bv_bevoegd_gezag('geothermie'::text, NULL::float8);
SELECT * FROM bv_geothermie_uitgesloten();
SELECT oppervlakte_km2::numeric(12, 6), woningen_min, woningen_max, uitgesloten_km2::numeric(12, 6)
  FROM bv_geothermie_woningen('SRID=28992;POLYGON((233000 556000, 234000 556000, 234000 557000, 233000 557000, 233000 556000))'::geometry,
                              1200::float8, 1500::float8);

-- views and map layers
SELECT * FROM bv_wko_beslisboom_gebied ORDER BY id;
\if :{?alleen_lezen}
\else
SELECT * FROM bv_kaart_verversen(false);
\endif
SELECT id, systeem, zone_3d, oordeel, redenen, round(st_area(geom)::numeric, 1)
  FROM bv_bodemenergie_kaart(CURRENT_DATE) ORDER BY id;
SELECT kaartlaag, gevuld, verouderd FROM bv_kaart_actualiteit ORDER BY 1;
SELECT id, naam, groep, n_groep, n_buren, overlap_m2 FROM bv_kaart_wko_bellen_m ORDER BY id;
SELECT id, naam, vorm, cluster, n_pluimen, cluster_m2, aanpak, toelichting FROM bv_kaart_pluimen_m ORDER BY id;
SELECT id, beslissing, bezet_procent, beslissing_met_proxy FROM bv_kaart_interferentie_gebied_m ORDER BY id;
-- the publication views of one geometry type, and the keys for GeoServer
SELECT id, naam, status, st_astext(geom) FROM bv_verontreiniging_bronnen ORDER BY id;
SELECT id, naam, status, round(st_area(geom)::numeric, 1) FROM bv_verontreiniging_contouren ORDER BY id;
SELECT table_name, pk_column, pk_policy FROM bv_gt_pk_metadata ORDER BY table_name;

-- KLIC: the import from bytes, then the checks on what it loaded
\if :{?alleen_lezen}
\else
TRUNCATE bv_klic_levering RESTART IDENTITY CASCADE;
SELECT klic_meldnummer, leveringsvolgnummer, status, kabels_leidingen, diepten, voorzorgsgebieden, meldingen
  FROM bv_klic_import_bestand(pg_catalog.pg_read_binary_file(:'klic'), 'hostile-test.xml'::text);
-- a reserved main route 6 m beside the first cable, and closed pavement over
-- all of them, so that the route and pavement checks return rows
INSERT INTO bv_beleidsgebied (id, soort, naam, bron, geom)
SELECT 999999, 'hoofdtrace', 'tracé van de werklast', 'workload',
       st_multi(st_buffer(st_translate(k.geom, 0::float8, 6::float8), 2::float8, 8))
  FROM bv_kabel_leiding k ORDER BY k.id LIMIT 1;
INSERT INTO bv_verharding (id, bgt_id, fysiek_voorkomen, bron, geom)
SELECT 999999, 'werklast', 'gesloten verharding', 'workload',
       st_multi(st_buffer((SELECT st_extent(geom)::geometry FROM bv_kabel_leiding), 20::float8, 8));
\endif
SELECT st_astext(bv_klic_geometrie(
    '<gml:LineString xmlns:gml="http://www.opengis.net/gml/3.2" srsName="EPSG:28992"><gml:posList>0 0 10 0</gml:posList></gml:LineString>'::xml, NULL::text));
SELECT soort, object_id, klasse, thema, beheerder, round(afstand_m::numeric, 2), binnen
  FROM bv_graafcheck(st_buffer(st_centroid(
           (SELECT st_extent(geom)::geometry FROM bv_kabel_leiding)), 50::float8, 8), 1::float8)
 ORDER BY 1, 2, 3;
SELECT count(*) FROM bv_graafcheck_levering((SELECT max(id) FROM bv_klic_levering), 1::float8);
SELECT imkl_id, beheerder, round(lengte_m::numeric, 2), round(lengte_onder_verharding_m::numeric, 2), bron
  FROM bv_drinkwater_onder_verharding(ARRAY['gesloten verharding']::text[], 0::float8) ORDER BY 1;
SELECT hoofdtrace, beheerder, aantal, round(lengte_m::numeric, 2), klassen, imkl_ids
  FROM bv_hoofdtrace_check(10::float8, 1::float8) ORDER BY 1, 2;
SELECT count(*) FROM bv_kabel_leiding_actueel;
SELECT count(*) FROM bv_klic_voorzorg_actueel;
SELECT count(*) FROM bv_klic_netwerk_kaart;

ROLLBACK;
