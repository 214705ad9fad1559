-- bodemvisie: the soil and subsurface policy of Assen (Bodemvisie) as
-- PostgreSQL/PostGIS functions.  This install script is assembled by the
-- Makefile from src/sql/*.sql in file-name order.

\echo Use "CREATE EXTENSION bodemvisie CASCADE" to load this file. \quit
-- Module-level functions: versions and the geometry input check.

CREATE FUNCTION bv_geos_version()
RETURNS text
AS 'MODULE_PATHNAME', 'bv_geos_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_geos_version() IS
'The version of the GEOS library bodemvisie runs with.';

CREATE FUNCTION bv_invoer(geom geometry)
RETURNS geometry
AS 'MODULE_PATHNAME', 'bv_invoer'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION bv_invoer(geometry) IS
'The geometry as bodemvisie reads it (through EWKB and GEOS). Raises the same error an analysis would for curves, M values, geographic, non-metric or unknown SRIDs.';
-- Depth zoning: SPEC.md sections 0-4 and 11.

CREATE TYPE bv_zone AS (
    laag          text,
    zone_3d       integer,
    eenheid       text,
    formatie      text,
    bevoegd_gezag text,
    functies      text[]
);

COMMENT ON TYPE bv_zone IS
'What the Bodemvisie Assen says about one depth: layer (lagenbenadering), provincial 3D zone, hydrological unit and formation, competent authority, and suited uses.';

CREATE FUNCTION bv_zone_for_depth(depth_m double precision)
RETURNS bv_zone
AS 'MODULE_PATHNAME', 'bv_zone_for_depth'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_zone_for_depth(double precision) IS
'Layer, 3D zone, formation (from 500 m), competent authority and suited uses at depth_m metres below ground level. Boundaries belong to the deeper zone.';

CREATE FUNCTION bv_zone_for_depth(depth_m double precision, maaiveld_nap double precision)
RETURNS bv_zone
AS 'MODULE_PATHNAME', 'bv_zone_for_depth_nap'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_zone_for_depth(double precision, double precision) IS
'As bv_zone_for_depth(depth_m), plus the hydrological unit and formation of table 2.1, found from the ground level maaiveld_nap (m NAP).';

CREATE TYPE bv_boring AS (
    lagen             text[],
    zones_3d          integer[],
    eenheden          text[],
    formaties         text[],
    raakt_potklei     boolean,
    doorboort_potklei boolean
);

COMMENT ON TYPE bv_boring IS
'What a depth interval (borehole or well screen) crosses, top to bottom, and whether it touches or pierces the pot clay (sdl1).';

CREATE FUNCTION bv_boring(diepte_van_m double precision, diepte_tot_m double precision,
                          maaiveld_nap double precision DEFAULT NULL)
RETURNS bv_boring
AS 'MODULE_PATHNAME', 'bv_boring'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;

COMMENT ON FUNCTION bv_boring(double precision, double precision, double precision) IS
'Layers, 3D zones, hydrological units and formations met by the closed depth interval [diepte_van_m, diepte_tot_m] (m below ground level), and whether it touches (raakt_potklei) or pierces (doorboort_potklei: from above its top to below its bottom) the pot clay sdl1. Units and pot clay need maaiveld_nap; NULL without it.';
-- Scalar WKO rules: decision tree 4.1 and the thermal radius (issue 3).

CREATE FUNCTION bv_wko_beslisboom(ontwikkelgebied boolean, n_systemen integer,
                                  vraag double precision, aanbod double precision,
                                  min_systemen integer DEFAULT 3,
                                  drempel double precision DEFAULT 0.30)
RETURNS text
AS 'MODULE_PATHNAME', 'bv_wko_beslisboom'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_wko_beslisboom(boolean, integer, double precision, double precision, integer, double precision) IS
'Decision tree 4.1 (WKO interference): ''markt'' when the area is neither a development area nor holds more than min_systemen systems; otherwise ''onderzoek'' when demand or supply is unknown (NULL), ''interferentiegebied'' when vraag/aanbod > drempel (supply 0 with demand > 0 counts as above), else ''markt''. A NULL flag counts as false, a NULL count as 0.';

CREATE FUNCTION bv_wko_thermische_straal(volume_m3_per_jaar double precision,
                                         filterlengte_m double precision,
                                         porositeit double precision DEFAULT 0.3)
RETURNS double precision
AS 'MODULE_PATHNAME', 'bv_wko_thermische_straal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_wko_thermische_straal(double precision, double precision, double precision) IS
'Thermal radius (m) of an open WKO well: sqrt(c_w V / (c_aq pi L)) with c_w = 4.18 and c_aq = (1-n) 1.87 + n 4.18 MJ/m3K. V = 500000 m3/yr, L = 50 m gives about 72 m. Use e.g. 3 x R as a system''s own bubble radius (bv_wko_systeem.straal_m).';
-- WKO interference: SPEC.md sections 5 and 11 (decision tree 4.1).

CREATE TYPE bv_wko_interferentie AS (
    groep      integer,
    n_groep    integer,
    n_buren    integer,
    overlap_m2 double precision
);

COMMENT ON TYPE bv_wko_interferentie IS
'Result of bv_wko_interference per WKO system: its group (connected component of overlapping bubbles, numbered from 0 in row order), the group size, the number of systems whose bubble overlaps its own, and the area (m2) of its bubble covered by those bubbles.';

CREATE FUNCTION bv_wko_bel(putten geometry, straal_m double precision DEFAULT 250)
RETURNS geometry
AS 'MODULE_PATHNAME', 'bv_wko_bel'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION bv_wko_bel(geometry, double precision) IS
'The bubble of a WKO system: ST_Buffer(putten, straal_m) with 8 segments per quarter circle, around each well (POINT or MULTIPOINT). Default radius 250 m (Bodemvisie Assen, decision tree 4.1).';

CREATE FUNCTION bv_wko_interference(putten geometry, straal_m double precision DEFAULT 250)
RETURNS bv_wko_interferentie
AS 'MODULE_PATHNAME', 'bv_wko_interference'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE COST 500;

COMMENT ON FUNCTION bv_wko_interference(geometry, double precision) IS
'Window function: which WKO systems interfere. Two systems are neighbours when the distance between their wells is below the sum of their radii (bubbles overlap; touching does not count). Returns per row the group (connected component, numbered from 0 in the window''s row order), its size, the number of neighbours and the overlapped area of the bubble. Rows with a NULL or empty geometry or a NULL radius get NULL and take no part; PARTITION BY gives separate analyses.';
-- Groundwater plumes: SPEC.md sections 6 and 11 (decision tree 2.1).

CREATE TYPE bv_pluim_aanpak AS (
    cluster    integer,
    n_pluimen  integer,
    cluster_m2 double precision,
    aanpak     text
);

COMMENT ON TYPE bv_pluim_aanpak IS
'Result of bv_pluim_approach per plume: its cluster (connected component of neighbouring plumes, numbered from 0 in row order), the number of plumes in it, the area (m2) of the union of their contours, and the approach of decision tree 2.1: geval, cluster or cluster_of_gebied.';

CREATE FUNCTION bv_pluim(bron geometry, snelheid_m_per_jaar double precision DEFAULT 10,
                         ouderdom_jaar double precision DEFAULT 30,
                         retardatie double precision DEFAULT 0.5)
RETURNS geometry
AS 'MODULE_PATHNAME', 'bv_pluim'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION bv_pluim(geometry, double precision, double precision, double precision) IS
'The circle drawn for a groundwater plume without a surveyed contour: ST_Buffer(bron, snelheid_m_per_jaar * ouderdom_jaar * retardatie), 8 segments per quarter circle; 150 m by default (10 m/yr x 30 yr x 0.5). The same polygon bv_pluim_approach uses for a POINT.';

CREATE FUNCTION bv_pluim_approach(pluim geometry, nabij_m double precision DEFAULT 0,
                                  max_cluster_m2 double precision DEFAULT 10000)
RETURNS bv_pluim_aanpak
AS 'MODULE_PATHNAME', 'bv_pluim_approach'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE COST 1000;

COMMENT ON FUNCTION bv_pluim_approach(geometry, double precision, double precision) IS
'Window function: decision tree 2.1 for groundwater plumes. A POINT (or MULTIPOINT) is a source and becomes the standard 150 m circle; a (multi)polygon is the surveyed contour (must be valid). Plumes are neighbours when ST_Distance <= nabij_m; a cluster is a connected component, numbered from 0 in the window''s row order. aanpak: geval (alone), cluster (several, union < max_cluster_m2), cluster_of_gebied (otherwise). NULL or empty geometries get NULL and take no part; nabij_m and max_cluster_m2 must be constant in a partition.';
-- The data model: municipal (GISA) and partner layers, SRID 28992.
-- Users' rows and identity sequences are dumped by pg_dump
-- (pg_extension_config_dump), so they survive dump/restore.
-- Fixed names and types: see doc/datamodel.md.

CREATE TABLE bv_beleidsgebied (
    id    integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    soort text NOT NULL CHECK (soort IN ('waterwingebied', 'boringsvrije_zone',
          'honderdjaarszone', 'grondwaterbeschermingsgebied', 'nationaal_landschap',
          'gasveld', 'archeologie', 'hoofdtrace')),
    naam  text NOT NULL,
    bron  text,
    geom  geometry(MultiPolygon, 28992) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX bv_beleidsgebied_geom_idx ON bv_beleidsgebied USING gist (geom);
CREATE INDEX bv_beleidsgebied_soort_idx ON bv_beleidsgebied (soort);

COMMENT ON TABLE bv_beleidsgebied IS
'Policy areas of the Bodemvisie Assen and its partners (province, water company, state): drinking-water areas, no-drilling zones, protection areas, national landscape, gas fields, archaeology, reserved main cable routes.';

CREATE TABLE bv_gebied (
    id              integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    naam            text NOT NULL,
    ontwikkelgebied boolean NOT NULL DEFAULT false,
    vraag           double precision CHECK (vraag >= 0),
    aanbod          double precision CHECK (aanbod >= 0),
    geom            geometry(MultiPolygon, 28992) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX bv_gebied_geom_idx ON bv_gebied USING gist (geom);

COMMENT ON TABLE bv_gebied IS
'Analysis areas (development areas, neighbourhoods) for decision tree 4.1, with energy demand (vraag) and subsurface supply (aanbod) in one unit; NULL = unknown.';

CREATE TABLE bv_wko_systeem (
    id                 integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    naam               text NOT NULL,
    systeem            text NOT NULL CHECK (systeem IN ('open', 'gesloten')),
    putten             geometry(MultiPoint, 28992) NOT NULL,
    diepte_van_m       double precision,
    diepte_tot_m       double precision,
    volume_m3_per_jaar double precision CHECK (volume_m3_per_jaar >= 0),
    straal_m           double precision CHECK (straal_m > 0),
    status             text NOT NULL DEFAULT 'bestaand' CHECK (status IN ('bestaand', 'gepland')),
    bron               text,
    CHECK (diepte_van_m <= diepte_tot_m)
);
CREATE INDEX bv_wko_systeem_putten_idx ON bv_wko_systeem USING gist (putten);
-- max(straal_m) bounds the index search for overlapping bubbles.
CREATE INDEX bv_wko_systeem_straal_idx ON bv_wko_systeem (straal_m);

COMMENT ON TABLE bv_wko_systeem IS
'WKO (aquifer thermal energy storage) systems, existing and planned, with their wells; bubble = ST_Buffer(putten, coalesce(straal_m, 250)).';

CREATE TABLE bv_verontreiniging (
    id     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    naam   text NOT NULL,
    status text NOT NULL DEFAULT 'actueel' CHECK (status IN ('actueel', 'in_sanering', 'gesaneerd')),
    bron   text,
    geom   geometry(Geometry, 28992) NOT NULL
           CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON') AND ST_IsValid(geom))
);
CREATE INDEX bv_verontreiniging_geom_idx ON bv_verontreiniging USING gist (geom);

COMMENT ON TABLE bv_verontreiniging IS
'Groundwater contamination: plume contours (polygons) or source points without a surveyed contour (the standard 150 m circle). Remediated (gesaneerd) plumes take no part in the rules.';

-- Numbers must be finite: 'NaN' passes "x >= 0" in PostgreSQL (NaN sorts
-- above everything) and would silently switch rules off.
ALTER TABLE bv_gebied
    ADD CONSTRAINT bv_gebied_vraag_eindig CHECK (vraag < 'Infinity'),
    ADD CONSTRAINT bv_gebied_aanbod_eindig CHECK (aanbod < 'Infinity');
ALTER TABLE bv_wko_systeem
    ADD CONSTRAINT bv_wko_systeem_diepte_eindig
        CHECK (diepte_van_m > '-Infinity' AND diepte_van_m < 'Infinity'
               AND diepte_tot_m > '-Infinity' AND diepte_tot_m < 'Infinity'),
    ADD CONSTRAINT bv_wko_systeem_volume_eindig CHECK (volume_m3_per_jaar < 'Infinity'),
    ADD CONSTRAINT bv_wko_systeem_straal_eindig CHECK (straal_m <= 10000);

-- Column comments: the meaning of every column (also in doc/datamodel.md).
COMMENT ON COLUMN bv_beleidsgebied.id IS 'Identifier.';
COMMENT ON COLUMN bv_beleidsgebied.soort IS 'Kind of policy area; boringsvrije_zone = verbodzone diepe boringen, hoofdtrace = reserved main cable/pipe corridor.';
COMMENT ON COLUMN bv_beleidsgebied.naam IS 'Name, e.g. Waterwingebied Assen-Oost.';
COMMENT ON COLUMN bv_beleidsgebied.bron IS 'Source of the data (organisation, data set, date).';
COMMENT ON COLUMN bv_beleidsgebied.geom IS 'Area, RD New (EPSG:28992).';
COMMENT ON COLUMN bv_gebied.id IS 'Identifier.';
COMMENT ON COLUMN bv_gebied.naam IS 'Name of the area or neighbourhood.';
COMMENT ON COLUMN bv_gebied.ontwikkelgebied IS 'True for a development area (decision tree 4.1, step 1).';
COMMENT ON COLUMN bv_gebied.vraag IS 'Energy demand of the area, same unit as aanbod; NULL = unknown.';
COMMENT ON COLUMN bv_gebied.aanbod IS 'Subsurface supply (potential) of the area, same unit as vraag; NULL = unknown.';
COMMENT ON COLUMN bv_gebied.geom IS 'Area, RD New (EPSG:28992).';
COMMENT ON COLUMN bv_wko_systeem.id IS 'Identifier.';
COMMENT ON COLUMN bv_wko_systeem.naam IS 'Name of the system or permit.';
COMMENT ON COLUMN bv_wko_systeem.systeem IS 'open (wells in an aquifer) or gesloten (closed ground loops).';
COMMENT ON COLUMN bv_wko_systeem.putten IS 'The wells (or boreholes) of the system, RD New.';
COMMENT ON COLUMN bv_wko_systeem.diepte_van_m IS 'Top of the screen/loop, m below ground level.';
COMMENT ON COLUMN bv_wko_systeem.diepte_tot_m IS 'Bottom of the screen/loop, m below ground level.';
COMMENT ON COLUMN bv_wko_systeem.volume_m3_per_jaar IS 'Permitted or pumped volume, m3 per year (open systems).';
COMMENT ON COLUMN bv_wko_systeem.straal_m IS 'Own bubble radius in m (e.g. 3 x bv_wko_thermische_straal); NULL = the policy''s 250 m.';
COMMENT ON COLUMN bv_wko_systeem.status IS 'bestaand (existing) or gepland (planned/permitted); both claim their bubble.';
COMMENT ON COLUMN bv_wko_systeem.bron IS 'Source of the data (e.g. provincial WKO register).';
COMMENT ON COLUMN bv_verontreiniging.id IS 'Identifier.';
COMMENT ON COLUMN bv_verontreiniging.naam IS 'Name or case number.';
COMMENT ON COLUMN bv_verontreiniging.status IS 'actueel, in_sanering (being remediated) or gesaneerd (remediated: takes no part).';
COMMENT ON COLUMN bv_verontreiniging.bron IS 'Source of the data.';
COMMENT ON COLUMN bv_verontreiniging.geom IS 'Plume contour (polygon) or source point (standard 150 m circle), RD New.';

SELECT pg_extension_config_dump('bv_beleidsgebied', '');
SELECT pg_extension_config_dump('bv_gebied', '');
SELECT pg_extension_config_dump('bv_wko_systeem', '');
SELECT pg_extension_config_dump('bv_verontreiniging', '');
-- One call per statement: each call updates the pg_extension row.
SELECT pg_extension_config_dump('bv_beleidsgebied_id_seq', '');
SELECT pg_extension_config_dump('bv_gebied_id_seq', '');
SELECT pg_extension_config_dump('bv_wko_systeem_id_seq', '');
SELECT pg_extension_config_dump('bv_verontreiniging_id_seq', '');
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
    v_maxr    double precision := 0;
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
    IF v_r IS NULL OR NOT (v_r > 0 AND v_r <= 10000) THEN
        RAISE EXCEPTION 'straal_m must be a radius in (0, 10000] m, got %', coalesce(v_r::text, 'NULL')
              USING ERRCODE = 'numeric_value_out_of_range',
                    HINT = 'The bubble radius of the new system in metres; the policy uses 250.';
    END IF;
    -- Checks finiteness, range and order of the interval and the ground level.
    PERFORM bv_boring(v_van, v_tot, v_mv);
    -- The borehole: from ground level (or the top, if above it) down.
    v_klei := bv_boring(least(v_van, 0), v_tot, v_mv);

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
        v_zone_txt := format('Open systemen alleen in zone 2 (25-300 m-mv); het interval %s-%s m-mv ligt daar niet geheel in.', v_van, v_tot);
    ELSIF v_sys = 'gesloten' THEN
        v_zone_ok := v_zv.zone_3d IS NOT NULL AND v_zt.zone_3d IS NOT NULL;
        v_zone_txt := format('Gesloten systemen alleen in zone 1 en 2 (0-300 m-mv); het interval %s-%s m-mv ligt daar niet geheel in.', v_van, v_tot);
    ELSE
        v_zone_ok := v_zv.laag = 'diepe_ondergrond';
        v_zone_txt := format('Geothermie alleen in de diepe ondergrond (vanaf 500 m-mv, Mijnbouwwet); het interval begint op %s m-mv.', v_van);
    END IF;

    v_klei_txt := CASE
        WHEN v_klei.doorboort_potklei THEN
            format('het boorgat (tot %s m-mv) doorboort de potklei (sdl1): boorgat afdichten, geen verontreiniging naar diepere lagen meeslepen.', v_tot)
        WHEN v_klei.raakt_potklei THEN
            format('het boorgat (tot %s m-mv) reikt tot in de potklei (sdl1) maar doorboort die niet.', v_tot)
        WHEN v_klei.raakt_potklei IS NOT NULL THEN
            format('het boorgat (tot %s m-mv) blijft boven de potklei (sdl1).', v_tot)
        ELSE 'maaiveldhoogte onbekend: niet bepaald of de potklei (sdl1) wordt doorboord (geef maaiveld_nap).'
        END;

    IF v_wko THEN
        -- Bounds the index search for bubbles that may overlap.
        v_maxr := greatest(250, coalesce((SELECT max(w.straal_m) FROM bv_wko_systeem w), 250));
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
                     CASE WHEN v_sys = 'geothermie' OR v_tot > 15 THEN 'verbod' ELSE 'restrictie' END
                WHEN b.soort IN ('honderdjaarszone', 'nationaal_landschap') AND v_tot >= 25 THEN 'restrictie'
                WHEN b.soort = 'gasveld' AND v_sys = 'geothermie' THEN 'verbod'
                END AS ernst,
                   CASE
                WHEN b.soort = 'waterwingebied' THEN
                     'Waterwingebied (drinkwaterwinning): bodemenergie is hier verboden.'
                WHEN b.soort = 'grondwaterbeschermingsgebied' THEN
                     'Grondwaterbeschermingsgebied: de provinciale omgevingsverordening verbiedt hier bodemenergie.'
                WHEN b.soort = 'boringsvrije_zone' AND v_sys = 'geothermie' THEN
                     'Verbodzone diepe boringen: geothermie is hier verboden.'
                WHEN b.soort = 'boringsvrije_zone' AND v_tot > 15 THEN
                     format('Verbodzone diepe boringen: boren dieper dan 15 m-mv is verboden (boorgat tot %s m-mv).', v_tot)
                WHEN b.soort = 'boringsvrije_zone' THEN
                     format('Boringsvrije zone: boren tot 15 m-mv alleen onder voorwaarden (boorgat tot %s m-mv).', v_tot)
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
           AND ST_DWithin(v.geom, v_loc, 150)
           AND CASE WHEN GeometryType(v.geom) = 'POINT'
                    THEN ST_Intersects(bv_pluim(v.geom), v_loc)
                    ELSE ST_Intersects(v.geom, v_loc) END
        UNION ALL
        SELECT 'restrictie', 'interferentie', 'bv_wko_systeem', w.id, w.systeem, w.naam,
               format('De bel (%s m) overlapt met de bel van WKO-systeem %s (%s, %s, straal %s m, afstand %s m).',
                      v_r, w.naam, w.systeem, w.status, coalesce(w.straal_m, 250),
                      round(d.afstand::numeric, 1))
          FROM bv_wko_systeem w
         CROSS JOIN LATERAL (SELECT ST_Distance(w.putten, v_loc) AS afstand) d
         WHERE v_wko
           AND ST_DWithin(w.putten, v_loc, v_r + v_maxr)
           AND d.afstand < v_r + coalesce(w.straal_m, 250)
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
                   g.vraag, g.aanbod) = 'interferentiegebied'
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
       OR woningen_per_km2_min < 0 OR woningen_per_km2_min > woningen_per_km2_max THEN
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
    oppervlakte_km2 := ST_Area(g) / 1e6;
    IF oppervlakte_km2 * woningen_per_km2_max >= 1e15 THEN
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
-- Decision tree 4.1 per analysis area (bv_gebied): how many WKO systems it
-- holds, the decision from the given demand and supply, and a measured proxy
-- for when the supply (or demand) is unknown.

CREATE VIEW bv_wko_beslisboom_gebied AS
SELECT g.id,
       g.naam,
       g.ontwikkelgebied,
       s.n_systemen,
       g.vraag,
       g.aanbod,
       bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod) AS beslissing,
       p.bruikbaar_m2,
       p.bezet_m2,
       p.bezet_m2 / nullif(p.bruikbaar_m2, 0) AS bezet_aandeel,
       CASE WHEN g.vraag IS NOT NULL AND g.aanbod IS NOT NULL
            THEN bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod)
            ELSE bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, p.bezet_m2, p.bruikbaar_m2)
       END AS beslissing_met_proxy,
       g.geom
  FROM bv_gebied g
 CROSS JOIN LATERAL (
        -- systems with a well in the area
        SELECT count(*)::integer AS n_systemen
          FROM bv_wko_systeem w
         WHERE ST_Intersects(w.putten, g.geom)) s
 CROSS JOIN LATERAL (
        -- usable zone-2 ground: the area minus the areas where open WKO is
        -- forbidden in zone 2
        SELECT CASE WHEN count(*) = 0 THEN g.geom
                    ELSE ST_Difference(g.geom, ST_Union(b.geom)) END AS bruikbaar
          FROM bv_beleidsgebied b
         WHERE b.soort IN ('waterwingebied', 'boringsvrije_zone', 'grondwaterbeschermingsgebied')
           AND ST_Intersects(b.geom, g.geom)) u
 CROSS JOIN LATERAL (
        -- every bubble that reaches into the area, also of systems outside it
        SELECT ST_Union(ST_Buffer(w.putten, coalesce(w.straal_m, 250))) AS bellen
          FROM bv_wko_systeem w
         WHERE ST_DWithin(w.putten, g.geom,
                          (SELECT greatest(250, max(m.straal_m)) FROM bv_wko_systeem m))
           AND ST_DWithin(w.putten, g.geom, coalesce(w.straal_m, 250))) b
 CROSS JOIN LATERAL (
        SELECT ST_Area(u.bruikbaar) AS bruikbaar_m2,
               coalesce(ST_Area(ST_Intersection(b.bellen, u.bruikbaar)), 0) AS bezet_m2) p;

COMMENT ON VIEW bv_wko_beslisboom_gebied IS
'Decision tree 4.1 per analysis area: n_systemen = WKO systems with a well in the area; beslissing = bv_wko_beslisboom from the given vraag/aanbod (''onderzoek'' when unknown); bruikbaar_m2 = the area minus waterwingebied, boringsvrije zone and grondwaterbeschermingsgebied (usable zone-2 ground); bezet_m2 = the part of it covered by bubbles (ST_Buffer(putten, coalesce(straal_m, 250))) of any system; beslissing_met_proxy = beslissing, or when demand or supply is unknown the tree with bezet_m2 / bruikbaar_m2 as the demand/supply ratio.';
-- Derived map layers (issue 5): views ready for GeoServer/MapServer, each with
-- one geometry column of a declared type and SRID (so geometry_columns lists
-- it), a stable integer id and readable attribute names; materialized
-- versions (suffix _m) with GiST indexes for large data, and a refresh
-- function.  The window functions need the whole table, so a WHERE on the
-- plain views cannot use an index; map servers should read the _m versions.

-- WKO bubbles with their interference result (SPEC.md 5).
CREATE VIEW bv_kaart_wko_bellen AS
SELECT s.id,
       s.naam,
       s.systeem,
       s.status,
       s.straal AS straal_m,
       (s.r).groep,
       (s.r).n_groep,
       (s.r).n_buren,
       round((s.r).overlap_m2::numeric, 1)::double precision AS overlap_m2,
       (s.r).n_buren > 0 AS interfereert,
       ST_Multi(bv_wko_bel(s.putten, s.straal))::geometry(MultiPolygon, 28992) AS geom
  FROM (SELECT w.*, coalesce(w.straal_m, 250) AS straal,
               bv_wko_interference(w.putten, coalesce(w.straal_m, 250)) OVER (ORDER BY w.id) AS r
          FROM bv_wko_systeem w) s;

COMMENT ON VIEW bv_kaart_wko_bellen IS
'Map layer: the bubble (bel) of every WKO system (radius straal_m, 250 m when not set) with its interference group, group size, number of interfering neighbours and the area of its bubble overlapped by theirs.';

-- Plumes with their cluster and remediation approach (SPEC.md 6).
CREATE VIEW bv_kaart_pluimen AS
SELECT v.id,
       v.naam,
       v.status,
       CASE WHEN GeometryType(v.geom) = 'POINT' THEN 'bron' ELSE 'contour' END AS vorm,
       (v.r).cluster,
       (v.r).n_pluimen,
       round((v.r).cluster_m2::numeric, 1)::double precision AS cluster_m2,
       (v.r).aanpak,
       ST_Multi(CASE WHEN GeometryType(v.geom) = 'POINT' THEN bv_pluim(v.geom)
                     ELSE v.geom END)::geometry(MultiPolygon, 28992) AS geom
  FROM (SELECT p.*, bv_pluim_approach(p.geom) OVER (ORDER BY p.id) AS r
          FROM bv_verontreiniging p
         WHERE p.status <> 'gesaneerd') v;

COMMENT ON VIEW bv_kaart_pluimen IS
'Map layer: every current plume (remediated ones left out) as its contour, or the standard 150 m circle for a source point, with its cluster, cluster size, cluster area and approach from decision tree 2.1 (geval, cluster, cluster_of_gebied).';

-- Soil-energy potential: for open and closed systems, per 3D zone, where it
-- is free (vrij), restricted (restrictie) or forbidden (verbod).  Built from
-- the policy areas and the current plumes with the rules of SPEC.md 2 and 9:
--   verbod:     waterwingebied and grondwaterbeschermingsgebied (all soil
--               energy), boringsvrije zone in zone 2, open systems in zone 1;
--   restrictie: boringsvrije zone in zone 1, honderdjaarszone and nationaal
--               landschap in zone 2, plumes (contour or 150 m circle);
--   vrij:       the rest of the map extent.
-- The map extent is the bounding box of all bodemvisie data plus 1 km.
CREATE FUNCTION bv_bodemenergie_kaart()
RETURNS TABLE (id integer, systeem text, zone_3d integer, oordeel text,
               redenen text, geom geometry(MultiPolygon, 28992))
LANGUAGE sql STABLE PARALLEL SAFE COST 10000 ROWS 12
AS $$
WITH extent AS (
    SELECT ST_SetSRID(ST_Expand(ST_Extent(g)::geometry, 1000), 28992) AS g
      FROM (SELECT b.geom AS g FROM bv_beleidsgebied b
            UNION ALL SELECT a.geom FROM bv_gebied a
            UNION ALL SELECT w.putten FROM bv_wko_systeem w
            UNION ALL SELECT v.geom FROM bv_verontreiniging v) all_data
),
klassen(systeem, zone_3d, nr) AS (
    VALUES ('open', 1, 0), ('open', 2, 1), ('gesloten', 1, 2), ('gesloten', 2, 3)
),
-- every policy area or plume with what it means per class
regels AS (
    SELECT k.systeem, k.zone_3d, k.nr, r.oordeel, r.reden, r.g
      FROM klassen k
      CROSS JOIN LATERAL (
          SELECT CASE
                   WHEN b.soort IN ('waterwingebied', 'grondwaterbeschermingsgebied') THEN 'verbod'
                   WHEN b.soort = 'boringsvrije_zone' AND k.zone_3d = 2 THEN 'verbod'
                   ELSE 'restrictie' END AS oordeel,
                 b.soort AS reden, b.geom AS g
            FROM bv_beleidsgebied b
           WHERE b.soort IN ('waterwingebied', 'grondwaterbeschermingsgebied', 'boringsvrije_zone')
              OR (b.soort IN ('honderdjaarszone', 'nationaal_landschap') AND k.zone_3d = 2)
          UNION ALL
          SELECT 'restrictie', 'verontreiniging',
                 CASE WHEN GeometryType(v.geom) = 'POINT' THEN bv_pluim(v.geom) ELSE v.geom END
            FROM bv_verontreiniging v
           WHERE v.status <> 'gesaneerd'
          UNION ALL
          SELECT 'verbod', 'open_alleen_zone_2', e.g
            FROM extent e
           WHERE k.systeem = 'open' AND k.zone_3d = 1
      ) r
),
verbod AS (
    SELECT k.nr, ST_Intersection(ST_Union(r.g), e.g) AS g,
           string_agg(DISTINCT r.reden, ', ' ORDER BY r.reden) AS redenen
      FROM klassen k JOIN regels r ON r.nr = k.nr AND r.oordeel = 'verbod', extent e
     GROUP BY k.nr, e.g
),
restrictie AS (
    SELECT k.nr, ST_Intersection(ST_Union(r.g), e.g) AS g,
           string_agg(DISTINCT r.reden, ', ' ORDER BY r.reden) AS redenen
      FROM klassen k JOIN regels r ON r.nr = k.nr AND r.oordeel = 'restrictie', extent e
     GROUP BY k.nr, e.g
),
vlakken AS (
    SELECT k.systeem, k.zone_3d, k.nr, 'verbod' AS oordeel, 0 AS o, vb.redenen, vb.g
      FROM klassen k JOIN verbod vb ON vb.nr = k.nr
    UNION ALL
    SELECT k.systeem, k.zone_3d, k.nr, 'restrictie', 1, rs.redenen,
           CASE WHEN vb.g IS NULL THEN rs.g ELSE ST_Difference(rs.g, vb.g) END
      FROM klassen k JOIN restrictie rs ON rs.nr = k.nr LEFT JOIN verbod vb ON vb.nr = k.nr
    UNION ALL
    SELECT k.systeem, k.zone_3d, k.nr, 'vrij', 2, NULL,
           ST_Difference(e.g, ST_Union(coalesce(vb.g, 'SRID=28992;POLYGON EMPTY'::geometry),
                                       coalesce(rs.g, 'SRID=28992;POLYGON EMPTY'::geometry)))
      FROM klassen k CROSS JOIN extent e
      LEFT JOIN verbod vb ON vb.nr = k.nr LEFT JOIN restrictie rs ON rs.nr = k.nr
)
SELECT (v.nr * 3 + v.o + 1)::integer, v.systeem, v.zone_3d, v.oordeel, v.redenen,
       ST_Multi(ST_CollectionExtract(v.g, 3))::geometry(MultiPolygon, 28992)
  FROM vlakken v
 WHERE v.g IS NOT NULL AND NOT ST_IsEmpty(ST_CollectionExtract(v.g, 3))
 ORDER BY 1
$$;

COMMENT ON FUNCTION bv_bodemenergie_kaart() IS
'The soil-energy potential map: for open and closed systems and for 3D zone 1 and 2, the areas where soil energy is free (vrij), restricted (restrictie) or forbidden (verbod), with the kinds of area behind it. Reads the policy areas and current plumes.';

-- (a function result loses the typmod: the cast declares it for geometry_columns)
CREATE VIEW bv_kaart_bodemenergie AS
SELECT k.id, k.systeem, k.zone_3d, k.oordeel, k.redenen,
       k.geom::geometry(MultiPolygon, 28992) AS geom
  FROM bv_bodemenergie_kaart() k;

COMMENT ON VIEW bv_kaart_bodemenergie IS
'Map layer: soil-energy potential per system type (open, gesloten) and 3D zone: vrij, restrictie or verbod. Stable ids: 1-3 open zone 1, 4-6 open zone 2, 7-9 closed zone 1, 10-12 closed zone 2 (verbod, restrictie, vrij).';

-- Materialized versions with spatial indexes, for map servers and large data.
CREATE MATERIALIZED VIEW bv_kaart_wko_bellen_m AS SELECT * FROM bv_kaart_wko_bellen;
CREATE UNIQUE INDEX ON bv_kaart_wko_bellen_m (id);
CREATE INDEX ON bv_kaart_wko_bellen_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_wko_bellen_m IS
'Materialized bv_kaart_wko_bellen with a spatial index; refresh with bv_kaart_verversen().';

CREATE MATERIALIZED VIEW bv_kaart_pluimen_m AS SELECT * FROM bv_kaart_pluimen;
CREATE UNIQUE INDEX ON bv_kaart_pluimen_m (id);
CREATE INDEX ON bv_kaart_pluimen_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_pluimen_m IS
'Materialized bv_kaart_pluimen with a spatial index; refresh with bv_kaart_verversen().';

CREATE MATERIALIZED VIEW bv_kaart_bodemenergie_m AS SELECT * FROM bv_kaart_bodemenergie;
CREATE UNIQUE INDEX ON bv_kaart_bodemenergie_m (id);
CREATE INDEX ON bv_kaart_bodemenergie_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_bodemenergie_m IS
'Materialized bv_kaart_bodemenergie with a spatial index; refresh with bv_kaart_verversen().';
-- Derived map layer: interference per analysis area (decision tree 4.1), and
-- the refresh function of all materialized map layers.

CREATE VIEW bv_kaart_interferentie_gebied AS
SELECT b.id,
       b.naam,
       b.ontwikkelgebied,
       b.n_systemen,
       b.vraag,
       b.aanbod,
       b.beslissing,
       round((100 * b.bezet_aandeel)::numeric, 1)::double precision AS bezet_procent,
       b.beslissing_met_proxy,
       b.beslissing = 'interferentiegebied' AS masterplan_nodig,
       b.geom
  FROM bv_wko_beslisboom_gebied b;

COMMENT ON VIEW bv_kaart_interferentie_gebied IS
'Map layer: every analysis area with its number of WKO systems, demand and supply, the decision of tree 4.1 (markt, onderzoek, interferentiegebied), the share of usable zone-2 ground taken by bubbles (bezet_procent) and the decision with that share as proxy when supply is unknown. masterplan_nodig marks interference areas.';

CREATE MATERIALIZED VIEW bv_kaart_interferentie_gebied_m AS
SELECT * FROM bv_kaart_interferentie_gebied;
CREATE UNIQUE INDEX ON bv_kaart_interferentie_gebied_m (id);
CREATE INDEX ON bv_kaart_interferentie_gebied_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_interferentie_gebied_m IS
'Materialized bv_kaart_interferentie_gebied with a spatial index; refresh with bv_kaart_verversen().';

CREATE FUNCTION bv_kaart_verversen(gelijktijdig boolean DEFAULT false)
RETURNS TABLE (kaartlaag text, objecten bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE COST 100000 ROWS 4
AS $$
DECLARE
    laag text;
BEGIN
    FOREACH laag IN ARRAY ARRAY['bv_kaart_wko_bellen_m', 'bv_kaart_pluimen_m',
                                'bv_kaart_interferentie_gebied_m', 'bv_kaart_bodemenergie_m']
    LOOP
        EXECUTE format('REFRESH MATERIALIZED VIEW %s %I',
                       CASE WHEN gelijktijdig THEN 'CONCURRENTLY' ELSE '' END, laag);
        kaartlaag := laag;
        EXECUTE format('SELECT count(*) FROM %I', laag) INTO objecten;
        RETURN NEXT;
    END LOOP;
END
$$;

COMMENT ON FUNCTION bv_kaart_verversen(boolean) IS
'Refresh the materialized map layers (bv_kaart_*_m) after the data changed, and return their feature counts. gelijktijdig => REFRESH ... CONCURRENTLY, so map servers can keep reading meanwhile.';
-- KLIC deliveries (IMKL GML) in the database, and the cable-and-pipe checks
-- of module 1 (SPEC.md section 10).  See doc/klic.md.
--
-- The XML is read inside PostgreSQL (its libxml2 XPath, XMLTABLE) and the
-- geometries with PostGIS's ST_GeomFromGML: no schemas, no network, and the
-- whole import is one statement, so a refused file changes nothing.

-- ---------------------------------------------------------------- tables

CREATE TABLE bv_klic_levering (
    id                  integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    klic_meldnummer     text,          -- e.g. '22G003180'; NULL for a network submission
    leveringsvolgnummer integer,
    soort               text NOT NULL CHECK (soort IN ('graafmelding', 'orientatieverzoek',
                            'calamiteitenmelding', 'netinformatie', 'onbekend')),
    imkl_versie         text NOT NULL,
    datum               timestamptz,   -- datumLeveringSamengesteld
    polygoon_soort      text CHECK (polygoon_soort IN ('graafpolygoon', 'orientatiepolygoon')),
    geom                geometry(MultiPolygon, 28992),    -- dig or orientation polygon
    informatiepolygoon  geometry(MultiPolygon, 28992),
    bron                text,          -- file name
    sha256              text NOT NULL, -- of the XML text: same content = same delivery
    geimporteerd        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (klic_meldnummer, leveringsvolgnummer)
);
CREATE UNIQUE INDEX bv_klic_levering_netinformatie_idx ON bv_klic_levering (sha256)
    WHERE klic_meldnummer IS NULL;
CREATE INDEX bv_klic_levering_geom_idx ON bv_klic_levering USING gist (geom);
CREATE INDEX bv_klic_levering_informatiepolygoon_idx ON bv_klic_levering USING gist (informatiepolygoon);

COMMENT ON TABLE bv_klic_levering IS
'One KLIC delivery (IMKL GML file): KLIC number, sequence number, kind of request, date, and the dig or orientation polygon.';

CREATE TABLE bv_klic_utiliteitsnet (
    levering_id integer NOT NULL REFERENCES bv_klic_levering (id) ON DELETE CASCADE,
    imkl_id     text NOT NULL,
    thema       text,
    beheerder   text NOT NULL,
    standaard_dieptelegging_m double precision,
    PRIMARY KEY (levering_id, imkl_id)
);

COMMENT ON TABLE bv_klic_utiliteitsnet IS
'The networks (imkl:Utiliteitsnet) of each delivery: theme and operator of the cables and pipes that point to them.';

CREATE TABLE bv_kabel_leiding (
    id              integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    levering_id     integer NOT NULL REFERENCES bv_klic_levering (id) ON DELETE CASCADE,
    imkl_id         text NOT NULL,     -- gml:id, or namespace-localId (IMKL 3)
    klasse          text NOT NULL,     -- Elektriciteitskabel, Waterleiding, Kabelbed, ...
    thema           text,              -- laagspanning, water, gasHogeDruk, ...
    beheerder       text NOT NULL,     -- operator code, e.g. KL1031 (text: leading zeros)
    beheerder_naam  text,
    netwerk_id      text,
    status          text,              -- INSPIRE ConditionOfFacility: functional, disused, ...
    label           text,
    links           text[] NOT NULL,   -- the UtilityLinks it references, in file order
    ontbrekende_links text[] NOT NULL DEFAULT '{}',
    geom            geometry(MultiLineString, 28992),  -- NULL when every link is missing
    UNIQUE (levering_id, imkl_id)
);
CREATE INDEX bv_kabel_leiding_geom_idx ON bv_kabel_leiding USING gist (geom);
CREATE INDEX bv_kabel_leiding_imkl_id_idx ON bv_kabel_leiding (imkl_id);

COMMENT ON TABLE bv_kabel_leiding IS
'One row per cable, pipe or container of a KLIC delivery, with class, theme, operator and a MultiLineString assembled from the UtilityLinks it references.';

CREATE TABLE bv_klic_diepte (
    id              integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    levering_id     integer NOT NULL REFERENCES bv_klic_levering (id) ON DELETE CASCADE,
    imkl_id         text NOT NULL,
    soort           text NOT NULL CHECK (soort IN ('DiepteTovMaaiveld', 'DiepteNAP')),
    beheerder       text NOT NULL,
    netwerk_id      text,
    thema           text,
    peil_m          double precision,  -- dieptePeil as given (m-mv, or m NAP for DiepteNAP)
    maaiveld_nap    double precision,  -- maaiveldPeil (DiepteNAP only)
    diepte_m        double precision,  -- m below ground level; NULL when unknown
    aangrijpingspunt text,             -- bovenkant, onderkant, ...
    nauwkeurigheid  text,
    geom            geometry(Geometry, 28992),
    UNIQUE (levering_id, imkl_id)
);
CREATE INDEX bv_klic_diepte_geom_idx ON bv_klic_diepte USING gist (geom);

COMMENT ON TABLE bv_klic_diepte IS
'Depth objects of KLIC deliveries (DiepteTovMaaiveld, DiepteNAP), with the depth below ground level where it can be known.';

CREATE TABLE bv_klic_voorzorg (
    id              integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    levering_id     integer NOT NULL REFERENCES bv_klic_levering (id) ON DELETE CASCADE,
    imkl_id         text NOT NULL,
    beheerder       text NOT NULL,
    netwerk_id      text,
    thema           text,
    eis             text,              -- eisVoorzorgsmaatregel code
    omschrijving    text,              -- netbeheerderNetOmschrijving
    geom            geometry(MultiPolygon, 28992) NOT NULL,
    UNIQUE (levering_id, imkl_id)
);
CREATE INDEX bv_klic_voorzorg_geom_idx ON bv_klic_voorzorg USING gist (geom);

COMMENT ON TABLE bv_klic_voorzorg IS
'Precaution areas (AanduidingEisVoorzorgsmaatregel) of KLIC deliveries: where the operator demands precautions before digging.';

CREATE TABLE bv_klic_melding (
    id          integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    levering_id integer NOT NULL REFERENCES bv_klic_levering (id) ON DELETE CASCADE,
    imkl_id     text,
    soort       text NOT NULL,   -- ontbrekende_link, ontbrekend_netwerk, geometrie_hersteld, ...
    detail      text
);
CREATE INDEX bv_klic_melding_levering_idx ON bv_klic_melding (levering_id);

COMMENT ON TABLE bv_klic_melding IS
'What the import noticed but did not refuse: links to ids missing from the file, missing networks, repaired geometries.';

-- BGT-like pavement: road parts with their physical appearance.
CREATE TABLE bv_verharding (
    id                    integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    bgt_id                text,
    bgt_functie           text,    -- rijbaan lokale weg, fietspad, voetpad, parkeervlak, ...
    fysiek_voorkomen      text NOT NULL CHECK (fysiek_voorkomen IN ('gesloten verharding',
                              'open verharding', 'half verhard', 'onverhard', 'transitie')),
    plus_fysiek_voorkomen text,    -- asfalt, cementbeton, klinkers, ...
    bron                  text,
    geom                  geometry(MultiPolygon, 28992) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX bv_verharding_geom_idx ON bv_verharding USING gist (geom);

COMMENT ON TABLE bv_verharding IS
'Pavement layer after the BGT (wegdeel with fysiekVoorkomen): closed pavement (asphalt, concrete) warms the drinking-water pipes under it.';

SELECT pg_catalog.pg_extension_config_dump('bv_klic_levering', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_levering_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_utiliteitsnet', '');
SELECT pg_catalog.pg_extension_config_dump('bv_kabel_leiding', '');
SELECT pg_catalog.pg_extension_config_dump('bv_kabel_leiding_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_diepte', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_diepte_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_voorzorg', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_voorzorg_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_melding', '');
SELECT pg_catalog.pg_extension_config_dump('bv_klic_melding_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bv_verharding', '');
SELECT pg_catalog.pg_extension_config_dump('bv_verharding_id_seq', '');

-- ---------------------------------------------------------------- import

-- PARALLEL RESTRICTED: its EXCEPTION block is a subtransaction, which a
-- parallel worker cannot start.
CREATE FUNCTION bv_klic_geometrie(gml xml, feature text DEFAULT NULL)
RETURNS geometry
LANGUAGE plpgsql IMMUTABLE PARALLEL RESTRICTED COST 100 AS
$fn$
#variable_conflict use_column
DECLARE
    srs text;
    g   geometry;
BEGIN
    IF gml IS NULL THEN
        RETURN NULL;
    END IF;
    -- Every spelling of RD New (and RD New + NAP) is one CRS; anything else
    -- would silently land in the wrong place.
    FOR srs IN SELECT DISTINCT s::text FROM unnest(xpath('//@srsName', gml)) s LOOP
        IF srs !~* '^(urn:(x-)?ogc:def:crs:epsg:([0-9.]*:)?|epsg:|http://www\.opengis\.net/def/crs/epsg/[0-9.]+/|http://www\.opengis\.net/gml/srs/epsg\.xml#)(28992|7415)$' THEN
            RAISE EXCEPTION 'KLIC: geometry of % is in coordinate system "%"', coalesce(feature, '?'), srs
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'IMKL deliveries are in RD New (EPSG:28992); this file is not read.';
        END IF;
    END LOOP;
    BEGIN
        g := ST_Force2D(ST_GeomFromGML(regexp_replace(gml::text, '\ssrsName="[^"]*"', '', 'g'), 28992));
    EXCEPTION WHEN OTHERS THEN
        RAISE EXCEPTION 'KLIC: geometry of % cannot be read: %', coalesce(feature, '?'), SQLERRM
            USING ERRCODE = 'invalid_xml_content',
                  HINT = 'Only GML 3.2 points, lines (also gml:Curve with LineStringSegment), polygons and their multi forms are read.';
    END;
    RETURN g;
END
$fn$;

COMMENT ON FUNCTION bv_klic_geometrie(xml, text) IS
'One GML 3.2 geometry of an IMKL file as a PostGIS geometry in EPSG:28992 (2D). Accepts every srsName spelling of EPSG:28992/7415, gml:Curve with LineStringSegment, MultiSurface; refuses other CRSs and unreadable GML naming the feature.';

CREATE FUNCTION bv_klic_import(levering xml, bron text DEFAULT NULL)
RETURNS TABLE (levering_id integer, klic_meldnummer text, leveringsvolgnummer integer,
               status text, kabels_leidingen integer, diepten integer,
               voorzorgsgebieden integer, meldingen integer)
LANGUAGE plpgsql VOLATILE COST 100000 AS
$fn$
#variable_conflict use_column
DECLARE
    v_root      text;
    v_nimkl     integer;
    v_ns        text;
    v_versie    text;
    v_meld      text;
    v_volg      integer;
    v_datum     timestamptz;
    v_soort     text;
    v_aanvraag  text;
    v_graaf     geometry;
    v_orient    geometry;
    v_info      geometry;
    v_sha       text;
    v_id        integer;
    v_status    text;
    v_label     text;
BEGIN
    IF levering IS NULL THEN
        RAISE EXCEPTION 'KLIC: no delivery given (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF levering IS NOT DOCUMENT THEN
        RAISE EXCEPTION 'KLIC: the input is not one XML document' USING ERRCODE = 'invalid_xml_document',
            HINT = 'Pass the whole GI_gebiedsinformatielevering_*.xml file.';
    END IF;
    v_root := (xpath('concat(namespace-uri(/*), " ", local-name(/*))', levering))[1]::text;
    IF v_root <> 'http://www.opengis.net/gml/3.2 FeatureCollection' THEN
        RAISE EXCEPTION 'KLIC: not an IMKL file: the root element is "%", not a GML 3.2 FeatureCollection', v_root
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'A KLIC delivery is a GI_gebiedsinformatielevering_*.xml (IMKL 1.2.1, 2.0 or 3.0).';
    END IF;

    -- Staging: one row per feature, in file order.
    IF to_regclass('pg_temp.bv_klic_f') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_f;
    END IF;
    CREATE TEMP TABLE bv_klic_f ON COMMIT DROP AS
    SELECT t.volgnr, t.klasse, t.ns,
           coalesce(nullif(t.gml_id, ''), nullif(t.namespace, '') || '-' || nullif(t.lokaal_id, '')) AS imkl_id,
           coalesce(nullif(t.lokaal_id, ''), substring(t.gml_id FROM '^[^-]*-(.*)$'), t.gml_id) AS lokaal_id,
           nullif(regexp_replace(t.netwerk, '^.*#', ''), '') AS netwerk_id,
           t.node
      FROM XMLTABLE(XMLNAMESPACES('http://www.opengis.net/gml/3.2' AS gml,
                                  'http://www.w3.org/1999/xlink' AS xlink),
                    '/gml:FeatureCollection/gml:featureMember/* | /gml:FeatureCollection/gml:featureMembers/*'
                    PASSING levering
                    COLUMNS volgnr    FOR ORDINALITY,
                            klasse    text PATH 'local-name(.)',
                            ns        text PATH 'namespace-uri(.)',
                            gml_id    text PATH '@gml:id',
                            lokaal_id text PATH 'string((*[local-name()="inspireId"]/*/*[local-name()="localId"] | *[local-name()="identificatie"]/*/*[local-name()="lokaalID"])[1])',
                            namespace text PATH 'string((*[local-name()="inspireId"]/*/*[local-name()="namespace"] | *[local-name()="identificatie"]/*/*[local-name()="namespace"])[1])',
                            netwerk   text PATH 'string(*[local-name()="inNetwork"]/@xlink:href)',
                            node      xml  PATH '.') t;

    SELECT count(*), min(f.ns) INTO v_nimkl, v_ns FROM bv_klic_f f
     WHERE f.ns IN ('http://www.geostandaarden.nl/imkl/wibon',
                    'http://www.geostandaarden.nl/imkl/2015/wion/1.2');
    IF v_nimkl = 0 THEN
        RAISE EXCEPTION 'KLIC: not an IMKL file: no feature in an IMKL namespace'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'IMKL 2.0/3.0 features are in http://www.geostandaarden.nl/imkl/wibon, IMKL 1.2.1 in http://www.geostandaarden.nl/imkl/2015/wion/1.2.';
    END IF;
    v_versie := coalesce(
        substring((xpath('string(/*/@xsi:schemaLocation)', levering,
                         ARRAY[ARRAY['xsi', 'http://www.w3.org/2001/XMLSchema-instance']]))[1]::text
                  FROM 'gmlapplicatieschema/imkl(?:2015)?/([0-9][0-9a-z.]*)/'),
        CASE v_ns WHEN 'http://www.geostandaarden.nl/imkl/wibon' THEN '2.0' ELSE '1.2' END);

    -- The delivery itself.
    SELECT nullif(x.meld, ''), nullif(x.soort, '')
      INTO v_meld, v_aanvraag
      FROM bv_klic_f f,
           XMLTABLE(XMLNAMESPACES('http://www.w3.org/1999/xlink' AS xlink), '/*' PASSING f.node
                    COLUMNS meld  text PATH 'string(*[local-name()="klicMeldnummer"])',
                            soort text PATH 'string(*[local-name()="aanvraagSoort"]/@xlink:href)') x
     WHERE f.klasse = 'GebiedsinformatieAanvraag'
     ORDER BY f.volgnr LIMIT 1;
    SELECT nullif(x.volg, '')::integer, nullif(x.datum, '')::timestamptz
      INTO v_volg, v_datum
      FROM bv_klic_f f,
           XMLTABLE('/*' PASSING f.node
                    COLUMNS volg  text PATH 'string(*[local-name()="leveringsvolgnummer"])',
                            datum text PATH 'string(*[local-name()="datumLeveringSamengesteld"])') x
     WHERE f.klasse = 'GebiedsinformatieLevering'
     ORDER BY f.volgnr LIMIT 1;
    v_soort := CASE
        WHEN v_aanvraag ~ '(graafmelding|orientatieverzoek|calamiteitenmelding)$'
            THEN substring(v_aanvraag FROM '(graafmelding|orientatieverzoek|calamiteitenmelding)$')
        WHEN v_meld ~ '^[0-9]{2}G' THEN 'graafmelding'
        WHEN v_meld ~ '^[0-9]{2}O' THEN 'orientatieverzoek'
        WHEN v_meld ~ '^[0-9]{2}C' THEN 'calamiteitenmelding'
        WHEN v_meld IS NULL THEN 'netinformatie'
        ELSE 'onbekend' END;
    v_label := coalesce(v_meld || '-' || coalesce(v_volg::text, '?'), coalesce(bron, 'netinformatie'));

    v_sha := encode(sha256(convert_to(levering::text, 'UTF8')), 'hex');

    -- One import at a time, so that two sessions cannot both insert one delivery.
    LOCK TABLE bv_klic_levering IN SHARE ROW EXCLUSIVE MODE;
    SELECT l.id, CASE WHEN l.sha256 = v_sha THEN 'ongewijzigd' ELSE 'vervangen' END
      INTO v_id, v_status
      FROM bv_klic_levering l
     WHERE (v_meld IS NOT NULL AND l.klic_meldnummer = v_meld
            AND l.leveringsvolgnummer IS NOT DISTINCT FROM v_volg)
        OR (v_meld IS NULL AND l.klic_meldnummer IS NULL AND l.sha256 = v_sha);

    IF v_status = 'ongewijzigd' THEN
        RAISE NOTICE 'KLIC %: already imported, nothing changed', v_label;
        RETURN QUERY SELECT l.id, l.klic_meldnummer, l.leveringsvolgnummer, v_status,
               (SELECT count(*)::integer FROM bv_kabel_leiding k WHERE k.levering_id = l.id),
               (SELECT count(*)::integer FROM bv_klic_diepte d WHERE d.levering_id = l.id),
               (SELECT count(*)::integer FROM bv_klic_voorzorg v WHERE v.levering_id = l.id),
               (SELECT count(*)::integer FROM bv_klic_melding m WHERE m.levering_id = l.id)
          FROM bv_klic_levering l WHERE l.id = v_id;
        RETURN;
    END IF;

    -- Everything that can refuse the file (geometry, CRS) is read into
    -- temporary tables first, before any row (or sequence number) of ours is
    -- touched.

    -- Polygons of the request.
    SELECT ST_Multi(ST_Union(bv_klic_geometrie(g.gml, f.imkl_id))) INTO v_graaf
      FROM bv_klic_f f, XMLTABLE('/*/*[local-name()="geometrie"]/*' PASSING f.node COLUMNS gml xml PATH '.') g
     WHERE f.klasse = 'Graafpolygoon';
    SELECT ST_Multi(ST_Union(bv_klic_geometrie(g.gml, f.imkl_id))) INTO v_orient
      FROM bv_klic_f f, XMLTABLE('/*/*[local-name()="geometrie"]/*' PASSING f.node COLUMNS gml xml PATH '.') g
     WHERE f.klasse = 'Orientatiepolygoon';
    SELECT ST_Multi(ST_Union(bv_klic_geometrie(g.gml, f.imkl_id))) INTO v_info
      FROM bv_klic_f f, XMLTABLE('/*/*[local-name()="geometrie"]/*' PASSING f.node COLUMNS gml xml PATH '.') g
     WHERE f.klasse = 'Informatiepolygoon';

    -- Operators and networks.
    IF to_regclass('pg_temp.bv_klic_beheerder') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_beheerder;
    END IF;
    CREATE TEMP TABLE bv_klic_beheerder ON COMMIT DROP AS
    SELECT DISTINCT ON (x.code) x.code, nullif(x.naam, '') AS naam
      FROM bv_klic_f f,
           XMLTABLE('/*' PASSING f.node
                    COLUMNS code text PATH 'string(*[local-name()="bronhoudercode"])',
                            naam text PATH 'string(*[local-name()="organisatie"]/*/*[local-name()="naam"])') x
     WHERE f.klasse = 'Beheerder' AND x.code <> ''
     ORDER BY x.code, f.volgnr;

    IF to_regclass('pg_temp.bv_klic_net') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_net;
    END IF;
    CREATE TEMP TABLE bv_klic_net ON COMMIT DROP AS
    SELECT DISTINCT ON (f.imkl_id) f.imkl_id,
           nullif(regexp_replace(x.thema, '^.*/', ''), '') AS thema,
           split_part(f.lokaal_id, '.', 1) AS beheerder,
           nullif(x.diepte, '')::double precision AS diepte
      FROM bv_klic_f f,
           XMLTABLE(XMLNAMESPACES('http://www.w3.org/1999/xlink' AS xlink), '/*' PASSING f.node
                    COLUMNS thema  text PATH 'string(*[local-name()="thema"]/@xlink:href)',
                            diepte text PATH 'string(*[local-name()="standaardDieptelegging"])') x
     WHERE f.klasse = 'Utiliteitsnet' AND f.imkl_id IS NOT NULL
     ORDER BY f.imkl_id, f.volgnr;

    -- Line geometry of the UtilityLinks.
    IF to_regclass('pg_temp.bv_klic_link') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_link;
    END IF;
    CREATE TEMP TABLE bv_klic_link ON COMMIT DROP AS
    SELECT DISTINCT ON (f.imkl_id) f.imkl_id,
           ST_CollectionExtract(bv_klic_geometrie(g.gml, f.imkl_id), 2) AS geom
      FROM bv_klic_f f,
           XMLTABLE('/*/*[local-name()="centrelineGeometry"]/*' PASSING f.node COLUMNS gml xml PATH '.') g
     WHERE f.klasse = 'UtilityLink' AND f.imkl_id IS NOT NULL
     ORDER BY f.imkl_id, f.volgnr;
    CREATE INDEX ON pg_temp.bv_klic_link (imkl_id);
    ANALYZE pg_temp.bv_klic_link;

    -- Cables, pipes and containers, with their geometry assembled from the
    -- links they reference, in file order.
    IF to_regclass('pg_temp.bv_klic_kl') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_kl;
    END IF;
    CREATE TEMP TABLE bv_klic_kl ON COMMIT DROP AS
    SELECT DISTINCT ON (k.imkl_id) k.imkl_id, k.klasse, n.thema,
           split_part(k.lokaal_id, '.', 1) AS beheerder, b.naam AS beheerder_naam,
           k.netwerk_id, k.status, k.label, k.links,
           coalesce((SELECT array_agg(x.h ORDER BY x.n) FROM unnest(k.links) WITH ORDINALITY AS x(h, n)
                      WHERE NOT EXISTS (SELECT 1 FROM bv_klic_link l WHERE l.imkl_id = x.h)), '{}') AS ontbrekend,
           (SELECT ST_Multi(ST_CollectionExtract(ST_Collect(l.geom ORDER BY x.n), 2))
              FROM unnest(k.links) WITH ORDINALITY AS x(h, n)
              JOIN bv_klic_link l ON l.imkl_id = x.h
             WHERE NOT ST_IsEmpty(l.geom)) AS geom,
           n.imkl_id IS NOT NULL AS net_gevonden
      FROM (SELECT f.volgnr, f.imkl_id, f.klasse, f.lokaal_id, f.netwerk_id,
                   nullif(regexp_replace(a.status, '^.*/', ''), '') AS status,
                   nullif(a.label, '') AS label,
                   (SELECT coalesce(array_agg(regexp_replace(l.href, '^.*#', '') ORDER BY l.n), '{}')
                      FROM XMLTABLE(XMLNAMESPACES('http://www.w3.org/1999/xlink' AS xlink),
                                    '/*/*[local-name()="link"]' PASSING f.node
                                    COLUMNS n FOR ORDINALITY, href text PATH '@xlink:href') l
                     WHERE l.href <> '') AS links
              FROM bv_klic_f f,
                   XMLTABLE(XMLNAMESPACES('http://www.w3.org/1999/xlink' AS xlink), '/*' PASSING f.node
                            COLUMNS status text PATH 'string(*[local-name()="currentStatus"]/@xlink:href)',
                                    label  text PATH 'string(*[local-name()="label"])') a
             WHERE f.klasse IN ('Elektriciteitskabel', 'Telecommunicatiekabel', 'Waterleiding',
                                'Rioolleiding', 'OlieGasChemicalienPijpleiding', 'ThermischePijpleiding',
                                'Kabelbed', 'Duct', 'Mantelbuis', 'Overig')
               AND f.imkl_id IS NOT NULL) k
      LEFT JOIN bv_klic_net n ON n.imkl_id = k.netwerk_id
      LEFT JOIN bv_klic_beheerder b ON b.code = split_part(k.lokaal_id, '.', 1)
     ORDER BY k.imkl_id, k.volgnr;

    -- Depth objects.
    IF to_regclass('pg_temp.bv_klic_dp') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_dp;
    END IF;
    CREATE TEMP TABLE bv_klic_dp ON COMMIT DROP AS
    SELECT DISTINCT ON (f.imkl_id) f.imkl_id, f.klasse AS soort, split_part(f.lokaal_id, '.', 1) AS beheerder,
           f.netwerk_id, n.thema, x.peil, x.maaiveld,
           CASE f.klasse WHEN 'DiepteTovMaaiveld' THEN x.peil ELSE x.maaiveld - x.peil END AS diepte,
           nullif(regexp_replace(x.aangrijp, '^.*/', ''), '') AS aangrijpingspunt,
           nullif(regexp_replace(x.nauwk, '^.*/', ''), '') AS nauwkeurigheid,
           bv_klic_geometrie(x.ligging, f.imkl_id) AS geom
      FROM bv_klic_f f
      CROSS JOIN XMLTABLE(XMLNAMESPACES('http://www.w3.org/1999/xlink' AS xlink), '/*' PASSING f.node
                    COLUMNS peil     double precision PATH '*[local-name()="dieptePeil"]',
                            maaiveld double precision PATH '*[local-name()="maaiveldPeil"]',
                            aangrijp text PATH 'string(*[local-name()="diepteAangrijpingspunt"]/@xlink:href)',
                            nauwk    text PATH 'string(*[local-name()="diepteNauwkeurigheid"]/@xlink:href)',
                            ligging  xml  PATH '*[local-name()="ligging"]/*') x
      LEFT JOIN bv_klic_net n ON n.imkl_id = f.netwerk_id
     WHERE f.klasse IN ('DiepteTovMaaiveld', 'DiepteNAP') AND f.imkl_id IS NOT NULL
     ORDER BY f.imkl_id, f.volgnr;

    -- Precaution areas (Polygon or MultiSurface).
    IF to_regclass('pg_temp.bv_klic_vz') IS NOT NULL THEN
        DROP TABLE pg_temp.bv_klic_vz;
    END IF;
    CREATE TEMP TABLE bv_klic_vz ON COMMIT DROP AS
    SELECT DISTINCT ON (f.imkl_id) f.imkl_id, split_part(f.lokaal_id, '.', 1) AS beheerder, f.netwerk_id,
           n.thema, nullif(x.eis, '') AS eis, nullif(x.oms, '') AS omschrijving,
           bv_klic_geometrie(x.geom, f.imkl_id) AS geom
      FROM bv_klic_f f
      CROSS JOIN XMLTABLE('/*' PASSING f.node
                    COLUMNS eis  text PATH 'string(*[local-name()="eisVoorzorgsmaatregel"])',
                            oms  text PATH 'string(*[local-name()="netbeheerderNetOmschrijving"])',
                            geom xml  PATH '*[local-name()="geometrie"]/*') x
      LEFT JOIN bv_klic_net n ON n.imkl_id = f.netwerk_id
     WHERE f.klasse = 'AanduidingEisVoorzorgsmaatregel' AND f.imkl_id IS NOT NULL AND x.geom IS NOT NULL
     ORDER BY f.imkl_id, f.volgnr;

    -- Now the delivery itself: new, or replacing the earlier import.
    IF v_id IS NULL THEN
        INSERT INTO bv_klic_levering AS l (klic_meldnummer, leveringsvolgnummer, soort, imkl_versie,
                    datum, polygoon_soort, geom, informatiepolygoon, bron, sha256)
        VALUES (v_meld, v_volg, v_soort, v_versie, v_datum,
                CASE WHEN v_graaf IS NOT NULL THEN 'graafpolygoon'
                     WHEN v_orient IS NOT NULL THEN 'orientatiepolygoon' END,
                coalesce(v_graaf, v_orient), v_info, bron, v_sha)
        RETURNING l.id INTO v_id;
        v_status := 'nieuw';
    ELSE
        DELETE FROM bv_kabel_leiding k WHERE k.levering_id = v_id;
        DELETE FROM bv_klic_diepte d WHERE d.levering_id = v_id;
        DELETE FROM bv_klic_voorzorg v WHERE v.levering_id = v_id;
        DELETE FROM bv_klic_melding m WHERE m.levering_id = v_id;
        DELETE FROM bv_klic_utiliteitsnet u WHERE u.levering_id = v_id;
        UPDATE bv_klic_levering l
           SET soort = v_soort, imkl_versie = v_versie, datum = v_datum,
               polygoon_soort = CASE WHEN v_graaf IS NOT NULL THEN 'graafpolygoon'
                                     WHEN v_orient IS NOT NULL THEN 'orientatiepolygoon' END,
               geom = coalesce(v_graaf, v_orient), informatiepolygoon = v_info,
               bron = coalesce(bv_klic_import.bron, l.bron), sha256 = v_sha, geimporteerd = now()
         WHERE l.id = v_id;
        RAISE NOTICE 'KLIC %: content differs from the earlier import; replaced', v_label;
    END IF;

    INSERT INTO bv_klic_utiliteitsnet (levering_id, imkl_id, thema, beheerder, standaard_dieptelegging_m)
    SELECT v_id, n.imkl_id, n.thema, n.beheerder, n.diepte FROM bv_klic_net n;

    INSERT INTO bv_kabel_leiding (levering_id, imkl_id, klasse, thema, beheerder, beheerder_naam,
                                  netwerk_id, status, label, links, ontbrekende_links, geom)
    SELECT v_id, k.imkl_id, k.klasse, k.thema, k.beheerder, k.beheerder_naam, k.netwerk_id,
           k.status, k.label, k.links, k.ontbrekend, k.geom
      FROM bv_klic_kl k ORDER BY k.imkl_id;

    INSERT INTO bv_klic_diepte (levering_id, imkl_id, soort, beheerder, netwerk_id, thema, peil_m,
                                maaiveld_nap, diepte_m, aangrijpingspunt, nauwkeurigheid, geom)
    SELECT v_id, d.imkl_id, d.soort, d.beheerder, d.netwerk_id, d.thema, d.peil, d.maaiveld,
           d.diepte, d.aangrijpingspunt, d.nauwkeurigheid, d.geom
      FROM bv_klic_dp d ORDER BY d.imkl_id;

    INSERT INTO bv_klic_voorzorg (levering_id, imkl_id, beheerder, netwerk_id, thema, eis, omschrijving, geom)
    SELECT v_id, z.imkl_id, z.beheerder, z.netwerk_id, z.thema, z.eis, z.omschrijving,
           ST_Multi(ST_CollectionExtract(ST_MakeValid(z.geom), 3))
      FROM bv_klic_vz z ORDER BY z.imkl_id;

    -- What was noticed but not refused.
    INSERT INTO bv_klic_melding (levering_id, imkl_id, soort, detail)
    SELECT v_id, NULL, 'zonder_id', f.klasse || ' #' || f.volgnr
      FROM bv_klic_f f
     WHERE f.imkl_id IS NULL
       AND f.klasse NOT IN ('Envelope', 'GebiedsinformatieLevering', 'GebiedsinformatieAanvraag');
    INSERT INTO bv_klic_melding (levering_id, imkl_id, soort, detail)
    SELECT v_id, k.imkl_id, 'ontbrekende_link', h
      FROM bv_klic_kl k, unnest(k.ontbrekend) WITH ORDINALITY AS x(h, n)
     ORDER BY k.imkl_id, x.n;
    INSERT INTO bv_klic_melding (levering_id, imkl_id, soort, detail)
    SELECT v_id, k.imkl_id, 'ontbrekend_netwerk', coalesce(k.netwerk_id, '(geen inNetwork)')
      FROM bv_klic_kl k WHERE NOT k.net_gevonden ORDER BY k.imkl_id;
    INSERT INTO bv_klic_melding (levering_id, imkl_id, soort, detail)
    SELECT v_id, z.imkl_id, 'geometrie_hersteld', ST_IsValidReason(z.geom)
      FROM bv_klic_vz z WHERE NOT ST_IsValid(z.geom) ORDER BY z.imkl_id;

    SELECT count(*) INTO v_nimkl FROM bv_klic_melding m
     WHERE m.levering_id = v_id AND m.soort = 'ontbrekende_link';
    IF v_nimkl > 0 THEN
        RAISE WARNING 'KLIC %: % link(s) point to ids missing from the file (see bv_klic_melding)', v_label, v_nimkl;
    END IF;

    RETURN QUERY SELECT l.id, l.klic_meldnummer, l.leveringsvolgnummer, v_status,
           (SELECT count(*)::integer FROM bv_kabel_leiding k WHERE k.levering_id = l.id),
           (SELECT count(*)::integer FROM bv_klic_diepte d WHERE d.levering_id = l.id),
           (SELECT count(*)::integer FROM bv_klic_voorzorg v WHERE v.levering_id = l.id),
           (SELECT count(*)::integer FROM bv_klic_melding m WHERE m.levering_id = l.id)
      FROM bv_klic_levering l WHERE l.id = v_id;
END
$fn$;

COMMENT ON FUNCTION bv_klic_import(xml, text) IS
'Imports one KLIC delivery (IMKL 1.2.1, 2.0 or 3.0 GML document) into bv_klic_levering, bv_kabel_leiding, bv_klic_diepte, bv_klic_voorzorg and bv_klic_melding. Same content again = no change; same KLIC number and sequence with other content = replaced. Refuses non-IMKL XML.';

CREATE FUNCTION bv_klic_import_bestand(bestand bytea, bron text DEFAULT NULL)
RETURNS TABLE (levering_id integer, klic_meldnummer text, leveringsvolgnummer integer,
               status text, kabels_leidingen integer, diepten integer,
               voorzorgsgebieden integer, meldingen integer)
LANGUAGE plpgsql VOLATILE COST 100000 AS
$fn$
#variable_conflict use_column
DECLARE
    enc  text;
    doc  xml;
BEGIN
    IF bestand IS NULL THEN
        RAISE EXCEPTION 'KLIC: no file given (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- The file's bytes in the encoding its XML declaration names (UTF-8 if none).
    enc := coalesce(substring(encode(substring(bestand FROM 1 FOR 200), 'escape')
                              FROM '^\s*<\?xml[^>]*encoding\s*=\s*["'']([A-Za-z0-9._-]+)["'']'), 'UTF-8');
    IF pg_char_to_encoding(enc) < 0 THEN
        RAISE EXCEPTION 'KLIC: file % declares the unknown encoding "%"', coalesce(bron, ''), enc
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        doc := XMLPARSE(DOCUMENT regexp_replace(convert_from(bestand, enc), '^\s*<\?xml[^>]*\?>', ''));
    EXCEPTION
        WHEN invalid_xml_document OR invalid_xml_content OR character_not_in_repertoire
             OR untranslatable_character THEN
            RAISE EXCEPTION 'KLIC: file % is not well-formed XML (truncated or damaged?): %',
                            coalesce(bron, ''), SQLERRM
                USING ERRCODE = 'invalid_xml_document',
                      HINT = 'Request the delivery again, or check that the download finished.';
    END;
    RETURN QUERY SELECT * FROM bv_klic_import(doc, bron);
END
$fn$;

COMMENT ON FUNCTION bv_klic_import_bestand(bytea, text) IS
'bv_klic_import on the raw bytes of a GI_gebiedsinformatielevering_*.xml file, decoded by the encoding its XML declaration names. Refuses damaged or truncated files with a clear message.';

-- ---------------------------------------------------------------- current network

-- "Newest" = latest delivery date, then sequence number, then import id.
-- Written as NOT EXISTS rather than DISTINCT ON, so that a spatial condition
-- on the view still uses the GiST index of bv_kabel_leiding.
CREATE VIEW bv_kabel_leiding_actueel AS
SELECT k.id, k.levering_id, k.imkl_id, k.klasse, k.thema, k.beheerder, k.beheerder_naam,
       k.netwerk_id, k.status, k.label, k.geom,
       l.klic_meldnummer, l.leveringsvolgnummer, l.datum
  FROM bv_kabel_leiding k
  JOIN bv_klic_levering l ON l.id = k.levering_id
 WHERE NOT EXISTS (
        SELECT 1 FROM bv_kabel_leiding k2 JOIN bv_klic_levering l2 ON l2.id = k2.levering_id
         WHERE k2.imkl_id = k.imkl_id AND k2.levering_id <> k.levering_id
           AND (coalesce(l2.datum, '-infinity'), coalesce(l2.leveringsvolgnummer, -1), l2.id)
             > (coalesce(l.datum, '-infinity'), coalesce(l.leveringsvolgnummer, -1), l.id));

COMMENT ON VIEW bv_kabel_leiding_actueel IS
'The current network: each cable, pipe or container (by gml:id) once, from the newest delivery that holds it (date, then sequence number, then import).';

CREATE INDEX bv_klic_voorzorg_imkl_id_idx ON bv_klic_voorzorg (imkl_id);

CREATE VIEW bv_klic_voorzorg_actueel AS
SELECT v.id, v.levering_id, v.imkl_id, v.beheerder, v.netwerk_id, v.thema, v.eis, v.omschrijving,
       v.geom, l.klic_meldnummer, l.leveringsvolgnummer
  FROM bv_klic_voorzorg v
  JOIN bv_klic_levering l ON l.id = v.levering_id
 WHERE NOT EXISTS (
        SELECT 1 FROM bv_klic_voorzorg v2 JOIN bv_klic_levering l2 ON l2.id = v2.levering_id
         WHERE v2.imkl_id = v.imkl_id AND v2.levering_id <> v.levering_id
           AND (coalesce(l2.datum, '-infinity'), coalesce(l2.leveringsvolgnummer, -1), l2.id)
             > (coalesce(l.datum, '-infinity'), coalesce(l.leveringsvolgnummer, -1), l.id));

COMMENT ON VIEW bv_klic_voorzorg_actueel IS
'The current precaution areas: each once, from the newest delivery that holds it.';

-- Styling per KLIC theme (our choice of colours, after the usual KLIC map colours).
CREATE VIEW bv_klic_netwerk_kaart AS
SELECT a.id, a.imkl_id, a.klasse, a.thema,
       coalesce(s.naam, a.thema, 'onbekend') AS thema_naam,
       a.beheerder, a.beheerder_naam, a.status, a.label,
       a.klic_meldnummer, a.leveringsvolgnummer,
       coalesce(s.kleur, '#808080') AS kleur,
       CASE WHEN a.klasse IN ('Kabelbed', 'Duct', 'Mantelbuis') THEN 3.0 ELSE 1.5 END AS lijndikte,
       CASE WHEN a.status IN ('disused', 'decommissioned', 'projected', 'underConstruction')
            THEN 'gestreept' ELSE 'doorgetrokken' END AS lijnstijl,
       a.klasse IN ('Kabelbed', 'Duct', 'Mantelbuis') AS omhulling,
       coalesce(s.volgorde, 99) AS tekenvolgorde,
       ST_Length(a.geom) AS lengte_m,
       a.geom
  FROM bv_kabel_leiding_actueel a
  LEFT JOIN (VALUES
        ('buisleidingGevaarlijkeInhoud', 'Buisleiding gevaarlijke inhoud', '#FF7F00', 1),
        ('gasHogeDruk',                  'Gas hoge druk',                  '#FFAA00', 2),
        ('gasLageDruk',                  'Gas lage druk',                  '#FFD700', 3),
        ('landelijkHoogspanningsnet',    'Landelijk hoogspanningsnet',     '#FF0000', 4),
        ('hoogspanning',                 'Hoogspanning',                   '#FF0000', 5),
        ('middenspanning',               'Middenspanning',                 '#C80000', 6),
        ('laagspanning',                 'Laagspanning',                   '#960000', 7),
        ('water',                        'Water',                          '#0000FF', 8),
        ('warmte',                       'Warmte',                         '#FF00FF', 9),
        ('rioolVrijverval',              'Riool vrijverval',               '#AA00AA', 10),
        ('rioolOnderOverOfOnderdruk',    'Riool onder over- of onderdruk', '#AA00AA', 11),
        ('petrochemie',                  '(Petro)chemie',                  '#B45A00', 12),
        ('datatransport',                'Datatransport',                  '#00A000', 13),
        ('overig',                       'Overig',                         '#808080', 14),
        ('wees',                         'Wees',                           '#808080', 15)
       ) AS s(thema, naam, kleur, volgorde) ON s.thema = a.thema
 WHERE a.geom IS NOT NULL;

COMMENT ON VIEW bv_klic_netwerk_kaart IS
'GeoServer/MapServer-ready layer of the current network: one line per cable, pipe or container with theme colour (kleur, #RRGGBB), lijndikte, lijnstijl and tekenvolgorde for SLD styling.';

-- ---------------------------------------------------------------- checks

CREATE FUNCTION bv_graafcheck(graafpolygoon geometry, marge_m double precision DEFAULT 1.0)
RETURNS TABLE (soort text, object_id text, omschrijving text, klasse text, thema text,
               beheerder text, afstand_m double precision, binnen boolean,
               lengte_binnen_m double precision, oppervlak_binnen_m2 double precision,
               bron text, geom geometry)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 10000 ROWS 20 AS
$fn$
#variable_conflict use_column
DECLARE
    g geometry;
BEGIN
    IF marge_m IS NULL OR marge_m = 'NaN' OR marge_m < 0 OR marge_m = 'Infinity' THEN
        RAISE EXCEPTION 'bv_graafcheck: marge_m must be a finite number >= 0, got %', marge_m
            USING ERRCODE = 'invalid_parameter_value', HINT = 'The default margin is 1 m.';
    END IF;
    g := ST_Force2D(bv_invoer(graafpolygoon));
    IF ST_IsEmpty(g) THEN
        RETURN;
    END IF;
    IF NOT ST_IsValid(g) THEN
        RAISE EXCEPTION 'bv_graafcheck: the dig polygon is not valid: %', ST_IsValidReason(g)
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Repair it with ST_MakeValid(geom).';
    END IF;
    IF ST_SRID(g) = 0 THEN
        g := ST_SetSRID(g, 28992);
    ELSIF ST_SRID(g) <> 28992 THEN
        g := ST_Transform(g, 28992);
    END IF;

    RETURN QUERY
    -- cables and pipes inside or within the margin
    SELECT 'kabel_leiding'::text, k.imkl_id, k.klasse || coalesce(' ' || k.label, ''),
           k.klasse, k.thema, k.beheerder, ST_Distance(k.geom, g),
           ST_Intersects(k.geom, g), ST_Length(ST_Intersection(k.geom, g)), NULL::double precision,
           'KLIC ' || coalesce(k.klic_meldnummer || '-' || coalesce(k.leveringsvolgnummer::text, '?'), 'netinformatie')
               || ' (' || k.beheerder || coalesce(' ' || k.beheerder_naam, '') || ')',
           k.geom::geometry
      FROM bv_kabel_leiding_actueel k
     WHERE ST_DWithin(k.geom, g, marge_m)
    UNION ALL
    -- precaution areas of the operators
    SELECT 'voorzorgsmaatregel', v.imkl_id, coalesce(v.eis, '') || coalesce(' ' || v.omschrijving, ''),
           'AanduidingEisVoorzorgsmaatregel', v.thema, v.beheerder, ST_Distance(v.geom, g),
           ST_Intersects(v.geom, g), NULL, ST_Area(ST_Intersection(v.geom, g)),
           'KLIC ' || coalesce(v.klic_meldnummer || '-' || coalesce(v.leveringsvolgnummer::text, '?'), 'netinformatie')
               || ' (' || v.beheerder || ')',
           v.geom::geometry
      FROM bv_klic_voorzorg_actueel v
     WHERE ST_DWithin(v.geom, g, marge_m)
    UNION ALL
    -- contamination: contours, and sources as the standard 150 m plume circle
    SELECT 'verontreiniging', c.id::text, c.naam || ' (' || c.status || ')',
           GeometryType(c.geom), NULL, NULL, ST_Distance(c.pluim, g), true,
           NULL, ST_Area(ST_Intersection(c.pluim, g)),
           coalesce(c.bron, 'bv_verontreiniging ' || c.id), c.pluim
      FROM (SELECT v.*, CASE WHEN GeometryType(v.geom) = 'POINT' THEN bv_pluim(v.geom)
                             ELSE v.geom END AS pluim
              FROM bv_verontreiniging v
             WHERE v.status <> 'gesaneerd' AND ST_DWithin(v.geom, g, 150)) c
     WHERE ST_Intersects(c.pluim, g)
    UNION ALL
    -- archaeology and main route reservations
    SELECT b.soort, b.id::text, b.naam, NULL, NULL, NULL, 0::double precision, true,
           NULL, ST_Area(ST_Intersection(b.geom, g)),
           coalesce(b.bron, 'bv_beleidsgebied ' || b.id), b.geom::geometry
      FROM bv_beleidsgebied b
     WHERE b.soort IN ('archeologie', 'hoofdtrace') AND ST_Intersects(b.geom, g)
    ORDER BY 1, 7, 2;
END
$fn$;

COMMENT ON FUNCTION bv_graafcheck(geometry, double precision) IS
'Everything that matters where someone will dig (module 1): current cables and pipes inside the dig polygon or within marge_m metres, precaution areas, contamination (a point source as the 150 m plume circle; remediated ones left out), archaeology areas and main route reservations, each with its source.';

CREATE FUNCTION bv_graafcheck_levering(levering_id integer, marge_m double precision DEFAULT 1.0)
RETURNS TABLE (soort text, object_id text, omschrijving text, klasse text, thema text,
               beheerder text, afstand_m double precision, binnen boolean,
               lengte_binnen_m double precision, oppervlak_binnen_m2 double precision,
               bron text, geom geometry)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 10000 ROWS 20 AS
$fn$
#variable_conflict use_column
DECLARE
    poly geometry;
BEGIN
    SELECT l.geom INTO poly FROM bv_klic_levering l WHERE l.id = levering_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'bv_graafcheck_levering: no KLIC delivery with id %', levering_id
            USING ERRCODE = 'no_data_found', HINT = 'See SELECT id, klic_meldnummer FROM bv_klic_levering.';
    END IF;
    IF poly IS NULL THEN
        RAISE EXCEPTION 'bv_graafcheck_levering: KLIC delivery % has no dig or orientation polygon', levering_id
            USING ERRCODE = 'no_data_found';
    END IF;
    RETURN QUERY SELECT * FROM bv_graafcheck(poly, marge_m);
END
$fn$;

COMMENT ON FUNCTION bv_graafcheck_levering(integer, double precision) IS
'bv_graafcheck on the dig (or orientation) polygon of an imported KLIC delivery (bv_klic_levering.id).';

CREATE FUNCTION bv_drinkwater_onder_verharding(
        fysiek_voorkomen text[] DEFAULT ARRAY['gesloten verharding'],
        min_lengte_m double precision DEFAULT 0)
RETURNS TABLE (kabel_leiding_id integer, imkl_id text, beheerder text, beheerder_naam text,
               label text, lengte_m double precision, lengte_onder_verharding_m double precision,
               aandeel double precision, bron text, geom geometry)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 10000 AS
$fn$
#variable_conflict use_column
BEGIN
    IF min_lengte_m = 'NaN' OR min_lengte_m < 0 THEN
        RAISE EXCEPTION 'bv_drinkwater_onder_verharding: min_lengte_m must be >= 0, got %', min_lengte_m
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    SELECT w.id, w.imkl_id, w.beheerder, w.beheerder_naam, w.label,
           ST_Length(w.geom), ST_Length(w.onder), ST_Length(w.onder) / nullif(ST_Length(w.geom), 0),
           'KLIC ' || coalesce(w.klic_meldnummer || '-' || coalesce(w.leveringsvolgnummer::text, '?'), 'netinformatie'),
           w.onder
      FROM (SELECT k.*,
                   ST_Multi(ST_CollectionExtract(ST_Intersection(k.geom,
                       (SELECT ST_Union(v.geom) FROM bv_verharding v
                         WHERE v.fysiek_voorkomen = ANY (bv_drinkwater_onder_verharding.fysiek_voorkomen)
                           AND ST_Intersects(v.geom, k.geom))), 2)) AS onder
              FROM bv_kabel_leiding_actueel k
             WHERE k.klasse = 'Waterleiding' AND coalesce(k.thema, 'water') = 'water'
               AND k.geom IS NOT NULL
               AND EXISTS (SELECT 1 FROM bv_verharding v
                            WHERE v.fysiek_voorkomen = ANY (bv_drinkwater_onder_verharding.fysiek_voorkomen)
                              AND ST_Intersects(v.geom, k.geom))) w
     WHERE ST_Length(w.onder) > 0 AND ST_Length(w.onder) >= min_lengte_m
     ORDER BY ST_Length(w.onder) DESC, w.imkl_id;
END
$fn$;

COMMENT ON FUNCTION bv_drinkwater_onder_verharding(text[], double precision) IS
'Per current drinking-water pipe (Waterleiding, theme water): its length under pavement of the given BGT fysiekVoorkomen classes (default closed pavement), the warming problem the water company raised.';

CREATE FUNCTION bv_hoofdtrace_check(afstand_m double precision DEFAULT 10,
                                    min_lengte_m double precision DEFAULT 25)
RETURNS TABLE (hoofdtrace_id integer, hoofdtrace text, beheerder text, beheerder_naam text,
               aantal integer, lengte_m double precision, klassen text[], imkl_ids text[],
               geom geometry)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 10000 AS
$fn$
#variable_conflict use_column
BEGIN
    IF afstand_m = 'NaN' OR afstand_m <= 0 OR afstand_m = 'Infinity' THEN
        RAISE EXCEPTION 'bv_hoofdtrace_check: afstand_m must be a finite number > 0, got %', afstand_m
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF min_lengte_m = 'NaN' OR min_lengte_m < 0 OR min_lengte_m = 'Infinity' THEN
        RAISE EXCEPTION 'bv_hoofdtrace_check: min_lengte_m must be a finite number >= 0, got %', min_lengte_m
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH stuk AS (
        -- the pieces of each cable outside the corridor but within afstand_m of it
        SELECT h.id AS hid, h.naam, k.imkl_id, k.klasse, k.beheerder, k.beheerder_naam, d.geom
          FROM bv_beleidsgebied h
          JOIN bv_kabel_leiding_actueel k ON ST_DWithin(k.geom, h.geom, afstand_m)
          CROSS JOIN LATERAL ST_Dump(ST_LineMerge(ST_CollectionExtract(
                 ST_Intersection(ST_Difference(k.geom, h.geom), ST_Buffer(h.geom, afstand_m)), 2))) d
         WHERE h.soort = 'hoofdtrace'
    )
    SELECT s.hid, s.naam, s.beheerder, min(s.beheerder_naam),
           count(DISTINCT s.imkl_id)::integer, sum(ST_Length(s.geom)),
           array_agg(DISTINCT s.klasse ORDER BY s.klasse), array_agg(DISTINCT s.imkl_id ORDER BY s.imkl_id),
           ST_Multi(ST_Collect(s.geom ORDER BY s.imkl_id))
      FROM stuk s
     WHERE ST_Length(s.geom) >= min_lengte_m AND ST_Length(s.geom) > 0
     GROUP BY s.hid, s.naam, s.beheerder
     ORDER BY s.hid, s.beheerder;
END
$fn$;

COMMENT ON FUNCTION bv_hoofdtrace_check(double precision, double precision) IS
'Cables and pipes of the current network laid outside a reserved main route (bv_beleidsgebied soort hoofdtrace) where they run parallel to it: pieces outside the corridor, within afstand_m of it, at least min_lengte_m long; per main route and operator.';
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
