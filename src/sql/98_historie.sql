-- Put the tables under history (issue 10; the trigger functions and the
-- readers are in 42_tijd.sql).  Last but one piece: every piece before it
-- has added its columns to these tables, so a history table gets them all,
-- in the same order on a fresh install and on an update.
DO $historie$
DECLARE
    tabel text;
    hist text;
    kolom record;
BEGIN
    FOREACH tabel IN ARRAY ARRAY['bv_beleidsgebied', 'bv_wko_systeem', 'bv_verontreiniging',
                                 'bv_regel', 'bv_beleidsconstante', 'bv_gebied', 'bv_gebiedssoort',
                                 -- the register's parts (issue 11): a newer
                                 -- version rewrites them, the old ones are kept
                                 'bv_wko_put', 'bv_monitoringsput', 'bv_monitoringsfilter'] LOOP
        hist := tabel || '_historie';
        -- The version and the start of the registration of the current row
        -- (checked first: ADD COLUMN IF NOT EXISTS would say so aloud).
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
                          AND a.attname = 'geladen_op' AND NOT a.attisdropped) THEN
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ADD COLUMN geladen_op timestamptz NOT NULL DEFAULT now()', tabel);
            EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.geladen_op IS %L', tabel,
                                      'When the row was loaded or last changed.');
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
                          AND a.attname = 'versie' AND NOT a.attisdropped) THEN
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ADD COLUMN versie integer NOT NULL DEFAULT 1', tabel);
        END IF;
        EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.versie IS %L', tabel,
            pg_catalog.format('Version of the row: 1 when inserted, +1 on every update (set by a trigger); earlier versions are in %s.', hist));
        -- The registration columns first, then the table's: a column the
        -- table gets later is appended below, in the same order on a fresh
        -- install and on an update.
        EXECUTE pg_catalog.format(
            'CREATE TABLE IF NOT EXISTS @extschema@.%I ('
            ' geregistreerd_van timestamptz NOT NULL,'
            ' geregistreerd_tot timestamptz NOT NULL,'
            ' LIKE @extschema@.%I,'
            ' CONSTRAINT %I CHECK (geregistreerd_van <= geregistreerd_tot))',
            hist, tabel, hist || '_interval');
        FOR kolom IN
            SELECT a.attname::text AS naam, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
              FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
               AND a.attnum > 0 AND NOT a.attisdropped
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute h
                                WHERE h.attrelid = pg_catalog.format('@extschema@.%I', hist)::regclass
                                  AND h.attname = a.attname AND NOT h.attisdropped)
             ORDER BY a.attnum
        LOOP
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ADD COLUMN %I %s', hist, kolom.naam, kolom.type);
        END LOOP;
        -- the versions of one row: its primary key, then versie
        EXECUTE pg_catalog.format('CREATE INDEX IF NOT EXISTS %I ON @extschema@.%I (%s, versie)',
                                  hist || '_sleutel_idx', hist,
                                  (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname::text), ', '::text ORDER BY k.n)
                                     FROM pg_catalog.pg_index i
                                    CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::smallint[]) WITH ORDINALITY AS k(attnum, n)
                                     JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                    WHERE i.indrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
                                      AND i.indisprimary));
        EXECUTE pg_catalog.format('CREATE INDEX IF NOT EXISTS %I ON @extschema@.%I (geregistreerd_tot, geregistreerd_van)',
                                  hist || '_geregistreerd_idx', hist);
        EXECUTE pg_catalog.format('COMMENT ON TABLE @extschema@.%I IS %L', hist,
            pg_catalog.format('Earlier versions of %s: every row replaced by an UPDATE or removed by a DELETE or TRUNCATE, registered from geregistreerd_van until geregistreerd_tot (excluded). Written by a trigger; read with %s_op(moment).', tabel, tabel));
        EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.geregistreerd_van IS %L', hist,
            'Start of the registration of this version (the geladen_op of the row).');
        EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.geregistreerd_tot IS %L', hist,
            'End of the registration of this version (the moment of the UPDATE, DELETE or TRUNCATE that replaced it), excluded.');
        PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.format('@extschema@.%I', hist)::regclass, ''::text);
        -- Triggers (again on an update of the extension: the functions are new).
        EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS bv_versie ON @extschema@.%I', tabel);
        EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS bv_historie_update ON @extschema@.%I', tabel);
        EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS bv_historie_delete ON @extschema@.%I', tabel);
        EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS bv_historie_truncate ON @extschema@.%I', tabel);
        EXECUTE pg_catalog.format('CREATE TRIGGER bv_versie BEFORE UPDATE ON @extschema@.%I '
                                  'FOR EACH ROW EXECUTE FUNCTION @extschema@.bv_historie_versie()', tabel);
        EXECUTE pg_catalog.format('CREATE TRIGGER bv_historie_update AFTER UPDATE ON @extschema@.%I '
                                  'REFERENCING OLD TABLE AS bv_oud '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.bv_historie_bewaren(%L, %L)', tabel, tabel, hist);
        EXECUTE pg_catalog.format('CREATE TRIGGER bv_historie_delete AFTER DELETE ON @extschema@.%I '
                                  'REFERENCING OLD TABLE AS bv_oud '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.bv_historie_bewaren(%L, %L)', tabel, tabel, hist);
        EXECUTE pg_catalog.format('CREATE TRIGGER bv_historie_truncate BEFORE TRUNCATE ON @extschema@.%I '
                                  'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.bv_historie_bewaren(%L, %L)', tabel, tabel, hist);
    END LOOP;
END
$historie$;
