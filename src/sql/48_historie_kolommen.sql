-- The history tables of the time model (42_tijd.sql) hold the same columns
-- as their table, but 42's loop runs before later pieces add columns
-- (44_bro.sql to bv_wko_systeem, 46_dso.sql to bv_beleidsgebied): without
-- them every UPDATE of those tables failed in the history trigger.  Append
-- what a history table lacks, in the table's column order; on a fresh
-- install and on an update the same columns arrive in the same order.
DO $kolommen$
DECLARE
    tabel text;
    kolom record;
BEGIN
    FOREACH tabel IN ARRAY ARRAY['bv_beleidsgebied', 'bv_wko_systeem', 'bv_verontreiniging'] LOOP
        FOR kolom IN
            SELECT a.attname::text AS naam, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
              FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = pg_catalog.format('@extschema@.%I', tabel)::regclass
               AND a.attnum > 0 AND NOT a.attisdropped
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute h
                                WHERE h.attrelid = pg_catalog.format('@extschema@.%I', tabel || '_historie')::regclass
                                  AND h.attname = a.attname AND NOT h.attisdropped)
             ORDER BY a.attnum
        LOOP
            EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ADD COLUMN %I %s', tabel || '_historie', kolom.naam, kolom.type);
        END LOOP;
    END LOOP;
END
$kolommen$;
