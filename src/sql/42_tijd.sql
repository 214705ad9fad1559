-- The time model (issue 10): when a row takes part, and what it was before.
--
--   validity   bv_van_kracht, bv_in_gebruik, bv_pluim_actueel, bv_komend:
--              one predicate per kind of row, in one place; the check, the
--              maps and the views call them with their peildatum
--   history    every UPDATE, DELETE or TRUNCATE of bv_beleidsgebied,
--              bv_wko_systeem, bv_verontreiniging, the rulebook (bv_regel,
--              bv_beleidsconstante, bv_gebiedssoort) and the analysis areas
--              (bv_gebied) keeps the old version in <table>_historie;
--              bv_historie_op and the three <table>_op functions give the
--              rows as registered at a moment
--   changes    bv_wat_verandert: which areas, rules and plumes enter or
--              leave force between two dates, and which systems, analysis
--              areas and decisions they touch
--
-- Two times, never mixed: the peildatum (a date: on which day is the policy
-- read) and the registration time (a timestamptz: what did the database
-- know then).  doc/tijd.md explains both with the sample data.

-- ---------------------------------------------------------------------------
-- Validity.  Inlinable: one expression, IMMUTABLE, not STRICT, and a
-- SQL-standard body (RETURN ...), bound when installed and therefore left
-- out of the search_path pin of 99_search_path.sql (a pinned function is
-- never inlined), so that the planner folds them into the callers' queries.  Intervals are half open:
-- a row is in force from geldig_vanaf (that day included) until geldig_tot
-- (that day excluded); a NULL bound is open.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_van_kracht(status text, geldig_vanaf date, geldig_tot date, peildatum date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
RETURN status = 'vastgesteld'::text
   AND (geldig_vanaf IS NULL OR geldig_vanaf <= peildatum)
   AND (geldig_tot IS NULL OR peildatum < geldig_tot);

COMMENT ON FUNCTION bv_van_kracht(text, date, date, date) IS
'Is a policy area in force on peildatum? status = ''vastgesteld'' and geldig_vanaf <= peildatum < geldig_tot (a NULL bound is open). ontwerp, voornemen and vervallen areas are never in force (bv_komend names the coming ones).';

CREATE FUNCTION bv_in_gebruik(status text, vergunning_datum date, eind_datum date, peildatum date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
RETURN (vergunning_datum IS NULL OR vergunning_datum <= peildatum)
   AND (eind_datum IS NULL OR peildatum < eind_datum)
   AND (status <> 'beeindigd'::text OR eind_datum IS NOT NULL);

COMMENT ON FUNCTION bv_in_gebruik(text, date, date, date) IS
'Does a WKO system take part (claim its bubble, count in decision tree 4.1) on peildatum? From vergunning_datum (NULL: always) until eind_datum (excluded; NULL: open); beeindigd without eind_datum never. aangevraagd, vergund and gerealiseerd all claim their bubble: an application without a permit date claims it on every date, as a planned system did in 0.1.0.';

CREATE FUNCTION bv_pluim_actueel(status text, ontdekt_op date, gesaneerd_op date, peildatum date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
RETURN (ontdekt_op IS NULL OR ontdekt_op <= peildatum)
   AND (gesaneerd_op IS NULL OR peildatum < gesaneerd_op)
   AND (status <> 'gesaneerd'::text OR gesaneerd_op IS NOT NULL);

COMMENT ON FUNCTION bv_pluim_actueel(text, date, date, date) IS
'Does a contamination take part on peildatum? Known (ontdekt_op NULL or <= peildatum) and not yet remediated (peildatum < gesaneerd_op). The dates decide; the status only fills a missing date: gesaneerd without gesaneerd_op takes part on no date (the day is unknown; history keeps the earlier version). in_sanering takes part.';

CREATE FUNCTION bv_komend(status text, geldig_vanaf date, geldig_tot date, peildatum date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
RETURN CASE
         WHEN geldig_tot IS NOT NULL AND geldig_tot <= peildatum THEN NULL::text
         WHEN status = 'vastgesteld'::text AND geldig_vanaf > peildatum
           THEN 'wordt van kracht vanaf '::text
                || pg_catalog.to_char(geldig_vanaf::timestamp without time zone, 'YYYY-MM-DD'::text)
         WHEN status = 'ontwerp'::text OR status = 'voornemen'::text
           THEN status || ', nog niet van kracht'::text
                || CASE WHEN geldig_vanaf > peildatum
                        THEN ' (verwacht vanaf '::text
                             || pg_catalog.to_char(geldig_vanaf::timestamp without time zone, 'YYYY-MM-DD'::text)
                             || ')'::text
                        ELSE ''::text END
       END;

COMMENT ON FUNCTION bv_komend(text, date, date, date) IS
'What is coming for a policy area on peildatum, in Dutch: ''wordt van kracht vanaf <date>'' (vastgesteld, geldig_vanaf later), ''ontwerp, nog niet van kracht'' or ''voornemen, nog niet van kracht'' (with '' (verwacht vanaf <date>)'' when an expected geldig_vanaf lies after peildatum); NULL when the area is in force, vervallen, or its geldig_tot has passed. The check lists these as a separate kind of reason (aangekondigd), never as a prohibition.';

-- ---------------------------------------------------------------------------
-- History: corrections keep the old version.
--
-- Every table below gets
--   versie      1 for a new row, +1 on every UPDATE (set by the trigger)
--   geladen_op  set to now() on every UPDATE: the start of the registration
--               of the current version
--   <table>_historie  the same columns after geregistreerd_van and
--               geregistreerd_tot: one row per replaced or deleted version,
--               registered in [geregistreerd_van, geregistreerd_tot)
-- UPDATE and DELETE write the old rows in one statement-level trigger with
-- a transition table (a bulk update costs one INSERT ... SELECT), TRUNCATE
-- keeps every row the same way.  The check reads the current tables only;
-- history costs nothing there.  To put another table of the extension under
-- history (bv_regel, say) add its name to the list below: the loop adds
-- versie and geladen_op when the table lacks them, and indexes the history
-- on the table's primary key and versie.
-- ---------------------------------------------------------------------------
-- versie (and geladen_op, for a table without it) are added by the loop
-- at the end of this section, after the table's own columns.

CREATE FUNCTION bv_historie_versie()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    -- A restore replacing a shipped rulebook row by its dumped version
    -- (bv_standaardrij_vervangen) keeps the dumped version and time.
    IF pg_catalog.current_setting('bodemvisie.herstel', true) = 'aan' THEN
        RETURN NEW;
    END IF;
    -- Not the user's to choose: the version counts updates, and the
    -- registration of the new version starts now.
    NEW.versie := OLD.versie + 1;
    NEW.geladen_op := pg_catalog.now();
    RETURN NEW;
END
$fn$;

COMMENT ON FUNCTION bv_historie_versie() IS
'Trigger (BEFORE UPDATE, each row) of the tables with history: versie := old versie + 1, geladen_op := now().';

-- SECURITY DEFINER: the history is written for whoever changes a table, and
-- no ordinary role needs (or gets) any right on the history tables, so a
-- role that may correct an area cannot rewrite its past.  The body writes
-- only into the history table named by the trigger (98_historie.sql):
-- TG_ARGV[0] is the table, TG_ARGV[1] its history table.
--
-- On Citus (doc/scaling.md) the triggers of a distributed or reference
-- table fire on its shards, where TG_TABLE_NAME is the shard's name
-- (bv_wko_systeem_102030): the old rows then go into the co-located shard
-- of the history table on the same node, found in Citus's catalog.  Citus
-- is only ever called by dynamic SQL and only on a shard, so a plain
-- install does not depend on it.
CREATE FUNCTION bv_historie_bewaren()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
AS $fn$
DECLARE
    tabel text := coalesce(TG_ARGV[0], TG_TABLE_NAME::text);
    hist text := coalesce(TG_ARGV[1], TG_TABLE_NAME::text || '_historie');
    doel text;
    kolommen text;
    waarden text;
    citus boolean;
BEGIN
    -- (a restore's replacement of a shipped row is not a correction)
    IF pg_catalog.current_setting('bodemvisie.herstel', true) = 'aan' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME::text = tabel THEN
        -- The table itself.  On Citus only a TRUNCATE fires here (on the
        -- coordinator's shell table), and then on every shard as well:
        -- the shards write the history.
        IF TG_OP = 'TRUNCATE'
           AND pg_catalog.to_regclass('pg_catalog.pg_dist_partition'::text) IS NOT NULL THEN
            EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1)'
               INTO citus USING TG_RELID;
            IF citus THEN
                RETURN NULL;
            END IF;
        END IF;
        doel := pg_catalog.format('%I.%I', TG_TABLE_SCHEMA, hist);
    ELSE
        -- A shard of the table (Citus): TG_TABLE_NAME is <table>_<shard id>.
        -- The history shard with the same hash range in the same
        -- co-location group (a reference table: the one shard) lives on
        -- this node.
        IF pg_catalog.to_regclass('pg_catalog.pg_dist_shard'::text) IS NULL
           OR TG_TABLE_NAME::text !~ ('^' || tabel || '_[0-9]+$') THEN
            RAISE EXCEPTION 'history trigger of % fired on %.%, which is neither the table nor a Citus shard of it',
                            tabel, TG_TABLE_SCHEMA, TG_TABLE_NAME
                  USING ERRCODE = 'object_not_in_prerequisite_state',
                        HINT = 'Create the trigger with the table''s own name and its history table as arguments, as 98_historie.sql does.';
        END IF;
        EXECUTE 'SELECT pg_catalog.shard_name(h.logicalrelid, h.shardid, false) '
                '  FROM pg_catalog.pg_dist_shard s '
                '  JOIN pg_catalog.pg_dist_partition ps ON ps.logicalrelid = s.logicalrelid '
                '  JOIN pg_catalog.pg_dist_partition ph ON ph.colocationid = ps.colocationid '
                '  JOIN pg_catalog.pg_dist_shard h ON h.logicalrelid = ph.logicalrelid '
                '   AND h.shardminvalue IS NOT DISTINCT FROM s.shardminvalue '
                ' WHERE s.shardid = $1 AND ph.logicalrelid = $2'
           INTO doel
          USING pg_catalog.substr(TG_TABLE_NAME::text, pg_catalog.length(tabel) + 2)::bigint,
                pg_catalog.format('%I.%I', TG_TABLE_SCHEMA, hist)::regclass;
        IF doel IS NULL THEN
            RAISE EXCEPTION 'no shard of %.% next to shard % of %', TG_TABLE_SCHEMA, hist, TG_TABLE_NAME, tabel
                  USING ERRCODE = 'object_not_in_prerequisite_state',
                        HINT = pg_catalog.format('Distribute %1$s co-located with %2$s (create_distributed_table(%1$L, <distribution column>, colocate_with => %2$L)), or make both reference tables.', hist, tabel);
        END IF;
    END IF;
    -- The columns of the table, by name (the history table has them all,
    -- after its two registration columns).
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname::text), ', '::text ORDER BY a.attnum),
           pg_catalog.string_agg('o.' || pg_catalog.quote_ident(a.attname::text), ', '::text ORDER BY a.attnum)
      INTO kolommen, waarden
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;
    -- UPDATE and DELETE: the old rows of the statement (transition table
    -- bv_oud); TRUNCATE: the whole table (or shard), read before it is
    -- emptied.
    EXECUTE pg_catalog.format(
        'INSERT INTO %s (geregistreerd_van, geregistreerd_tot, %s) '
        'SELECT least(o.geladen_op, pg_catalog.now()), pg_catalog.now(), %s FROM %s o',
        doel, kolommen, waarden,
        CASE TG_OP WHEN 'TRUNCATE' THEN pg_catalog.format('ONLY %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME)
                   ELSE 'bv_oud' END);
    RETURN NULL;
END
$fn$;

REVOKE ALL ON FUNCTION bv_historie_bewaren() FROM PUBLIC;

COMMENT ON FUNCTION bv_historie_bewaren() IS
'Trigger (AFTER UPDATE or DELETE with a transition table, BEFORE TRUNCATE; each statement) of the tables with history, arguments: the table and its history table. Writes the old rows into the history table (on Citus, fired on a shard: into the co-located shard of the history table), registered from their geladen_op until now().';

-- The tables are put under history by 98_historie.sql, after every piece
-- has added its columns (the history tables take all of them).

CREATE FUNCTION bv_historie_op(tabel anyelement, registratie timestamptz)
RETURNS SETOF anyelement
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1000 ROWS 1000
AS $fn$
DECLARE
    rel regclass;
    hist regclass;
    kolommen text;
BEGIN
    IF registratie IS NULL OR NOT pg_catalog.isfinite(registratie) THEN
        RAISE EXCEPTION 'registratie must be a moment, got %', coalesce(registratie::text, 'NULL')
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'The moment whose registration you want, e.g. ''2026-01-01 12:00+01''::timestamptz or the geregistreerd_op of a decision.';
    END IF;
    -- The table of the row type, and its history table, both ours.
    SELECT c.oid::regclass, h.oid::regclass INTO rel, hist
      FROM pg_catalog.pg_type t
      JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
      JOIN pg_catalog.pg_class h ON h.relnamespace = c.relnamespace
                                AND h.relname = c.relname::text || '_historie' AND h.relkind = 'r'
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                 AND d.objid = h.oid AND d.deptype = 'e'
      JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
     WHERE t.oid = pg_catalog.pg_typeof(tabel);
    IF rel IS NULL THEN
        RAISE EXCEPTION 'no history is kept for %', pg_catalog.pg_typeof(tabel)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Pass NULL::bv_beleidsgebied, NULL::bv_wko_systeem, NULL::bv_verontreiniging, NULL::bv_regel, NULL::bv_beleidsconstante, NULL::bv_gebied or NULL::bv_gebiedssoort.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname::text), ', '::text ORDER BY a.attnum)
      INTO kolommen
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped;
    RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT %1$s FROM %2$s WHERE geladen_op <= $1 '
        'UNION ALL '
        'SELECT %1$s FROM %3$s WHERE geregistreerd_van <= $1 AND $1 < geregistreerd_tot',
        kolommen, rel, hist)
      USING registratie;
END
$fn$;

COMMENT ON FUNCTION bv_historie_op(anyelement, timestamptz) IS
'The rows of a table with history as they were registered at a moment: the current rows registered (geladen_op) at or before it, and the earlier versions whose registration interval contains it. Pass the table as NULL::bv_beleidsgebied (or bv_wko_systeem, bv_verontreiniging, bv_regel, bv_beleidsconstante, bv_gebied, bv_gebiedssoort).';

CREATE FUNCTION bv_beleidsgebied_op(registratie timestamptz)
RETURNS SETOF bv_beleidsgebied
LANGUAGE sql STABLE PARALLEL SAFE COST 1000 ROWS 1000
AS $fn$ SELECT * FROM bv_historie_op(NULL::bv_beleidsgebied, registratie) $fn$;

COMMENT ON FUNCTION bv_beleidsgebied_op(timestamptz) IS
'The policy areas as registered at a moment (with their versie): bv_historie_op(NULL::bv_beleidsgebied, registratie).';

CREATE FUNCTION bv_wko_systeem_op(registratie timestamptz)
RETURNS SETOF bv_wko_systeem
LANGUAGE sql STABLE PARALLEL SAFE COST 1000 ROWS 1000
AS $fn$ SELECT * FROM bv_historie_op(NULL::bv_wko_systeem, registratie) $fn$;

COMMENT ON FUNCTION bv_wko_systeem_op(timestamptz) IS
'The WKO systems as registered at a moment (with their versie): bv_historie_op(NULL::bv_wko_systeem, registratie).';

CREATE FUNCTION bv_verontreiniging_op(registratie timestamptz)
RETURNS SETOF bv_verontreiniging
LANGUAGE sql STABLE PARALLEL SAFE COST 1000 ROWS 1000
AS $fn$ SELECT * FROM bv_historie_op(NULL::bv_verontreiniging, registratie) $fn$;

COMMENT ON FUNCTION bv_verontreiniging_op(timestamptz) IS
'The contaminations as registered at a moment (with their versie): bv_historie_op(NULL::bv_verontreiniging, registratie).';

-- ---------------------------------------------------------------------------
-- What changes between two dates, from three kinds of date:
--   - a policy area that enters or leaves force (bv_van_kracht): the rules
--     of its kind that then apply (not advies);
--   - a rule of the rulebook that enters or leaves force
--     (bv_regel_van_kracht), not advies: one row per place it then applies
--     to (the areas of its kind in force on that date; for the kind
--     verontreiniging the current plumes), or one row without a place;
--   - a plume that becomes known (ontdekt_op) or is remediated
--     (gesaneerd_op) (bv_pluim_actueel): the rules of the kind
--     verontreiniging;
-- and for each the stored WKO systems, analysis areas (bv_gebied) and
-- recorded decisions it touches.  Only the predicates above and plain
-- spatial joins: it does not run the check.  The numbers of the rulebook
-- (bv_beleidsconstante) have no validity dates: a change of one is a
-- correction, kept in its history.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_wat_verandert(van date, tot date)
RETURNS TABLE (beleidsgebied bigint, soort text, naam text, verandering text,
               op date, regels text[], wko_systemen bigint[], gebieden bigint[],
               besluiten bigint[], verontreiniging bigint, regel text)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 5000 ROWS 10
AS $fn$
#variable_conflict use_column
DECLARE
    v_van date := van;
    v_tot date := tot;
    v_pluim_r double precision;
    v_stroming double precision;
    v_leeftijd double precision;
    v_retardatie double precision;
BEGIN
    IF v_van IS NULL OR v_tot IS NULL OR NOT pg_catalog.isfinite(v_van) OR NOT pg_catalog.isfinite(v_tot) THEN
        RAISE EXCEPTION 'van and tot must be dates, got % and %', coalesce(v_van::text, 'NULL'), coalesce(v_tot::text, 'NULL')
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'E.g. bv_wat_verandert(CURRENT_DATE, ''2030-01-01'').';
    END IF;
    IF v_tot < v_van THEN
        RAISE EXCEPTION 'tot (%) lies before van (%)', v_tot, v_van
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Give the earlier date first.';
    END IF;
    -- a source point without a contour counts as its plume circle, as in
    -- the check
    v_stroming := bv_constante('pluim_stroming_m_per_jaar'::text);
    v_leeftijd := bv_constante('pluim_leeftijd_jaar'::text);
    v_retardatie := bv_constante('pluim_retardatie'::text);
    RETURN QUERY
    WITH vo AS (
        SELECT v.id, v.naam, v.status, v.ontdekt_op, v.gesaneerd_op,
               CASE WHEN GeometryType(v.geom) = 'POINT'
                    THEN bv_pluim(v.geom, v_stroming, v_leeftijd, v_retardatie)
                    ELSE v.geom END AS geom
          FROM bv_verontreiniging v
    ),
    wissel AS (
        -- policy areas in force on one date and not on the other; op = the
        -- day it changes; datum = the date on which it is in force (the
        -- rules are read on it); regel NULL = every rule of the kind
        SELECT b.id AS gebied, NULL::bigint AS pluim, b.soort, b.naam, b.geom,
               CASE WHEN n.nu THEN 'wordt van kracht' ELSE 'vervalt' END AS verandering,
               CASE WHEN n.nu THEN b.geldig_vanaf ELSE b.geldig_tot END AS op,
               CASE WHEN n.nu THEN v_tot ELSE v_van END AS datum,
               NULL::text AS regel
          FROM bv_beleidsgebied b
         CROSS JOIN LATERAL (SELECT bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, v_van) AS toen,
                                    bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, v_tot) AS nu) n
         WHERE n.toen IS DISTINCT FROM n.nu AND (n.toen OR n.nu)
        UNION ALL
        -- rules in force on one date and not on the other, at every place
        -- they apply to on the date they are in force
        SELECT p.gebied, p.pluim, r.soort, p.naam, p.geom,
               CASE WHEN r.nu THEN 'regel wordt van kracht' ELSE 'regel vervalt' END,
               CASE WHEN r.nu THEN r.geldig_vanaf ELSE r.geldig_tot END,
               r.datum, r.code
          FROM (SELECT g.code, g.soort, g.geldig_vanaf, g.geldig_tot, n.nu,
                       CASE WHEN n.nu THEN v_tot ELSE v_van END AS datum
                  FROM bv_regel g
                 CROSS JOIN LATERAL (SELECT bv_regel_van_kracht(g.geldig_vanaf, g.geldig_tot, v_van) AS toen,
                                            bv_regel_van_kracht(g.geldig_vanaf, g.geldig_tot, v_tot) AS nu) n
                 WHERE g.ernst <> 'advies' AND n.toen <> n.nu) r
          LEFT JOIN LATERAL (
                SELECT b.id AS gebied, NULL::bigint AS pluim, b.naam, b.geom
                  FROM bv_beleidsgebied b
                 WHERE b.soort = r.soort AND bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, r.datum)
                UNION ALL
                SELECT NULL::bigint, v.id, v.naam, v.geom
                  FROM vo v
                 WHERE r.soort = 'verontreiniging'
                   AND bv_pluim_actueel(v.status, v.ontdekt_op, v.gesaneerd_op, r.datum)) p ON true
        UNION ALL
        -- plumes current on one date and not on the other
        SELECT NULL::bigint, v.id, 'verontreiniging'::text, v.naam, v.geom,
               CASE WHEN n.nu THEN 'verontreiniging ontdekt' ELSE 'verontreiniging gesaneerd' END,
               CASE WHEN n.nu THEN v.ontdekt_op ELSE v.gesaneerd_op END,
               CASE WHEN n.nu THEN v_tot ELSE v_van END,
               NULL::text
          FROM vo v
         CROSS JOIN LATERAL (SELECT bv_pluim_actueel(v.status, v.ontdekt_op, v.gesaneerd_op, v_van) AS toen,
                                    bv_pluim_actueel(v.status, v.ontdekt_op, v.gesaneerd_op, v_tot) AS nu) n
         WHERE n.toen <> n.nu
    ),
    w AS MATERIALIZED (
        SELECT pg_catalog.row_number() OVER () AS nr, x.* FROM wissel x
    ),
    -- the stored WKO systems per change: one join of the changes (with the
    -- rules that apply there) and the systems, not a subquery per change,
    -- so that on Citus (doc/scaling.md) it runs on every shard of the
    -- systems against the changes as one intermediate result
    wko AS MATERIALIZED (
        SELECT DISTINCT x.nr, s.id
          FROM (SELECT w.nr, w.geom, w.datum, r.systemen, r.dieper_dan_m
                  FROM w
                  JOIN bv_regel r
                    ON r.soort = w.soort AND r.ernst <> 'advies'
                   AND (w.regel IS NULL OR r.code = w.regel)
                   AND bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, w.datum)) x
          JOIN bv_wko_systeem s
            ON ST_Intersects(s.putten, x.geom)
           AND bv_in_gebruik(s.status, s.vergunning_datum, s.eind_datum, x.datum)
           AND s.systeem = ANY (x.systemen)
           AND (x.dieper_dan_m IS NULL OR s.diepte_tot_m IS NULL OR s.diepte_tot_m > x.dieper_dan_m)
    )
    SELECT w.gebied, w.soort, w.naam, w.verandering, w.op,
           (SELECT pg_catalog.array_agg((r.code || ' (' || r.ernst || ')')::text ORDER BY r.code)
              FROM bv_regel r
             WHERE r.soort = w.soort AND r.ernst <> 'advies'
               AND (w.regel IS NULL OR r.code = w.regel)
               AND bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, w.datum)),
           k.ids,
           (SELECT pg_catalog.array_agg(g.id ORDER BY g.id)
              FROM bv_gebied g
             WHERE ST_Intersects(g.geom, w.geom)),
           -- recorded decisions at a location in the area, for a system and
           -- depth a rule of its kind applies to
           (SELECT pg_catalog.array_agg(d.id ORDER BY d.id)
              FROM bv_besluit d
             WHERE ST_Intersects(d.locatie, w.geom)
               AND EXISTS (SELECT 1 FROM bv_regel r
                            WHERE r.soort = w.soort AND r.ernst <> 'advies'
                              AND (w.regel IS NULL OR r.code = w.regel)
                              AND d.systeem = ANY (r.systemen)
                              AND (r.dieper_dan_m IS NULL OR d.diepte_tot_m > r.dieper_dan_m)
                              AND bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, w.datum))),
           w.pluim, w.regel
      FROM w
      LEFT JOIN (SELECT o.nr, pg_catalog.array_agg(o.id ORDER BY o.id) AS ids
                   FROM wko o GROUP BY o.nr) k ON k.nr = w.nr
     ORDER BY w.op, w.gebied NULLS LAST, w.pluim, w.regel NULLS FIRST;
END
$fn$;

COMMENT ON FUNCTION bv_wat_verandert(date, date) IS
'What changes between two dates. One row per change: a policy area that enters force (''wordt van kracht'', op = geldig_vanaf) or leaves it (''vervalt'', op = geldig_tot); a rule of the rulebook (not advies) that enters or leaves force (''regel wordt van kracht'', ''regel vervalt''; regel = its code), once per area of its kind in force on that date (for the kind verontreiniging: per current plume), or once without a place; a plume that becomes known (''verontreiniging ontdekt'', op = ontdekt_op) or is remediated (''verontreiniging gesaneerd'', op = gesaneerd_op; verontreiniging = its id). For each: the rules that apply there (code and severity), the stored WKO systems in use with a well in it to which such a rule applies (system type and depth), the analysis areas (bv_gebied) it overlaps, and the recorded decisions (bv_besluit) at a location in it to which such a rule applies. Filter on beleidsgebied for "what changes when area X comes into force".';
