/*-------------------------------------------------------------------------
 *
 * bodemvisie.h
 *	  Shared declarations of the bodemvisie extension: the per-backend GEOS
 *	  context, the pool that keeps GEOS objects safe across errors, and the
 *	  bridge that moves PostGIS geometries in and out of GEOS as EWKB.
 *
 *-------------------------------------------------------------------------
 */
#ifndef BODEMVISIE_H
#define BODEMVISIE_H

#include "postgres.h"
#include "access/tupdesc.h"
#include "fmgr.h"

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include "ewkb_check.h"

/*
 * Documented bounds on input (doc/reference/bv_invoer.md, doc/security.md).
 * Coordinates: |x|, |y| <= BV_MAX_COORD_M (ewkb_check.h).  Lengths (radii,
 * distances): <= BV_MAX_LENGTH_M, 1000 km, far above the policy's 150-250 m
 * and any region; with coordinates it keeps every sum, difference and area
 * far from overflow.  Points: a system has at most BV_MAX_WELLS wells (real
 * WKO systems have tens), a plume source at most BV_MAX_SOURCES points, a
 * plume contour at most BV_MAX_CONTOUR_POINTS vertices; refused before any
 * GEOS work.
 */
#define BV_MAX_LENGTH_M			1e6
#define BV_MAX_WELLS			10000
#define BV_MAX_SOURCES			10000
#define BV_MAX_CONTOUR_POINTS	100000

/* ---------- geos_context.c ---------- */

/* The backend's reentrant GEOS context, created on first use. */
extern GEOSContextHandle_t bv_geos(void);

/* Last message GEOS reported through the error handler ("" if none). */
extern const char *bv_geos_last_error(void);
extern void bv_geos_clear_error(void);

/*
 * Let a query cancel or a backend termination (statement_timeout,
 * pg_cancel_backend, pg_terminate_backend) interrupt GEOS calls until mcxt
 * is reset or deleted (also at error abort).  bv_pool_create does this for
 * its context, so every computation with a pool is covered.
 */
extern void bv_geos_interruptible(MemoryContext mcxt);

/*
 * Raise a PostgreSQL error for a failed GEOS call.  Checks for a pending
 * query cancel first, so a cancel that interrupted GEOS is reported as a
 * cancel.  The caller must have destroyed its unpooled GEOS objects.
 */
extern void bv_geos_fail(const char *operation) pg_attribute_noreturn();

/*
 * A pool owns GEOS objects for the length of one computation.  It lives in a
 * memory context; when that context is reset or deleted (including at error
 * abort) every object still in the pool is destroyed.  So code may call
 * CHECK_FOR_INTERRUPTS, palloc or ereport while pooled objects are alive.
 */
typedef struct BvGeosPool BvGeosPool;

extern BvGeosPool *bv_pool_create(MemoryContext mcxt, int expected);
extern GEOSGeometry *bv_pool_geom(BvGeosPool *pool, GEOSGeometry *geom);
extern GEOSSTRtree *bv_pool_tree(BvGeosPool *pool, GEOSSTRtree *tree);
extern const GEOSPreparedGeometry *bv_pool_prepared(BvGeosPool *pool,
													const GEOSPreparedGeometry *prep);
extern void bv_pool_release(BvGeosPool *pool);

/* ---------- geom_bridge.c ---------- */

/* What the EWKB header of an input geometry said. */
typedef struct BvGeomInfo
{
	int32		srid;
	int			wkb_type;		/* 1..7: Point .. GeometryCollection */
	bool		has_z;
	bool		has_m;
	bool		is_empty;
	uint64		npoints;		/* coordinates, empty points included */
} BvGeomInfo;

/* Binary I/O of the caller's geometry type, found through the catalog. */
typedef struct BvGeomIO
{
	Oid			typid;
	FmgrInfo	send_fn;
	FmgrInfo	recv_fn;
	Oid			recv_ioparam;
} BvGeomIO;

#define BV_WKB_POINT			1
#define BV_WKB_LINESTRING		2
#define BV_WKB_POLYGON			3
#define BV_WKB_MULTIPOINT		4
#define BV_WKB_MULTILINESTRING	5
#define BV_WKB_MULTIPOLYGON		6
#define BV_WKB_COLLECTION		7

/*
 * Set up (once per call site, cached in fn_extra by the caller) the I/O of
 * the geometry type of argument argno.
 */
extern void bv_geomio_init(BvGeomIO *io, FunctionCallInfo fcinfo, int argno,
						   MemoryContext mcxt);

/*
 * Read a geometry datum into GEOS.  Refuses malformed EWKB, curves, NaN,
 * infinite or out-of-range coordinates (BV_MAX_COORD_M) and geographic or
 * non-metric SRIDs with a clear error that names argname.  M values are
 * dropped (the analyses are 2D; Z is kept).  The result is owned by the
 * caller (or by a pool it is handed to); its SRID is set.
 */
extern GEOSGeometry *bv_geom_read(BvGeomIO *io, Datum datum,
								  const char *argname, BvGeomInfo *info);

/*
 * bv_geom_read, but first refuse (54000, before GEOS reads anything) a
 * geometry of more than max_points coordinates; what names them in the
 * message ("wells", "points") and hint says what to do.
 */
extern GEOSGeometry *bv_geom_read_max(BvGeomIO *io, Datum datum,
									  const char *argname, BvGeomInfo *info,
									  uint64 max_points, const char *what,
									  const char *hint);

/* The 54000 error of bv_geom_read_max, for a limit that depends on the type. */
extern void bv_check_npoints(const BvGeomInfo *info, const char *argname,
							 uint64 max_points, const char *what,
							 const char *hint);

/*
 * What a geometry function keeps in fn_extra: the I/O of its first (geometry)
 * argument and, for a composite result, the blessed result descriptor.
 * Created on the first call, in fn_mcxt.
 */
typedef struct BvCallCache
{
	BvGeomIO	io;
	TupleDesc	tupdesc;		/* NULL unless composite */
} BvCallCache;

extern BvCallCache *bv_call_cache(FunctionCallInfo fcinfo, bool composite);

/* Write a GEOS geometry back as a datum of the geometry type, with srid. */
extern Datum bv_geom_write(BvGeomIO *io, const GEOSGeometry *geom, int32 srid);

/* Refuse SRIDs that are geographic, not in metres, or unknown. */
extern void bv_srid_check(int32 srid, const char *argname);

/* Refuse two different SRIDs in one computation. */
extern void bv_srid_same(int32 expected, int32 got, const char *argname);

/* ---------- shared argument checks ---------- */

/* A finite float8 argument, else ERROR 22003 naming it. */
extern void bv_check_finite(double value, const char *argname);

/* A finite float8 >= 0, else ERROR 22003 (NaN, Infinity) or 22023 (negative). */
extern void bv_check_non_negative(double value, const char *argname,
								  const char *hint);


/* ---------- window_support.c: shared by the window analyses ---------- */

/*
 * A non-negative, finite length argument (radius, distance) in metres of at
 * most BV_MAX_LENGTH_M, else ERROR 22003 (NaN, Infinity, too large) or
 * 22023 (negative), with a hint.
 */
extern void bv_check_length(double value, const char *argname);

/* The same with the caller's hints: for a negative or non-finite value, and
 * for one above BV_MAX_LENGTH_M. */
extern void bv_check_length_hints(double value, const char *argname,
								  const char *hint_sign, const char *hint_max);

/*
 * A float8 argument of a window function that must hold for the whole
 * partition (nabij_m, marge_verticaal_m): its value in row, or ERROR 22004
 * "<argname> must not be NULL" with hint when NULL.  (The struct behind
 * windowapi.h's WindowObject, declared here so that not every module needs
 * that header.)
 */
struct WindowObjectData;
extern double bv_partition_param(struct WindowObjectData *winobj, int argno, int row,
								 const char *argname, const char *hint);

/*
 * A boolean argument of a window function that varies per row (eigen_rij):
 * its value in row, or ERROR 22004 "<argname> must not be NULL (row n)".
 */
extern bool bv_row_flag(struct WindowObjectData *winobj, int argno, int row,
						const char *argname, const char *hint);

/* Union of n geometries handed over by the caller; result owned by pool. */
extern GEOSGeometry *bv_union_owned(BvGeosPool *pool, GEOSGeometry **parts, int n);

/*
 * Union-find over n items and component numbering.  Components get ids from
 * 0 in the order their first active item appears (the window's row order).
 */
typedef struct BvUnionFind
{
	int			n;
	int		   *parent;
	int		   *size;
} BvUnionFind;

extern BvUnionFind *bv_uf_create(int n);
extern int	bv_uf_find(BvUnionFind *uf, int i);
extern void bv_uf_union(BvUnionFind *uf, int a, int b);
/* Fills comp_id[i] (-1 when !active[i]) and comp_size[id]; returns count. */
extern int	bv_uf_number(BvUnionFind *uf, const bool *active, int *comp_id,
						 int *comp_size);

/*
 * An envelope index (GEOS STRtree) over items 0..n-1.  The geometries whose
 * envelopes are inserted must stay alive until the tree is released (both
 * are owned by the caller's pool).  A query returns the items whose
 * envelope meets a box, into a buffer allocated up front (the callback runs
 * inside GEOS and must not palloc).
 */
typedef struct BvEnvTree
{
	GEOSSTRtree *tree;
	int			n;
	int		   *hits;
	int			nhits;
} BvEnvTree;

extern BvEnvTree *bv_envtree_create(BvGeosPool *pool, int n);
extern void bv_envtree_insert(BvEnvTree *t, const GEOSGeometry *geom, int item);
extern int	bv_envtree_query(BvEnvTree *t, double xmin, double ymin,
							 double xmax, double ymax);

#endif							/* BODEMVISIE_H */
