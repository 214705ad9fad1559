-- Pin the search_path of every SQL and PL/pgSQL function of the extension:
-- pg_catalog first, then the extension's schema, then PostGIS's, pg_temp
-- last.  Their bodies are parsed when they are called; without a pinned
-- path they would break when PostGIS lives in a schema the caller does not
-- have on its path, and would resolve names in whatever schemas the caller
-- has.  (PostgreSQL 15 has no @extschema:postgis@.)
--
-- The pin alone does not stop a role that may CREATE in one of these
-- schemas (in PostgreSQL 15 the database owner may create in public):
-- such a role can add an overload that matches a call better than the
-- intended function.  Hence the rules of doc/security.md, tested by
-- test/check-hostile-objects.sh: temporary objects as pg_temp.x, every
-- call with exact argument types and all arguments given (no defaults),
-- every operator on operands of exactly its types.  Keep this file last.
DO $pin$
DECLARE
    fn regprocedure;
    path text;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(s.nspname), ', ' ORDER BY s.volgorde)
      INTO path
      FROM (SELECT DISTINCT ON (n.nspname) n.nspname,
                   CASE e.extname WHEN 'bodemvisie' THEN 1 ELSE 2 END AS volgorde
              FROM pg_catalog.pg_extension e
              JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
             WHERE e.extname IN ('bodemvisie', 'postgis')
             ORDER BY n.nspname, 2) s;
    FOR fn IN
        SELECT p.oid::regprocedure
          FROM pg_catalog.pg_proc p
          JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass
                                     AND d.objid = p.oid AND d.deptype = 'e'
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
          JOIN pg_catalog.pg_language l ON l.oid = p.prolang
         WHERE l.lanname IN ('sql', 'plpgsql')
           -- a SQL-standard body (RETURN ..., BEGIN ATOMIC) is bound when
           -- created and needs no pin; a pin would stop it being inlined
           AND p.prosqlbody IS NULL
    LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = pg_catalog, %s, pg_temp', fn, path);
    END LOOP;
END
$pin$;
