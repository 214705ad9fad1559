-- The soil-energy check (bv_bodemenergie_toets) and the other policy rules
-- of the Bodemvisie Assen as functions (issue 4).

-- ---------------------------------------------------------------------------
-- bv_bodemenergie_toets: "may this soil-energy system go here, and why not?"
-- One row per reason; every row repeats the verdict (oordeel), the worst of
-- the reasons.  Without any reason: one row 'geen_beperking'.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_bodemenergie_toets(locatie geometry, systeem text,
                                      diepte_van_m double precision,
                                      diepte_tot_m double precision,
                                      maaiveld_nap double precision DEFAULT NULL,
                                      straal_m double precision DEFAULT 250)
RETURNS TABLE (oordeel text, ernst text, regel text, bron_tabel text,
               bron_id integer, soort text, naam text, uitleg text)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 2000 ROWS 3
AS $fn$
#variable_conflict use_column
DECLARE
    v_sys     text := systeem;
    v_van     double precision := diepte_van_m;
    v_tot     double precision := diepte_tot_m;
    v_mv      double precision := maaiveld_nap;
    v_r       double precision := straal_m;
    v_wko     boolean;
    v_loc     geometry;
    v_srid    integer;
    v_zv      bv_zone;
    v_zt      bv_zone;
    v_zone_ok boolean;
    v_zone_txt text;
    v_klei    bv_boring;
    v_klei_txt text;
    v_maxr    double precision := 0::float8;
BEGIN
    -- Input: every refusal says what is wrong and how to put it right.
    IF v_sys IS NULL OR v_sys NOT IN ('open', 'gesloten', 'geothermie') THEN
        RAISE EXCEPTION 'systeem must be open, gesloten or geothermie, got %',
              coalesce(quote_literal(v_sys), 'NULL')
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'open = WKO with wells (zone 2), gesloten = closed ground loops (zone 1-2), geothermie = deep geothermal (from 500 m).';
    END IF;
    IF locatie IS NULL THEN
        RAISE EXCEPTION 'locatie must not be NULL'
              USING ERRCODE = 'null_value_not_allowed',
                    HINT = 'Give the location of the wells or boreholes (point, multipoint or plot polygon) in RD New, SRID 28992.';
    END IF;
    IF v_van IS NULL OR v_tot IS NULL THEN
        RAISE EXCEPTION 'diepte_van_m and diepte_tot_m must not be NULL'
              USING ERRCODE = 'null_value_not_allowed',
                    HINT = 'Give the depth interval of the well screen or loop in metres below ground level, top first.';
    END IF;
    IF v_r IS NULL OR NOT (v_r > 0::float8 AND v_r <= 10000::float8) THEN
        RAISE EXCEPTION 'straal_m must be a radius in (0, 10000] m, got %', coalesce(v_r::text, 'NULL')
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The bubble radius of the new system in metres; the policy uses 250.';
    END IF;
    -- Checks finiteness, range and order of the interval and the ground level.
    PERFORM bv_boring(v_van, v_tot, v_mv);
    -- The borehole: from ground level (or the top, if above it) down.
    v_klei := bv_boring(least(v_van, 0::float8), v_tot, v_mv);

    -- Refuses curves, M, geographic and non-metric SRIDs (hint: ST_Transform).
    v_loc := bv_invoer(locatie);
    IF ST_IsEmpty(v_loc) THEN
        RAISE EXCEPTION 'locatie is empty'
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Give a point, multipoint or polygon with coordinates.';
    END IF;
    IF NOT ST_IsValid(v_loc) THEN
        RAISE EXCEPTION 'locatie is not a valid geometry'
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Repair it first, e.g. ST_MakeValid(locatie).';
    END IF;
    v_srid := ST_SRID(v_loc);
    IF v_srid = 0 THEN
        v_loc := ST_SetSRID(v_loc, 28992);         -- SRID 0: RD New coordinates
    ELSIF v_srid <> 28992 THEN
        v_loc := ST_Transform(v_loc, 28992);       -- another metric CRS
    END IF;
    IF ST_NDims(v_loc) > 2 THEN
        v_loc := ST_Force2D(v_loc);
    END IF;

    v_wko := v_sys IN ('open', 'gesloten');
    v_zv := bv_zone_for_depth(v_van);
    v_zt := bv_zone_for_depth(v_tot);
    IF v_sys = 'open' THEN
        v_zone_ok := coalesce(v_zv.zone_3d = 2 AND v_zt.zone_3d = 2, false);
        v_zone_txt := pg_catalog.format('Open systemen alleen in zone 2 (25-300 m-mv); het interval %s-%s m-mv ligt daar niet geheel in.', v_van, v_tot);
    ELSIF v_sys = 'gesloten' THEN
        v_zone_ok := v_zv.zone_3d IS NOT NULL AND v_zt.zone_3d IS NOT NULL;
        v_zone_txt := pg_catalog.format('Gesloten systemen alleen in zone 1 en 2 (0-300 m-mv); het interval %s-%s m-mv ligt daar niet geheel in.', v_van, v_tot);
    ELSE
        v_zone_ok := v_zv.laag = 'diepe_ondergrond';
        v_zone_txt := pg_catalog.format('Geothermie alleen in de diepe ondergrond (vanaf 500 m-mv, Mijnbouwwet); het interval begint op %s m-mv.', v_van);
    END IF;

    v_klei_txt := CASE
        WHEN v_klei.doorboort_potklei THEN
            pg_catalog.format('het boorgat (tot %s m-mv) doorboort de potklei (sdl1): boorgat afdichten, geen verontreiniging naar diepere lagen meeslepen.', v_tot)
        WHEN v_klei.raakt_potklei THEN
            pg_catalog.format('het boorgat (tot %s m-mv) reikt tot in de potklei (sdl1) maar doorboort die niet.', v_tot)
        WHEN v_klei.raakt_potklei IS NOT NULL THEN
            pg_catalog.format('het boorgat (tot %s m-mv) blijft boven de potklei (sdl1).', v_tot)
        ELSE 'maaiveldhoogte onbekend: niet bepaald of de potklei (sdl1) wordt doorboord (geef maaiveld_nap).'
        END;

    IF v_wko THEN
        -- Bounds the index search for bubbles that may overlap.
        v_maxr := greatest(250::float8, coalesce((SELECT max(w.straal_m) FROM bv_wko_systeem w), 250::float8));
    END IF;

    RETURN QUERY
    WITH r AS (
        SELECT 'verbod'::text AS ernst, 'zone'::text AS regel, NULL::text AS bron_tabel,
               NULL::integer AS bron_id, NULL::text AS soort, NULL::text AS naam,
               v_zone_txt AS uitleg
         WHERE NOT v_zone_ok
        UNION ALL
        SELECT x.ernst, b.soort, 'bv_beleidsgebied', b.id, b.soort, b.naam, x.uitleg
          FROM bv_beleidsgebied b
         CROSS JOIN LATERAL (
            SELECT CASE
                WHEN b.soort IN ('waterwingebied', 'grondwaterbeschermingsgebied') THEN 'verbod'
                WHEN b.soort = 'boringsvrije_zone' THEN
                     CASE WHEN v_sys = 'geothermie' OR v_tot > 15::float8 THEN 'verbod' ELSE 'restrictie' END
                WHEN b.soort IN ('honderdjaarszone', 'nationaal_landschap') AND v_tot >= 25::float8 THEN 'restrictie'
                WHEN b.soort = 'gasveld' AND v_sys = 'geothermie' THEN 'verbod'
                END AS ernst,
                   CASE
                WHEN b.soort = 'waterwingebied' THEN
                     'Waterwingebied (drinkwaterwinning): bodemenergie is hier verboden.'
                WHEN b.soort = 'grondwaterbeschermingsgebied' THEN
                     'Grondwaterbeschermingsgebied: de provinciale omgevingsverordening verbiedt hier bodemenergie.'
                WHEN b.soort = 'boringsvrije_zone' AND v_sys = 'geothermie' THEN
                     'Verbodzone diepe boringen: geothermie is hier verboden.'
                WHEN b.soort = 'boringsvrije_zone' AND v_tot > 15::float8 THEN
                     pg_catalog.format('Verbodzone diepe boringen: boren dieper dan 15 m-mv is verboden (boorgat tot %s m-mv).', v_tot)
                WHEN b.soort = 'boringsvrije_zone' THEN
                     pg_catalog.format('Boringsvrije zone: boren tot 15 m-mv alleen onder voorwaarden (boorgat tot %s m-mv).', v_tot)
                WHEN b.soort = 'honderdjaarszone' THEN
                     'Honderdjaarszone van de drinkwaterwinning: restrictie voor het deel in zone 2 (25-300 m-mv).'
                WHEN b.soort = 'nationaal_landschap' THEN
                     'Nationaal landschap (aardkundige en archeologische monumenten): restrictie voor het deel in zone 2 (25-300 m-mv).'
                WHEN b.soort = 'gasveld' THEN
                     'Gasveld: de ondergrond is ongeschikt voor geothermie.'
                END AS uitleg) x
         WHERE ST_Intersects(b.geom, v_loc)
           AND x.ernst IS NOT NULL
        UNION ALL
        SELECT 'restrictie', 'geothermie', NULL, NULL, NULL, NULL,
               'Geothermie valt onder de Mijnbouwwet (het Rijk beslist): drukvalonderzoek en afstemming met de gasproducent (NAM) nodig.'
         WHERE v_sys = 'geothermie'
           AND NOT EXISTS (SELECT 1 FROM bv_beleidsgebied g
                            WHERE g.soort = 'gasveld' AND ST_Intersects(g.geom, v_loc))
        UNION ALL
        SELECT 'restrictie', 'verontreiniging', 'bv_verontreiniging', v.id, v.status, v.naam,
               'Grondwaterverontreiniging ('
               || CASE WHEN GeometryType(v.geom) = 'POINT'
                       THEN 'bron zonder contour, standaardcirkel 150 m' ELSE 'pluimcontour' END
               || '): ' || v_klei_txt
               || CASE WHEN v_sys = 'open'
                       THEN ' Een open systeem kan de verontreiniging aantrekken.' ELSE '' END
          FROM bv_verontreiniging v
         WHERE v.status <> 'gesaneerd'
           AND ST_DWithin(v.geom, v_loc, 150::float8)
           AND CASE WHEN GeometryType(v.geom) = 'POINT'
                    THEN ST_Intersects(bv_pluim(v.geom, 10::float8, 30::float8, 0.5::float8), v_loc)
                    ELSE ST_Intersects(v.geom, v_loc) END
        UNION ALL
        SELECT 'restrictie', 'interferentie', 'bv_wko_systeem', w.id, w.systeem, w.naam,
               pg_catalog.format('De bel (%s m) overlapt met de bel van WKO-systeem %s (%s, %s, straal %s m, afstand %s m).',
                      v_r, w.naam, w.systeem, w.status, coalesce(w.straal_m, 250::float8),
                      round(d.afstand::numeric, 1))
          FROM bv_wko_systeem w
         CROSS JOIN LATERAL (SELECT ST_Distance(w.putten, v_loc) AS afstand) d
         WHERE v_wko
           AND ST_DWithin(w.putten, v_loc, v_r + v_maxr)
           AND d.afstand < v_r + coalesce(w.straal_m, 250::float8)
           -- and the screens overlap in depth (closed intervals; a stored
           -- system without depths takes the whole column), as
           -- bv_wko_interference judges it (issue 9: interference in 3D)
           AND (w.diepte_van_m IS NULL OR w.diepte_van_m <= v_tot)
           AND (w.diepte_tot_m IS NULL OR w.diepte_tot_m >= v_van)
        UNION ALL
        SELECT 'restrictie', 'interferentiegebied', 'bv_gebied', g.id, 'interferentiegebied', g.naam,
               'Interferentiegebied (beslisboom 4.1: vraag/aanbod boven de drempel): het gebruik van de ondergrond wordt met een masterplan geregeld.'
          FROM bv_gebied g
         WHERE v_wko
           AND ST_Intersects(g.geom, v_loc)
           AND g.vraag IS NOT NULL AND g.aanbod IS NOT NULL
           AND bv_wko_beslisboom(g.ontwikkelgebied,
                   (SELECT count(*)::integer
                      FROM (SELECT 1 FROM bv_wko_systeem w
                             WHERE ST_Intersects(w.putten, g.geom) LIMIT 4) c),
                   g.vraag, g.aanbod, 3, 0.30::float8) = 'interferentiegebied'
    ),
    w AS (
        SELECT max(CASE r.ernst WHEN 'verbod' THEN 2 WHEN 'restrictie' THEN 1 ELSE 0 END) AS n
          FROM r
    ),
    alles AS (
        SELECT (ARRAY['toegestaan', 'restrictie', 'verbod'])[w.n + 1] AS oordeel, r.*,
               CASE r.ernst WHEN 'verbod' THEN 2 WHEN 'restrictie' THEN 1 ELSE 0 END AS gewicht
          FROM r, w
        UNION ALL
        SELECT 'toegestaan', 'toegestaan', 'geen_beperking', NULL, NULL, NULL, NULL,
               'Geen verbod of restrictie gevonden in de geladen lagen.', 0
         WHERE NOT EXISTS (SELECT 1 FROM r)
    )
    SELECT a.oordeel, a.ernst, a.regel, a.bron_tabel, a.bron_id, a.soort, a.naam, a.uitleg
      FROM alles a
     ORDER BY a.gewicht DESC, a.regel, a.bron_id;
END
$fn$;

COMMENT ON FUNCTION bv_bodemenergie_toets(geometry, text, double precision, double precision, double precision, double precision) IS
'May this soil-energy system (open, gesloten, geothermie) go here, at this depth interval (m below ground level)? One row per reason (rule, severity, source table and id, kind, name, Dutch explanation); every row repeats the verdict oordeel = the worst reason (toegestaan < restrictie < verbod). Without reasons one row ''geen_beperking''. straal_m is the new system''s bubble radius (250 m). locatie in SRID 28992 (SRID 0 is read as RD New, other metric SRIDs are transformed).';

CREATE FUNCTION bv_bodemenergie_oordeel(locatie geometry, systeem text,
                                        diepte_van_m double precision,
                                        diepte_tot_m double precision,
                                        maaiveld_nap double precision DEFAULT NULL,
                                        straal_m double precision DEFAULT 250)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE COST 2000
AS $fn$
    SELECT t.oordeel
      FROM bv_bodemenergie_toets(locatie, systeem, diepte_van_m, diepte_tot_m,
                                 maaiveld_nap, straal_m) t
     LIMIT 1
$fn$;

COMMENT ON FUNCTION bv_bodemenergie_oordeel(geometry, text, double precision, double precision, double precision, double precision) IS
'Only the verdict of bv_bodemenergie_toets: ''toegestaan'', ''restrictie'' or ''verbod'' (handy for map layers).';
