-- Context "klic" of the documentation's examples (test/doc-examples.py): the
-- extension with the KLIC fixture of test/fixtures/klic/ imported (levering 1
-- = 07G000123-1, levering 2 = 07G000140-1; imkl3-stijl-netinformatie.xml is
-- left for bv_klic_import's example), the sample pavement layer of
-- data/klic-sample-verharding.sql, and three hand-drawn objects of policy
-- next to the fixture's dig polygon (233000 557000, 233100 557060): an
-- archaeology area over its western half, a contamination source about 100 m
-- north-east of it (its 150 m plume circle reaches into both deliveries' polygons) and a
-- main route corridor 9.5 m north of the high-pressure gas pipe (y = 557100.5).
-- psql variable root: the checkout (set by the runner).
\set ON_ERROR_STOP 1
\o /dev/null
SELECT bv_klic_import_bestand(pg_read_binary_file(:'root' || '/test/fixtures/klic/GI_gebiedsinformatielevering_07G000123_1.xml'),
                              'GI_gebiedsinformatielevering_07G000123_1.xml');
SELECT bv_klic_import_bestand(pg_read_binary_file(:'root' || '/test/fixtures/klic/GI_gebiedsinformatielevering_07G000140_1.xml'),
                              'GI_gebiedsinformatielevering_07G000140_1.xml');
\o
\ir ../../data/klic-sample-verharding.sql
INSERT INTO bv_beleidsgebied (soort, naam, bron, geom) VALUES
 ('archeologie', 'Archeologische verwachting (voorbeeld)', 'IKAW voorbeeld',
  ST_Multi(ST_GeomFromText('POLYGON((233000 557000,233050 557000,233050 557060,233000 557060,233000 557000))', 28992))),
 ('hoofdtrace', 'Hoofdtracé Europaweg', 'voorbeeld',
  ST_Multi(ST_GeomFromText('POLYGON((232900 557110,233200 557110,233200 557120,232900 557120,232900 557110))', 28992)));
INSERT INTO bv_verontreiniging (naam, status, bron, geom) VALUES
 ('Voorbeeldbron', 'actueel', 'Bodemloket voorbeeld', ST_GeomFromText('POINT(233150 557150)', 28992));
