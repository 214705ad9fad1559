-- Depth zoning: doc/beleid.md sections 0-4 and 11.

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

CREATE FUNCTION bv_dieptemodel(OUT indeling text, OUT naam text,
                               OUT van_m double precision, OUT tot_m double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'bv_dieptemodel'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1 ROWS 20;

COMMENT ON FUNCTION bv_dieptemodel() IS
'The depth model as rows: every band of the layers (laag), the provincial 3D zones (zone_3d), the deep formations of table 2.2 (formatie) and the uses suited to each depth (functie), from van_m to tot_m metres below ground level (a boundary belongs to the deeper band; tot_m NULL = no bottom). The same numbers bv_zone_for_depth uses; the map''s depth bands and the rulebook read them here.';

CREATE FUNCTION bv_dieptemodel(maaiveld_nap double precision, OUT indeling text, OUT naam text,
                               OUT van_m double precision, OUT tot_m double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'bv_dieptemodel_nap'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1 ROWS 30;

COMMENT ON FUNCTION bv_dieptemodel(double precision) IS
'As bv_dieptemodel(), plus the hydrological units of table 2.1 (indeling ''eenheid'': wvp1 .. basis) as depth bands for a location with ground level maaiveld_nap (m NAP), clipped to 0-500 m-mv.';
