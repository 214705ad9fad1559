-- Stale map layers are never silent (issue 10): "never refreshed" after
-- install, "refresh time unknown" after a restore, stale after a data change
-- or after a date of the time model passed.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;
\set VERBOSITY default
\set SHOW_CONTEXT never
CREATE DATABASE bv_actualiteit;
\c bv_actualiteit
SET client_min_messages = warning;
CREATE EXTENSION bodemvisie CASCADE;
-- fresh install: no data, empty layers, never refreshed
SELECT kaartlaag, gevuld, verouderd, toelichting FROM bv_kaart_actualiteit ORDER BY kaartlaag;
SELECT count(*) FROM bv_kaart_wko_bellen_m;
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
-- after a restore: the dumped rows of the layers are back, their refresh
-- times (state, not dumped) are not: stale, refresh time unknown
SELECT count(*) FROM bv_kaart_verversen();
SELECT count(*) AS bellen FROM bv_kaart_wko_bellen_m;
DELETE FROM bv_kaart_status;
SELECT kaartlaag, gevuld, verouderd, toelichting FROM bv_kaart_actualiteit ORDER BY kaartlaag;
-- the layers' rows are dumped, their status is not
SELECT c.relname FROM pg_extension e, unnest(e.extconfig) x JOIN pg_class c ON c.oid = x
 WHERE e.extname = 'bodemvisie' AND c.relname LIKE 'bv\_kaart\_%' ORDER BY 1;
-- The default refresh lets readers read, here and on a standby: DELETE and
-- INSERT under an EXCLUSIVE lock, no ACCESS EXCLUSIVE lock (its replay
-- cancels a standby's readers).  gelijktijdig false: TRUNCATE, which takes
-- one.  The locks this transaction holds on the layers:
BEGIN;
SELECT count(*) FROM bv_kaart_verversen();
SELECT c.relname, string_agg(l.mode, ', ' ORDER BY l.mode) AS sloten
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
 WHERE l.pid = pg_backend_pid() AND c.relname LIKE 'bv\_kaart\_%\_m' GROUP BY 1 ORDER BY 1;
COMMIT;
BEGIN;
SELECT count(*) FROM bv_kaart_verversen(false);
SELECT c.relname, string_agg(l.mode, ', ' ORDER BY l.mode) AS sloten
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
 WHERE l.pid = pg_backend_pid() AND c.relname LIKE 'bv\_kaart\_%\_m' GROUP BY 1 ORDER BY 1;
COMMIT;
SELECT count(*) AS bellen FROM bv_kaart_wko_bellen_m;
\c contrib_regression
DROP DATABASE bv_actualiteit;
