-- Derived map layers on the Assen sample data (data/assen/).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
BEGIN;
-- the sample data, on otherwise empty tables (rolled back at the end);
-- pg_regress runs from the top of the repository
TRUNCATE bv_beleidsgebied, bv_gebied, bv_wko_systeem, bv_verontreiniging;
\set QUIET on
\i data/assen/10_beleidsgebieden.sql
\i data/assen/20_gebieden.sql
\i data/assen/30_wko_systemen.sql
\i data/assen/40_verontreinigingen.sql
\set QUIET off

-- Every layer and its stored twin is registered with type and SRID.
SELECT f_table_name, f_geometry_column, type, srid, coord_dimension
  FROM geometry_columns WHERE f_table_name LIKE 'bv\_kaart\_%' ORDER BY 1;

SELECT * FROM bv_kaart_verversen();

-- Ids are unique and stable: the row ids of the source tables.
SELECT (SELECT count(*) FROM bv_kaart_wko_bellen) AS bellen,
       (SELECT count(*) FROM bv_kaart_wko_bellen b JOIN bv_wko_systeem s USING (id)) AS bellen_met_bron_id,
       (SELECT count(*) FROM bv_kaart_pluimen p JOIN bv_verontreiniging v USING (id)
         WHERE v.status <> 'gesaneerd') AS pluimen_met_bron_id;

-- Plumes: the sample data was drawn so that each approach of decision tree
-- 2.1 occurs; these are the designed answers (see data/assen/40_*.sql).
CREATE TEMP TABLE expect_aanpak(naam text, aanpak text, n_pluimen int);
INSERT INTO expect_aanpak VALUES
  ('Stomerij Oudestraat', 'cluster', 2), ('Garage Kruisstraat', 'cluster', 2),
  ('Gasfabriek Havenkade (kern)', 'cluster_of_gebied', 3),
  ('Gasfabriek Havenkade (oost)', 'cluster_of_gebied', 3),
  ('Drukkerij Havenstraat', 'cluster_of_gebied', 3),
  ('Tankstation Vaart', 'geval', 1),
  ('Metaalbewerking Industrieweg', 'cluster_of_gebied', 2),
  ('Chemische wasserij Transportweg', 'cluster_of_gebied', 2),
  ('Verfopslag Zeemanstraat', 'geval', 1), ('Oliehandel Balkenweg', 'geval', 1);
SELECT coalesce(e.naam, p.naam) AS naam, e.aanpak AS expected, p.aanpak AS got
  FROM expect_aanpak e FULL JOIN bv_kaart_pluimen p USING (naam)
 WHERE (e.aanpak, e.n_pluimen) IS DISTINCT FROM (p.aanpak, p.n_pluimen);
-- cluster areas: 4900 m² (60x50 + 50x50 - 20x30) and 22900 m²
SELECT DISTINCT n_pluimen, cluster_m2 FROM bv_kaart_pluimen WHERE vorm = 'contour' AND n_pluimen > 1 ORDER BY 1;

-- Decision tree 2.1's tension (doc/beleid.md 6): the two sources of the
-- Stadsbedrijvenpark form a cluster above 1 ha only through their standard
-- 150 m circles (their contours: 0 m2); the Havenkade chain is above 1 ha
-- with surveyed contours.  toelichting says which; other answers have none.
SELECT naam, aanpak,
       toelichting LIKE 'Cluster boven 1 ha alleen door de standaardcirkel%' AS alleen_cirkels,
       toelichting LIKE '%speelt een gebiedsgerichte aanpak in Assen vooralsnog geen rol.' AS conclusie
  FROM bv_kaart_pluimen WHERE toelichting IS NOT NULL OR aanpak = 'cluster_of_gebied' ORDER BY id;
SELECT count(*) AS toelichting_zonder_cluster_of_gebied
  FROM bv_kaart_pluimen WHERE (toelichting IS NOT NULL) <> (aanpak = 'cluster_of_gebied');
SELECT toelichting FROM bv_kaart_pluimen WHERE naam = 'Metaalbewerking Industrieweg';
-- "dicht bij elkaar gelegen": within bv_constante('pluim_nabij_m') = 25 m, on both
-- sides of 25 m; a surveyed contour beside a source circle: both sides of
-- the 1 ha of the contours alone.
SAVEPOINT nabij;
DELETE FROM bv_verontreiniging;
INSERT INTO bv_verontreiniging (naam, status, geom) VALUES
  ('A', 'actueel', 'SRID=28992;POLYGON((240000 550000, 240050 550000, 240050 550050, 240000 550050, 240000 550000))'),
  ('B op 25 m', 'actueel', 'SRID=28992;POLYGON((240075 550000, 240125 550000, 240125 550050, 240075 550050, 240075 550000))'),
  ('C', 'actueel', 'SRID=28992;POLYGON((241000 550000, 241050 550000, 241050 550050, 241000 550050, 241000 550000))'),
  ('D op 25.001 m', 'actueel', 'SRID=28992;POLYGON((241075.001 550000, 241125 550000, 241125 550050, 241075.001 550050, 241075.001 550000))'),
  ('bron E', 'actueel', 'SRID=28992;POINT(243000 550000)'),
  ('contour F, 9999 m2', 'actueel', 'SRID=28992;POLYGON((243100 549900, 243199.99 549900, 243199.99 550000, 243100 550000, 243100 549900))'),
  ('bron G', 'actueel', 'SRID=28992;POINT(246000 550000)'),
  ('contour H, 10000 m2', 'actueel', 'SRID=28992;POLYGON((246100 549900, 246200 549900, 246200 550000, 246100 550000, 246100 549900))');
SELECT naam, cluster, n_pluimen, aanpak,
       toelichting LIKE 'Cluster boven 1 ha alleen door de standaardcirkel%' AS alleen_cirkels
  FROM bv_kaart_pluimen ORDER BY id;
ROLLBACK TO SAVEPOINT nabij;

-- Bubbles: the layer agrees with the same question in plain PostGIS:
-- neighbours overlap in plan and their screens overlap in depth (closed
-- intervals, unknown = the whole column).
SELECT count(*) AS bubbles_differ
  FROM bv_kaart_wko_bellen k JOIN bv_wko_systeem s USING (id)
 WHERE k.n_buren <> (SELECT count(*) FROM bv_wko_systeem o
                      WHERE o.id <> s.id
                        AND ST_Distance(o.putten, s.putten) < coalesce(o.straal_m, 250) + coalesce(s.straal_m, 250)
                        AND coalesce(o.diepte_van_m, 0) <= coalesce(s.diepte_tot_m, 'Infinity')
                        AND coalesce(s.diepte_van_m, 0) <= coalesce(o.diepte_tot_m, 'Infinity'))
    OR NOT ST_Equals(k.geom, ST_Multi(ST_Buffer(s.putten, coalesce(s.straal_m, 250))));
-- what depth changes on the sample data: pairs that overlap in plan only
SELECT count(*) FILTER (WHERE NOT diepte) AS buren_alleen_in_plan, count(*) FILTER (WHERE diepte) AS buren_in_3d
  FROM (SELECT coalesce(o.diepte_van_m, 0) <= coalesce(s.diepte_tot_m, 'Infinity')
               AND coalesce(s.diepte_van_m, 0) <= coalesce(o.diepte_tot_m, 'Infinity') AS diepte
          FROM bv_wko_systeem s JOIN bv_wko_systeem o ON o.id < s.id
         WHERE ST_Distance(o.putten, s.putten) < coalesce(o.straal_m, 250) + coalesce(s.straal_m, 250)) p;

-- Areas: decision tree 4.1 per area.
SELECT naam, n_systemen, beslissing, beslissing_met_proxy, masterplan_nodig
  FROM bv_kaart_interferentie_gebied ORDER BY naam;

-- Potential map: per band (kaartlaag) the classes do not overlap and
-- together cover the map extent.  (That the map answers as the check does
-- is tested in 62_kaart_toets.)
SELECT k.kaartlaag, k.systeem, k.zone_3d, k.diepte_van_m, k.diepte_tot_m,
       string_agg(k.oordeel, ',' ORDER BY k.id) AS klassen,
       round((sum(ST_Area(k.geom)) / min(ST_Area(e.g)))::numeric, 6) AS covered
  FROM bv_kaart_bodemenergie k,
       (SELECT ST_Envelope(ST_Union(geom)) AS g FROM bv_kaart_bodemenergie) e
 GROUP BY k.kaartlaag, k.systeem, k.zone_3d, k.diepte_van_m, k.diepte_tot_m ORDER BY 2, 4;
SELECT round(max(ST_Area(ST_Intersection(k.geom, o.geom)))::numeric, 3) AS max_overlap_m2
  FROM bv_kaart_bodemenergie k JOIN bv_kaart_bodemenergie o
    ON o.kaartlaag = k.kaartlaag AND o.id > k.id;

-- The materialized layers keep the spatial index usable: a bounding-box
-- filter becomes an index scan (no cast or function on the column).
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM bv_kaart_pluimen_m WHERE geom && ST_MakeEnvelope(233000, 557000, 233400, 557400, 28992);
EXPLAIN (COSTS OFF)
SELECT id FROM bv_kaart_interferentie_gebied_m WHERE geom && ST_MakeEnvelope(233000, 557000, 233400, 557400, 28992);
RESET enable_seqscan;

SELECT * FROM bv_kaart_verversen(true);

-- The stored layers are tables (issue 12): a NOT NULL primary key id, and
-- the column names, order and types of their views, geometry included.
SELECT c.relname, c.relkind, a.attname AS sleutel, a.attnotnull,
       format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_class c
  JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
 WHERE c.relname LIKE 'bv\_kaart\_%\_m' ORDER BY 1;
SELECT t.relname,
       (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
          FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped)
     = (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
          FROM pg_attribute a WHERE a.attrelid = v.oid AND a.attnum > 0) AS kolommen_als_view,
       (SELECT count(*) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am m ON m.oid = x.relam
         WHERE i.indrelid = t.oid AND m.amname = 'gist') AS gist_indexen
  FROM pg_class t JOIN pg_class v ON v.relname = left(t.relname, -2) AND v.relkind = 'v'
 WHERE t.relname LIKE 'bv\_kaart\_%\_m' ORDER BY 1;
-- every row of a layer equals its view's, every column
SELECT (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM bv_kaart_wko_bellen_m t)
     = (SELECT string_agg(v::text, '|' ORDER BY v.id) FROM bv_kaart_wko_bellen v) AS wko_bellen,
       (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM bv_kaart_pluimen_m t)
     = (SELECT string_agg(v::text, '|' ORDER BY v.id) FROM bv_kaart_pluimen v) AS pluimen,
       (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM bv_kaart_interferentie_gebied_m t)
     = (SELECT string_agg(v::text, '|' ORDER BY v.id) FROM bv_kaart_interferentie_gebied v) AS interferentie_gebied,
       (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM bv_kaart_bodemenergie_m t)
     = (SELECT string_agg(v::text, '|' ORDER BY v.id) FROM bv_kaart_bodemenergie v) AS bodemenergie;

-- A refresh replaces every row: a row removed from the data goes, one
-- changed by hand in a layer comes back as the view has it; both ways.
DELETE FROM bv_wko_systeem WHERE id = (SELECT min(id) FROM bv_wko_systeem);
UPDATE bv_kaart_pluimen_m SET aanpak = 'fout', geom = NULL WHERE id = (SELECT min(id) FROM bv_kaart_pluimen_m);
SELECT * FROM bv_kaart_verversen();
SELECT (SELECT count(*) FROM bv_kaart_pluimen_m WHERE aanpak = 'fout' OR geom IS NULL) AS handwerk_over,
       (SELECT count(*) FROM bv_kaart_wko_bellen_m) = (SELECT count(*) FROM bv_wko_systeem s
         WHERE bv_in_gebruik(s.status, s.vergunning_datum, s.eind_datum, CURRENT_DATE)) AS bellen_als_gegevens;
UPDATE bv_kaart_pluimen_m SET aanpak = 'fout' WHERE id = (SELECT min(id) FROM bv_kaart_pluimen_m);
SELECT * FROM bv_kaart_verversen(false);
SELECT count(*) AS handwerk_over FROM bv_kaart_pluimen_m WHERE aanpak = 'fout';
ROLLBACK;
