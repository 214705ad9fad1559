-- Context "assen_plan" of the documentation's examples (test/doc-examples.py):
-- the context "assen" plus the planned status of the sample data
-- (data/assen/15_planstatus.sql: the Assen-West protection area and the
-- enlarged verbodzone as 'voornemen'), for the pages of the time model.
\ir assen.sql
\ir ../../data/assen/15_planstatus.sql
\o /dev/null
SELECT bv_kaart_verversen();
\o
