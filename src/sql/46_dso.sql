-- DSO / STOP geo-information objects (GIO), issue 11 section 4: the areas of
-- a provincial or municipal ordinance as published in the DSO become rows of
-- bv_beleidsgebied, read by bv_gio_import(xml, soorten, bron) inside
-- PostgreSQL (XPath, no schemas, no network); bin/bodemvisie import streams
-- files into it (bin/importers/gio.py).  See doc/dso.md.
--
-- A GIO (root geo:GeoInformatieObjectVaststelling, namespace
-- https://standaarden.overheid.nl/stop/imop/geo/) holds one version of one
-- work: FRBRWork, FRBRExpression (with the date, "...nld@2023-12-19;1"),
-- optional groups (groepID, label) and locations (naam, groepID, a
-- basisgeometrie Geometrie with a GML 3.2 Polygon or MultiSurface in RD New).
--   work         -> register_id
--   expression   -> register_versie, rechtsgrond ('GIO ' || expression)
--   its date     -> geldig_vanaf
--   the location -> register_locatie (its name, numbered when the GIO has
--                   several locations of one name): which row a newer
--                   expression replaces
-- The kind of area comes from the group label (or the location's name when
-- it has no group) through the mapping `soorten`; a label that is exactly a
-- kind of bv_gebiedssoort needs none; an unknown label is refused, never
-- guessed.

ALTER TABLE bv_beleidsgebied
    ADD COLUMN IF NOT EXISTS register_locatie text;
-- (the history table gets it in 48_historie_kolommen.sql)
CREATE UNIQUE INDEX IF NOT EXISTS bv_beleidsgebied_register_locatie_idx
    ON bv_beleidsgebied (register_id, register_locatie) WHERE register_locatie IS NOT NULL;
COMMENT ON COLUMN bv_beleidsgebied.register_locatie IS
'Which location of the register object the row is (DSO GIO: the location''s name; the second, third ... location of one name in document order get " (2)", " (3)" ...); a newer version of the object replaces the row of the same location. NULL for areas typed in by hand.';

CREATE FUNCTION bv_gio_import(document xml, soorten jsonb DEFAULT NULL, bron text DEFAULT NULL)
RETURNS TABLE (register_id text, register_versie text, geldig_vanaf date, locaties integer,
               nieuw integer, vervangen integer, ongewijzigd integer, beeindigd integer, ouder boolean)
LANGUAGE plpgsql VOLATILE COST 10000
SET jit = off AS
$fn$
#variable_conflict use_column
DECLARE
    v_bron    text;
    v_root    text;
    v_work    text;
    v_expr    text;
    v_datum   date;
    v_volgnr  integer;
    v_oud     record;
    v_fout    text;
    v_kinds   text;
    v_alle    text[];
    v_sleutels text[];
    v_opg     record;
    r         record;
    n_loc     integer := 0;
    n_nieuw   integer := 0;
    n_verv    integer := 0;
    n_ong     integer := 0;
    n_eind    integer := 0;
BEGIN
    PERFORM bv_primair_vereist('bv_gio_import'::text);
    IF document IS NULL THEN
        RAISE EXCEPTION 'GIO: no document given (NULL)' USING ERRCODE = 'null_value_not_allowed',
            HINT = 'Pass the geo-information object (the XML file of the GIO, root geo:GeoInformatieObjectVaststelling).';
    END IF;
    IF soorten IS NOT NULL AND pg_catalog.jsonb_typeof(soorten) <> 'object'::text THEN
        RAISE EXCEPTION 'GIO: soorten must be a JSON object {"label": "kind", ...}, got a JSON %',
              pg_catalog.jsonb_typeof(soorten)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'E.g. ''{"Waterwingebied": "waterwingebied"}''::jsonb; the kinds are the rows of bv_gebiedssoort.';
    END IF;
    IF document IS NOT DOCUMENT THEN
        RAISE EXCEPTION 'GIO: % is not one XML document', coalesce(bron, 'the input')
              USING ERRCODE = 'invalid_xml_document', HINT = 'Pass the whole GIO file.';
    END IF;
    IF pg_catalog.strpos(document::text, '<!ENTITY'::text) > 0 THEN
        RAISE EXCEPTION 'GIO: % declares XML entities; refused (no entity is read or expanded)', coalesce(bron, 'the input')
              USING ERRCODE = 'invalid_xml_document', HINT = 'GIO files have no DOCTYPE or entities.';
    END IF;
    v_root := (pg_catalog.xpath('concat(namespace-uri(/*), " ", local-name(/*))'::text, document))[1]::text;
    IF v_root <> 'https://standaarden.overheid.nl/stop/imop/geo/ GeoInformatieObjectVaststelling'::text THEN
        RAISE EXCEPTION 'GIO: % is not a STOP geo-information object: the root element is "%"', coalesce(bron, 'the input'), v_root
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Read is geo:GeoInformatieObjectVaststelling of namespace https://standaarden.overheid.nl/stop/imop/geo/ (the GML file of a GIO in a DSO publication).';
    END IF;

    SELECT pg_catalog.btrim(t.work), pg_catalog.btrim(t.expr), t.n
      INTO v_work, v_expr, n_loc
      FROM XMLTABLE(XMLNAMESPACES('https://standaarden.overheid.nl/stop/imop/geo/' AS geo),
                    '/geo:GeoInformatieObjectVaststelling/geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie'
                    PASSING document
                    COLUMNS work text PATH 'geo:FRBRWork',
                            expr text PATH 'geo:FRBRExpression',
                            n integer PATH 'count(geo:locaties/geo:Locatie)') t;
    v_bron := coalesce(bron, v_expr, 'GIO');
    IF v_work IS NULL OR v_work = ''::text OR v_expr IS NULL OR v_expr = ''::text THEN
        RAISE EXCEPTION 'GIO: % has no geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie with FRBRWork and FRBRExpression', v_bron
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'A GIO names its work and expression (e.g. /join/id/regdata/pv22/2023/gebied and .../nld@2023-12-19;1).';
    END IF;
    v_datum := pg_catalog.to_date(pg_catalog.substring(v_expr, '/[a-z]{3}@([0-9]{4}-[0-9]{2}-[0-9]{2})'::text), 'YYYY-MM-DD'::text);
    v_volgnr := coalesce(pg_catalog.substring(v_expr, '@[0-9]{4}-[0-9]{2}-[0-9]{2};([0-9]{1,9})'::text)::integer, 0);
    IF v_datum IS NULL OR pg_catalog.left(v_expr, pg_catalog.length(v_work) + 1) <> v_work || '/'::text THEN
        RAISE EXCEPTION 'GIO: % has the expression "%", which is not "<work>/<language>@<date>[;<n>]" of its work "%"', v_bron, v_expr, v_work
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'The FRBR expression carries the date the version is in force from, e.g. /join/id/regdata/pv22/2023/gebied/nld@2023-12-19;1.';
    END IF;
    IF n_loc = 0 THEN
        RAISE EXCEPTION 'GIO: % (%) has no locations (geo:locaties/geo:Locatie)', v_bron, v_expr
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'A GIO of areas has at least one geo:Locatie with a geometry.';
    END IF;

    -- the locations, with their label (group label, else name) and geometry
    CREATE TEMP TABLE IF NOT EXISTS pg_temp.bv_gio_locatie (
        nr integer, naam text, groep text, label text, sleutel text, soort text,
        gml text, n_geom integer, geom geometry) ON COMMIT DROP;
    TRUNCATE pg_temp.bv_gio_locatie;
    INSERT INTO pg_temp.bv_gio_locatie (nr, naam, groep, label, gml, n_geom)
    SELECT l.nr, nullif(pg_catalog.btrim(l.naam), ''::text), nullif(pg_catalog.btrim(l.groep), ''::text),
           coalesce(nullif(pg_catalog.btrim(g.label), ''::text), nullif(pg_catalog.btrim(l.naam), ''::text)),
           l.gml::text, l.n_geom
      FROM XMLTABLE(XMLNAMESPACES('https://standaarden.overheid.nl/stop/imop/geo/' AS geo,
                                  'http://www.geostandaarden.nl/basisgeometrie/1.0' AS basisgeo),
                    '/geo:GeoInformatieObjectVaststelling/geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie/geo:locaties/geo:Locatie'
                    PASSING document
                    COLUMNS nr FOR ORDINALITY,
                            naam text PATH 'geo:naam',
                            groep text PATH 'geo:groepID',
                            gml xml PATH '(geo:geometrie/basisgeo:Geometrie/basisgeo:geometrie/*)[1]',
                            n_geom integer PATH 'count(geo:geometrie/basisgeo:Geometrie/basisgeo:geometrie/*)') l
      LEFT JOIN XMLTABLE(XMLNAMESPACES('https://standaarden.overheid.nl/stop/imop/geo/' AS geo),
                         '/geo:GeoInformatieObjectVaststelling/geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie/geo:groepen/geo:Groep'
                         PASSING document
                         COLUMNS groep text PATH 'geo:groepID', label text PATH 'geo:label') g
             ON pg_catalog.btrim(g.groep) = pg_catalog.btrim(l.groep);
    IF (SELECT pg_catalog.count(*) FROM pg_temp.bv_gio_locatie) <> n_loc THEN
        RAISE EXCEPTION 'GIO: % names a group ID twice in geo:groepen', v_bron
              USING ERRCODE = 'invalid_parameter_value', HINT = 'Every geo:Groep has its own geo:groepID.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)'::text, coalesce(l.naam, 'location ' || l.nr::text), l.groep), ', '::text ORDER BY l.nr)
      INTO v_fout FROM pg_temp.bv_gio_locatie l WHERE l.groep IS NOT NULL AND l.label IS NULL;
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'GIO: % has locations in a group that geo:groepen does not define: %', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value', HINT = 'Every geo:groepID of a location is a geo:Groep with a geo:label.';
    END IF;
    SELECT pg_catalog.string_agg(l.nr::text, ', '::text ORDER BY l.nr)
      INTO v_fout FROM pg_temp.bv_gio_locatie l WHERE l.label IS NULL;
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'GIO: % has locations without a name or group (number %): nothing to map to a kind of area', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'A location needs a geo:naam or a geo:groepID with a label.';
    END IF;

    -- the kind: the mapping first, then a label that is exactly a kind.
    -- (The kinds are read in a statement of their own: on Citus, doc/
    -- scaling.md, a statement that joins a temporary table with a stored
    -- table is sent to a worker, which has no such temporary table.)
    SELECT pg_catalog.array_agg(s.soort ORDER BY s.soort) INTO v_alle FROM bv_gebiedssoort s;
    v_kinds := pg_catalog.array_to_string(v_alle, ', '::text);
    UPDATE pg_temp.bv_gio_locatie l
       SET soort = coalesce(soorten ->> l.label, CASE WHEN l.label = ANY (v_alle) THEN l.label END);
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.format('"%s" -> "%s"'::text, l.label, l.soort), ', '::text)
      INTO v_fout FROM pg_temp.bv_gio_locatie l
     WHERE l.soort IS NOT NULL AND NOT (l.soort = ANY (coalesce(v_alle, '{}'::text[])));
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'GIO: % maps labels to kinds that are not in the rulebook: %', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Known kinds (bv_gebiedssoort): ' || v_kinds || '. A new kind is a row of bv_gebiedssoort (doc/regelboek.md).';
    END IF;
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.format('"%s"'::text, l.label), ', '::text)
      INTO v_fout FROM pg_temp.bv_gio_locatie l WHERE l.soort IS NULL;
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'GIO: % has labels that are no kind of area and are not mapped: %; nothing is loaded', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Map each label to a kind: bin/bodemvisie import --soort ''LABEL=kind'' (or soorten => ''{"LABEL": "kind"}'' in SQL). Known kinds: ' || v_kinds || '.';
    END IF;

    -- the geometries: GML 3.2 surfaces in RD New, valid
    FOR r IN SELECT l.nr, l.naam, l.gml, l.n_geom FROM pg_temp.bv_gio_locatie l ORDER BY l.nr LOOP
        IF r.gml IS NULL OR r.n_geom <> 1 THEN
            RAISE EXCEPTION 'GIO: % location % ("%") has % geometries in geo:geometrie/basisgeo:Geometrie/basisgeo:geometrie, not one',
                  v_bron, r.nr, r.naam, r.n_geom
                  USING ERRCODE = 'invalid_parameter_value', HINT = 'Each location holds one GML Polygon or MultiSurface.';
        END IF;
        BEGIN
            UPDATE pg_temp.bv_gio_locatie l SET geom = ST_Force2D(ST_GeomFromGML(r.gml, 0)) WHERE l.nr = r.nr;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS v_fout = MESSAGE_TEXT;
            RAISE EXCEPTION 'GIO: % location % ("%"): the GML geometry cannot be read: %', v_bron, r.nr, r.naam, v_fout
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'Read are gml:Polygon, gml:Surface and gml:MultiSurface of straight segments (GML 3.2) in EPSG:28992.';
        END;
    END LOOP;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s ("%s": %s, SRID %s)'::text, l.nr, l.naam,
                                                   GeometryType(l.geom), ST_SRID(l.geom)), ', '::text ORDER BY l.nr)
      INTO v_fout FROM pg_temp.bv_gio_locatie l
     WHERE GeometryType(l.geom) NOT IN ('POLYGON'::text, 'MULTIPOLYGON'::text) OR ST_SRID(l.geom) <> 28992 OR ST_IsEmpty(l.geom);
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'GIO: % has locations that are not areas in RD New (EPSG:28992): %', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Policy areas are polygons with srsName urn:ogc:def:crs:EPSG::28992; points and lines of a GIO are not areas.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s ("%s": %s)'::text, l.nr, l.naam, (ST_IsValidDetail(l.geom, 0)).reason), ', '::text ORDER BY l.nr)
      INTO v_fout FROM pg_temp.bv_gio_locatie l WHERE NOT (ST_IsValidDetail(l.geom, 0)).valid;
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'GIO: % has invalid geometries: %', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Ask the publisher for a corrected version; the import does not repair areas of a legal text.';
    END IF;
    UPDATE pg_temp.bv_gio_locatie l SET geom = ST_Multi(l.geom);

    -- the key of a location within the work: its name (or label); the
    -- second, third ... location of that name in document order get " (2)",
    -- " (3)" ... (so the first keeps its key when a version adds one)
    UPDATE pg_temp.bv_gio_locatie l
       SET sleutel = CASE WHEN k.i > 1 THEN k.basis || ' ('::text || k.i::text || ')'::text ELSE k.basis END
      FROM (SELECT x.nr, coalesce(x.naam, x.label) AS basis,
                   pg_catalog.row_number() OVER (PARTITION BY coalesce(x.naam, x.label) ORDER BY x.nr) AS i
              FROM pg_temp.bv_gio_locatie x) k
     WHERE k.nr = l.nr;

    -- which version is stored: the newest (date, number) among the rows of the work
    SELECT b.register_versie,
           pg_catalog.to_date(pg_catalog.substring(b.register_versie, '@([0-9]{4}-[0-9]{2}-[0-9]{2})'::text), 'YYYY-MM-DD'::text) AS datum,
           coalesce(pg_catalog.substring(b.register_versie, '@[0-9]{4}-[0-9]{2}-[0-9]{2};([0-9]{1,9})'::text)::integer, 0) AS volgnr
      INTO v_oud
      FROM bv_beleidsgebied b
     WHERE b.register_id = v_work AND b.register_locatie IS NOT NULL
     ORDER BY 2 DESC, 3 DESC LIMIT 1;
    IF FOUND AND (v_oud.datum > v_datum OR (v_oud.datum = v_datum AND v_oud.volgnr > v_volgnr)) THEN
        -- an older expression than the stored one: leave everything as it is
        RETURN QUERY SELECT v_work, v_expr, v_datum, n_loc, 0, 0, 0, 0, true;
        RETURN;
    END IF;

    -- the same location again: unchanged when every imported value is equal
    -- (no UPDATE, so geladen_op and the history stay as they are)
    -- (the stored row of each location by a statement of its own, through
    -- the index on (register_id, register_locatie): see the kinds above)
    FOR r IN SELECT l.* FROM pg_temp.bv_gio_locatie l ORDER BY l.nr LOOP
        SELECT x.id AS b_id,
               (x.soort = r.soort AND x.naam = coalesce(r.naam, r.label)
                AND ST_AsEWKB(x.geom) = ST_AsEWKB(r.geom)
                AND x.status = 'vastgesteld'::text AND x.geldig_vanaf IS NOT DISTINCT FROM v_datum
                AND x.geldig_tot IS NULL AND x.register_versie IS NOT DISTINCT FROM v_expr
                AND x.rechtsgrond IS NOT DISTINCT FROM ('GIO '::text || v_expr)) AS gelijk
          INTO v_opg
          FROM bv_beleidsgebied x
         WHERE x.register_id = v_work AND x.register_locatie = r.sleutel;
        IF v_opg.b_id IS NULL THEN
            INSERT INTO bv_beleidsgebied (soort, naam, bron, geom, status, geldig_vanaf, geldig_tot, rechtsgrond,
                                          register_id, register_versie, register_locatie)
            VALUES (r.soort, coalesce(r.naam, r.label), v_bron, r.geom, 'vastgesteld', v_datum, NULL, 'GIO '::text || v_expr,
                    v_work, v_expr, r.sleutel);
            n_nieuw := n_nieuw + 1;
        ELSIF v_opg.gelijk THEN
            n_ong := n_ong + 1;
        ELSE
            UPDATE bv_beleidsgebied b
               SET soort = r.soort, naam = coalesce(r.naam, r.label), bron = v_bron, geom = r.geom,
                   status = 'vastgesteld', geldig_vanaf = v_datum, geldig_tot = NULL,
                   rechtsgrond = 'GIO '::text || v_expr, register_versie = v_expr, geladen_op = pg_catalog.now()
             WHERE b.id = v_opg.b_id;
            n_verv := n_verv + 1;
        END IF;
    END LOOP;

    -- locations of an older version that this one no longer has: in force
    -- until this version's date (kept, so a question about the past still
    -- finds them); one that would only have started on that date or later
    -- never was in force: vervallen
    SELECT coalesce(pg_catalog.array_agg(l.sleutel) FILTER (WHERE l.sleutel IS NOT NULL), '{}'::text[])
      INTO v_sleutels FROM pg_temp.bv_gio_locatie l;
    UPDATE bv_beleidsgebied b
       SET geldig_tot = CASE WHEN b.geldig_vanaf IS NULL OR b.geldig_vanaf < v_datum THEN v_datum ELSE b.geldig_tot END,
           status = CASE WHEN b.geldig_vanaf IS NULL OR b.geldig_vanaf < v_datum THEN b.status ELSE 'vervallen'::text END,
           geladen_op = pg_catalog.now()
     WHERE b.register_id = v_work AND b.register_locatie IS NOT NULL
       AND b.register_versie IS DISTINCT FROM v_expr
       AND b.status <> 'vervallen'::text
       AND (b.geldig_tot IS NULL OR b.geldig_tot > v_datum)
       AND NOT (b.register_locatie = ANY (v_sleutels));
    GET DIAGNOSTICS n_eind = ROW_COUNT;

    RETURN QUERY SELECT v_work, v_expr, v_datum, n_loc, n_nieuw, n_verv, n_ong, n_eind, false;
END
$fn$;

COMMENT ON FUNCTION bv_gio_import(xml, jsonb, text) IS
'Loads a DSO/STOP geo-information object (GIO, root geo:GeoInformatieObjectVaststelling) into bv_beleidsgebied, one row per location: kind from soorten (JSON object label -> kind of bv_gebiedssoort; the label is the group label, else the location name; a label that is a kind needs no mapping; an unknown one is refused with the known kinds), register_id = FRBR work, register_versie = FRBR expression, geldig_vanaf = its date, rechtsgrond = ''GIO '' || expression, status vastgesteld. The same expression again changes nothing; a newer one updates the rows of its locations and ends (geldig_tot = its date; status vervallen when the row would only start then) those it no longer has; an older one is left out (ouder = true). Returns one summary row. All or nothing: any refusal (SQLSTATE 22023, 2200M, 22004) leaves the table unchanged.';
