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
'The geometry as bodemvisie reads it (through EWKB and GEOS): Z kept, M dropped (the analyses are 2D). Raises the same error an analysis would for curves, NaN or infinite coordinates, |x| or |y| above 1e9 m, malformed EWKB, geographic, non-metric or unknown SRIDs.';
