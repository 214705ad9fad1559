-- The location report for the counter (issue 12): everything the
-- Bodemvisie says about one location, as data (jsonb) that the HTML/PDF
-- report of bin/bodemvisie rapport renders and that GeoServer or an ETL job
-- can use as it is.  It only gathers: the verdicts come from
-- bv_bodemenergie_toets (the rulebook), the authority from bv_bevoegd_gezag,
-- the depth profile from the depth model, the neighbours from the tables.

-- The standard questions when no planned system is given (eigen keuze: a
-- citizen asks "may I?", not "at what depth?"): an open doublet in wvp4
-- (with a ground level; otherwise 65-100 m-mv, wvp4 at +10 m NAP), a closed
-- loop to 100 m, geothermal heat at 2,000-2,500 m (the suitable layer at
-- about 2,000 m under all of Assen, doc/beleid.md 4).
CREATE FUNCTION bv_standaardvragen(maaiveld_nap double precision,
                                   OUT systeem text, OUT diepte_van_m double precision,
                                   OUT diepte_tot_m double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE COST 100 ROWS 3
AS $fn$
    -- wvp4 cut to zone 2, read once
    SELECT 'open'::text, coalesce(w.van, 65::float8), coalesce(w.tot, 100::float8)
      FROM (SELECT max(greatest(e.van_m, z.van_m)) AS van, max(least(e.tot_m, z.tot_m)) AS tot
              FROM bv_dieptemodel(maaiveld_nap) e, bv_toegestane_diepte('open'::text) z
             WHERE e.indeling = 'eenheid' AND e.naam = 'wvp4') w
    UNION ALL
    SELECT 'gesloten'::text, 0::float8, 100::float8
    UNION ALL
    SELECT 'geothermie'::text, 2000::float8, 2500::float8
$fn$;

COMMENT ON FUNCTION bv_standaardvragen(double precision) IS
'The three standard questions of the location report when no planned system is given: an open doublet in wvp4 (from the ground level; 65-100 m-mv without one), a closed loop 0-100 m-mv, geothermal heat 2,000-2,500 m-mv. Our choice, documented in doc/locatierapport.md.';

CREATE FUNCTION bv_locatierapport(locatie geometry,
                                  maaiveld_nap double precision DEFAULT NULL,
                                  systeem text DEFAULT NULL,
                                  diepte_van_m double precision DEFAULT NULL,
                                  diepte_tot_m double precision DEFAULT NULL,
                                  peildatum date DEFAULT CURRENT_DATE,
                                  label text DEFAULT NULL,
                                  straal_omgeving_m double precision DEFAULT 500)
RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 20000
AS $fn$
DECLARE
    v_loc geometry;
    v_punt geometry;
    v_vragen jsonb;
    v_r jsonb;
BEGIN
    IF (systeem IS NULL) <> (diepte_van_m IS NULL) OR (systeem IS NULL) <> (diepte_tot_m IS NULL) THEN
        RAISE EXCEPTION 'a planned system needs systeem, diepte_van_m and diepte_tot_m together'
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Give all three (e.g. ''open'', 80, 110) or none for the standard questions.';
    END IF;
    IF straal_omgeving_m IS NULL OR NOT (straal_omgeving_m >= 0::float8 AND straal_omgeving_m <= 5000::float8) THEN
        RAISE EXCEPTION 'straal_omgeving_m must be in [0, 5000] m, got %', coalesce(straal_omgeving_m::text, 'NULL')
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The radius around the location within which neighbours are listed; 500 m by default.';
    END IF;
    -- the same input rules as the check
    v_loc := bv_locatie_rd(locatie, 'locatie'::text);
    v_punt := ST_PointOnSurface(v_loc);

    -- the verdicts: the planned system, or the three standard questions
    SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'systeem', q.systeem, 'diepte_van_m', q.diepte_van_m, 'diepte_tot_m', q.diepte_tot_m,
               'oordeel', (SELECT min(t.oordeel) FROM pg_catalog.jsonb_to_recordset(q.redenen) AS t(oordeel text)),
               'redenen', q.redenen) ORDER BY q.nr)
      INTO v_vragen
      FROM (SELECT v.nr, v.systeem, v.diepte_van_m, v.diepte_tot_m,
                   (SELECT pg_catalog.jsonb_agg(pg_catalog.to_jsonb(t.*))
                      FROM bv_bodemenergie_toets(v_loc, v.systeem, v.diepte_van_m, v.diepte_tot_m,
                                                 maaiveld_nap, NULL::float8, peildatum) t) AS redenen
              FROM (SELECT 1 AS nr, bv_locatierapport.systeem AS systeem,
                           bv_locatierapport.diepte_van_m AS diepte_van_m, bv_locatierapport.diepte_tot_m AS diepte_tot_m
                     WHERE bv_locatierapport.systeem IS NOT NULL
                    UNION ALL
                    SELECT (row_number() OVER ())::integer + 1, s.systeem, s.diepte_van_m, s.diepte_tot_m
                      FROM bv_standaardvragen(maaiveld_nap) s
                     WHERE bv_locatierapport.systeem IS NULL) v) q;

    v_r := pg_catalog.jsonb_build_object(
        'locatie', pg_catalog.jsonb_build_object(
            'label', label,
            'x', round(ST_X(v_punt)::numeric, 1), 'y', round(ST_Y(v_punt)::numeric, 1),
            'wkt', ST_AsText(v_loc, 1), 'soort', GeometryType(v_loc),
            'maaiveld_nap', maaiveld_nap),
        'peildatum', peildatum,
        'versie', (SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'bodemvisie'),
        'vragen', v_vragen,
        -- who decides, per activity (doc/beleid.md 1)
        'bevoegd_gezag', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                     'activiteit', a.activiteit, 'bevoegd_gezag', b.bevoegd_gezag_omgevingswet,
                                     'wet', b.wet, 'uitleg', b.uitleg) ORDER BY a.nr)
                            FROM (VALUES (1, 'gesloten_systeem'::text, 100::float8), (2, 'open_systeem', 100::float8),
                                         (3, 'geothermie', 2000::float8), (4, 'bronbemaling', 10::float8),
                                         (5, 'graven', 1::float8)) AS a(nr, activiteit, diepte),
                                 LATERAL bv_bevoegd_gezag(a.activiteit, a.diepte) b),
        -- the depth profile at this ground level (layers, zones, units)
        'dieptemodel', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                   'indeling', d.indeling, 'naam', d.naam, 'van_m', d.van_m, 'tot_m', d.tot_m)
                                   ORDER BY d.indeling, d.van_m)
                          -- with a ground level also the units (the one-argument
                          -- form is STRICT: nothing for NULL)
                          FROM (SELECT * FROM bv_dieptemodel(maaiveld_nap)
                                UNION ALL
                                SELECT * FROM bv_dieptemodel() WHERE maaiveld_nap IS NULL) d
                         WHERE d.indeling IN ('laag', 'zone_3d', 'eenheid', 'formatie')),
        'omgeving', pg_catalog.jsonb_build_object(
            'straal_m', straal_omgeving_m,
            'wko_systemen', (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                        'id', w.id, 'naam', w.naam, 'systeem', w.systeem, 'status', w.status,
                                        'diepte_van_m', w.diepte_van_m, 'diepte_tot_m', w.diepte_tot_m,
                                        'afstand_m', round(ST_Distance(w.putten, v_loc)::numeric, 0)) ORDER BY ST_Distance(w.putten, v_loc), w.id),
                                     '[]'::jsonb)
                               FROM bv_wko_systeem w
                              WHERE ST_DWithin(w.putten, v_loc, straal_omgeving_m)
                                AND bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, peildatum)),
            'verontreinigingen', (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                        'id', v.id, 'naam', v.naam, 'status', v.status,
                                        'vorm', CASE WHEN GeometryType(v.geom) = 'POINT' THEN 'bron' ELSE 'contour' END,
                                        'afstand_m', round(ST_Distance(v.geom, v_loc)::numeric, 0)) ORDER BY ST_Distance(v.geom, v_loc), v.id),
                                     '[]'::jsonb)
                               FROM bv_verontreiniging v
                              WHERE ST_DWithin(v.geom, v_loc, straal_omgeving_m)
                                AND bv_pluim_actueel(v.status, v.ontdekt_op, v.gesaneerd_op, peildatum)),
            'gebieden', (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                        'id', b.id, 'soort', b.soort, 'naam', b.naam, 'status', b.status,
                                        'geldig_vanaf', b.geldig_vanaf,
                                        'afstand_m', round(ST_Distance(b.geom, v_loc)::numeric, 0)) ORDER BY ST_Distance(b.geom, v_loc), b.id),
                                     '[]'::jsonb)
                               FROM bv_beleidsgebied b
                              WHERE ST_DWithin(b.geom, v_loc, straal_omgeving_m)
                                AND (bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, peildatum)
                                     OR bv_komend(b.status, b.geldig_vanaf, b.geldig_tot, peildatum) IS NOT NULL)),
            'kabels_leidingen', (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                        'thema', k.thema, 'beheerder', coalesce(k.beheerder_naam, k.beheerder),
                                        'afstand_m', round(ST_Distance(k.geom, v_loc)::numeric, 1)) ORDER BY ST_Distance(k.geom, v_loc), k.id),
                                     '[]'::jsonb)
                               FROM bv_kabel_leiding_actueel k
                              WHERE ST_DWithin(k.geom, v_loc, least(straal_omgeving_m, 50::float8)))),
        'bronnen', pg_catalog.jsonb_build_object(
            'document', 'Bodemvisie gemeente Assen; samenvatting: doc/beleid.md',
            'regelboek', 'SELECT * FROM bv_regelboek')
    );
    RETURN v_r;
END
$fn$;

COMMENT ON FUNCTION bv_locatierapport(geometry, double precision, text, double precision, double precision, date, text, double precision) IS
'The location report as data (jsonb): for a point or plan polygon, the verdict of bv_bodemenergie_toets for a planned system (systeem, diepte_van_m, diepte_tot_m) or for the three standard questions (open in wvp4, closed to 100 m, geothermal 2,000-2,500 m), every reason with its source; the competent authority per activity; the depth model at the ground level; the WKO systems, plumes, policy areas (also coming ones) within straal_omgeving_m (500 m) and cables and pipes within 50 m; all as of peildatum. bin/bodemvisie rapport renders it as HTML and PDF.';
