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
