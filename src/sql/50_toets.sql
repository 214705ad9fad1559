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
                                      straal_m double precision DEFAULT NULL,
                                      peildatum date DEFAULT CURRENT_DATE,
                                      registratie timestamptz DEFAULT NULL)
RETURNS TABLE (oordeel text, ernst text, regel text, bron_tabel text,
               bron_id bigint, soort text, naam text, uitleg text, grondslag text)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 2000 ROWS 3
AS $fn$
#variable_conflict use_column
DECLARE
    v_sys     text := systeem;
    v_van     double precision := diepte_van_m;
    v_tot     double precision := diepte_tot_m;
    v_mv      double precision := maaiveld_nap;
    v_r       double precision := straal_m;
    v_peil    date := peildatum;
    v_reg     timestamptz := registratie;
    v_bel     double precision;
    v_wko     boolean;
    v_loc     geometry;
    v_srid    integer;
    v_lo      double precision;
    v_hi      double precision;
    v_zone_ok boolean;
    v_zone_txt text;
    v_zone_bron text;
    v_klei    bv_boring;
    v_filter  bv_boring;
    v_klei_txt text;
    v_maxr    double precision := 0::float8;
    v_stroming double precision;
    v_leeftijd double precision;
    v_retardatie double precision;
    v_pluim_r double precision;
    v_meer_dan integer;
    v_drempel double precision;
    v_put_afstand double precision;
    v_bg      bv_beleidsgebied[];
    v_ws      bv_wko_systeem[];
    v_vo      bv_verontreiniging[];
    v_rg      bv_regel[];
    v_gb      bv_gebied[];
    v_ga      geometry;
    v_wa      bv_wko_systeem[];
BEGIN
    -- Input: every refusal says what is wrong and how to put it right.
    IF v_sys IS NULL OR v_sys NOT IN ('open', 'gesloten', 'geothermie') THEN
        RAISE EXCEPTION 'systeem must be open, gesloten or geothermie, got %',
              coalesce(quote_literal(v_sys), 'NULL')
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'open = WKO with wells (zone 2), gesloten = closed ground loops (zone 1-2), geothermie = deep geothermal heat (table 2.2: 1,400-4,500 m).';
    END IF;
    IF v_van IS NULL OR v_tot IS NULL THEN
        RAISE EXCEPTION 'diepte_van_m and diepte_tot_m must not be NULL'
              USING ERRCODE = 'null_value_not_allowed',
                    HINT = 'Give the depth interval of the well screen or loop in metres below ground level, top first.';
    END IF;
    IF v_peil IS NULL OR v_peil IN ('infinity'::date, '-infinity'::date) THEN
        RAISE EXCEPTION 'peildatum must be a date, got %', coalesce(v_peil::text, 'NULL')
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'The date on which the policy is read, e.g. CURRENT_DATE (the default) or ''2030-01-01''.';
    END IF;
    IF v_reg IS NOT NULL AND NOT pg_catalog.isfinite(v_reg) THEN
        RAISE EXCEPTION 'registratie must be a moment, got %', v_reg
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'NULL reads the current data; a moment (e.g. the geregistreerd_op of a decision) reads the data as registered then.';
    END IF;
    -- the policy's numbers (bv_beleidsconstante), in one read
    SELECT max(c.waarde) FILTER (WHERE c.naam = 'bel_straal_m'),
           max(c.waarde) FILTER (WHERE c.naam = 'pluim_stroming_m_per_jaar'),
           max(c.waarde) FILTER (WHERE c.naam = 'pluim_leeftijd_jaar'),
           max(c.waarde) FILTER (WHERE c.naam = 'pluim_retardatie'),
           max(c.waarde) FILTER (WHERE c.naam = 'wko_meer_dan_systemen'),
           max(c.waarde) FILTER (WHERE c.naam = 'interferentie_drempel'),
           max(c.waarde) FILTER (WHERE c.naam = 'monitoringsput_afstand_m')
      INTO v_bel, v_stroming, v_leeftijd, v_retardatie, v_meer_dan, v_drempel, v_put_afstand
      FROM (SELECT x.naam, x.waarde FROM bv_beleidsconstante x WHERE registratie IS NULL
            UNION ALL
            SELECT x.naam, x.waarde FROM bv_historie_op(NULL::bv_beleidsconstante, registratie) x
             WHERE registratie IS NOT NULL) c;
    v_r := coalesce(v_r, v_bel);
    IF NOT (v_r > 0::float8 AND v_r <= 10000::float8) THEN
        RAISE EXCEPTION 'straal_m must be a radius in (0, 10000] m, got %', v_r
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The bubble radius of the new system in metres; NULL = the policy''s (bv_constante(''bel_straal_m'')).';
    END IF;
    -- Checks finiteness, range and order of the interval and the ground level.
    v_filter := bv_boring(v_van, v_tot, v_mv);
    -- The borehole: from ground level (or the top, if above it) down.
    v_klei := bv_boring(least(v_van, 0::float8), v_tot, v_mv);

    -- Refuses NULL, empty, invalid, curves, M, geographic and non-metric
    -- SRIDs (hint: ST_Transform); RD New, 2D.
    v_loc := bv_locatie_rd(locatie, 'locatie'::text);

    -- Where a system type may go (doc/beleid.md 2 and 4), from the depth
    -- model: the screen is a closed interval that must lie inside the
    -- allowed band ("zone 2 (van 25 tot 300 m-mv)": 25-300 is in zone 2).
    SELECT b.van_m, b.tot_m INTO v_lo, v_hi FROM bv_toegestane_diepte(v_sys) b;
    v_zone_ok := v_van >= v_lo AND v_tot <= v_hi;
    v_zone_txt := CASE v_sys
        WHEN 'open' THEN pg_catalog.format('Open systemen alleen in zone 2 (%s-%s m-mv); het filter %s-%s m-mv ligt daar niet geheel in.', v_lo, v_hi, v_van, v_tot)
        WHEN 'gesloten' THEN pg_catalog.format('Gesloten systemen alleen in zone 1 en 2 (%s-%s m-mv); de lus %s-%s m-mv ligt daar niet geheel in.', v_lo, v_hi, v_van, v_tot)
        ELSE pg_catalog.format('Geothermie (warmte) alleen in de laag van %s tot %s m-mv (Rijnland, Hoofd-Bontzandsteen, Boven-Rotliegend, tabel 2.2); het interval %s-%s m-mv ligt daar niet geheel in.', v_lo, v_hi, v_van, v_tot)
        END;
    v_zone_bron := CASE v_sys
        WHEN 'geothermie' THEN 'Hoofdstuk 2.2, tabel 2.2: geothermie (warmte) in Rijnland, Hoofd-Bontzandsteen en Boven-Rotliegend (1.400-4.500 m-mv); elektriciteit alleen in het Boven-Rotliegend en buiten beschouwing.'
        ELSE 'Module 4, kader 3D-zonemodel: "Open systemen mogen alleen toegepast worden in zone 2 (van 25 tot 300 m-mv)"; gesloten systemen in zone 1 en 2.'
        END;

    v_klei_txt := CASE
        WHEN v_klei.doorboort_potklei THEN
            pg_catalog.format('het boorgat (tot %s m-mv) doorboort de potklei (sdl1).', v_tot)
        WHEN v_klei.raakt_potklei THEN
            pg_catalog.format('het boorgat (tot %s m-mv) reikt tot in de potklei (sdl1) maar doorboort die niet.', v_tot)
        WHEN v_klei.raakt_potklei IS NOT NULL THEN
            pg_catalog.format('het boorgat (tot %s m-mv) blijft boven de potklei (sdl1).', v_tot)
        ELSE 'maaiveldhoogte onbekend: niet bepaald of de potklei (sdl1) wordt doorboord (geef maaiveld_nap).'
        END;

    v_wko := v_sys IN ('open', 'gesloten');
    IF v_wko THEN
        -- Bounds the index search for bubbles that may overlap.
        -- (one statement per source: a distributed table is read alone)
        IF v_reg IS NULL THEN
            SELECT max(w.straal_m) INTO v_maxr FROM bv_wko_systeem w;
        ELSE
            SELECT max(w.straal_m) INTO v_maxr FROM bv_wko_systeem_op(v_reg) w;
        END IF;
        v_maxr := greatest(v_bel, coalesce(v_maxr, v_bel));
    END IF;
    v_pluim_r := v_stroming * v_leeftijd * v_retardatie;


    -- The data: the current tables, or with registratie the rows as they
    -- were registered at that moment (the history of the time model,
    -- doc/tijd.md), so that a recorded decision can be reproduced.  One
    -- statement per table, with the table's own spatial condition (its
    -- index): a distributed table (Citus, doc/scaling.md) is then read by a
    -- query that runs on every shard, and the check itself reads only these
    -- rows and the small policy tables.
    IF v_reg IS NULL THEN
        SELECT pg_catalog.array_agg(x) INTO v_bg FROM bv_beleidsgebied x WHERE ST_Intersects(x.geom, v_loc);
        SELECT pg_catalog.array_agg(x) INTO v_ws FROM bv_wko_systeem x
         WHERE v_wko AND ST_DWithin(x.putten, v_loc, v_r + v_maxr);
        SELECT pg_catalog.array_agg(x) INTO v_vo FROM bv_verontreiniging x WHERE ST_DWithin(x.geom, v_loc, v_pluim_r);
        SELECT pg_catalog.array_agg(x) INTO v_rg FROM bv_regel x;
        SELECT pg_catalog.array_agg(x) INTO v_gb FROM bv_gebied x WHERE ST_Intersects(x.geom, v_loc);
    ELSE
        SELECT pg_catalog.array_agg(x) INTO v_bg FROM bv_beleidsgebied_op(v_reg) x WHERE ST_Intersects(x.geom, v_loc);
        SELECT pg_catalog.array_agg(x) INTO v_ws FROM bv_wko_systeem_op(v_reg) x
         WHERE v_wko AND ST_DWithin(x.putten, v_loc, v_r + v_maxr);
        SELECT pg_catalog.array_agg(x) INTO v_vo FROM bv_verontreiniging_op(v_reg) x WHERE ST_DWithin(x.geom, v_loc, v_pluim_r);
        SELECT pg_catalog.array_agg(x) INTO v_rg FROM bv_historie_op(NULL::bv_regel, v_reg) x;
        SELECT pg_catalog.array_agg(x) INTO v_gb FROM bv_historie_op(NULL::bv_gebied, v_reg) x
         WHERE ST_Intersects(x.geom, v_loc);
    END IF;
    -- Decision tree 4.1 counts the systems in use in each analysis area
    -- here (as bv_wko_aantal_in), over the same data: current or as
    -- registered at registratie.  Read in one statement of their own, by
    -- the bounding box of those areas (a collection of overlapping areas is
    -- no valid geometry for GEOS); the exact test is per area below.
    IF v_wko AND v_gb IS NOT NULL THEN
        SELECT ST_Envelope(ST_Collect(g.geom)) INTO v_ga FROM pg_catalog.unnest(v_gb) g
         WHERE g.vraag IS NOT NULL AND g.aanbod IS NOT NULL;
        IF v_ga IS NOT NULL AND v_reg IS NULL THEN
            SELECT pg_catalog.array_agg(x) INTO v_wa FROM bv_wko_systeem x
             WHERE x.putten && v_ga
               AND bv_in_gebruik(x.status, x.vergunning_datum, x.eind_datum, v_peil);
        ELSIF v_ga IS NOT NULL THEN
            SELECT pg_catalog.array_agg(x) INTO v_wa FROM bv_wko_systeem_op(v_reg) x
             WHERE x.putten && v_ga
               AND bv_in_gebruik(x.status, x.vergunning_datum, x.eind_datum, v_peil);
        END IF;
    END IF;

    RETURN QUERY
    WITH bg AS (SELECT * FROM pg_catalog.unnest(v_bg) x),
    ws AS (SELECT * FROM pg_catalog.unnest(v_ws) x),
    vo AS (SELECT * FROM pg_catalog.unnest(v_vo) x),
    rg AS (SELECT * FROM pg_catalog.unnest(v_rg) x),
    gb AS (SELECT * FROM pg_catalog.unnest(v_gb) x),
    wa AS (SELECT * FROM pg_catalog.unnest(v_wa) x),
    r AS (
        SELECT 'verbod'::text AS ernst, 'zone'::text AS regel, NULL::text AS bron_tabel,
               NULL::bigint AS bron_id, NULL::text AS soort, NULL::text AS naam,
               v_zone_txt AS uitleg, v_zone_bron AS grondslag
         WHERE NOT v_zone_ok
        UNION ALL
        -- Open systems need an aquifer (doc/beleid.md 3): a screen without
        -- any length in a wvp (wholly in sdl1 potklei or the Breda clay)
        -- cannot pump; wvp4 is preferred.  Closed interval: a screen that
        -- ends on the top of an aquifer has no length in it.
        SELECT 'restrictie', 'watervoerend_pakket', NULL, NULL, NULL, NULL,
               pg_catalog.format('Het filter (%s-%s m-mv) ligt geheel in een slecht doorlatende laag (%s): daar kan een open systeem geen water onttrekken.',
                                 v_van, v_tot, pg_catalog.array_to_string(v_filter.eenheden, ', '::text)),
               'Hoofdstuk 2.1, tabel 2.1: sdl1 (potklei) en de Formatie van Breda (hydrologische basis) zijn slecht doorlatend; module 4: open systemen in de watervoerende pakketten "wvp 4 en 5".'
         WHERE v_sys = 'open' AND v_mv IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM bv_dieptemodel(v_mv) e
                            WHERE e.indeling = 'eenheid' AND e.naam LIKE 'wvp%'
                              AND bv_interval_in_band(v_van, v_tot, e.van_m, e.tot_m))
        UNION ALL
        SELECT 'advies', 'voorkeur_wvp4', NULL, NULL, NULL, NULL,
               pg_catalog.format('Het filter (%s-%s m-mv) ligt in %s; watervoerend pakket 4 heeft de voorkeur (lagere aanlegkosten).',
                                 v_van, v_tot, pg_catalog.array_to_string(v_filter.eenheden, ', '::text)),
               'Module 4: "zal het ondiepere pakket (wvp 4) de voorkeur hebben boven het diepere pakket (wvp 5)".'
         WHERE v_sys = 'open' AND v_mv IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM bv_dieptemodel(v_mv) e
                            WHERE e.indeling = 'eenheid' AND e.naam = 'wvp4'
                              AND bv_interval_in_band(v_van, v_tot, e.van_m, e.tot_m))
        UNION ALL
        -- The area rules of the rulebook: for areas in force on peildatum
        -- a reason of the rule's severity; for areas that are coming one
        -- of severity 'aangekondigd', never a current prohibition.
        SELECT CASE WHEN k.van_kracht THEN g.ernst ELSE 'aangekondigd' END,
               g.code, 'bv_beleidsgebied', b.id, b.soort, b.naam,
               CASE WHEN k.van_kracht
                    THEN g.uitleg || CASE WHEN g.dieper_dan_m IS NULL THEN ''
                                          ELSE pg_catalog.format(' (boorgat tot %s m-mv)', v_tot) END
                    ELSE pg_catalog.format('%s (%s): %s', k.komend, g.ernst, g.uitleg) END,
               g.bron
          FROM bg b
          JOIN rg g ON g.soort = b.soort
         CROSS JOIN LATERAL (
                SELECT bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, v_peil) AS van_kracht,
                       bv_komend(b.status, b.geldig_vanaf, b.geldig_tot, v_peil) AS komend) k
         WHERE ST_Intersects(b.geom, v_loc)
           AND v_sys = ANY (g.systemen)
           AND (g.dieper_dan_m IS NULL OR v_tot > g.dieper_dan_m)
           AND bv_regel_van_kracht(g.geldig_vanaf, g.geldig_tot, v_peil)
           AND (k.van_kracht OR (k.komend IS NOT NULL AND g.ernst <> 'advies'))
        UNION ALL
        SELECT 'restrictie', 'geothermie', NULL, NULL, NULL, NULL,
               'Geothermie valt onder de Mijnbouwwet (het Rijk beslist): drukvalonderzoek en afstemming met de gasproducent (NAM) nodig.',
               'Hoofdstuk 2.2 en module 5: geothermie onder de Mijnbouwwet; gasvelden vragen drukvalonderzoek en samenwerking met de NAM.'
         WHERE v_sys = 'geothermie'
           AND NOT EXISTS (SELECT 1 FROM bg g
                            WHERE g.soort = 'gasveld' AND ST_Intersects(g.geom, v_loc)
                              AND bv_van_kracht(g.status, g.geldig_vanaf, g.geldig_tot, v_peil))
        UNION ALL
        -- Plumes: the rulebook's rules for the kind 'verontreiniging'.
        SELECT g.ernst, g.code, 'bv_verontreiniging', v.id, v.status, v.naam,
               g.uitleg || ' Hier: '
               || CASE WHEN GeometryType(v.geom) = 'POINT'
                       THEN pg_catalog.format('bron zonder contour, standaardcirkel %s m', v_pluim_r)
                       ELSE 'pluimcontour' END
               || '; ' || v_klei_txt
               || CASE WHEN v_sys = 'open'
                       THEN ' Een open systeem kan de verontreiniging aantrekken.' ELSE '' END,
               g.bron
          FROM vo v
          JOIN rg g ON g.soort = 'verontreiniging'
         WHERE v_sys = ANY (g.systemen)
           AND (g.dieper_dan_m IS NULL OR v_tot > g.dieper_dan_m)
           AND bv_regel_van_kracht(g.geldig_vanaf, g.geldig_tot, v_peil)
           AND bv_pluim_actueel(v.status, v.ontdekt_op, v.gesaneerd_op, v_peil)
           AND ST_DWithin(v.geom, v_loc, v_pluim_r)
           AND CASE WHEN GeometryType(v.geom) = 'POINT'
                    THEN ST_Intersects(bv_pluim(v.geom, v_stroming, v_leeftijd, v_retardatie), v_loc)
                    ELSE ST_Intersects(v.geom, v_loc) END
        UNION ALL
        -- Monitoring wells nearby whose screen lies in the depth of the new
        -- system (issue 11: the water company wants to know what affects its
        -- monitoring network): advice, within monitoringsput_afstand_m.
        SELECT 'advies', 'monitoringsput', 'bv_monitoringsput', m.put_id, 'monitoringsput',
               coalesce(m.putcode, m.register_id),
               pg_catalog.format('Monitoringsput %s (buis %s, filter %s-%s m-mv, eigenaar %s) op %s m: het filter ligt in de diepte van het systeem; overleg met de eigenaar van het meetnet.',
                                 coalesce(m.putcode, m.register_id), m.buisnummer,
                                 coalesce(m.filter_boven_m::text, '?'), coalesce(m.filter_onder_m::text, '?'),
                                 coalesce(m.eigenaar, 'onbekend'), round(m.afstand::numeric, 0)),
               'Module 1 en hoofdstuk 5: GISA bundelt "locaties van peilbuizen"; de waterleidingmaatschappij wil weten wat haar meetnet raakt. Afstand: eigen keuze (bv_constante(''monitoringsput_afstand_m'')).'
          -- (wells built by peildatum; also with registratie they are read
          -- as they are now, so that a replay of a decision with this advice
          -- is equal as long as the wells did not change)
          FROM bv_monitoringsputten_nabij(v_loc, v_van, v_tot, v_put_afstand, v_peil) m
        UNION ALL
        SELECT 'restrictie', 'interferentie', 'bv_wko_systeem', w.id, w.systeem, w.naam,
               pg_catalog.format('De bel (%s m) overlapt met de bel van WKO-systeem %s (%s, %s, straal %s m, afstand %s m).',
                      v_r, w.naam, w.systeem, w.status, coalesce(w.straal_m, v_bel),
                      round(d.afstand::numeric, 1)),
               'Hoofdstuk 4.2, beslisboom 4.1: bellen met een straal van 250 m rond de putten mogen elkaar niet overlappen; in 3D alleen bij overlappende filters (eigen keuze, doc/beleid.md 5).'
          FROM ws w
         CROSS JOIN LATERAL (SELECT ST_Distance(w.putten, v_loc) AS afstand) d
         WHERE v_wko
           AND ST_DWithin(w.putten, v_loc, v_r + v_maxr)
           AND d.afstand < v_r + coalesce(w.straal_m, v_bel)
           AND bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, v_peil)
           -- and the screens overlap in depth (closed intervals; a stored
           -- system without depths takes the whole column), as
           -- bv_wko_interference judges it (issue 9: interference in 3D)
           AND (w.diepte_van_m IS NULL OR w.diepte_van_m <= v_tot)
           AND (w.diepte_tot_m IS NULL OR w.diepte_tot_m >= v_van)
        UNION ALL
        SELECT 'restrictie', 'interferentiegebied', 'bv_gebied', g.id, 'interferentiegebied', g.naam,
               'Interferentiegebied (beslisboom 4.1: vraag/aanbod boven de drempel): het gebruik van de ondergrond wordt met een masterplan geregeld.',
               'Hoofdstuk 4.2, beslisboom 4.1: "Vraag / aanbod > 30%": interferentiegebied, "masterplan".'
          FROM gb g
         -- the count of bv_wko_aantal_in, over the systems in use read
         -- above (current, or as registered at registratie)
         CROSS JOIN LATERAL (SELECT pg_catalog.count(*)::integer AS n
                               FROM wa s
                              WHERE ST_Intersects(s.putten, g.geom)) a
         WHERE v_wko
           AND ST_Intersects(g.geom, v_loc)
           AND g.vraag IS NOT NULL AND g.aanbod IS NOT NULL
           AND bv_wko_beslisboom(g.ontwikkelgebied, a.n, g.vraag, g.aanbod,
                                 v_meer_dan, v_drempel) = 'interferentiegebied'
    ),
    w AS (
        SELECT max(CASE r.ernst WHEN 'verbod' THEN 2 WHEN 'restrictie' THEN 1 ELSE 0 END) AS n
          FROM r
    ),
    alles AS (
        SELECT (ARRAY['toegestaan', 'restrictie', 'verbod'])[w.n + 1] AS oordeel, r.*,
               CASE r.ernst WHEN 'verbod' THEN 4 WHEN 'restrictie' THEN 3
                            WHEN 'advies' THEN 2 ELSE 1 END AS gewicht
          FROM r, w
        UNION ALL
        SELECT 'toegestaan', 'toegestaan', 'geen_beperking', NULL, NULL, NULL, NULL,
               'Geen verbod of restrictie gevonden in de geladen lagen.', NULL, 0
         WHERE NOT EXISTS (SELECT 1 FROM r)
    )
    SELECT a.oordeel, a.ernst, a.regel, a.bron_tabel, a.bron_id, a.soort, a.naam, a.uitleg, a.grondslag
      FROM alles a
     ORDER BY a.gewicht DESC, a.regel, a.bron_id;
END
$fn$;

COMMENT ON FUNCTION bv_bodemenergie_toets(geometry, text, double precision, double precision, double precision, double precision, date, timestamptz) IS
'May this soil-energy system (open, gesloten, geothermie) go here, at this depth interval (m below ground level), on peildatum (default today)? One row per reason (severity, rule code of the rulebook bv_regel, source table and id, kind, name, Dutch explanation, source in the Bodemvisie); every row repeats the verdict oordeel = the worst reason (toegestaan < restrictie < verbod). advies and aangekondigd (an area not yet in force) never change the verdict. Without reasons one row ''geen_beperking''. straal_m is the new system''s bubble radius (NULL: bv_constante(''bel_straal_m'')). locatie in SRID 28992 (SRID 0 is read as RD New, other metric SRIDs are transformed). registratie (a moment): read the policy areas, analysis areas, WKO systems, plumes, rules and numbers as they were registered then (their history), to reproduce a recorded decision.';

CREATE FUNCTION bv_bodemenergie_oordeel(locatie geometry, systeem text,
                                        diepte_van_m double precision,
                                        diepte_tot_m double precision,
                                        maaiveld_nap double precision DEFAULT NULL,
                                        straal_m double precision DEFAULT NULL,
                                        peildatum date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE COST 2000
AS $fn$
    SELECT t.oordeel
      FROM bv_bodemenergie_toets(locatie, systeem, diepte_van_m, diepte_tot_m,
                                 maaiveld_nap, straal_m, peildatum, NULL::timestamptz) t
     LIMIT 1
$fn$;

COMMENT ON FUNCTION bv_bodemenergie_oordeel(geometry, text, double precision, double precision, double precision, double precision, date) IS
'Only the verdict of bv_bodemenergie_toets: ''toegestaan'', ''restrictie'' or ''verbod'' (handy for map layers).';
