/*-------------------------------------------------------------------------
 *
 * ewkb_check.c
 *	  Inspect (E)WKB before GEOS reads it: structure, types, SRID,
 *	  dimensions and every coordinate.
 *
 * PostGIS sends geometries as EWKB: a byte-order byte, a type word whose
 * top bits flag Z, M and an SRID, the SRID, then the body; collections
 * repeat the header for each part.  GEOS's reader would accept NaN and
 * infinite coordinates (and drop M silently), which later gives empty or
 * NaN results instead of an error, so every ordinate is looked at here.
 * ISO WKB type codes (1001, 2003, 3004, ...) are understood as GEOS
 * understands them, for arbitrary input such as the fuzzer's.
 *
 * No PostgreSQL here: the fuzz target in test/fuzz/ compiles this file.
 *
 *-------------------------------------------------------------------------
 */
#include "ewkb_check.h"

#include <math.h>
#include <string.h>

#define EWKB_Z_FLAG		0x80000000u
#define EWKB_M_FLAG		0x40000000u
#define EWKB_SRID_FLAG	0x20000000u
#define EWKB_REST_MASK	0x1fffffffu

#define WKB_POINT		1
#define WKB_LINESTRING	2
#define WKB_POLYGON		3
#define WKB_MULTIPOINT	4
#define WKB_MULTILINE	5
#define WKB_MULTIPOLY	6
#define WKB_COLLECTION	7

typedef struct Reader
{
	const unsigned char *p;
	size_t		len;
	size_t		pos;
	BvEwkbInfo *info;
} Reader;

static const char *const type_names[] = {
	"Unknown", "Point", "LineString", "Polygon", "MultiPoint",
	"MultiLineString", "MultiPolygon", "GeometryCollection",
	"CircularString", "CompoundCurve", "CurvePolygon", "MultiCurve",
	"MultiSurface", "Curve", "Surface", "PolyhedralSurface", "TIN", "Triangle"
};

const char *
bv_ewkb_type_name(int type)
{
	if (type >= 0 && type < (int) (sizeof(type_names) / sizeof(type_names[0])))
		return type_names[type];
	return "unknown";
}

static bool
read_u32(Reader *r, bool little, uint32_t *out)
{
	const unsigned char *q;

	if (r->len - r->pos < 4)
		return false;
	q = r->p + r->pos;
	if (little)
		*out = (uint32_t) q[0] | ((uint32_t) q[1] << 8) |
			((uint32_t) q[2] << 16) | ((uint32_t) q[3] << 24);
	else
		*out = (uint32_t) q[3] | ((uint32_t) q[2] << 8) |
			((uint32_t) q[1] << 16) | ((uint32_t) q[0] << 24);
	r->pos += 4;
	return true;
}

/* Caller has checked that 8 bytes remain. */
static double
read_f64(Reader *r, bool little)
{
	const unsigned char *q = r->p + r->pos;
	uint64_t	bits = 0;
	double		d;

	for (int i = 0; i < 8; i++)
		bits |= (uint64_t) q[little ? i : 7 - i] << (8 * i);
	r->pos += 8;
	memcpy(&d, &bits, 8);
	return d;
}

/*
 * Check npts coordinates of ndims ordinates each.  In a Point (is_point),
 * all ordinates NaN is the encoding of POINT EMPTY.
 */
static BvEwkbStatus
check_coords(Reader *r, bool little, uint32_t npts, int ndims, bool is_point)
{
	if ((uint64_t) npts * ndims * 8 > r->len - r->pos)
		return BV_EWKB_MALFORMED;
	for (uint32_t i = 0; i < npts; i++)
	{
		double		v[4];
		bool		all_nan = true;

		for (int d = 0; d < ndims; d++)
		{
			v[d] = read_f64(r, little);
			if (!isnan(v[d]))
				all_nan = false;
		}
		r->info->npoints++;
		if (is_point && all_nan)
			continue;			/* POINT EMPTY */
		for (int d = 0; d < ndims; d++)
		{
			if (!isfinite(v[d]))
			{
				r->info->bad_value = v[d];
				r->info->bad_point = r->info->npoints;
				r->info->bad_offset = r->pos;
				return BV_EWKB_NOT_FINITE;
			}
		}
		for (int d = 0; d < 2; d++)
		{
			if (fabs(v[d]) > BV_MAX_COORD_M)
			{
				r->info->bad_value = v[d];
				r->info->bad_point = r->info->npoints;
				r->info->bad_offset = r->pos;
				return BV_EWKB_OUT_OF_RANGE;
			}
		}
	}
	return BV_EWKB_OK;
}

/*
 * One geometry, header included.  expect is the type a multi-geometry
 * requires of its parts (0: any linear type).
 */
static BvEwkbStatus
check_geometry(Reader *r, int depth, int expect)
{
	bool		little;
	uint32_t	typeword,
				rest,
				count;
	int			type,
				iso,
				ndims;
	bool		has_z,
				has_m;
	BvEwkbStatus st;
	size_t		start = r->pos;

	if (depth > BV_EWKB_MAX_DEPTH)
	{
		r->info->bad_offset = start;
		return BV_EWKB_TOO_DEEP;
	}
	if (r->pos >= r->len || r->p[r->pos] > 1)
	{
		r->info->bad_offset = start;
		return BV_EWKB_MALFORMED;
	}
	little = (r->p[r->pos++] == 1);
	if (!read_u32(r, little, &typeword))
		return BV_EWKB_MALFORMED;
	rest = typeword & EWKB_REST_MASK;
	if (rest >= 4000)
	{
		r->info->bad_offset = start;
		return BV_EWKB_MALFORMED;
	}
	type = (int) (rest % 1000);
	iso = (int) (rest / 1000);
	has_z = (typeword & EWKB_Z_FLAG) != 0 || iso == 1 || iso == 3;
	has_m = (typeword & EWKB_M_FLAG) != 0 || iso == 2 || iso == 3;
	ndims = 2 + (has_z ? 1 : 0) + (has_m ? 1 : 0);
	if (typeword & EWKB_SRID_FLAG)
	{
		uint32_t	srid;

		if (!read_u32(r, little, &srid))
			return BV_EWKB_MALFORMED;
		if (depth == 0)
			r->info->srid = (int32_t) srid;
	}
	if (depth == 0)
	{
		r->info->type = type;
		r->info->has_z = has_z;
		r->info->has_m = has_m;
	}
	if (type < WKB_POINT || type > WKB_COLLECTION)
	{
		r->info->bad_type = type;
		r->info->bad_offset = start;
		return BV_EWKB_UNSUPPORTED_TYPE;
	}
	if (expect != 0 && type != expect)
	{
		r->info->bad_offset = start;
		return BV_EWKB_MALFORMED;
	}

	if (type == WKB_POINT)
		return check_coords(r, little, 1, ndims, true);

	if (!read_u32(r, little, &count))
		return BV_EWKB_MALFORMED;
	if (depth == 0)
		r->info->nparts = count;

	switch (type)
	{
		case WKB_LINESTRING:
			return check_coords(r, little, count, ndims, false);
		case WKB_POLYGON:
			/* each ring needs at least its 4-byte point count */
			if ((uint64_t) count * 4 > r->len - r->pos)
				return BV_EWKB_MALFORMED;
			for (uint32_t i = 0; i < count; i++)
			{
				uint32_t	npts;

				if (!read_u32(r, little, &npts))
					return BV_EWKB_MALFORMED;
				st = check_coords(r, little, npts, ndims, false);
				if (st != BV_EWKB_OK)
					return st;
			}
			return BV_EWKB_OK;
		default:
			/* multi-geometries and collections: each part at least 5 bytes */
			if ((uint64_t) count * 5 > r->len - r->pos)
				return BV_EWKB_MALFORMED;
			for (uint32_t i = 0; i < count; i++)
			{
				st = check_geometry(r, depth + 1,
									type == WKB_MULTIPOINT ? WKB_POINT :
									type == WKB_MULTILINE ? WKB_LINESTRING :
									type == WKB_MULTIPOLY ? WKB_POLYGON : 0);
				if (st != BV_EWKB_OK)
					return st;
			}
			return BV_EWKB_OK;
	}
}

BvEwkbStatus
bv_ewkb_inspect(const unsigned char *p, size_t len, BvEwkbInfo *info)
{
	Reader		r = {p, len, 0, info};
	BvEwkbStatus st;

	memset(info, 0, sizeof(BvEwkbInfo));
	st = check_geometry(&r, 0, 0);
	if (st == BV_EWKB_OK && r.pos != len)
	{
		info->bad_offset = r.pos;
		return BV_EWKB_MALFORMED;	/* trailing bytes */
	}
	return st;
}

GEOSGeometry *
bv_ewkb_to_geos(GEOSContextHandle_t h, GEOSWKBReader *reader,
				const unsigned char *p, size_t len, int32_t srid)
{
	GEOSGeometry *geom = GEOSWKBReader_read_r(h, reader, p, len);

	if (geom != NULL)
		GEOSSetSRID_r(h, geom, srid);
	return geom;
}

GEOSGeometry *
bv_ewkb_read(GEOSContextHandle_t h, GEOSWKBReader *reader,
			 const unsigned char *p, size_t len,
			 BvEwkbInfo *info, BvEwkbStatus *status)
{
	*status = bv_ewkb_inspect(p, len, info);
	if (*status != BV_EWKB_OK)
		return NULL;
	return bv_ewkb_to_geos(h, reader, p, len, info->srid);
}
