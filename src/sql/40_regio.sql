-- A distribution-ready data model (issue 14, item 2; doc/scaling.md).
--
-- The tables that grow with the number of municipalities (the WKO systems
-- and the contamination) get a region, regio: the municipality of the row
-- (of the permit, for a system near a border).  It is
--   * the PARTITION BY column of the per-region analyses with a halo, and
--   * the distribution column on a distributed PostgreSQL (Citus), which
--     needs every primary key and unique index to contain it: the keys
--     become (regio, id) and (regio, register_id).
-- The ids become bigint: Citus gives every node its own range of an
-- identity sequence only when the sequence is bigint (an integer identity
-- hands out 1, 2, ... again on every node that inserts).
--
-- This piece runs right after 40_datamodel.sql, before any view reads the
-- tables (a view would block the change of the id's type) and before
-- 98_historie.sql, so the history tables take regio and the bigint ids too,
-- in the same column order on a fresh install and on an update from 0.1.0
-- (where the existing rows get the region 'Assen').

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

DO $regio$
DECLARE
    tabel text;
BEGIN
    FOREACH tabel IN ARRAY ARRAY['bv_wko_systeem', 'bv_verontreiniging'] LOOP
        -- bigint ids (the identity sequence follows the column's type);
        -- only once: a second ALTER ... TYPE would rebuild the indexes
        IF (SELECT a.atttypid FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
               AND a.attname = 'id') <> 'pg_catalog.int8'::pg_catalog.regtype THEN
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ALTER COLUMN id TYPE bigint', tabel);
        END IF;
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
