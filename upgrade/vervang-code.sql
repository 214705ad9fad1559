
-- ---------------------------------------------------------------------------
-- Part of every update script (see the Makefile): drop every function,
-- view, materialized view and type of the extension, but none of its
-- tables, sequences or data, so that the install pieces that follow create
-- the code of the new version from the same source as a fresh install.
-- Nothing is dropped with CASCADE: if an object of the user depends on one
-- of ours (a view on a map layer, say), the update stops, names it, and
-- changes nothing.
-- ---------------------------------------------------------------------------
DO $vervang$
DECLARE
    o record;
    over integer;
    voortgang boolean;
    laatste_fout text;
    detail text;
BEGIN
    -- Triggers of the extension's own tables that call its functions (the
    -- rulebook's, the history's, the map status'): dropped here, created
    -- again by the pieces.  A trigger on a table of the user is left alone
    -- (and then stops the update below, naming it).
    FOR o IN
        SELECT t.tgname::text AS type, t.tgrelid::pg_catalog.regclass::text AS identity
          FROM pg_catalog.pg_trigger t
          JOIN pg_catalog.pg_depend f ON f.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                     AND f.objid = t.tgfoid AND f.deptype = 'e'
          JOIN pg_catalog.pg_depend r ON r.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                     AND r.objid = t.tgrelid AND r.deptype = 'e'
          JOIN pg_catalog.pg_extension e ON e.oid = f.refobjid AND e.oid = r.refobjid
         WHERE e.extname = 'bodemvisie' AND NOT t.tgisinternal
    LOOP
        EXECUTE pg_catalog.format('DROP TRIGGER %I ON %s', o.type, o.identity);
    END LOOP;
    LOOP
        voortgang := false;
        laatste_fout := NULL;
        over := 0;
        FOR o IN
            SELECT i.type, i.identity
              FROM pg_catalog.pg_depend d
              JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
             CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, d.objsubid) i
             WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
               AND d.deptype = 'e'
               AND i.type IN ('function', 'aggregate', 'view', 'materialized view', 'composite type',
                              'type', 'event trigger', 'operator')
             -- views before functions before types: fewer rounds
             ORDER BY CASE i.type WHEN 'materialized view' THEN 0 WHEN 'view' THEN 1
                                  WHEN 'event trigger' THEN 2 WHEN 'operator' THEN 3
                                  WHEN 'aggregate' THEN 4 WHEN 'function' THEN 5 ELSE 6 END
        LOOP
            over := over + 1;
            BEGIN
                EXECUTE pg_catalog.format('DROP %s %s',
                    CASE o.type WHEN 'composite type' THEN 'TYPE' ELSE pg_catalog.upper(o.type) END,
                    o.identity);
                voortgang := true;
            EXCEPTION WHEN dependent_objects_still_exist THEN
                GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
                laatste_fout := SQLERRM || ': ' || pg_catalog.replace(detail, E'\n', '; ');
            END;
        END LOOP;
        EXIT WHEN over = 0;
        IF NOT voortgang THEN
            RAISE EXCEPTION 'bodemvisie update: % objects of the extension cannot be replaced: %', over, laatste_fout
                  USING ERRCODE = 'dependent_objects_still_exist',
                        HINT = 'Objects of your own depend on them. Drop those (keep their definitions), run ALTER EXTENSION bodemvisie UPDATE, and create them again.';
        END IF;
    END LOOP;
END
$vervang$;

