/*-------------------------------------------------------------------------
 *
 * geom_bridge.c
 *	  PostGIS geometry <-> GEOS, through the geometry type's own binary
 *	  send/receive functions (EWKB, with SRID).
 *
 * Debian ships no liblwgeom for PostGIS 3, so we never look inside the
 * GSERIALIZED format: the catalog tells us the type's send/recv functions,
 * which work whatever schema PostGIS is installed in.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include <math.h>

static GEOSWKBReader *wkb_reader = NULL;
static GEOSWKBWriter *wkb_writer = NULL;

void
bv_geomio_init(BvGeomIO *io, FunctionCallInfo fcinfo, int argno,
			   MemoryContext mcxt)
{
	Oid			sendfn;
	Oid			recvfn;
	bool		isvarlena;

	io->typid = get_fn_expr_argtype(fcinfo->flinfo, argno);
	if (!OidIsValid(io->typid))
		elog(ERROR, "could not determine the geometry type of argument %d", argno + 1);
	getTypeBinaryOutputInfo(io->typid, &sendfn, &isvarlena);
	getTypeBinaryInputInfo(io->typid, &recvfn, &io->recv_ioparam);
	fmgr_info_cxt(sendfn, &io->send_fn, mcxt);
	fmgr_info_cxt(recvfn, &io->recv_fn, mcxt);
}

BvCallCache *
bv_call_cache(FunctionCallInfo fcinfo, bool composite)
{
	BvCallCache *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;

		cache = MemoryContextAllocZero(mcxt, sizeof(BvCallCache));
		bv_geomio_init(&cache->io, fcinfo, 0, mcxt);
		if (composite)
		{
			TupleDesc	tupdesc;
			MemoryContext oldcxt;

			if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
				elog(ERROR, "function must return a composite type");
			oldcxt = MemoryContextSwitchTo(mcxt);
			cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
			MemoryContextSwitchTo(oldcxt);
		}
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static void
refuse_type(int wkb_type, const char *argname)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s: geometry type %s is not supported", argname,
					bv_ewkb_type_name(wkb_type)),
			 errhint("Curved geometries can be linearised with ST_CurveToLine(geom); "
					 "polyhedral surfaces and TINs have no meaning here.")));
}

static const char *
ordinate_text(double v, char *buf, size_t size)
{
	if (isnan(v))
		return "NaN";
	if (isinf(v))
		return v > 0 ? "Infinity" : "-Infinity";
	snprintf(buf, size, "%g", v);
	return buf;
}

/*
 * Report what bv_ewkb_inspect refused.  The SRID is checked first for
 * coordinate problems, so a geographic geometry is told to transform.
 */
static void
refuse_ewkb(BvEwkbStatus st, const BvEwkbInfo *e, const char *argname)
{
	char		buf[64];

	switch (st)
	{
		case BV_EWKB_OK:
			return;
		case BV_EWKB_UNSUPPORTED_TYPE:
			refuse_type(e->bad_type, argname);
			break;
		case BV_EWKB_TOO_DEEP:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s: geometry collections nested more than %d deep",
							argname, BV_EWKB_MAX_DEPTH),
					 errhint("Flatten the collection, e.g. ST_CollectionExtract(geom) or ST_Dump(geom).")));
			break;
		case BV_EWKB_NOT_FINITE:
			bv_srid_check(e->srid, argname);
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s: coordinate %llu has a non-finite value %s", argname,
							(unsigned long long) e->bad_point,
							ordinate_text(e->bad_value, buf, sizeof(buf))),
					 errhint("Coordinates must be finite numbers in metres; "
							 "an empty point is POINT EMPTY.")));
			break;
		case BV_EWKB_OUT_OF_RANGE:
			bv_srid_check(e->srid, argname);
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s: coordinate %llu has a value %s beyond the accepted %.0e m",
							argname, (unsigned long long) e->bad_point,
							ordinate_text(e->bad_value, buf, sizeof(buf)), BV_MAX_COORD_M),
					 errhint("Coordinates are metres in a projected CRS (RD New: x 0 to 300000, "
							 "y 300000 to 625000); check the units and the SRID.")));
			break;
		case BV_EWKB_MALFORMED:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("%s: malformed EWKB near byte %zu", argname, e->bad_offset),
					 errhint("Pass a PostGIS geometry; this one was not built by PostGIS.")));
			break;
	}
}

GEOSGeometry *
bv_geom_read_max(BvGeomIO *io, Datum datum, const char *argname,
				 BvGeomInfo *info, uint64 max_points, const char *what,
				 const char *hint)
{
	GEOSContextHandle_t h = bv_geos();
	bytea	   *ewkb;
	const unsigned char *p;
	size_t		len;
	BvEwkbInfo	e;
	BvEwkbStatus st;
	GEOSGeometry *geom;

	ewkb = DatumGetByteaPP(SendFunctionCall(&io->send_fn, datum));
	p = (const unsigned char *) VARDATA_ANY(ewkb);
	len = VARSIZE_ANY_EXHDR(ewkb);

	/* Everything but the SRID is checked without PostgreSQL (ewkb_check.c). */
	st = bv_ewkb_inspect(p, len, &e);
	refuse_ewkb(st, &e, argname);
	bv_srid_check(e.srid, argname);
	info->srid = e.srid;
	info->wkb_type = e.type;
	info->has_z = e.has_z;
	info->has_m = e.has_m;
	info->npoints = e.npoints;
	if (max_points > 0)
		bv_check_npoints(info, argname, max_points, what, hint);

	if (wkb_reader == NULL)
	{
		wkb_reader = GEOSWKBReader_create_r(h);
		if (wkb_reader == NULL)
			bv_geos_fail("WKB reader");
	}
	bv_geos_clear_error();
	geom = bv_ewkb_to_geos(h, wkb_reader, p, len, e.srid);
	if (geom == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s: GEOS could not read the geometry: %s",
						argname, bv_geos_last_error())));
	info->is_empty = (GEOSisEmpty_r(h, geom) == 1);

	if ((Pointer) ewkb != DatumGetPointer(datum))
		pfree(ewkb);
	return geom;
}

void
bv_check_npoints(const BvGeomInfo *info, const char *argname, uint64 max_points,
				 const char *what, const char *hint)
{
	if (info->npoints > max_points)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s has " UINT64_FORMAT " %s, more than the " UINT64_FORMAT " accepted",
						argname, info->npoints, what, max_points),
				 errhint("%s", hint)));
}

GEOSGeometry *
bv_geom_read(BvGeomIO *io, Datum datum, const char *argname, BvGeomInfo *info)
{
	return bv_geom_read_max(io, datum, argname, info, 0, NULL, NULL);
}

Datum
bv_geom_write(BvGeomIO *io, const GEOSGeometry *geom, int32 srid)
{
	GEOSContextHandle_t h = bv_geos();
	unsigned char *wkb;
	size_t		len;
	StringInfoData buf;

	if (wkb_writer == NULL)
	{
		wkb_writer = GEOSWKBWriter_create_r(h);
		GEOSWKBWriter_setIncludeSRID_r(h, wkb_writer, 1);
		/* 3 means "write Z where the geometry has it", 2D stays 2D. */
		GEOSWKBWriter_setOutputDimension_r(h, wkb_writer, 3);
	}
	GEOSSetSRID_r(h, (GEOSGeometry *) geom, srid);
	bv_geos_clear_error();
	wkb = GEOSWKBWriter_write_r(h, wkb_writer, geom, &len);
	if (wkb == NULL)
		bv_geos_fail("WKB writer");

	/* Copy into palloc'd memory without risking an error while wkb lives. */
	buf.data = MemoryContextAllocExtended(CurrentMemoryContext, len + 1,
										  MCXT_ALLOC_NO_OOM);
	if (buf.data != NULL)
		memcpy(buf.data, wkb, len);
	GEOSFree_r(h, wkb);
	if (buf.data == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory writing a geometry of %zu bytes", len)));
	buf.data[len] = '\0';
	buf.len = (int) len;
	buf.maxlen = (int) len + 1;
	buf.cursor = 0;
	return ReceiveFunctionCall(&io->recv_fn, &buf, io->recv_ioparam, -1);
}

/* ---------- SRID checks ---------- */

typedef enum SridKind
{
	SRID_METRIC,
	SRID_GEOGRAPHIC,
	SRID_NOT_METRES,
	SRID_UNKNOWN
} SridKind;

typedef struct SridEntry
{
	int32		srid;			/* hash key */
	SridKind	kind;
} SridEntry;

static HTAB *srid_cache = NULL;

/* A projected proj4 definition is in metres unless +units or +to_meter say otherwise. */
static bool
proj4_in_metres(const char *proj4)
{
	const char *units = strstr(proj4, "+units=");
	const char *to_meter = strstr(proj4, "+to_meter=");

	if (units != NULL)
	{
		units += strlen("+units=");
		return units[0] == 'm' && (units[1] == ' ' || units[1] == '\0');
	}
	if (to_meter != NULL)
		return strtod(to_meter + strlen("+to_meter="), NULL) == 1.0;
	return true;
}

/* Classify an SRID from spatial_ref_sys in the schema PostGIS lives in. */
static SridKind
classify_srid(int32 srid)
{
	char	   *schema;
	StringInfoData sql;
	SridKind	kind = SRID_UNKNOWN;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/*
	 * spatial_ref_sys lives wherever the postgis extension was installed.
	 * These queries run with the caller's search_path: every name and
	 * operator is qualified, so nothing in a schema on that path (which a
	 * less-privileged role may write) can be resolved instead.
	 */
	if (SPI_execute("SELECT n.nspname FROM pg_catalog.pg_extension e "
					"JOIN pg_catalog.pg_namespace n "
					"ON n.oid OPERATOR(pg_catalog.=) e.extnamespace "
					"WHERE e.extname OPERATOR(pg_catalog.=) 'postgis'::pg_catalog.name",
					true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not look up the postgis extension");
	if (SPI_processed != 1)
	{
		SPI_finish();
		return SRID_UNKNOWN;
	}
	schema = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "SELECT coalesce(proj4text, ''), coalesce(srtext, '') "
					 "FROM %s.spatial_ref_sys "
					 "WHERE srid OPERATOR(pg_catalog.=) %d::pg_catalog.int4",
					 quote_identifier(schema), srid);
	if (SPI_execute(sql.data, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read spatial_ref_sys");
	if (SPI_processed == 1)
	{
		char	   *proj4 = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
		char	   *wkt = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);

		if (strstr(proj4, "+proj=longlat") || strstr(proj4, "+proj=latlong") ||
			strncmp(wkt, "GEOGCS", 6) == 0 || strncmp(wkt, "GEOGCRS", 7) == 0)
			kind = SRID_GEOGRAPHIC;
		else if (proj4[0] != '\0')
			kind = proj4_in_metres(proj4) ? SRID_METRIC : SRID_NOT_METRES;
		else if (strstr(wkt, "UNIT[\"metre\"") || strstr(wkt, "UNIT[\"meter\""))
			kind = SRID_METRIC;
		else
			kind = SRID_NOT_METRES;
	}
	SPI_finish();				/* frees everything palloc'd since SPI_connect */
	return kind;
}

void
bv_srid_check(int32 srid, const char *argname)
{
	SridEntry  *entry;
	bool		found;

	if (srid == 0)
		return;					/* plain cartesian metres */

	if (srid_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(int32);
		ctl.entrysize = sizeof(SridEntry);
		ctl.hcxt = TopMemoryContext;
		srid_cache = hash_create("bodemvisie SRID kinds", 16, &ctl,
								 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	entry = hash_search(srid_cache, &srid, HASH_FIND, &found);
	if (!found)
	{
		SridKind	kind = classify_srid(srid);

		entry = hash_search(srid_cache, &srid, HASH_ENTER, &found);
		entry->kind = kind;
	}

	switch (entry->kind)
	{
		case SRID_METRIC:
			return;
		case SRID_GEOGRAPHIC:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: SRID %d is a geographic coordinate system (degrees); "
							"bodemvisie works in metres", argname, srid),
					 errhint("Transform first, e.g. ST_Transform(geom, 28992) for RD New.")));
			break;
		case SRID_NOT_METRES:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: SRID %d is not in metres", argname, srid),
					 errhint("Transform first, e.g. ST_Transform(geom, 28992) for RD New.")));
			break;
		case SRID_UNKNOWN:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: SRID %d is not in spatial_ref_sys", argname, srid),
					 errhint("Use SRID 28992 (RD New), another projected system in metres, "
							 "or 0 for plain cartesian metres.")));
			break;
	}
}

void
bv_srid_same(int32 expected, int32 got, const char *argname)
{
	if (expected != got)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: mixed SRIDs %d and %d in one analysis", argname,
						expected, got),
				 errhint("Bring all geometries to one SRID, e.g. ST_Transform(geom, 28992).")));
}
