/*-------------------------------------------------------------------------
 *
 * ewkb_check.h
 *	  The PostgreSQL-free part of the geometry input path: inspect an EWKB
 *	  buffer (structure, type, SRID, dimensions, every coordinate) before
 *	  GEOS reads it.  Compiled into the extension and into the fuzz target
 *	  (test/fuzz/), so it must not include postgres.h or call palloc/ereport.
 *
 *-------------------------------------------------------------------------
 */
#ifndef EWKB_CHECK_H
#define EWKB_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>

/*
 * The largest accepted |x| and |y|, in metres.  Real projected coordinates
 * stay below 2.1e7 (UTM false northing 1e7, Web Mercator 2.0e7); 1e9 leaves
 * a wide margin, and sums, differences and products of coordinates and
 * radii (BV_MAX_LENGTH_M) stay far from overflowing a double.
 */
#define BV_MAX_COORD_M		1e9

/* Deepest nesting of collections accepted (PostGIS data nests 1 or 2). */
#define BV_EWKB_MAX_DEPTH	32

typedef enum BvEwkbStatus
{
	BV_EWKB_OK = 0,
	BV_EWKB_MALFORMED,			/* truncated, bad byte order, bad counts, trailing bytes */
	BV_EWKB_UNSUPPORTED_TYPE,	/* curves, TIN, ...: see bad_type */
	BV_EWKB_TOO_DEEP,			/* collections nested deeper than BV_EWKB_MAX_DEPTH */
	BV_EWKB_NOT_FINITE,			/* a NaN or infinite ordinate: see bad_value */
	BV_EWKB_OUT_OF_RANGE		/* |x| or |y| > BV_MAX_COORD_M: see bad_value */
} BvEwkbStatus;

typedef struct BvEwkbInfo
{
	/* of the outermost geometry */
	int32_t		srid;			/* 0 without SRID */
	int			type;			/* 1..7 when OK: Point .. GeometryCollection */
	bool		has_z;
	bool		has_m;
	uint32_t	nparts;			/* points of a MULTIPOINT, parts of a multi/collection */
	/* of the whole geometry */
	uint64_t	npoints;		/* coordinates, empty points included */
	/* where inspection stopped, for the error message */
	int			bad_type;		/* the refused type code */
	double		bad_value;		/* the refused ordinate */
	uint64_t	bad_point;		/* 1-based number of the coordinate holding it */
	size_t		bad_offset;		/* byte offset of the problem */
} BvEwkbInfo;

/*
 * Check p[0..len) completely: it must be one well-formed (E)WKB geometry of
 * a linear type (Point .. GeometryCollection, also nested), with every x and
 * y finite and within BV_MAX_COORD_M and every z and m finite.  A point
 * whose ordinates are all NaN is POINT EMPTY and is accepted.
 */
extern BvEwkbStatus bv_ewkb_inspect(const unsigned char *p, size_t len,
									BvEwkbInfo *info);

/* A short English name of a WKB type code ("CircularString", ...). */
extern const char *bv_ewkb_type_name(int type);

/*
 * GEOS's WKB reader on an inspected buffer, with the SRID set; NULL when
 * GEOS refuses it (its error handler has the message).  The extension calls
 * this after its own checks between inspection and reading (SRID, limits).
 */
extern GEOSGeometry *bv_ewkb_to_geos(GEOSContextHandle_t h, GEOSWKBReader *reader,
									 const unsigned char *p, size_t len,
									 int32_t srid);

/*
 * Inspect, then read with GEOS and set the SRID.  Returns NULL with *status
 * != BV_EWKB_OK when inspection refused the input, NULL with *status ==
 * BV_EWKB_OK when GEOS could not read it (its error handler has the
 * message).  The caller owns the result.
 */
extern GEOSGeometry *bv_ewkb_read(GEOSContextHandle_t h, GEOSWKBReader *reader,
								  const unsigned char *p, size_t len,
								  BvEwkbInfo *info, BvEwkbStatus *status);

#endif							/* EWKB_CHECK_H */
