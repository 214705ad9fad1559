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

CREATE FUNCTION bv_primair_vereist(handeling text)
RETURNS void
LANGUAGE plpgsql PARALLEL SAFE COST 1
AS $fn$
BEGIN
    IF pg_catalog.pg_is_in_recovery() THEN
        RAISE EXCEPTION '%: this server is a read-only standby', handeling
              USING ERRCODE = 'read_only_sql_transaction',
                    HINT = 'Run it on the primary; the standby receives the result by replication.';
    END IF;
END
$fn$;

COMMENT ON FUNCTION bv_primair_vereist(text) IS
'Raises SQLSTATE 25006 "<handeling>: this server is a read-only standby" (hint: run it on the primary) when called on a hot standby; does nothing on a primary. Called first by every function that writes (imports, bv_kaart_verversen).';
