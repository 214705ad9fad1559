-- Are the stored map layers up to date? (issue 10: "materialized map
-- layers are not left silently empty after a restore or a bulk load").
--
-- 1. The layers (tables bv_kaart_*_m, 60/61) are filled only by
--    bv_kaart_verversen(), which records when (bv_kaart_status).  A fresh
--    install has no data and empty layers, "never refreshed"; an update
--    fills them at its end (upgrade/kaartlagen-vullen.sql); a restore brings
--    back the dumped rows of the layers but not their refresh times, so
--    they show the map as it was dumped and are called stale.
-- 2. Every statement that changes the data or the rulebook records when
--    (bv_gegevens_status, statement-level triggers, which fire for a bulk
--    load and for a restore's COPY as well).  The view bv_kaart_actualiteit
--    says per layer whether it is stale: never refreshed here, data changed
--    since, or a date of the time model passed since (an area came into
--    force, a permit ended) while the layer shows "today".
-- Both status tables are state, not data: pg_dump does not keep them (after
-- a restore every layer is "refresh time unknown" or "never refreshed").

CREATE TABLE IF NOT EXISTS bv_gegevens_status (
    tabel        text PRIMARY KEY,
    gewijzigd_op timestamptz NOT NULL
);
COMMENT ON TABLE bv_gegevens_status IS
'When each data table of bodemvisie was last changed (written by statement triggers); read by bv_kaart_actualiteit.';

CREATE TABLE IF NOT EXISTS bv_kaart_status (
    kaartlaag   text PRIMARY KEY,
    ververst_op timestamptz NOT NULL
);
COMMENT ON TABLE bv_kaart_status IS
'When each stored map layer (bv_kaart_*_m) was last refreshed by bv_kaart_verversen(); read by bv_kaart_actualiteit.';

-- SECURITY DEFINER: a role that may change a data table need not have any
-- right on the status table; the body touches only that table.  The
-- trigger names its table (TG_ARGV[0]).  On Citus (doc/scaling.md) it fires
-- on the shards, on the node that holds them, whose names are not the
-- table's: a reference table's placement records the table's name; a shard
-- of a distributed table records its own name, because the shards of one
-- statement on one worker are written over several connections of one
-- distributed transaction, which would wait for each other on one row
-- (seen: "canceling the transaction since it was involved in a distributed
-- deadlock").  Citus is asked only on a shard, by dynamic SQL.
CREATE FUNCTION bv_gegevens_gewijzigd()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
AS $fn$
DECLARE
    naam text := coalesce(TG_ARGV[0], TG_TABLE_NAME::text);
    verdeeld boolean;
BEGIN
    IF pg_catalog.pg_is_in_recovery() THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME::text <> naam THEN
        IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition'::text) IS NOT NULL THEN
            EXECUTE 'SELECT p.partmethod <> ''n''::"char" FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1'
               INTO verdeeld USING pg_catalog.format('%I.%I', TG_TABLE_SCHEMA, naam)::regclass;
        END IF;
        IF verdeeld IS NOT false THEN
            naam := TG_TABLE_NAME::text;
        END IF;
    END IF;
    INSERT INTO bv_gegevens_status AS s (tabel, gewijzigd_op)
    VALUES (naam, pg_catalog.now())
    ON CONFLICT (tabel) DO UPDATE SET gewijzigd_op = excluded.gewijzigd_op;
    RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION bv_gegevens_gewijzigd() FROM PUBLIC;

COMMENT ON FUNCTION bv_gegevens_gewijzigd() IS
'Statement trigger of the data and rulebook tables (argument: the table''s name): records in bv_gegevens_status when the table was last changed, so that bv_kaart_actualiteit can say which map layers are stale. On Citus, fired on a shard: the node''s own bv_gegevens_status, under the table''s name for a reference table, the shard''s name for a distributed table.';

DO $trig$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['bv_beleidsgebied', 'bv_gebied', 'bv_wko_systeem', 'bv_verontreiniging',
                             'bv_regel', 'bv_gebiedssoort', 'bv_beleidsconstante']
    LOOP
        EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS bv_gewijzigd ON @extschema@.%I', t);
        EXECUTE pg_catalog.format(
            'CREATE TRIGGER bv_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.%I
                 FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.bv_gegevens_gewijzigd(%L)', t, t);
    END LOOP;
END
$trig$;

-- Record a refresh (called by bv_kaart_verversen for each layer).
CREATE FUNCTION bv_kaart_ververst(kaartlaag text)
RETURNS void
LANGUAGE sql VOLATILE PARALLEL UNSAFE COST 10
AS $fn$
    INSERT INTO bv_kaart_status AS s (kaartlaag, ververst_op)
    VALUES (kaartlaag, pg_catalog.now())
    ON CONFLICT (kaartlaag) DO UPDATE SET ververst_op = excluded.ververst_op
$fn$;

COMMENT ON FUNCTION bv_kaart_ververst(text) IS
'Records that a stored map layer was refreshed now (bv_kaart_status); called by bv_kaart_verversen().';

-- The first date after "vanaf" (exclusive) up to "tot" (inclusive) on which
-- something in the time model changes: an area or rule comes into force or
-- lapses, a permit starts or ends, a plume becomes known or remediated.
CREATE FUNCTION bv_datumwissel_tussen(vanaf date, tot date)
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1000
AS $fn$
BEGIN
RETURN (
    SELECT EXISTS (SELECT 1 FROM bv_beleidsgebied b
                    WHERE b.geldig_vanaf > vanaf AND b.geldig_vanaf <= tot
                       OR b.geldig_tot > vanaf AND b.geldig_tot <= tot)
        OR EXISTS (SELECT 1 FROM bv_regel r
                    WHERE r.geldig_vanaf > vanaf AND r.geldig_vanaf <= tot
                       OR r.geldig_tot > vanaf AND r.geldig_tot <= tot)
        OR EXISTS (SELECT 1 FROM bv_wko_systeem w
                    WHERE w.vergunning_datum > vanaf AND w.vergunning_datum <= tot
                       OR w.eind_datum > vanaf AND w.eind_datum <= tot)
        OR EXISTS (SELECT 1 FROM bv_verontreiniging v
                    WHERE v.ontdekt_op > vanaf AND v.ontdekt_op <= tot
                       OR v.gesaneerd_op > vanaf AND v.gesaneerd_op <= tot));
END
$fn$;

COMMENT ON FUNCTION bv_datumwissel_tussen(date, date) IS
'Does anything in the time model change after vanaf and up to tot (an area or rule comes into force or lapses, a permit starts or ends, a plume becomes known or remediated)? Used to say that a map layer of "today" refreshed on an earlier day is stale.';

CREATE VIEW bv_kaart_actualiteit AS
SELECT t.kaartlaag, t.gevuld, t.ververst_op, t.gegevens_gewijzigd_op,
       (t.ververst_op IS NULL OR t.gewijzigd OR t.datumwissel) AS verouderd,
       CASE WHEN NOT t.gevuld THEN 'nooit ververst (na installatie of herstel): SELECT bv_kaart_verversen()'
            WHEN t.ververst_op IS NULL THEN 'verversdatum onbekend (na herstel): SELECT bv_kaart_verversen()'
            WHEN t.gewijzigd THEN 'gegevens gewijzigd na het verversen: SELECT bv_kaart_verversen()'
            WHEN t.datumwissel
                 THEN 'een datum (inwerkingtreding, vergunning, sanering) is sinds het verversen gepasseerd: SELECT bv_kaart_verversen()'
            ELSE 'actueel' END AS toelichting
  FROM (SELECT l.kaartlaag,
               -- filled by bv_kaart_verversen(): here (a refresh time), or
               -- in the database a restore came from (rows, no time)
               (s.ververst_op IS NOT NULL OR l.rijen) AS gevuld,
               s.ververst_op,
               g.gewijzigd_op AS gegevens_gewijzigd_op,
               coalesce(g.gewijzigd_op > s.ververst_op, false) AS gewijzigd,
               -- one scan of the dates per layer, for both columns
               coalesce(s.ververst_op::date < CURRENT_DATE
                        AND bv_datumwissel_tussen(s.ververst_op::date, CURRENT_DATE), false) AS datumwissel
          FROM (VALUES ('bv_kaart_wko_bellen_m'::text, EXISTS (SELECT FROM bv_kaart_wko_bellen_m)),
                       ('bv_kaart_pluimen_m'::text, EXISTS (SELECT FROM bv_kaart_pluimen_m)),
                       ('bv_kaart_interferentie_gebied_m'::text, EXISTS (SELECT FROM bv_kaart_interferentie_gebied_m)),
                       ('bv_kaart_bodemenergie_m'::text, EXISTS (SELECT FROM bv_kaart_bodemenergie_m))) AS l(kaartlaag, rijen)
          LEFT JOIN bv_kaart_status s ON s.kaartlaag = l.kaartlaag
          LEFT JOIN (SELECT max(x.gewijzigd_op) AS gewijzigd_op FROM bv_gegevens_status x) g ON true) t;

COMMENT ON VIEW bv_kaart_actualiteit IS
'Per stored map layer (bv_kaart_*_m): has it been filled (gevuld: refreshed here, or rows restored from a dump), when was it refreshed, when did the data last change, is it stale (verouderd) and why (toelichting, in Dutch, with what to run). A layer of "today" is also stale when a date of the time model passed since it was refreshed; after a restore its refresh time is unknown, so it is stale.';
