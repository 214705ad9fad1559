-- Pin the search_path of every SQL and PL/pgSQL function of the extension to
-- the extension's schema and PostGIS's schema.  Their bodies are parsed when
-- they are called, with the caller's search_path; without this they would
-- break when PostGIS lives in a schema the caller does not have on its path.
-- (PostgreSQL 15 has no @extschema:postgis@.)  Keep this file last.
DO $pin$
DECLARE
    fn regprocedure;
    path text;
BEGIN
    SELECT string_agg(DISTINCT quote_ident(n.nspname), ', ')
      INTO path
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname IN ('bodemvisie', 'postgis');
    FOR fn IN
        SELECT p.oid::regprocedure
          FROM pg_proc p
          JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                          AND d.deptype = 'e'
          JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
          JOIN pg_language l ON l.oid = p.prolang
         WHERE l.lanname IN ('sql', 'plpgsql')
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %s, pg_temp', fn, path);
    END LOOP;
END
$pin$;
