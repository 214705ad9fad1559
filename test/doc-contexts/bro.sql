-- Context "bro" of the documentation's examples (test/doc-examples.py): the
-- extension with the BRO fixtures of test/fixtures/bro/ at hand as text in
-- public.bro_bestand (naam, inhoud), for examples that import them, and the
-- monitoring wells of gmw-drie-filters.xml imported (GMW000000900101 at
-- 233550 557300, ground level 13.0 m NAP, screens 15-16, 43-45 and
-- 133-135 m-mv; GMW000000900102 at 234200 558200).
-- psql variable root: the checkout (set by the runner).
\set ON_ERROR_STOP 1
\o /dev/null
CREATE TABLE public.bro_bestand (naam text PRIMARY KEY, inhoud text NOT NULL);
INSERT INTO public.bro_bestand
SELECT f, pg_catalog.convert_from(pg_read_binary_file(:'root' || '/test/fixtures/bro/' || f), 'UTF8')
  FROM unnest(ARRAY['gmw-drie-filters.xml', 'guf-meerdere-installaties-en-beeindigd.xml',
                    'guf-open-twee-putten.xml']) f;
SELECT * FROM bv_bro_import(XMLPARSE(DOCUMENT (SELECT inhoud FROM public.bro_bestand WHERE naam = 'gmw-drie-filters.xml')),
                            'gmw-drie-filters.xml');
\o
