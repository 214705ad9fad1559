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

-- A location as the checks read it: through bv_invoer (which refuses
-- curves, NaN, geographic SRIDs, ... with a hint), not empty, valid, in RD
-- New (SRID 0 = RD New coordinates, another metric CRS transformed), 2D.
CREATE FUNCTION bv_locatie_rd(locatie geometry, naam text)
RETURNS geometry
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 100
AS $fn$
DECLARE
    g geometry;
BEGIN
    IF locatie IS NULL THEN
        RAISE EXCEPTION '% must not be NULL', naam
              USING ERRCODE = 'null_value_not_allowed',
                    HINT = 'Give the location (point, multipoint or plot polygon) in RD New, SRID 28992.';
    END IF;
    g := bv_invoer(locatie);
    IF ST_IsEmpty(g) THEN
        RAISE EXCEPTION '% is empty', naam
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Give a point, multipoint or polygon with coordinates.';
    END IF;
    IF NOT ST_IsValid(g) THEN
        RAISE EXCEPTION '% is not a valid geometry', naam
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Repair it first, e.g. ST_MakeValid(' || naam || ').';
    END IF;
    g := CASE WHEN ST_SRID(g) = 0 THEN ST_SetSRID(g, 28992)
              WHEN ST_SRID(g) = 28992 THEN g
              ELSE ST_Transform(g, 28992) END;
    IF ST_NDims(g) > 2 THEN
        g := ST_Force2D(g);
    END IF;
    RETURN g;
END
$fn$;

COMMENT ON FUNCTION bv_locatie_rd(geometry, text) IS
'A location as the checks read it: refused with a hint when NULL, empty, invalid or unreadable (bv_invoer: curves, NaN, geographic or non-metric SRIDs), else in RD New (SRID 0 is read as RD New, another metric CRS is transformed) and 2D. naam is the parameter name the error messages use.';
