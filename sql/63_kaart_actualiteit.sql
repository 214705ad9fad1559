-- Stale map layers are never silent (issue 10): unpopulated after install,
-- stale after a data change or after a date of the time model passed.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY default
\set SHOW_CONTEXT never
CREATE DATABASE bv_actualiteit;
\c bv_actualiteit
SET client_min_messages = warning;
CREATE EXTENSION bodemvisie CASCADE;
-- fresh install: nothing populated, reading says so
SELECT kaartlaag, gevuld, verouderd, toelichting FROM bv_kaart_actualiteit ORDER BY kaartlaag;
\set ON_ERROR_STOP 0
SELECT count(*) FROM bv_kaart_wko_bellen_m;
\set ON_ERROR_STOP 1
SELECT kaartlaag FROM bv_kaart_verversen() ORDER BY 1;
SELECT kaartlaag, gevuld, verouderd, toelichting FROM bv_kaart_actualiteit ORDER BY kaartlaag;
-- a data change makes every layer stale until the next refresh
INSERT INTO bv_wko_systeem (naam, systeem, putten) VALUES ('x', 'open', 'SRID=28992;MULTIPOINT(233000 557000)');
SELECT kaartlaag, verouderd, toelichting FROM bv_kaart_actualiteit ORDER BY kaartlaag;
SELECT count(*) FROM bv_kaart_verversen();
SELECT count(*) FILTER (WHERE verouderd) AS verouderd FROM bv_kaart_actualiteit;
-- so does a change of the rulebook
UPDATE bv_beleidsconstante SET waarde = 200 WHERE naam = 'bel_straal_m';
SELECT count(*) FILTER (WHERE verouderd) AS verouderd FROM bv_kaart_actualiteit;
SELECT count(*) FROM bv_kaart_verversen();
-- a layer refreshed yesterday is stale when an area came into force today,
-- not when nothing happened in between
UPDATE bv_kaart_status SET ververst_op = now() - interval '1 day';
UPDATE bv_gegevens_status SET gewijzigd_op = now() - interval '2 days';
SELECT count(*) FILTER (WHERE verouderd) AS verouderd_zonder_datumwissel FROM bv_kaart_actualiteit;
SET session_replication_role = replica;   -- change the area without the change trigger
INSERT INTO bv_beleidsgebied (soort, naam, geldig_vanaf, geom)
VALUES ('waterwingebied', 'vanaf vandaag', CURRENT_DATE, 'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))');
RESET session_replication_role;
SELECT kaartlaag, verouderd, toelichting FROM bv_kaart_actualiteit ORDER BY kaartlaag;
SELECT bv_datumwissel_tussen(CURRENT_DATE - 1, CURRENT_DATE) AS gisteren_vandaag,
       bv_datumwissel_tussen(CURRENT_DATE, CURRENT_DATE + 1) AS vandaag_morgen;
\c contrib_regression
DROP DATABASE bv_actualiteit;
