/*-------------------------------------------------------------------------
 *
 * wko.c
 *	  WKO (aquifer thermal energy storage) interference, decision tree 4.1 of
 *	  the Bodemvisie Assen: the bubble of a system, and the window function
 *	  that finds which systems' bubbles overlap.
 *
 * A bubble is ST_Buffer(putten, r) as PostGIS builds it: for every well a
 * regular 32-gon (8 segments per quarter circle) with a vertex at angle 0,
 * and for several wells the union of those.  Two systems are neighbours
 * when the distance between their wells is below r_a + r_b.
 *
 * The window function computes the whole partition on its first call:
 *	1. read every row (wells, radius) and index the systems in an STRtree;
 *	2. for each system query the tree with its envelope grown by
 *	   r + max(r), test the exact distance rule, join neighbours in a
 *	   union-find and keep the edge;
 *	3. per system with neighbours, the area of its bubble covered by the
 *	   union of its neighbours' bubbles.  As all bubbles are unions of convex
 *	   32-gons, that area is computed directly by integrating over the
 *	   boundary of (own bubble) ∩ (union of neighbours' bubbles) (Green's
 *	   theorem on the pieces of each polygon edge that lie on that boundary).
 *	   Where two polygon edges coincide (identical wells and radii) that
 *	   boundary is ambiguous and the area is computed with GEOS overlay
 *	   instead (buffer, unary union, intersection), as plain PostGIS would.
 *	   The circle code lives in circle_area.c; with many neighbours it
 *	   indexes the neighbourhood in a grid, so the work per system grows
 *	   about linearly in the number of neighbours k, not as k^2.
 * Time is O(n log n) for the index plus O(k) per system with k neighbours.
 *
 * Which systems count as neighbours is decided once, in step 2; n_buren,
 * the groups and the overlap all follow the edges kept there, and the
 * overlap integrates over exactly the neighbours it is given (it never
 * assumes that every bubble meeting this one is a neighbour), so a further
 * condition on neighbours only needs to drop edges in step 2.
 *
 * Depth (the 5-argument form): each row may give its screen interval
 * [diepte_van_m, diepte_tot_m] in m below ground level (m-mv), and the
 * partition one vertical margin.  Two systems are neighbours only when
 * their bubbles overlap in plan AND the vertical gap between their closed
 * intervals is at most the margin (top_b <= bottom_a + marge and
 * top_a <= bottom_b + marge; touching intervals, gap 0, overlap).  A NULL
 * top means from ground level, a NULL bottom means without limit below, so
 * both NULL (the default) is the whole column and overlaps every interval:
 * the 2D analysis.  That test drops pairs in step 2, nothing else changes.
 * The 2-argument C entry of release 0.1.0 is the same function: it reads
 * depth arguments only when PG_NARGS() says they are there.
 *
 * Halo rows (the 6-argument form, trailing eigen_rij): a row with
 * eigen_rij false takes part as a neighbour of the other rows but gets no
 * result of its own, so that a per-region analysis over a region's own
 * rows plus a halo of nearby rows of other regions gives the own rows
 * exactly the n_buren and overlap_m2 of one analysis of the whole table
 * (doc/scaling.md).  Pairs of two halo rows are never tested (no own row
 * needs that edge, and the merge of groups gets it from the region that
 * owns them); a halo row's result carries only its groep, which the merge
 * (bv_groepen_samenvoegen) needs to stitch groups across regions.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"
#include "circle_area.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(bv_wko_bel);
PG_FUNCTION_INFO_V1(bv_wko_interference);

#define QUADSEGS		8
#define MAX_DIRECT_PAIRS	256		/* above: nearest well through an STRtree */

/* ---------- reading systems ---------- */

typedef struct WkoSystem
{
	bool		active;
	bool		own;			/* eigen_rij: false = halo, neighbour only */
	double		r;
	double		top;			/* screen interval, m-mv; -inf / +inf when open */
	double		bottom;
	int			first;			/* index of first well in the well arrays */
	int			nwells;
	double		xmin,
				ymin,
				xmax,
				ymax;
	GEOSGeometry *geom;			/* pooled; envelope source for the tree */
	GEOSSTRtree *wells_tree;	/* pooled, built on demand: its wells, for nearest */
} WkoSystem;

typedef struct WkoRead
{
	double	   *wx;
	double	   *wy;
	int			nwells;
	int			maxwells;
} WkoRead;

static const char *
geom_type_name(int wkb_type)
{
	static const char *const names[] = {
		"unknown", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
		"MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"
	};

	return (wkb_type >= 0 && wkb_type < (int) lengthof(names)) ? names[wkb_type] : "unknown";
}

#define WELLS_HINT "A WKO system has at most tens of wells; give one row per system " \
	"(e.g. GROUP BY system id with ST_Collect), not all wells of an area in one MULTIPOINT."

/* Read putten, refusing more than BV_MAX_WELLS wells before GEOS sees them. */
static GEOSGeometry *
read_putten(BvCallCache *cache, Datum d, BvGeomInfo *info)
{
	return bv_geom_read_max(&cache->io, d, "putten", info, BV_MAX_WELLS,
							"wells", WELLS_HINT);
}

static void
refuse_not_wells(int wkb_type)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("putten must be a POINT or MULTIPOINT (the wells of one system), got %s",
					geom_type_name(wkb_type)),
			 errhint("Give the well positions; for a system drawn as an area use "
					 "ST_PointOnSurface(geom), for a collection ST_CollectionExtract(geom, 1).")));
}

/* Coordinates are finite and bounded: bv_geom_read checked them. */
static void
add_well(WkoRead *rd, WkoSystem *s, double x, double y)
{
	if (rd->nwells >= rd->maxwells)
	{
		rd->maxwells *= 2;
		rd->wx = repalloc(rd->wx, sizeof(double) * rd->maxwells);
		rd->wy = repalloc(rd->wy, sizeof(double) * rd->maxwells);
	}
	rd->wx[rd->nwells] = x;
	rd->wy[rd->nwells] = y;
	rd->nwells++;
	s->nwells++;
	if (s->nwells == 1)
	{
		s->xmin = s->xmax = x;
		s->ymin = s->ymax = y;
	}
	else
	{
		s->xmin = Min(s->xmin, x);
		s->xmax = Max(s->xmax, x);
		s->ymin = Min(s->ymin, y);
		s->ymax = Max(s->ymax, y);
	}
}

static int
well_cmp(const void *a, const void *b)
{
	const double *p = a,
			   *q = b;

	if (p[0] != q[0])
		return p[0] < q[0] ? -1 : 1;
	if (p[1] != q[1])
		return p[1] < q[1] ? -1 : 1;
	return 0;
}

/*
 * A well listed twice is one well: identical circles would make the
 * boundary of the bubble ambiguous.  Sorting keeps this O(k log k) for
 * systems with many boreholes.
 */
static void
dedupe_wells(WkoRead *rd, WkoSystem *s)
{
	double	   *xy;
	int			m = 0;

	if (s->nwells < 2)
		return;
	xy = palloc(sizeof(double) * 2 * s->nwells);
	for (int i = 0; i < s->nwells; i++)
	{
		xy[2 * i] = rd->wx[s->first + i];
		xy[2 * i + 1] = rd->wy[s->first + i];
	}
	qsort(xy, s->nwells, 2 * sizeof(double), well_cmp);
	for (int i = 0; i < s->nwells; i++)
	{
		if (m > 0 && xy[2 * i] == rd->wx[s->first + m - 1] &&
			xy[2 * i + 1] == rd->wy[s->first + m - 1])
			continue;
		rd->wx[s->first + m] = xy[2 * i];
		rd->wy[s->first + m] = xy[2 * i + 1];
		m++;
	}
	rd->nwells = s->first + m;
	s->nwells = m;
	pfree(xy);
}

/* Collect the wells of a POINT or MULTIPOINT (empty parts skipped). */
static void
read_wells(WkoRead *rd, WkoSystem *s, const GEOSGeometry *g)
{
	GEOSContextHandle_t h = bv_geos();
	int			nparts = GEOSGetNumGeometries_r(h, g);

	s->first = rd->nwells;
	s->nwells = 0;
	for (int p = 0; p < nparts; p++)
	{
		const GEOSGeometry *pt = GEOSGetGeometryN_r(h, g, p);
		double		x,
					y;

		if (GEOSisEmpty_r(h, pt) == 1)
			continue;
		if (!GEOSGeomGetX_r(h, pt, &x) || !GEOSGeomGetY_r(h, pt, &y))
			bv_geos_fail("point coordinates");
		add_well(rd, s, x, y);
	}
	dedupe_wells(rd, s);
}

/* ---------- bv_wko_bel ---------- */

/*
 * bv_wko_bel(putten, straal_m) -> geometry: ST_Buffer(putten, straal_m),
 * 8 segments per quarter circle, for a POINT or MULTIPOINT.
 */
Datum
bv_wko_bel(PG_FUNCTION_ARGS)
{
	BvCallCache *cache = bv_call_cache(fcinfo, false);
	double		r = PG_GETARG_FLOAT8(1);
	BvGeosPool *pool;
	BvGeomInfo	info;
	GEOSGeometry *g;
	GEOSGeometry *bel;
	Datum		result;

	bv_check_length(r, "straal_m");
	pool = bv_pool_create(CurrentMemoryContext, 2);
	g = bv_pool_geom(pool, read_putten(cache, PG_GETARG_DATUM(0), &info));
	if (info.wkb_type != BV_WKB_POINT && info.wkb_type != BV_WKB_MULTIPOINT)
		refuse_not_wells(info.wkb_type);
	bel = bv_pool_geom(pool, GEOSBuffer_r(bv_geos(), g, r, QUADSEGS));
	if (bel == NULL)
		bv_geos_fail("buffer");
	result = bv_geom_write(&cache->io, bel, info.srid);
	bv_pool_release(pool);
	PG_RETURN_DATUM(result);
}

/* ---------- bv_wko_interference ---------- */

typedef struct WkoResult
{
	bool		isnull;
	bool		halo;			/* eigen_rij false: only groep is given */
	int32		groep;
	int32		n_groep;
	int32		n_buren;
	double		overlap_m2;
} WkoResult;

typedef struct WkoPartition
{
	bool		computed;
	WkoResult	rows[FLEXIBLE_ARRAY_MEMBER];
} WkoPartition;

/* Overlap through GEOS, for the degenerate cases. */
static double
overlap_geos(WkoSystem *sys, int i, const int *nbrs, int nnb)
{
	GEOSContextHandle_t h = bv_geos();
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
											  "bv_wko_interference overlay",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext oldcxt = MemoryContextSwitchTo(cxt);
	BvGeosPool *pool = bv_pool_create(cxt, nnb + 4);
	GEOSGeometry **parts = palloc(sizeof(GEOSGeometry *) * nnb);
	GEOSGeometry *own,
			   *uni,
			   *inter;
	double		area = 0;

	own = bv_pool_geom(pool, GEOSBuffer_r(h, sys[i].geom, sys[i].r, QUADSEGS));
	if (own == NULL)
		bv_geos_fail("buffer");
	for (int k = 0; k < nnb; k++)
	{
		parts[k] = GEOSBuffer_r(h, sys[nbrs[k]].geom, sys[nbrs[k]].r, QUADSEGS);
		if (parts[k] == NULL)
		{
			for (int m = 0; m < k; m++)
				GEOSGeom_destroy_r(h, parts[m]);
			bv_geos_fail("buffer");
		}
	}
	uni = bv_union_owned(pool, parts, nnb);
	inter = bv_pool_geom(pool, GEOSIntersection_r(h, own, uni));
	if (inter == NULL)
		bv_geos_fail("intersection");
	if (!GEOSArea_r(h, inter, &area))
		bv_geos_fail("area");
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(cxt);	/* destroys the pooled objects */
	return area;
}

/* ---------- nearest wells of two systems ---------- */

/*
 * Two systems are neighbours when some pair of their wells is closer than
 * limit.  Few pairs: compare them all.  Many (systems of hundreds of wells):
 * for each well of the smaller system ask an STRtree over the wells of the
 * larger one for the nearest well, O(k log m) instead of O(k m).  Both use
 * the formula of ST_Distance for two points, so the answer is the same.
 */
typedef struct WellArrays
{
	const double *wx;
	const double *wy;
} WellArrays;

/* Items are well numbers + 1.  Runs inside GEOS: arithmetic only. */
static int
well_distance(const void *item1, const void *item2, double *distance, void *userdata)
{
	const WellArrays *w = (const WellArrays *) userdata;
	intptr_t	p = (intptr_t) item1 - 1;
	intptr_t	q = (intptr_t) item2 - 1;
	double		dx = w->wx[q] - w->wx[p];
	double		dy = w->wy[q] - w->wy[p];

	*distance = sqrt(dx * dx + dy * dy);
	return 1;
}

/* An STRtree over the wells of s, with their points, all in pool. */
static GEOSSTRtree *
wells_tree(BvGeosPool *pool, const WkoRead *rd, WkoSystem *s)
{
	GEOSContextHandle_t h = bv_geos();

	if (s->wells_tree != NULL)
		return s->wells_tree;
	s->wells_tree = bv_pool_tree(pool, GEOSSTRtree_create_r(h, 10));
	if (s->wells_tree == NULL)
		bv_geos_fail("STRtree create");
	for (int p = s->first; p < s->first + s->nwells; p++)
	{
		GEOSGeometry *pt = bv_pool_geom(pool, GEOSGeom_createPointFromXY_r(h, rd->wx[p],
																		  rd->wy[p]));

		if (pt == NULL)
			bv_geos_fail("point");
		GEOSSTRtree_insert_r(h, s->wells_tree, pt, (void *) (intptr_t) (p + 1));
	}
	return s->wells_tree;
}

static bool
systems_near(BvGeosPool *pool, const WkoRead *rd, WkoSystem *a, WkoSystem *b,
			 double limit)
{
	GEOSContextHandle_t h = bv_geos();
	WkoSystem  *big,
			   *small;
	GEOSSTRtree *tree;
	WellArrays	w = {rd->wx, rd->wy};

	if ((int64) a->nwells * b->nwells <= MAX_DIRECT_PAIRS)
	{
		for (int p = a->first; p < a->first + a->nwells; p++)
			for (int q = b->first; q < b->first + b->nwells; q++)
			{
				double		dx = rd->wx[q] - rd->wx[p];
				double		dy = rd->wy[q] - rd->wy[p];

				/* the same formula as ST_Distance for two points */
				if (sqrt(dx * dx + dy * dy) < limit)
					return true;
			}
		return false;
	}

	big = (a->nwells >= b->nwells) ? a : b;
	small = (big == a) ? b : a;
	tree = wells_tree(pool, rd, big);
	for (int p = small->first; p < small->first + small->nwells; p++)
	{
		GEOSGeometry *pt;
		const void *nearest;
		double		d;

		if (((p - small->first) & 1023) == 0)
			CHECK_FOR_INTERRUPTS();	/* only pooled GEOS objects alive */
		pt = GEOSGeom_createPointFromXY_r(h, rd->wx[p], rd->wy[p]);
		if (pt == NULL)
			bv_geos_fail("point");
		bv_geos_clear_error();
		nearest = GEOSSTRtree_nearest_generic_r(h, tree, (void *) (intptr_t) (p + 1), pt,
												well_distance, &w);
		GEOSGeom_destroy_r(h, pt);
		if (nearest == NULL)
			bv_geos_fail("nearest well");
		well_distance((void *) (intptr_t) (p + 1), nearest, &d, &w);
		if (d < limit)
			return true;
	}
	return false;
}

/* ---------- depth intervals ---------- */

#define ARG_TOP		2
#define ARG_BOTTOM	3
#define ARG_MARGIN	4
#define NARGS_3D	5

/*
 * The argument number of eigen_rij, or -1 when the form has none: only the
 * 6-argument form has it (a 3-argument overload would make calls such as
 * bv_wko_interference(p, 250, NULL) of the 5-argument form ambiguous).
 */
#define ARG_OWN		5
#define NARGS_OWN	6
static int
own_argno(int nargs)
{
	return nargs == NARGS_OWN ? ARG_OWN : -1;
}

#define OWN_ROW_HINT "eigen_rij is true for the rows the analysis is for and false for " \
	"halo rows of neighbouring regions (neighbours only, no result); see doc/scaling.md."

#define DEPTH_HINT "Give the screen depth in metres below ground level (m-mv, positive " \
	"downward, 0 = ground level), e.g. 25 and 300; NULL for the whole column."

/*
 * A screen depth of row i: NULL gives dflt (open on that side), otherwise a
 * finite number of at least 0 m-mv (22003 / 22023 with a hint).
 */
static double
read_depth(WindowObject winobj, int argno, int row, const char *argname, double dflt)
{
	bool		isnull,
				isout;
	Datum		d = WinGetFuncArgInPartition(winobj, argno, row, WINDOW_SEEK_HEAD,
											 false, &isnull, &isout);
	double		v;

	if (isnull)
		return dflt;
	v = DatumGetFloat8(d);
	bv_check_non_negative(v, argname, DEPTH_HINT);
	return v;
}

/*
 * The vertical margin of row i: not NULL, finite, 0..1e6 m, and the
 * same for every row of the partition (like nabij_m of bv_pluim_approach).
 */
static void
read_margin(WindowObject winobj, int row, bool *have, double *margin)
{
	double		m = bv_partition_param(winobj, ARG_MARGIN, row, "marge_verticaal_m",
									   "Leave the argument out for its default 0 (screens must overlap or touch).");

	if (!*have)
	{
		bv_check_length_hints(m, "marge_verticaal_m",
							  "Give the vertical gap in metres that still counts as "
							  "interference, zero or more; 0 = screens must overlap or touch.",
							  "Leave depths NULL to ignore depth altogether.");
		*margin = m;
		*have = true;
	}
	else if (m != *margin)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("marge_verticaal_m must be the same for all rows of a window partition"),
				 errdetail("Row %d has marge_verticaal_m %g, an earlier row %g.",
						   row + 1, m, *margin),
				 errhint("Give a constant, or PARTITION BY the margin to run separate analyses.")));
}

/*
 * Do the screens of a and b lie within margin of each other (closed
 * intervals: touching counts)?  Open sides are +-Infinity, so no NaN.
 */
static inline bool
depths_meet(const WkoSystem *a, const WkoSystem *b, double margin)
{
	return b->top <= a->bottom + margin && a->top <= b->bottom + margin;
}

static void
compute_partition(WindowObject winobj, FunctionCallInfo fcinfo,
				  BvCallCache *cache, WkoPartition *part, int n)
{
	BvGeosPool *pool = bv_pool_create(CurrentMemoryContext, n + 4);
	WkoSystem  *sys = palloc0(sizeof(WkoSystem) * Max(n, 1));
	WkoRead		rd;
	BvEnvTree  *tree;
	BvUnionFind *uf;
	bool	   *active = palloc0(sizeof(bool) * Max(n, 1));
	int		   *comp_id = palloc(sizeof(int) * Max(n, 1));
	int		   *comp_size = palloc(sizeof(int) * Max(n, 1));
	int		   *ea,
			   *eb;
	int			nedges = 0,
				maxedges = 1024;
	int		   *deg,
			   *off,
			   *adj;
	double		rmax = 0;
	int32		srid = 0;
	bool		have_srid = false;
	BvCircle   *own = NULL,
			   *nb = NULL;
	int			maxcircles = 0;
	bool		with_depth = PG_NARGS() >= NARGS_3D;
	bool		have_margin = false;
	double		margin = 0;
	int			argno_own = own_argno(PG_NARGS());

	rd.maxwells = Max(n, 16);
	rd.nwells = 0;
	rd.wx = palloc(sizeof(double) * rd.maxwells);
	rd.wy = palloc(sizeof(double) * rd.maxwells);
	tree = bv_envtree_create(pool, n);

	/* 1. Read the rows. */
	for (int i = 0; i < n; i++)
	{
		bool		isnull,
					isout;
		Datum		d;
		double		r;
		BvGeomInfo	info;

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		part->rows[i].isnull = true;
		part->rows[i].halo = false;
		sys[i].top = -INFINITY;
		sys[i].bottom = INFINITY;
		sys[i].own = argno_own < 0 || bv_row_flag(winobj, argno_own, i, "eigen_rij",
												   OWN_ROW_HINT);
		if (with_depth)
		{
			/* checked on every row, also rows that take no part */
			read_margin(winobj, i, &have_margin, &margin);
			sys[i].top = read_depth(winobj, ARG_TOP, i, "diepte_van_m", -INFINITY);
			sys[i].bottom = read_depth(winobj, ARG_BOTTOM, i, "diepte_tot_m", INFINITY);
			if (sys[i].top > sys[i].bottom)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("diepte_van_m must not be below diepte_tot_m, got %g to %g m-mv (row %d)",
								sys[i].top, sys[i].bottom, i + 1),
						 errhint("The screen runs from its top (diepte_van_m, the smaller depth) "
								 "to its bottom (diepte_tot_m), both in m below ground level.")));
		}
		d = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;			/* no radius: takes no part */
		r = DatumGetFloat8(d);
		bv_check_length(r, "straal_m");
		d = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;
		sys[i].geom = bv_pool_geom(pool, read_putten(cache, d, &info));
		if (info.wkb_type != BV_WKB_POINT && info.wkb_type != BV_WKB_MULTIPOINT)
			refuse_not_wells(info.wkb_type);
		if (info.is_empty)
			continue;
		if (!have_srid)
		{
			srid = info.srid;
			have_srid = true;
		}
		else
			bv_srid_same(srid, info.srid, "putten");
		read_wells(&rd, &sys[i], sys[i].geom);
		if (sys[i].nwells == 0)
			continue;			/* only empty points */
		sys[i].r = r;
		sys[i].active = true;
		active[i] = true;
		rmax = Max(rmax, r);
		bv_envtree_insert(tree, sys[i].geom, i);
	}

	/* 2. Neighbours: distance between the wells < r_a + r_b. */
	uf = bv_uf_create(n);
	ea = palloc(sizeof(int) * maxedges);
	eb = palloc(sizeof(int) * maxedges);
	for (int i = 0; i < n; i++)
	{
		WkoSystem  *a = &sys[i];
		double		grow;
		int			nhits;

		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		if (!a->active)
			continue;
		grow = a->r + rmax;
		nhits = bv_envtree_query(tree, a->xmin - grow, a->ymin - grow,
								 a->xmax + grow, a->ymax + grow);
		for (int k = 0; k < nhits; k++)
		{
			int			j = tree->hits[k];
			WkoSystem  *b = &sys[j];
			bool		near;

			if (j <= i || !b->active)
				continue;
			if (!a->own && !b->own)
				continue;		/* two halo rows: no own row needs the edge */
			if (!depths_meet(a, b, margin))
				continue;		/* different depth ranges: no shared bubble */
			if (a->nwells > 1 && b->nwells > 1)
				CHECK_FOR_INTERRUPTS();		/* many wells: many pairs */
			near = systems_near(pool, &rd, a, b, a->r + b->r);
			if (!near)
				continue;
			bv_uf_union(uf, i, j);
			if (nedges >= maxedges)
			{
				maxedges *= 2;
				ea = repalloc_huge(ea, sizeof(int) * maxedges);
				eb = repalloc_huge(eb, sizeof(int) * maxedges);
			}
			ea[nedges] = i;
			eb[nedges] = j;
			nedges++;
		}
	}

	/* Adjacency lists (CSR) from the edges. */
	deg = palloc0(sizeof(int) * (n + 1));
	off = palloc0(sizeof(int) * (n + 1));
	for (int e = 0; e < nedges; e++)
	{
		deg[ea[e]]++;
		deg[eb[e]]++;
	}
	for (int i = 0; i < n; i++)
		off[i + 1] = off[i] + deg[i];
	adj = palloc(sizeof(int) * Max(2 * nedges, 1));
	memset(deg, 0, sizeof(int) * (n + 1));
	for (int e = 0; e < nedges; e++)
	{
		adj[off[ea[e]] + deg[ea[e]]++] = eb[e];
		adj[off[eb[e]] + deg[eb[e]]++] = ea[e];
	}
	pfree(ea);
	pfree(eb);

	bv_uf_number(uf, active, comp_id, comp_size);

	/* 3. Results, with the overlap of every system that has neighbours. */
	for (int i = 0; i < n; i++)
	{
		WkoResult  *res = &part->rows[i];
		WkoSystem  *a = &sys[i];
		const int  *nbrs = adj + off[i];
		int			nnb = deg[i];
		double		area = 0;

		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		if (!a->active)
			continue;
		res->isnull = false;
		res->groep = comp_id[i];
		if (!a->own)
		{
			res->halo = true;	/* groep only, for the merge */
			continue;
		}
		res->n_groep = comp_size[comp_id[i]];
		res->n_buren = nnb;

		if (nnb > 0 && a->r > 0)
		{
			double		ox = rd.wx[a->first],
						oy = rd.wy[a->first];
			int			nown = a->nwells,
						nnbw = 0,
						nall;

			for (int k = 0; k < nnb; k++)
				if (sys[nbrs[k]].r > 0)
					nnbw += sys[nbrs[k]].nwells;
			nall = nown + nnbw;
			if (nnbw == 0)
				area = 0;		/* the neighbours' bubbles are empty */
			else
			{
				if (nall > maxcircles)
				{
					if (own)
					{
						pfree(own);
						pfree(nb);
					}
					maxcircles = Max(nall, 2 * maxcircles);
					own = palloc(sizeof(BvCircle) * maxcircles);
					nb = palloc(sizeof(BvCircle) * maxcircles);
				}
				for (int p = 0; p < nown; p++)
					bv_circle_build(&own[p], rd.wx[a->first + p] - ox,
								 rd.wy[a->first + p] - oy, a->r);
				nnbw = 0;
				for (int k = 0; k < nnb; k++)
				{
					WkoSystem  *b = &sys[nbrs[k]];

					if (b->r <= 0)
						continue;
					for (int q = 0; q < b->nwells; q++)
						bv_circle_build(&nb[nnbw++], rd.wx[b->first + q] - ox,
									 rd.wy[b->first + q] - oy, b->r);
				}
				if (!bv_circles_overlap_area(own, nown, nb, nnbw, &area))
					area = overlap_geos(sys, i, nbrs, nnb);
			}
		}
		res->overlap_m2 = area;
	}

	bv_pool_release(pool);
}

/*
 * bv_wko_interference(putten, straal_m [, diepte_van_m, diepte_tot_m,
 *                     marge_verticaal_m] [, eigen_rij]) OVER (...)
 *   -> bv_wko_interferentie
 *
 * One C entry for all SQL forms: the 2-argument one of release 0.1.0
 * (upgrade/bodemvisie--0.1.0.sql), the 5-argument one, and the
 * 6-argument one with a trailing eigen_rij.
 */
Datum
bv_wko_interference(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	BvCallCache *cache = bv_call_cache(fcinfo, true);
	int64		nrows = WinGetPartitionRowCount(winobj);
	WkoPartition *part;
	WkoResult  *res;
	int64		pos;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (nrows > (int64) (MaxAllocHugeSize / sizeof(BvCircle)) || nrows > INT_MAX / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("bv_wko_interference: partition of " INT64_FORMAT " rows is too large",
						nrows),
				 errhint("Split the analysis with PARTITION BY, e.g. per municipality.")));
	part = WinGetPartitionLocalMemory(winobj,
									  offsetof(WkoPartition, rows) +
									  sizeof(WkoResult) * Max(nrows, 1));
	if (!part->computed)
	{
		MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
												  "bv_wko_interference",
												  ALLOCSET_DEFAULT_SIZES);
		MemoryContext oldcxt = MemoryContextSwitchTo(cxt);

		compute_partition(winobj, fcinfo, cache, part, (int) nrows);
		MemoryContextSwitchTo(oldcxt);
		MemoryContextDelete(cxt);
		part->computed = true;
	}

	pos = WinGetCurrentPosition(winobj);
	res = &part->rows[pos];
	if (res->isnull)
		PG_RETURN_NULL();
	values[0] = Int32GetDatum(res->groep);
	if (res->halo)
	{
		nulls[1] = nulls[2] = nulls[3] = true;
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
	}
	values[1] = Int32GetDatum(res->n_groep);
	values[2] = Int32GetDatum(res->n_buren);
	values[3] = Float8GetDatum(res->overlap_m2);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}
