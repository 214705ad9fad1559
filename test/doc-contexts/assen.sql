-- Context "assen" of the documentation's examples (test/doc-examples.py):
-- the extension (created by the runner) with the illustrative Assen sample
-- data of data/assen/ (with the planned status of 15_planstatus.sql) and the derived map layers refreshed, as the demo
-- does.  The default for every page.
\ir ../../data/assen/10_beleidsgebieden.sql
\ir ../../data/assen/15_planstatus.sql
\ir ../../data/assen/20_gebieden.sql
\ir ../../data/assen/30_wko_systemen.sql
\ir ../../data/assen/40_verontreinigingen.sql
\o /dev/null
SELECT bv_kaart_verversen();
\o
