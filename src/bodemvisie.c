/*-------------------------------------------------------------------------
 *
 * bodemvisie.c
 *	  Module-level SQL functions: versions, and the input check that every
 *	  geometry of bodemvisie passes (also a handy pre-flight for user data).
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(bv_invoer);
PG_FUNCTION_INFO_V1(bv_geos_version);

/*
 * bv_invoer(geom) -> geometry
 *
 * The geometry as bodemvisie reads it: through EWKB into GEOS and back.
 * Refuses exactly what bv_geom_read refuses for every analysis (malformed
 * EWKB, curves, non-finite or out-of-range coordinates, geographic or
 * non-metric SRIDs); returns what the analyses see: Z kept, M dropped.
 */
Datum
bv_invoer(PG_FUNCTION_ARGS)
{
	BvGeomIO   *io = &bv_call_cache(fcinfo, false)->io;
	BvGeosPool *pool;
	BvGeomInfo	info;
	GEOSGeometry *geom;
	Datum		result;

	pool = bv_pool_create(CurrentMemoryContext, 1);
	geom = bv_pool_geom(pool, bv_geom_read(io, PG_GETARG_DATUM(0), "geom", &info));
	result = bv_geom_write(io, geom, info.srid);
	bv_pool_release(pool);
	PG_RETURN_DATUM(result);
}

/* bv_geos_version() -> text: the GEOS library this module runs with. */
Datum
bv_geos_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(GEOSversion()));
}
