-- Guidance of the Bodemvisie that is not a verdict on a location: the choice
-- of a soil-energy system (table 4.1), the Ladder van Assen (fig. 4.1), the
-- competent authority per activity (doc/beleid.md 1) and the geothermal potential
-- in dwellings.

-- ---------------------------------------------------------------------------
-- Table 4.1: which soil-energy system fits.  A guideline, not a decision
-- table (doc/beleid.md 7): where the table has no cell, the answer is 'maatwerk'.
--
-- Module 4 (Bodemenergie), "Energievraag", tabel 4.1 "Overzicht
-- toepassingsmogelijkheden bodemenergiesystemen":
--   gesloten:   "Nieuwbouw", "Kleinere eenheden, zoals één of enkele
--               woningen (< 50 woningen), kleine kantoren"
--   open:       "Nieuwbouw", "Grotere eenheden, zoals kantoren, industrie
--               of woon-complexen (> 50 woningen)"
--   geothermie: "Bestaande bouw", "Zeer grote eenheden, zoals woonwijken
--               (> 2.000 woningen), glastuinbouw"
-- and the text above it: "Voor de toepassing van WKO is lage
-- temperatuurverwarming (vloer- of wandverwarming) noodzakelijk. Toepassing
-- van dit type systemen in de bestaande bouw vraagt om extra investeringen".
-- ---------------------------------------------------------------------------

-- The one size rule, shared by bv_systeemkeuze and bv_systeemadvies.
--   new build:      0-49 gesloten, 50-2,000 open, above 2,000 maatwerk
--   existing build: 0-2,000 maatwerk, above 2,000 geothermie
-- Eigen keuze (1): exactly 50 dwellings is 'open'. The table says "< 50" and
--   "> 50" and so leaves 50 itself out; the boundary goes to the larger
--   class, as depth boundaries go to the deeper zone (doc/beleid.md 0).
-- Eigen keuze (2): exactly 2,000 is not "> 2.000": new build 2,000 is still
--   'open', existing build 2,000 still 'maatwerk'.
-- Reading of the table (not a choice): new build above 2,000 has no cell
--   (geothermie is "Bestaande bouw"), existing build up to 2,000 has none
--   either (gesloten and open are "Nieuwbouw"; WKO in existing build needs
--   low-temperature heating and extra investment): both 'maatwerk'.  An
--   earlier version answered 'open' there.
CREATE FUNCTION bv_systeemkeuze(woningen integer, bestaande_bouw boolean)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 10
AS $fn$
BEGIN
    IF woningen < 0 THEN
        RAISE EXCEPTION 'woningen must not be negative, got %', woningen
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The number of dwellings (or dwelling equivalents) to be heated.';
    END IF;
    RETURN CASE
        WHEN bestaande_bouw AND woningen::float8 > bv_constante('systeemkeuze_geothermie_vanaf_woningen'::text) THEN 'geothermie'
        WHEN bestaande_bouw THEN 'maatwerk'
        WHEN woningen::float8 > bv_constante('systeemkeuze_geothermie_vanaf_woningen'::text) THEN 'maatwerk'
        WHEN woningen::float8 >= bv_constante('systeemkeuze_open_vanaf_woningen'::text) THEN 'open'
        ELSE 'gesloten'
    END;
END
$fn$;

COMMENT ON FUNCTION bv_systeemkeuze(integer, boolean) IS
'Table 4.1 as a guideline: ''gesloten'' for new build below 50 dwellings, ''open'' for new build of 50 to 2,000 dwellings, ''geothermie'' for existing build above 2,000 dwellings, ''maatwerk'' (case by case) where the table has no cell: new build above 2,000 and existing build up to 2,000. bv_systeemadvies gives the reasons and other kinds of building.';

-- The kinds of building of table 4.1 ("Ontwikkeling" row), one place.
CREATE FUNCTION bv_systeemadvies_functies()
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$
    SELECT '{woningen,wooncomplex,woonwijk,kantoren,industrie,glastuinbouw}'::text[]
$fn$;

COMMENT ON FUNCTION bv_systeemadvies_functies() IS
'The kinds of building (functie) bv_systeemadvies knows, from the row "Ontwikkeling" of table 4.1: woningen, wooncomplex, woonwijk, kantoren, industrie, glastuinbouw.';

CREATE FUNCTION bv_systeemadvies(woningen integer, bestaande_bouw boolean,
                                 functie text DEFAULT 'woningen',
                                 OUT advies text, OUT uitleg text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 20
AS $fn$
DECLARE
    v_bouw text := CASE WHEN bestaande_bouw THEN 'bestaande bouw' ELSE 'nieuwbouw' END;
    v_tabel constant text := 'Tabel 4.1 (module 4, Bodemenergie) is een richtlijn, geen beslistabel: ';
    v_lt constant text := ' WKO (open of gesloten) vraagt lage temperatuurverwarming (vloer- of wandverwarming); '
                          'in de bestaande bouw vraagt dat extra investeringen, omdat daar veelal radiatoren '
                          '(hoge temperatuurverwarming) hangen.';
    v_voorkeur constant text := ' De gemeente Assen geeft open systemen de voorkeur boven gesloten systemen '
                                '(module 4, Keuzes gemeente Assen: gesloten systemen kunnen de bodem laten afkoelen); '
                                'een open systeem kan alleen in zone 2 (25-300 m-mv).';
BEGIN
    IF woningen < 0 THEN
        RAISE EXCEPTION 'woningen must not be negative, got %', woningen
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The number of dwellings (or dwelling equivalents) to be heated.';
    END IF;
    IF NOT functie = ANY (bv_systeemadvies_functies()) THEN
        RAISE EXCEPTION 'unknown functie %', quote_literal(functie)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'One of: ' || pg_catalog.array_to_string(bv_systeemadvies_functies(), ', '::text)
                           || ' (the row "Ontwikkeling" of table 4.1).';
    END IF;

    IF functie = 'glastuinbouw' THEN
        -- "Zeer grote eenheden, zoals ... glastuinbouw" (geothermie column).
        -- Eigen keuze: new and existing greenhouses alike and whatever
        -- woningen says: the table's "Bestaande bouw" is about the heating
        -- of dwellings (radiators), which greenhouses do not have.
        advies := 'geothermie';
        uitleg := v_tabel || 'glastuinbouw staat in de kolom geothermie ("Zeer grote eenheden, zoals woonwijken '
                  '(> 2.000 woningen), glastuinbouw"). Geothermie valt onder de Mijnbouwwet (het Rijk beslist).';
        RETURN;
    END IF;

    IF functie = 'industrie' THEN
        -- "Grotere eenheden, zoals kantoren, industrie" (open column,
        -- "Nieuwbouw"); the size in dwellings does not apply to industry.
        IF bestaande_bouw THEN
            advies := 'maatwerk';
            uitleg := v_tabel || 'industrie staat alleen in de kolom open systemen, en die is voor nieuwbouw. '
                      'Voor bestaande bouw geeft de tabel geen systeem: maatwerk.' || v_lt;
        ELSE
            advies := 'open';
            uitleg := v_tabel || 'industrie (nieuwbouw) staat in de kolom open systemen ("Grotere eenheden, '
                      'zoals kantoren, industrie of woon-complexen").' || v_voorkeur;
        END IF;
        RETURN;
    END IF;

    IF functie = 'kantoren' THEN
        -- "kleine kantoren" (gesloten) and "kantoren" (open), both new build;
        -- woningen counts dwelling equivalents.  Offices are not in the
        -- geothermal column: above 2,000 equivalents it is maatwerk.
        IF bestaande_bouw THEN
            advies := 'maatwerk';
            uitleg := v_tabel || 'kantoren staan in de kolommen gesloten en open systemen, beide nieuwbouw. '
                      'Voor bestaande kantoren geeft de tabel geen systeem: maatwerk.' || v_lt;
        ELSIF woningen::float8 > bv_constante('systeemkeuze_geothermie_vanaf_woningen'::text) THEN
            advies := 'maatwerk';
            uitleg := v_tabel || pg_catalog.format('kantoren van %s woningequivalenten zijn groter dan de tabel '
                      'voor kantoren beschrijft; geothermie noemt de tabel alleen voor woonwijken en glastuinbouw: maatwerk.',
                      woningen);
        ELSIF woningen::float8 >= bv_constante('systeemkeuze_open_vanaf_woningen'::text) THEN
            advies := 'open';
            uitleg := v_tabel || pg_catalog.format('kantoren van %s woningequivalenten (nieuwbouw) zijn een grotere '
                      'eenheid ("> 50 woningen"): open systemen.', woningen) || v_voorkeur;
        ELSE
            advies := 'gesloten';
            uitleg := v_tabel || pg_catalog.format('kleine kantoren (%s woningequivalenten, nieuwbouw, "< 50 woningen"): '
                      'gesloten systemen.', woningen) || v_voorkeur;
        END IF;
        RETURN;
    END IF;

    -- woningen, wooncomplex, woonwijk: the size rule of bv_systeemkeuze
    -- (wooncomplex is the table's open example, woonwijk its geothermal one;
    -- the number of dwellings decides, as the table gives it in numbers).
    advies := bv_systeemkeuze(woningen, bestaande_bouw);
    uitleg := v_tabel || pg_catalog.format('%s, %s woningen, %s: ', functie, woningen, v_bouw)
        || CASE advies
           WHEN 'gesloten' THEN 'gesloten systemen ("Kleinere eenheden, zoals één of enkele woningen (< 50 woningen)", nieuwbouw).'
                                || v_voorkeur
           WHEN 'open' THEN 'open systemen ("Grotere eenheden, zoals kantoren, industrie of woon-complexen (> 50 woningen)", nieuwbouw; '
                            'precies 50 woningen rekenen wij tot open, eigen keuze).' || v_voorkeur
           WHEN 'geothermie' THEN 'geothermie ("Zeer grote eenheden, zoals woonwijken (> 2.000 woningen)", bestaande bouw; '
                                  'geothermie levert een hogere temperatuur dan WKO en past daardoor bij radiatoren). '
                                  'Geothermie valt onder de Mijnbouwwet (het Rijk beslist).'
           WHEN 'maatwerk' THEN
                CASE WHEN bestaande_bouw
                     THEN 'de tabel geeft geen systeem: geothermie is voor meer dan 2.000 woningen, open en gesloten '
                          'systemen zijn voor nieuwbouw. Maatwerk.' || v_lt
                     ELSE 'meer dan 2.000 woningen nieuwbouw staat niet in de tabel: geothermie is voor bestaande bouw, '
                          'open systemen noemen geen bovengrens. Maatwerk; open en gesloten systemen vragen lage '
                          'temperatuurverwarming, die in nieuwbouw gebruikelijk is.' || v_voorkeur
                END
           END;
END
$fn$;

COMMENT ON FUNCTION bv_systeemadvies(integer, boolean, text) IS
'Table 4.1 read as a guideline, with the reason in Dutch: advies is gesloten, open, geothermie or maatwerk (no cell in the table) for woningen, wooncomplex, woonwijk (the size rule of bv_systeemkeuze), kantoren (woningen = dwelling equivalents), industrie (open for new build) or glastuinbouw (geothermie); uitleg cites the table, says that WKO in existing build needs low-temperature heating and extra investment, and gives the municipality''s preference for open over closed systems where it applies. Unknown functie: SQLSTATE 22023.';

-- ---------------------------------------------------------------------------
-- The Ladder van Assen (fig. 4.1, section 4.3): priority of underground uses.
-- The figure has three blocks, highest first, and no order inside a block
-- (doc/beleid.md 8; an earlier version read a strict 1-8 order into it):
--   1 "Beschermen en verbeteren grond- en grondwaterkwaliteit"
--   2 "Bodemenergie (zowel opslag als winning van aardwarmte)",
--     "Grondwateronttrekkingen", "Olie- en gaswinningen", "Gasopslag",
--     "Injectie van formatiewater"
--   3 "Opslag van gevaarlijk en radioactief afval", "CO2-opslag"
-- Section 4.3: "een leidraad bij het maken van keuzes in geval van
-- interfererende en concurrerende belangen. Per situatie is echter sprake van
-- maatwerk ... Ook de tijdsfactor speelt hierin een rol."
--
-- drinkwaterverbod: the use needs what the drinking-water bans of modules 3
-- and 4 forbid (soil energy in the waterwingebied and the future
-- grondwaterbeschermingsgebied: "WKO-installaties" are forbidden there;
-- drilling deeper than 15 m and geothermal in the verbodzone diepe boringen).
-- Against such a use the drinking water always goes first, whatever the
-- blocks say.  Eigen keuze: every use that needs a borehole deeper than 15 m
-- (all of block 2 and 3 except grondwateronttrekking) carries the flag; the
-- ladder itself is not about places, so the answer holds for the places
-- where the bans apply.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_ladder_treden()
RETURNS TABLE (blok integer, functie text, omschrijving text, drinkwaterverbod boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10 ROWS 17
AS $fn$
    VALUES
      (1, 'bodemkwaliteit',         'Beschermen en verbeteren van grond- en grondwaterkwaliteit', false),
      (2, 'bodemenergie',           'Bodemenergie (zowel opslag als winning van aardwarmte)', true),
      (2, 'wko_open',               'Bodemenergie: open WKO-systeem', true),
      (2, 'wko_gesloten',           'Bodemenergie: gesloten WKO-systeem', true),
      (2, 'geothermie',             'Bodemenergie: geothermie (winning van aardwarmte)', true),
      (2, 'geothermie_warmte',      'Bodemenergie: geothermie voor warmte', true),
      (2, 'geothermie_elektrisch',  'Bodemenergie: geothermie voor elektriciteit', true),
      (2, 'grondwaterwinning',      'Grondwateronttrekkingen', false),
      (2, 'drinkwaterwinning',      'Grondwateronttrekking voor drinkwater (modules 3 en 4: verbodsgebieden gaan voor)', false),
      (2, 'olie_gaswinning',        'Olie- en gaswinningen', true),
      (2, 'gaswinning',             'Gaswinning', true),
      (2, 'oliewinning',            'Oliewinning', true),
      (2, 'opslag_gas',             'Gasopslag (strategisch of permanent)', true),
      (2, 'injectie_formatiewater', 'Injectie van formatiewater', true),
      (3, 'opslag_afval',           'Opslag van gevaarlijk en radioactief afval', true),
      (3, 'opslag_co2',             'CO2-opslag (de gemeente Assen staat er op voorhand afwijzend tegenover)', true)
$fn$;

COMMENT ON FUNCTION bv_ladder_treden() IS
'The Ladder van Assen (fig. 4.1) as rows: block (1 = highest priority, 3 = lowest; no order inside a block), the use''s code, a Dutch description, and drinkwaterverbod: whether the drinking-water bans of modules 3 and 4 forbid the use, so that drinking water goes first against it.';

CREATE FUNCTION bv_ladder(functie text)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 20
AS $fn$
DECLARE
    v_blok integer;
BEGIN
    SELECT t.blok INTO v_blok FROM bv_ladder_treden() t WHERE t.functie = bv_ladder.functie;
    IF v_blok IS NULL THEN
        RAISE EXCEPTION 'unknown underground use %', quote_literal(functie)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'One of: ' || (SELECT pg_catalog.string_agg(t.functie, ', '::text ORDER BY t.blok, t.functie)
                                            FROM bv_ladder_treden() t)
                           || '. Salt mining, compressed-air storage and cables are not on the ladder.';
    END IF;
    RETURN v_blok;
END
$fn$;

COMMENT ON FUNCTION bv_ladder(text) IS
'Block of an underground use on the Ladder van Assen: 1 (soil and groundwater quality), 2 (soil energy, groundwater abstraction, oil and gas, gas storage, formation water), 3 (waste and CO2 storage). The ladder is a guide; see bv_ladder_afweging. Vocabulary: bv_ladder_treden().';

CREATE FUNCTION bv_ladder_afweging(functie_a text, functie_b text,
                                   OUT voorrang text, OUT uitleg text)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 50
AS $fn$
DECLARE
    a record;
    b record;
    v_geo constant text[] := '{geothermie,geothermie_warmte,geothermie_elektrisch}';
    v_leidraad constant text :=
        ' De Ladder van Assen (figuur 4.1, paragraaf 4.3) is "een leidraad bij het maken van keuzes in geval van '
        'interfererende en concurrerende belangen. Per situatie is echter sprake van maatwerk en dient een '
        'zorgvuldige afweging van de geldende belangen plaats te vinden. Ook de tijdsfactor speelt hierin een rol."';
BEGIN
    PERFORM bv_ladder(functie_a), bv_ladder(functie_b);   -- unknown codes: 22023 with the list
    SELECT t.* INTO a FROM bv_ladder_treden() t WHERE t.functie = functie_a;
    SELECT t.* INTO b FROM bv_ladder_treden() t WHERE t.functie = functie_b;

    IF (a.functie = 'drinkwaterwinning' AND b.drinkwaterverbod)
       OR (b.functie = 'drinkwaterwinning' AND a.drinkwaterverbod) THEN
        -- Modules 3 and 4: the bans around the abstractions are not weighed.
        voorrang := 'drinkwaterwinning';
        uitleg := pg_catalog.format('%s tegen %s: de drinkwaterwinning gaat voor. In het waterwingebied, de '
                  'verbodzone diepe boringen (boren dieper dan 15 m-mv en geothermie verboden) en het (toekomstige) '
                  'grondwaterbeschermingsgebied (WKO-installaties verboden) gelden de verboden van modules 3 en 4; '
                  'die worden niet tegen de ladder afgewogen.',
                  a.functie, b.functie);
    ELSIF (a.functie = ANY (v_geo) AND b.functie IN ('opslag_gas', 'opslag_co2'))
       OR (b.functie = ANY (v_geo) AND a.functie IN ('opslag_gas', 'opslag_co2')) THEN
        -- Bijlage 3, the municipality's letter on the provincial
        -- Structuurvisie Ondergrond: "Geothermische energie gaat bij
        -- interferentie vóór CO2opslag en strategische en permanente gasopslag."
        voorrang := CASE WHEN a.functie = ANY (v_geo) THEN a.functie ELSE b.functie END;
        uitleg := pg_catalog.format('%s tegen %s: geothermie gaat voor. Bijlage 3 (inspraakreactie van de gemeente): '
                  '"Geothermische energie gaat bij interferentie vóór CO2opslag en strategische en permanente gasopslag."',
                  a.functie, b.functie);
    ELSIF a.blok <> b.blok THEN
        voorrang := CASE WHEN a.blok < b.blok THEN a.functie ELSE b.functie END;
        uitleg := pg_catalog.format('%s (blok %s) tegen %s (blok %s): %s staat in een hoger blok van de ladder.',
                  a.functie, a.blok, b.functie, b.blok, voorrang);
    ELSE
        voorrang := 'maatwerk';
        uitleg := pg_catalog.format('%s en %s staan in hetzelfde blok (%s) van de ladder; de figuur geeft binnen '
                  'een blok geen volgorde: maatwerk.', a.functie, b.functie, a.blok);
    END IF;
    uitleg := uitleg || v_leidraad;
    IF 'opslag_co2' IN (a.functie, b.functie) THEN
        uitleg := uitleg || ' De gemeente Assen staat op voorhand afwijzend tegenover CO2-opslag (module 4, '
                  'Ondergrondse CO2-opslag; bijlage 3), omdat onderbouwde argumentatie en een transparant '
                  'besluitvormingstraject ontbreken.';
    END IF;
END
$fn$;

COMMENT ON FUNCTION bv_ladder_afweging(text, text) IS
'Reads the Ladder van Assen for two underground uses: voorrang is the use that goes first, or ''maatwerk'' when both are in the same block; drinking water always goes first against a use its bans (modules 3 and 4) forbid; geothermal goes before gas and CO2 storage (the municipality''s letter). uitleg (Dutch) gives the reason and the document''s words that the ladder is a guide (leidraad, maatwerk, tijdsfactor), and the municipality''s rejection of CO2 storage where it applies.';

CREATE FUNCTION bv_ladder_voorrang(functie_a text, functie_b text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 50
AS $fn$
    SELECT (bv_ladder_afweging(functie_a, functie_b)).voorrang
$fn$;

COMMENT ON FUNCTION bv_ladder_voorrang(text, text) IS
'Which of two underground uses goes first on the Ladder van Assen: the use of the higher block, ''maatwerk'' when both are in the same block, the drinking water against a use its bans forbid, geothermal against gas or CO2 storage. bv_ladder_afweging gives the reason.';

-- ---------------------------------------------------------------------------
-- Competent authority per activity (doc/beleid.md 1): not per depth.  Two answers:
-- what the document (2010) says, and what holds under the Omgevingswet
-- (since 1 January 2024).  The document's tables of actors:
--   tabel 2.1 (module 2): gemeente "regierol ondiep grondwater in kader van
--     Waterwet", "bevoegd gezag Besluit Bodemkwaliteit"; provincie "bevoegd
--     gezag Wet bodembescherming (vergunningverlening)", "bevoegd gezag
--     Waterwet (vergunningverlening WKO, drinkwater, industrie)";
--     waterschappen "bevoegd gezag Waterwet (kleinschalige/tijdelijke
--     onttrekkingen)"
--   tabel 4.2 (module 4): provincie "bevoegd gezag Waterwet (open en gesloten
--     WKO systemen, drinkwater en industrie)", "bevoegd gezag Wet
--     bodembescherming (grondwaterverontreinigingen)"; Rijk "bevoegd gezag
--     Mijnbouwwet (> 500 m-mv: geothermie, aardgas, olie, etc.)"
--   tabel 1.1 / module 1: gemeente "Melden grondroerende werkzaamheden";
--     "Grondroerders zijn verplicht om een graafmelding te doen" (Wion,
--     Kadaster).
-- The Omgevingswet column is our reading of the law, not of the document;
-- where we are not sure, uitleg says so.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_bevoegd_gezag_activiteiten()
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$
    SELECT '{gesloten_systeem,open_systeem,geothermie,kleine_onttrekking,tijdelijke_onttrekking,bronbemaling,drinkwaterwinning,industriele_onttrekking,sanering,graven}'::text[]
$fn$;

COMMENT ON FUNCTION bv_bevoegd_gezag_activiteiten() IS
'The activities bv_bevoegd_gezag knows: gesloten_systeem, open_systeem, geothermie, kleine_onttrekking, tijdelijke_onttrekking, bronbemaling, drinkwaterwinning, industriele_onttrekking, sanering, graven (wko_gesloten and wko_open are accepted as other names of the first two).';

CREATE FUNCTION bv_bevoegd_gezag(activiteit text, diepte_m double precision DEFAULT NULL,
                                 OUT bevoegd_gezag_document text,
                                 OUT bevoegd_gezag_omgevingswet text,
                                 OUT wet text, OUT uitleg text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 20
AS $fn$
DECLARE
    v_act text := CASE activiteit WHEN 'wko_gesloten' THEN 'gesloten_systeem'
                                  WHEN 'wko_open' THEN 'open_systeem'
                                  ELSE activiteit END;
BEGIN
    IF activiteit IS NULL THEN
        RETURN;                 -- NULL in, NULL out (not STRICT: diepte_m may be NULL)
    END IF;
    IF NOT v_act = ANY (bv_bevoegd_gezag_activiteiten()) THEN
        RAISE EXCEPTION 'unknown activiteit %', quote_literal(activiteit)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'One of: ' || pg_catalog.array_to_string(bv_bevoegd_gezag_activiteiten(), ', '::text)
                           || ' (wko_gesloten and wko_open are accepted too).';
    END IF;
    IF diepte_m IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN
        RAISE EXCEPTION 'diepte_m must be finite, got %', diepte_m
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Depth in metres below ground level (positive downward), or NULL when it does not matter.';
    END IF;

    -- Below 500 m the Mijnbouwwet applies, whatever the activity: tabel 4.2
    -- "Rijk - bevoegd gezag Mijnbouwwet (> 500 m-mv: geothermie, aardgas,
    -- olie, etc.)".  500 itself belongs to the deep subsurface (doc/beleid.md 0).
    IF diepte_m >= 500::float8 OR (v_act = 'geothermie' AND diepte_m IS NULL) THEN
        bevoegd_gezag_document := 'rijk';
        bevoegd_gezag_omgevingswet := 'rijk';
        wet := 'Mijnbouwwet';
        uitleg := 'Tabel 4.2: "Rijk - bevoegd gezag Mijnbouwwet (> 500 m-mv: geothermie, aardgas, olie, etc.)". '
                  'Dat blijft zo onder de Omgevingswet: de Mijnbouwwet is niet in de Omgevingswet opgegaan; '
                  'de minister beslist (toezicht: Staatstoezicht op de Mijnen).'
                  || CASE WHEN v_act <> 'geothermie'
                          THEN pg_catalog.format(' Een %s tot %s m-mv reikt in de diepe ondergrond (vanaf 500 m-mv).',
                                                 v_act, diepte_m)
                          ELSE '' END;
        RETURN;
    END IF;

    CASE v_act
    WHEN 'geothermie' THEN
        -- only reached with diepte_m < 500: not the Mijnbouwwet
        bevoegd_gezag_document := 'provincie';
        bevoegd_gezag_omgevingswet := 'provincie';
        wet := 'Waterwet; Omgevingswet';
        uitleg := pg_catalog.format('Geothermie tot %s m-mv valt niet onder de Mijnbouwwet (die geldt vanaf 500 m-mv, '
                  'tabel 4.2). Eigen keuze: behandeld als grondwateronttrekking van een open systeem (provincie). '
                  'Niet geverifieerd voor ondiepe geothermie: vraag het de provincie.', diepte_m);
    WHEN 'gesloten_systeem' THEN
        bevoegd_gezag_document := 'provincie';
        bevoegd_gezag_omgevingswet := 'gemeente';
        wet := 'Omgevingswet (Besluit activiteiten leefomgeving): melding';
        uitleg := 'Tabel 4.2 noemt de provincie "bevoegd gezag Waterwet (open en gesloten WKO systemen ...)". '
                  'Onder de Omgevingswet is een gesloten bodemenergiesysteem een melding bij de gemeente (college '
                  'van B&W) volgens het Besluit activiteiten leefomgeving. Dat was al zo sinds 1 juli 2013 '
                  '(Wijzigingsbesluit bodemenergiesystemen, Stb. 2013, 112: gesloten systemen burgemeester en '
                  'wethouders, open systemen gedeputeerde staten); de Waterwet gold nooit voor gesloten systemen. '
                  'Voor grote systemen of in een interferentiegebied kan een vergunning nodig zijn; in een '
                  'grondwaterbeschermingsgebied stelt ook de provincie regels (omgevingsverordening). De '
                  'artikelnummers van het Bal hebben wij niet nagezocht.';
    WHEN 'open_systeem' THEN
        bevoegd_gezag_document := 'provincie';
        bevoegd_gezag_omgevingswet := 'provincie';
        wet := 'Waterwet; nu Omgevingswet: omgevingsvergunning (wateronttrekkingsactiviteit)';
        uitleg := 'Tabel 2.1 en 4.2: provincie "bevoegd gezag Waterwet (vergunningverlening WKO, drinkwater, industrie)". '
                  'Onder de Omgevingswet blijft een open bodemenergiesysteem een vergunning van gedeputeerde staten.';
    WHEN 'drinkwaterwinning', 'industriele_onttrekking' THEN
        bevoegd_gezag_document := 'provincie';
        bevoegd_gezag_omgevingswet := 'provincie';
        wet := 'Waterwet; nu Omgevingswet: omgevingsvergunning (wateronttrekkingsactiviteit)';
        uitleg := 'Tabel 2.1: provincie "bevoegd gezag Waterwet (vergunningverlening WKO, drinkwater, industrie)"; '
                  'module 3: "beheer van het diepe grondwater (vergunningverlening drinkwaterwinning)". '
                  'Onder de Omgevingswet blijft dit bij de provincie (drinkwater, industriële onttrekkingen vanaf '
                  '150.000 m3 per jaar en open bodemenergie); kleinere industriële onttrekkingen vallen onder het '
                  'waterschap. De grens van 150.000 m3 is onze lezing van de wet, niet van het document.';
    WHEN 'kleine_onttrekking', 'tijdelijke_onttrekking', 'bronbemaling' THEN
        bevoegd_gezag_document := 'waterschap';
        bevoegd_gezag_omgevingswet := 'waterschap';
        wet := 'Waterwet; nu Omgevingswet (waterschapsverordening)';
        uitleg := 'Tabel 2.1: waterschappen "bevoegd gezag Waterwet (kleinschalige/tijdelijke onttrekkingen)"; '
                  'module 3: "beheer ondiepe grondwater (vergunningverlening kleine onttrekkingen)". Onder de '
                  'Omgevingswet regelt de waterschapsverordening (Hunze en Aa''s, Noorderzijlvest, Reest en Wieden) '
                  'of een melding of vergunning nodig is; de gemeente heeft de "regierol ondiep grondwater".'
                  || CASE WHEN v_act = 'bronbemaling'
                          THEN ' Bronbemaling: een verontreiniging mag "conform de Wbb niet verplaatst" worden door de '
                               'onttrekking (module 2, Bronbemalingen); het lozen van het bemalingswater gaat naar het '
                               'riool (gemeente) of oppervlaktewater (waterschap).'
                          ELSE '' END;
    WHEN 'sanering' THEN
        bevoegd_gezag_document := 'provincie';
        bevoegd_gezag_omgevingswet := 'gemeente';
        wet := 'Wet bodembescherming; nu Omgevingswet (Besluit activiteiten leefomgeving: saneringsactiviteit)';
        uitleg := 'Tabel 2.1: provincie "bevoegd gezag Wet bodembescherming (vergunningverlening)"; tabel 4.2: '
                  '"bevoegd gezag Web bodembescherming (grondwaterverontreinigingen)". Onder de Omgevingswet is de gemeente bevoegd gezag voor een saneringsactiviteit '
                  '(melding). Niet zeker: zaken waarover vóór 2024 een Wbb-besluit is genomen, lopen volgens het '
                  'overgangsrecht door bij het oude bevoegd gezag, en voor historische grondwaterverontreinigingen '
                  'zijn afspraken tussen provincie en gemeente mogelijk; vraag het na.';
    WHEN 'graven' THEN
        bevoegd_gezag_document := 'gemeente';
        bevoegd_gezag_omgevingswet := 'gemeente';
        wet := 'WION (nu WIBON): KLIC-melding bij het Kadaster; Besluit bodemkwaliteit, nu Omgevingswet (omgevingsplan, Bal)';
        uitleg := 'Module 1: grondroerders zijn "verplicht om een graafmelding te doen" (Wion, nu WIBON); die melding '
                  'gaat naar het Kadaster (KLIC), niet naar een bevoegd gezag. Tabel 1.1 en 2.1: de gemeente '
                  '("Melden grondroerende werkzaamheden", "bevoegd gezag Besluit Bodemkwaliteit"). Onder de '
                  'Omgevingswet regelt het omgevingsplan van de gemeente het graven; graven in verontreinigde bodem '
                  'is een melding bij de gemeente (Bal). In een grondwaterbeschermingsgebied gelden ook regels van '
                  'de provincie.';
    END CASE;
END
$fn$;

COMMENT ON FUNCTION bv_bevoegd_gezag(text, double precision) IS
'Competent authority for an activity (doc/beleid.md 1): bevoegd_gezag_document (what the Bodemvisie of 2010 says: tabel 1.1, 2.1, 4.2), bevoegd_gezag_omgevingswet (since 2024), the law and a Dutch explanation with the document''s words and what we are not sure of. From 500 m-mv down (diepte_m) and for geothermie without a depth: rijk, Mijnbouwwet. Values: gemeente, provincie, waterschap, rijk. Unknown activiteit: SQLSTATE 22023; see bv_bevoegd_gezag_activiteiten().';

-- ---------------------------------------------------------------------------
-- Geothermal potential: 1,200-1,500 dwellings per km2 (section 2.4 / module
-- 4, Geothermie: "1.200 tot 1.500 woningen per km2"), on the part of the
-- area where geothermal is possible.
-- ---------------------------------------------------------------------------

-- The kinds of policy area where geothermal is not possible, in one place.
-- The rulebook (being built in parallel) will supply these later; until then
-- they are the kinds where bv_bodemenergie_toets says 'verbod' for
-- geothermie, so that the potential agrees with the check.  Module 4,
-- Geothermie: "Voor het bestaand stedelijk gebied geldt dat een deel van de
-- bodem niet geschikt is voor toepassing van geothermie, doordat hier sprake
-- is van aanwezigheid van gasvelden of de bestaande bebouwing gelegen is in
-- de verbodzone diepe boringen" and "geothermie [is] in de verbodzone diepe
-- boringen rond de drinkwaterwinning Assen-Oost niet toegestaan":
--   boringsvrije_zone  = verbodzone diepe boringen;
--   gasveld;
--   waterwingebied     eigen keuze: the check forbids all soil energy there
--                      (module 3); in Assen it lies inside the verbodzone;
--   grondwaterbeschermingsgebied  eigen keuze, the same; it is only "op
--                      termijn" (future): kept because the check has it,
--                      the rulebook with validity dates is to tell "not yet".
CREATE FUNCTION bv_geothermie_uitgesloten(peildatum date DEFAULT CURRENT_DATE)
RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE COST 10
AS $fn$
    -- the kinds with a verbod for geothermal in the rulebook, in force on
    -- peildatum, at a depth geothermal reaches (table 2.2)
    SELECT coalesce(pg_catalog.array_agg(DISTINCT r.soort ORDER BY r.soort), '{}'::text[])
      FROM bv_regel r
     WHERE 'geothermie'::text = ANY (r.systemen)
       AND r.ernst = 'verbod'
       AND r.soort <> 'verontreiniging'
       AND (r.dieper_dan_m IS NULL
            OR r.dieper_dan_m < (SELECT d.tot_m FROM bv_toegestane_diepte('geothermie'::text) d))
       AND bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, peildatum)
$fn$;

COMMENT ON FUNCTION bv_geothermie_uitgesloten(date) IS
'The kinds of policy area where the rulebook (bv_regel) forbids geothermal on peildatum, as bv_bodemenergie_toets reads them (with the Assen rules: boringsvrije_zone, gasveld, grondwaterbeschermingsgebied, waterwingebied). bv_geothermie_woningen subtracts the areas of these kinds in force.';

CREATE FUNCTION bv_geothermie_woningen(gebied geometry,
                                       woningen_per_km2_min double precision DEFAULT NULL,
                                       woningen_per_km2_max double precision DEFAULT NULL,
                                       OUT oppervlakte_km2 double precision,
                                       OUT woningen_min bigint,
                                       OUT woningen_max bigint,
                                       OUT uitgesloten_km2 double precision)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 500
AS $fn$
DECLARE
    g geometry;
    g_rd geometry;
    v_uit geometry;
    v_srid integer;
    v_totaal double precision;
BEGIN
    IF gebied IS NULL THEN
        RETURN;                                      -- NULL in, NULLs out
    END IF;
    -- NULL densities: the policy's (bv_beleidsconstante)
    woningen_per_km2_min := coalesce(woningen_per_km2_min, bv_constante('geothermie_woningen_per_km2_min'::text));
    woningen_per_km2_max := coalesce(woningen_per_km2_max, bv_constante('geothermie_woningen_per_km2_max'::text));
    IF woningen_per_km2_min IN ('NaN', 'Infinity') OR woningen_per_km2_max IN ('NaN', 'Infinity')
       OR woningen_per_km2_min < 0::float8 OR woningen_per_km2_min > woningen_per_km2_max THEN
        RAISE EXCEPTION 'dwelling densities must be finite with 0 <= min <= max, got % and %',
              woningen_per_km2_min, woningen_per_km2_max
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The policy says 1,200 to 1,500 dwellings per km2.';
    END IF;
    g := bv_invoer(gebied);
    IF NOT ST_IsEmpty(g) AND GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
        RAISE EXCEPTION 'gebied must be a polygon or multipolygon, got %', GeometryType(g)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Give the outline of the area, e.g. ST_Buffer(point, radius) or a neighbourhood polygon.';
    END IF;
    IF NOT ST_IsValid(g) THEN
        RAISE EXCEPTION 'gebied is not a valid polygon'
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Repair it first, e.g. ST_MakeValid(gebied).';
    END IF;
    v_totaal := ST_Area(g) / 1e6::float8;
    IF v_totaal * woningen_per_km2_max >= 1e15::float8 THEN
        RAISE EXCEPTION 'gebied is implausibly large (% km2)', v_totaal
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'Check the coordinates and their unit: the area is measured in the CRS of the geometry, which must be in metres.';
    END IF;

    -- The policy areas are in RD New; SRID 0 counts as RD New coordinates
    -- (as in bv_bodemenergie_toets).  Areas are measured in the CRS of gebied.
    v_srid := ST_SRID(g);
    g_rd := CASE WHEN v_srid = 0 THEN ST_SetSRID(g, 28992)
                 WHEN v_srid = 28992 THEN g
                 ELSE ST_Transform(g, 28992) END;
    SELECT ST_Union(b.geom) INTO v_uit
      FROM bv_beleidsgebied b
     WHERE b.soort = ANY (bv_geothermie_uitgesloten(CURRENT_DATE))
       AND bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, CURRENT_DATE)
       AND ST_Intersects(b.geom, g_rd);
    uitgesloten_km2 := 0::float8;
    IF v_uit IS NOT NULL THEN
        v_uit := CASE WHEN v_srid = 0 THEN ST_SetSRID(v_uit, 0)
                      WHEN v_srid = 28992 THEN v_uit
                      ELSE ST_Transform(v_uit, v_srid) END;
        uitgesloten_km2 := ST_Area(ST_Intersection(g, v_uit, -1.0::float8)) / 1e6::float8;
    END IF;
    oppervlakte_km2 := greatest(v_totaal - uitgesloten_km2, 0::float8);
    woningen_min := round(oppervlakte_km2 * woningen_per_km2_min);
    woningen_max := round(oppervlakte_km2 * woningen_per_km2_max);
END
$fn$;

COMMENT ON FUNCTION bv_geothermie_woningen(geometry, double precision, double precision) IS
'The range of dwellings the geothermal potential under an area can heat: the area where geothermal is possible (gebied minus the policy areas in force of the kinds bv_geothermie_uitgesloten(), where the rulebook forbids geothermal) in km2, times the densities (NULL: bv_constante geothermie_woningen_per_km2_min/max, 1,200 to 1,500 dwellings per km2), rounded to whole dwellings; uitgesloten_km2 is the part subtracted. Areas in the metric CRS of the geometry; SRID 0 counts as RD New.';
