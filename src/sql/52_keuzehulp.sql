-- Guidance of the Bodemvisie that is not a verdict on a location: the choice
-- of a soil-energy system (table 4.1), the Ladder van Assen (fig. 4.1) and the
-- geothermal potential in dwellings (section 4).

-- ---------------------------------------------------------------------------
-- Table 4.1: which soil-energy system fits.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_systeemkeuze(woningen integer, bestaande_bouw boolean)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10
AS $fn$
BEGIN
    IF woningen < 0 THEN
        RAISE EXCEPTION 'woningen must not be negative, got %', woningen
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The number of dwellings (or dwelling equivalents) to be heated.';
    END IF;
    -- Table 4.1: geothermal for existing build above 2,000 dwellings; open
    -- from 50 dwellings (our choice: exactly 50 is open); closed below 50.
    -- Where the table is silent (new build above 2,000, existing build up to
    -- 2,000) the size rule for open/closed applies (our choice).
    RETURN CASE
        WHEN bestaande_bouw AND woningen > 2000 THEN 'geothermie'
        WHEN woningen >= 50 THEN 'open'
        ELSE 'gesloten'
    END;
END
$fn$;

COMMENT ON FUNCTION bv_systeemkeuze(integer, boolean) IS
'Table 4.1: the soil-energy system that fits a project: ''geothermie'' for existing build above 2,000 dwellings, ''open'' from 50 dwellings, ''gesloten'' below 50. Where the table is silent (new build above 2,000, existing build up to 2,000) the open/closed size rule applies.';

-- ---------------------------------------------------------------------------
-- The Ladder van Assen (fig. 4.1): priority of underground uses.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_ladder_treden()
RETURNS TABLE (rang integer, functie text, omschrijving text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10 ROWS 17
AS $fn$
    VALUES
      (1, 'bodemkwaliteit',         'Beschermen en verbeteren van bodem- en grondwaterkwaliteit'),
      (2, 'bodemenergie',           'Bodemenergie (opslag en geothermie)'),
      (2, 'wko_open',               'Bodemenergie: open WKO-systeem'),
      (2, 'wko_gesloten',           'Bodemenergie: gesloten WKO-systeem'),
      (2, 'geothermie',             'Bodemenergie: geothermie'),
      (2, 'geothermie_warmte',      'Bodemenergie: geothermie voor warmte'),
      (2, 'geothermie_elektrisch',  'Bodemenergie: geothermie voor elektriciteit'),
      (3, 'grondwaterwinning',      'Grondwaterwinning'),
      (4, 'olie_gaswinning',        'Olie- en gaswinning'),
      (4, 'gaswinning',             'Gaswinning'),
      (4, 'oliewinning',            'Oliewinning'),
      (5, 'opslag_gas',             'Gasopslag (strategisch of permanent)'),
      (6, 'injectie_formatiewater', 'Injectie van formatiewater'),
      (7, 'opslag_afval',           'Opslag van gevaarlijk en radioactief afval'),
      (8, 'opslag_co2',             'CO2-opslag')
$fn$;

COMMENT ON FUNCTION bv_ladder_treden() IS
'The Ladder van Assen (fig. 4.1) as rows: rank (1 = highest priority), the use''s code and a Dutch description. Several codes can share a rank (e.g. all soil energy is rank 2).';

CREATE FUNCTION bv_ladder(functie text)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 20
AS $fn$
DECLARE
    v_rang integer;
BEGIN
    SELECT t.rang INTO v_rang FROM bv_ladder_treden() t WHERE t.functie = bv_ladder.functie;
    IF v_rang IS NULL THEN
        RAISE EXCEPTION 'unknown underground use %', quote_literal(functie)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'One of: ' || (SELECT string_agg(t.functie, ', ' ORDER BY t.rang, t.functie)
                                            FROM bv_ladder_treden() t)
                           || '. Salt mining, compressed-air storage and cables are not on the ladder.';
    END IF;
    RETURN v_rang;
END
$fn$;

COMMENT ON FUNCTION bv_ladder(text) IS
'Rank of an underground use on the Ladder van Assen (1 = highest priority, 8 = CO2 storage). See bv_ladder_treden() for the vocabulary.';

CREATE FUNCTION bv_ladder_voorrang(functie_a text, functie_b text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 50
AS $fn$
    SELECT CASE
        WHEN bv_ladder(functie_a) < bv_ladder(functie_b) THEN functie_a
        WHEN bv_ladder(functie_b) < bv_ladder(functie_a) THEN functie_b
        END
$fn$;

COMMENT ON FUNCTION bv_ladder_voorrang(text, text) IS
'Which of two underground uses takes precedence on the Ladder van Assen: the one with the higher priority (lower rank); NULL when both share a rank.';

-- ---------------------------------------------------------------------------
-- Geothermal potential: 1,200-1,500 dwellings per km2 (section 4).
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_geothermie_woningen(gebied geometry,
                                       woningen_per_km2_min double precision DEFAULT 1200,
                                       woningen_per_km2_max double precision DEFAULT 1500,
                                       OUT oppervlakte_km2 double precision,
                                       OUT woningen_min bigint,
                                       OUT woningen_max bigint)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 100
AS $fn$
DECLARE
    g geometry;
BEGIN
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
    oppervlakte_km2 := ST_Area(g) / 1e6::float8;
    IF oppervlakte_km2 * woningen_per_km2_max >= 1e15::float8 THEN
        RAISE EXCEPTION 'gebied is implausibly large (% km2)', oppervlakte_km2
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'Check the coordinates and their unit: the area is measured in the CRS of the geometry, which must be in metres.';
    END IF;
    woningen_min := round(oppervlakte_km2 * woningen_per_km2_min);
    woningen_max := round(oppervlakte_km2 * woningen_per_km2_max);
END
$fn$;

COMMENT ON FUNCTION bv_geothermie_woningen(geometry, double precision, double precision) IS
'The range of dwellings the geothermal potential under an area can heat: area (km2, in the metric CRS of the geometry) times 1,200 to 1,500 dwellings per km2, rounded to whole dwellings.';
