-- A distribution-ready data model (issue 14, item 2; doc/scaling.md).
--
-- The tables that grow with the number of municipalities (the WKO systems
-- and the contamination) get a region, regio: the municipality of the row
-- (of the permit, for a system near a border).  It is
--   * the PARTITION BY column of the per-region analyses with a halo, and
--   * the distribution column on a distributed PostgreSQL (Citus), which
--     needs every primary key and unique index to contain it: the keys
--     become (regio, id) and (regio, register_id).
--
-- Every identity id of the extension is bigint (issue 14), and so is every
-- column that holds one (levering_id, wko_id, put_id): on a distributed
-- PostgreSQL (Citus) only a bigint identity sequence gets its own range on
-- every node, so that an insert through a worker cannot hand out id 1 again
-- (an integer identity restarts at 1, 2, ... on every node that inserts;
-- issue 14 saw a worker reuse id 1); and the registers that grow (WKO
-- systems, KLIC deliveries with their cables, monitoring wells) should not
-- run into the 2^31 limit.  The tables created since 0.1.0 say bigint in
-- their CREATE TABLE; the tables of 0.1.0 (the data model's four and the
-- KLIC tables) are created bigint on a fresh install too, and an update
-- from 0.1.0 changes their integer columns here, once.
--
-- This piece runs right after 40_datamodel.sql, before any view reads the
-- tables (a view would block the change of a column's type; the update's
-- upgrade/0.1.0--next.sql still runs beside the views of 0.1.0, so the
-- change cannot go there) and before 98_historie.sql, so the history tables
-- take regio and the bigint ids too, in the same column order on a fresh
-- install and on an update from 0.1.0 (where the existing rows get the
-- region 'Assen').

ALTER TABLE bv_wko_systeem
    ADD COLUMN IF NOT EXISTS regio text NOT NULL DEFAULT 'Assen';
ALTER TABLE bv_verontreiniging
    ADD COLUMN IF NOT EXISTS regio text NOT NULL DEFAULT 'Assen';
ALTER TABLE bv_wko_systeem
    DROP CONSTRAINT IF EXISTS bv_wko_systeem_regio_check,
    ADD CONSTRAINT bv_wko_systeem_regio_check CHECK (regio ~ '\S');
ALTER TABLE bv_verontreiniging
    DROP CONSTRAINT IF EXISTS bv_verontreiniging_regio_check,
    ADD CONSTRAINT bv_verontreiniging_regio_check CHECK (regio ~ '\S');

-- bigint ids on an update from 0.1.0.  The KLIC tables exist here only on
-- an update (a fresh install creates them bigint in 70_klic.sql); a
-- referenced id (bv_klic_levering.id) before the columns that refer to it.
-- Only a column that is still integer: a second ALTER ... TYPE would
-- rebuild the indexes.  The identity sequence follows the column's type.
DO $ids$
DECLARE
    kolom record;
BEGIN
    FOR kolom IN
        SELECT k.tabel, k.naam
          FROM (VALUES (1, 'bv_beleidsgebied', 'id'), (2, 'bv_gebied', 'id'),
                       (3, 'bv_wko_systeem', 'id'), (4, 'bv_verontreiniging', 'id'),
                       (5, 'bv_klic_levering', 'id'),
                       (6, 'bv_klic_utiliteitsnet', 'levering_id'),
                       (7, 'bv_kabel_leiding', 'id'), (8, 'bv_kabel_leiding', 'levering_id'),
                       (9, 'bv_klic_diepte', 'id'), (10, 'bv_klic_diepte', 'levering_id'),
                       (11, 'bv_klic_voorzorg', 'id'), (12, 'bv_klic_voorzorg', 'levering_id'),
                       (13, 'bv_klic_melding', 'id'), (14, 'bv_klic_melding', 'levering_id'),
                       (15, 'bv_verharding', 'id')) AS k(nr, tabel, naam)
          JOIN pg_catalog.pg_attribute a
            ON a.attrelid = pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', k.tabel))
           AND a.attname = k.naam AND NOT a.attisdropped
         WHERE a.atttypid <> 'pg_catalog.int8'::pg_catalog.regtype
         ORDER BY k.nr
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ALTER COLUMN %I TYPE bigint',
                                  kolom.tabel, kolom.naam);
    END LOOP;
END
$ids$;

DO $regio$
DECLARE
    tabel text;
BEGIN
    FOREACH tabel IN ARRAY ARRAY['bv_wko_systeem', 'bv_verontreiniging'] LOOP
        -- the primary key (regio, id); id stays unique through its sequence
        IF (SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.n)
              FROM pg_catalog.pg_index i
             CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::smallint[]) WITH ORDINALITY AS k(attnum, n)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
               AND i.indisprimary) IS DISTINCT FROM ARRAY['regio', 'id'] THEN
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I DROP CONSTRAINT IF EXISTS %I',
                                      tabel, tabel || '_pkey');
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ADD CONSTRAINT %I PRIMARY KEY (regio, id)',
                                      tabel, tabel || '_pkey');
        END IF;
        -- look-ups by id alone (a decision's reasons, the importers)
        EXECUTE pg_catalog.format('CREATE INDEX IF NOT EXISTS %I ON @extschema@.%I (id)',
                                  tabel || '_id_idx', tabel);
    END LOOP;
END
$regio$;

-- A register id is unique within its region (a distributed table cannot
-- enforce uniqueness across regions).
DROP INDEX IF EXISTS bv_wko_systeem_register_id_idx;
CREATE UNIQUE INDEX IF NOT EXISTS bv_wko_systeem_regio_register_id_idx
    ON bv_wko_systeem (regio, register_id) WHERE register_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS bv_wko_systeem_register_idx
    ON bv_wko_systeem (register_id) WHERE register_id IS NOT NULL;

COMMENT ON COLUMN bv_wko_systeem.regio IS 'Region of the system: the municipality of its permit (default Assen). The PARTITION BY column of per-region analyses and the distribution column on Citus (doc/scaling.md).';
COMMENT ON COLUMN bv_verontreiniging.regio IS 'Region of the contamination: its municipality (default Assen). The PARTITION BY column of per-region analyses and the distribution column on Citus (doc/scaling.md).';
