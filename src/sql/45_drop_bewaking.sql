-- Guard against losing data by DROP EXTENSION (issue 10).
--
-- The data tables are members of the extension, so that pg_dump keeps their
-- rows (pg_extension_config_dump) and CREATE EXTENSION makes them; the price
-- is that DROP EXTENSION bodemvisie deletes them, without CASCADE and without
-- a word.  This event trigger refuses that while any data table holds rows,
-- unless the session confirms it:
--     SET bodemvisie.verwijder_gegevens = 'aan';
--     DROP EXTENSION bodemvisie;
-- DROP EXTENSION postgis CASCADE (which takes bodemvisie with it) is guarded
-- the same way.  An event trigger cannot see which extension a statement
-- names, so it reads the statement text (current_query()); it protects
-- against mistakes, not against a superuser who means it.  Our choice;
-- doc/datamodel.md explains it.
CREATE FUNCTION bv_drop_bewaking()
RETURNS event_trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
    opdracht text := pg_catalog.lower(pg_catalog.current_query());
    tabel regclass;
    gevuld text[] := '{}';
    heeft_rijen boolean;
BEGIN
    IF opdracht !~ 'drop\s+extension\s+(if\s+exists\s+)?[^;]*\mbodemvisie\M'
       AND opdracht !~ 'drop\s+extension\s+(if\s+exists\s+)?[^;]*\mpostgis\M[^;]*\mcascade\M' THEN
        RETURN;
    END IF;
    IF coalesce(pg_catalog.current_setting('bodemvisie.verwijder_gegevens', true), '')
       IN ('aan', 'on', 'true', 'ja') THEN
        RETURN;
    END IF;
    FOR tabel IN
        SELECT c.oid::regclass
          FROM pg_catalog.pg_extension e
         CROSS JOIN LATERAL pg_catalog.unnest(e.extconfig) AS u(t)
          JOIN pg_catalog.pg_class c ON c.oid = u.t AND c.relkind = 'r'
         WHERE e.extname = 'bodemvisie'
           -- the stored map layers are derived (bv_kaart_verversen), not data
           AND c.relname::text <> ALL (ARRAY['bv_kaart_wko_bellen_m', 'bv_kaart_pluimen_m',
                                             'bv_kaart_interferentie_gebied_m', 'bv_kaart_bodemenergie_m']::text[])
         ORDER BY 1
    LOOP
        -- the rulebook's shipped rows (standaard) are not the user's data
        EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %s t %s)', tabel,
                   CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                      WHERE a.attrelid = tabel AND a.attname = 'standaard'
                                        AND NOT a.attisdropped)
                        THEN 'WHERE NOT t.standaard' ELSE '' END) INTO heeft_rijen;
        IF heeft_rijen THEN
            gevuld := pg_catalog.array_append(gevuld, tabel::text);
        END IF;
    END LOOP;
    IF pg_catalog.cardinality(gevuld) > 0 THEN
        RAISE EXCEPTION 'DROP EXTENSION bodemvisie would delete the rows of %',
              pg_catalog.array_to_string(gevuld, ', ')
              USING ERRCODE = 'dependent_objects_still_exist',
                    HINT = 'Keep them first (pg_dump -a -t ''bv_*''), then confirm in this session with SET bodemvisie.verwijder_gegevens = ''aan'' and drop again. To move to a new version use ALTER EXTENSION bodemvisie UPDATE, which keeps the data.';
    END IF;
END
$fn$;

COMMENT ON FUNCTION bv_drop_bewaking() IS
'Event trigger: refuses DROP EXTENSION bodemvisie (or DROP EXTENSION postgis CASCADE) while the data tables hold rows, unless SET bodemvisie.verwijder_gegevens = ''aan'' confirms it.';

CREATE EVENT TRIGGER bv_drop_bewaking ON ddl_command_start
    WHEN TAG IN ('DROP EXTENSION')
    EXECUTE FUNCTION bv_drop_bewaking();
