/*-------------------------------------------------------------------------
 *
 * pluim.c
 *	  Groundwater contamination plumes, decision tree 2.1 of the Bodemvisie
 *	  Assen: the standard plume circle, and the window function that groups
 *	  plumes into clusters and chooses the approach per plume.
 *
 * A plume without a surveyed contour (a POINT source, or a MULTIPOINT of
 * sources) becomes ST_Buffer(bron, 150): 10 m/yr x 30 yr x 0.5.  A
 * (multi)polygon is the contour itself.  Two plumes are neighbours when
 * ST_Distance <= nabij_m; a cluster is a connected component.
 *
 * The window function computes the whole partition on its first call: read
 * and index the contours in an STRtree, test candidate pairs that are not
 * yet in one cluster (union-find: a pair already connected needs no test),
 * then union each cluster's contours once for its area.  Circles of two
 * point sources are first compared by their centres: their inscribed and
 * circumscribed circles decide most pairs without GEOS.
 *
 * Halo rows (the 4-argument form, trailing eigen_rij): a row with eigen_rij
 * false is a plume of a neighbouring region that takes part in the
 * clusters but gets no result of its own except its cluster number, which
 * the merge across regions needs (bv_groepen_samenvoegen, doc/scaling.md).
 * Pairs of two halo plumes are not tested, and the area is computed only
 * for clusters with an own plume.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"
#include "circle_area.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(bv_pluim);
PG_FUNCTION_INFO_V1(bv_pluim_approach);

#define QUADSEGS			8
#define STANDARD_RADIUS_M	150.0	/* 10 m/yr x 30 yr x 0.5 (doc/beleid.md 6) */

#define SOURCES_HINT "A plume has one source or a few; give one row per plume."
#define CONTOUR_HINT "A surveyed contour has hundreds of vertices, not more; " \
	"simplify it first, e.g. ST_SimplifyPreserveTopology(geom, 0.5)."

/*
 * bv_pluim(bron, snelheid_m_per_jaar, ouderdom_jaar, retardatie) -> geometry
 *
 * The circle drawn for a plume without a surveyed contour: ST_Buffer(bron,
 * speed x age x retardation), 8 segments per quarter circle.
 */
Datum
bv_pluim(PG_FUNCTION_ARGS)
{
	BvCallCache *cache = bv_call_cache(fcinfo, false);
	double		speed = PG_GETARG_FLOAT8(1);
	double		age = PG_GETARG_FLOAT8(2);
	double		retardation = PG_GETARG_FLOAT8(3);
	double		r;
	BvGeosPool *pool;
	BvGeomInfo	info;
	GEOSGeometry *g;
	GEOSGeometry *circle;
	Datum		result;

	bv_check_non_negative(speed, "snelheid_m_per_jaar",
						  "The mean groundwater flow speed in metres per year; the policy uses 10.");
	bv_check_non_negative(age, "ouderdom_jaar",
						  "The mean age of the contamination in years; the policy uses 30.");
	bv_check_non_negative(retardation, "retardatie",
						  "The retardation factor of the contaminant (0..1); the policy uses 0.5.");
	r = speed * age * retardation;
	if (!(r <= BV_MAX_LENGTH_M))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("plume radius %g x %g x %g = %g m is more than the %.0f m accepted",
						speed, age, retardation, r, BV_MAX_LENGTH_M),
				 errhint("Speed in metres per year, age in years, retardation a factor 0..1; "
						 "the policy gives 10 x 30 x 0.5 = 150 m.")));

	pool = bv_pool_create(CurrentMemoryContext, 2);
	g = bv_pool_geom(pool, bv_geom_read_max(&cache->io, PG_GETARG_DATUM(0), "bron", &info,
											BV_MAX_SOURCES, "points", SOURCES_HINT));
	if (info.wkb_type != BV_WKB_POINT && info.wkb_type != BV_WKB_MULTIPOINT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bron must be a POINT or MULTIPOINT (the source of a plume)"),
				 errhint("A surveyed contour is used as it is; bv_pluim only draws the "
						 "standard circle around a source.")));
	circle = bv_pool_geom(pool, GEOSBuffer_r(bv_geos(), g, r, QUADSEGS));
	if (circle == NULL)
		bv_geos_fail("buffer");
	result = bv_geom_write(&cache->io, circle, info.srid);
	bv_pool_release(pool);
	PG_RETURN_DATUM(result);
}

/* ---------- bv_pluim_approach ---------- */

typedef struct PluimResult
{
	bool		isnull;
	bool		halo;			/* eigen_rij false: only cluster is given */
	int32		cluster;
	int32		n_pluimen;
	double		cluster_m2;
} PluimResult;

typedef struct PluimPartition
{
	bool		computed;
	PluimResult rows[FLEXIBLE_ARRAY_MEMBER];
} PluimPartition;

typedef struct Plume
{
	bool		active;
	bool		own;			/* eigen_rij: false = halo, neighbour only */
	bool		circle;			/* the standard circle of one POINT */
	double		cx,
				cy;				/* its centre */
	double		xmin,
				ymin,
				xmax,
				ymax;
	GEOSGeometry *contour;		/* pooled */
} Plume;

typedef struct PluimParams
{
	bool		have;
	double		nabij_m;
	double		max_cluster_m2;
} PluimParams;

#define PARAM_NULL_HINT "Leave the argument out for its default."
#define ARG_OWN 3
#define OWN_ROW_HINT "eigen_rij is true for the plumes the analysis is for and false for " \
	"halo plumes of neighbouring regions (neighbours only, no result); see doc/scaling.md."

static void
read_params(WindowObject winobj, int row, PluimParams *params)
{
	double		nabij = bv_partition_param(winobj, 1, row, "nabij_m", PARAM_NULL_HINT);
	double		maxm2 = bv_partition_param(winobj, 2, row, "max_cluster_m2", PARAM_NULL_HINT);

	if (!params->have)
	{
		bv_check_length(nabij, "nabij_m");
		if (isnan(maxm2) || isinf(maxm2) || maxm2 < 0)
			ereport(ERROR,
					(errcode(isnan(maxm2) || isinf(maxm2)
							 ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
							 : ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("max_cluster_m2 must be a finite area of zero or more, got %g",
							maxm2),
					 errhint("The policy uses 1 ha: 10000 m2.")));
		params->nabij_m = nabij;
		params->max_cluster_m2 = maxm2;
		params->have = true;
	}
	else if (nabij != params->nabij_m || maxm2 != params->max_cluster_m2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("nabij_m and max_cluster_m2 must be the same for all rows of a window partition"),
				 errdetail("Row %d has nabij_m %g and max_cluster_m2 %g, an earlier row %g and %g.",
						   row + 1, nabij, maxm2, params->nabij_m, params->max_cluster_m2),
				 errhint("Give constants, or PARTITION BY the parameter to run separate analyses.")));
}

static void
refuse_plume_type(int wkb_type)
{
	const char *hint = (wkb_type == BV_WKB_LINESTRING || wkb_type == BV_WKB_MULTILINESTRING)
		? "A plume is an area: give its contour as a polygon, or its source as a point "
		"(which becomes the standard 150 m circle)."
		: "Extract the polygons with ST_CollectionExtract(geom, 3) or the source "
		"points with ST_CollectionExtract(geom, 1).";

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("pluim must be a (MULTI)POINT source or a (MULTI)POLYGON contour, got %s",
					wkb_type == BV_WKB_LINESTRING ? "LINESTRING" :
					wkb_type == BV_WKB_MULTILINESTRING ? "MULTILINESTRING" :
					"GEOMETRYCOLLECTION"),
			 errhint("%s", hint)));
}

/*
 * ST_Buffer(point, 150) built directly: the vertices GEOS's buffer places
 * for a point (start at angle 0, then clockwise in 32 equal steps, the same
 * arithmetic), without its noding and polygon building, which cost several
 * times more.  The test compares the areas with ST_Buffer bit for bit.
 */
static GEOSGeometry *
standard_circle(GEOSContextHandle_t h, double x, double y)
{
	const int	nseg = 4 * QUADSEGS;
	const double r = STANDARD_RADIUS_M;
	const double angle_inc = (2.0 * M_PI) / nseg;
	GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, nseg + 1, 2);
	GEOSGeometry *ring;

	if (seq == NULL)
		return NULL;
	GEOSCoordSeq_setXY_r(h, seq, 0, x + r, y);
	for (int i = 1; i < nseg; i++)
	{
		double		angle = (double) (-i) * angle_inc;

		GEOSCoordSeq_setXY_r(h, seq, i, x + r * cos(angle), y + r * sin(angle));
	}
	GEOSCoordSeq_setXY_r(h, seq, nseg, x + r, y);
	ring = GEOSGeom_createLinearRing_r(h, seq);		/* takes seq */
	if (ring == NULL)
		return NULL;
	return GEOSGeom_createPolygon_r(h, ring, NULL, 0);	/* takes ring */
}

/* Read one row into p (active when it takes part). */
static void
read_plume(BvCallCache *cache, BvGeosPool *pool, Datum d, Plume *p,
		   int32 *srid, bool *have_srid)
{
	GEOSContextHandle_t h = bv_geos();
	BvGeomInfo	info;
	GEOSGeometry *g = bv_pool_geom(pool, bv_geom_read_max(&cache->io, d, "pluim", &info,
														  BV_MAX_CONTOUR_POINTS, "vertices",
														  CONTOUR_HINT));

	switch (info.wkb_type)
	{
		case BV_WKB_POINT:
		case BV_WKB_MULTIPOINT:
			bv_check_npoints(&info, "pluim", BV_MAX_SOURCES, "points", SOURCES_HINT);
			break;
		case BV_WKB_POLYGON:
		case BV_WKB_MULTIPOLYGON:
			break;
		default:
			refuse_plume_type(info.wkb_type);
	}
	if (info.is_empty)
		return;
	if (!*have_srid)
	{
		*srid = info.srid;
		*have_srid = true;
	}
	else
		bv_srid_same(*srid, info.srid, "pluim");

	if (info.wkb_type == BV_WKB_POINT || info.wkb_type == BV_WKB_MULTIPOINT)
	{
		if (info.wkb_type == BV_WKB_POINT)
		{
			/* finite and bounded: bv_geom_read checked every coordinate */
			if (!GEOSGeomGetX_r(h, g, &p->cx) || !GEOSGeomGetY_r(h, g, &p->cy))
				bv_geos_fail("point coordinates");
			p->circle = true;
		}
		p->contour = bv_pool_geom(pool, p->circle
								  ? standard_circle(h, p->cx, p->cy)
								  : GEOSBuffer_r(h, g, STANDARD_RADIUS_M, QUADSEGS));
		if (p->contour == NULL)
			bv_geos_fail("buffer");
		if (GEOSisEmpty_r(h, p->contour) == 1)
			return;				/* e.g. a MULTIPOINT of empty points */
	}
	else
	{
		char		valid = GEOSisValid_r(h, g);

		if (valid == 2)
			bv_geos_fail("validity check");
		if (!valid)
		{
			char	   *reason = GEOSisValidReason_r(h, g);
			char		copy[256];

			/* copy without palloc, so that nothing can fail while reason lives */
			strlcpy(copy, reason ? reason : "invalid", sizeof(copy));
			if (reason)
				GEOSFree_r(h, reason);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("pluim: invalid polygon: %s", copy),
					 errhint("Repair the contour first, e.g. ST_MakeValid(geom), and check "
							 "that the result is still the surveyed plume.")));
		}
		p->contour = g;
	}
	if (!GEOSGeom_getXMin_r(h, p->contour, &p->xmin) ||
		!GEOSGeom_getYMin_r(h, p->contour, &p->ymin) ||
		!GEOSGeom_getXMax_r(h, p->contour, &p->xmax) ||
		!GEOSGeom_getYMax_r(h, p->contour, &p->ymax))
		bv_geos_fail("envelope");
	p->active = true;
}

/*
 * Are plumes a and b neighbours (ST_Distance <= nabij)?  Two standard
 * circles contain the disc of their inscribed radius and lie inside the
 * disc of their circumscribed radius, which settles most pairs from the
 * centres alone; the rest goes to GEOS.
 */
static bool
plumes_near(const Plume *a, const Plume *b, double nabij)
{
	GEOSContextHandle_t h = bv_geos();
	char		r;

	if (a->circle && b->circle)
	{
		double		dx = a->cx - b->cx,
					dy = a->cy - b->cy;
		double		d = sqrt(dx * dx + dy * dy);
		double		rin = STANDARD_RADIUS_M * cos(M_PI / (4 * QUADSEGS));
		double		margin = 1e-6 * (STANDARD_RADIUS_M + nabij);

		if (d < 2 * rin + nabij - margin)
			return true;
		if (d > 2 * STANDARD_RADIUS_M + nabij + margin)
			return false;
	}
	if (nabij == 0)
		r = GEOSIntersects_r(h, a->contour, b->contour);
	else
		r = GEOSDistanceWithin_r(h, a->contour, b->contour, nabij);
	if (r == 2)
		bv_geos_fail(nabij == 0 ? "intersects" : "distance");
	return r == 1;
}

/*
 * Area of the union of standard circles, integrated along their edges
 * (circle_area.c: about linear in the number of circles), in coordinates
 * local to the first centre.  False when two circles coincide where it
 * matters: then GEOS does it.
 */
static bool
circles_union_area(Plume *plumes, const int *members, int nmembers, double *area)
{
	BvCircle   *c = palloc(sizeof(BvCircle) * nmembers);
	double		ox = plumes[members[0]].cx,
				oy = plumes[members[0]].cy;
	bool		ok;

	for (int k = 0; k < nmembers; k++)
		bv_circle_build(&c[k], plumes[members[k]].cx - ox, plumes[members[k]].cy - oy,
						STANDARD_RADIUS_M);
	ok = bv_circles_union_area(c, nmembers, area);
	pfree(c);
	return ok;
}

/* Area of the union of the contours of one cluster. */
static double
cluster_area(Plume *plumes, const int *members, int nmembers)
{
	GEOSContextHandle_t h = bv_geos();
	double		area = 0;

	bool		all_circles = true;

	for (int k = 0; k < nmembers && all_circles; k++)
		all_circles = plumes[members[k]].circle;

	if (nmembers == 1)
	{
		if (!GEOSArea_r(h, plumes[members[0]].contour, &area))
			bv_geos_fail("area");
	}
	else if (all_circles && circles_union_area(plumes, members, nmembers, &area))
	{
		/* standard circles only: integrated directly */
	}
	else
	{
		MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
												  "bv_pluim_approach union",
												  ALLOCSET_SMALL_SIZES);
		MemoryContext oldcxt = MemoryContextSwitchTo(cxt);
		BvGeosPool *pool = bv_pool_create(cxt, 4);
		GEOSGeometry **parts = palloc(sizeof(GEOSGeometry *) * nmembers);
		GEOSGeometry *uni;

		for (int k = 0; k < nmembers; k++)
		{
			parts[k] = GEOSGeom_clone_r(h, plumes[members[k]].contour);
			if (parts[k] == NULL)
			{
				for (int m = 0; m < k; m++)
					GEOSGeom_destroy_r(h, parts[m]);
				bv_geos_fail("clone");
			}
		}
		uni = bv_union_owned(pool, parts, nmembers);
		if (!GEOSArea_r(h, uni, &area))
			bv_geos_fail("area");
		MemoryContextSwitchTo(oldcxt);
		MemoryContextDelete(cxt);
	}
	return area;
}

static void
compute_partition(WindowObject winobj, FunctionCallInfo fcinfo, BvCallCache *cache,
				  PluimPartition *part, int n, double *max_cluster_m2)
{
	BvGeosPool *pool = bv_pool_create(CurrentMemoryContext, 2 * n + 4);
	Plume	   *plumes = palloc0(sizeof(Plume) * Max(n, 1));
	bool	   *active = palloc0(sizeof(bool) * Max(n, 1));
	int		   *comp_id = palloc(sizeof(int) * Max(n, 1));
	int		   *comp_size = palloc(sizeof(int) * Max(n, 1));
	int		   *start,
			   *members,
			   *fill;
	double	   *area;
	PluimParams params = {false, 0, 0};
	BvEnvTree  *tree = bv_envtree_create(pool, n);
	BvUnionFind *uf;
	int32		srid = 0;
	bool		have_srid = false;
	int			ncomp;
	bool	   *comp_own;
	bool		with_own = PG_NARGS() >= 4;

	/* 1. Read the rows. */
	for (int i = 0; i < n; i++)
	{
		bool		isnull,
					isout;
		Datum		d;

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		part->rows[i].isnull = true;
		part->rows[i].halo = false;
		read_params(winobj, i, &params);
		plumes[i].own = !with_own || bv_row_flag(winobj, ARG_OWN, i, "eigen_rij",
												  OWN_ROW_HINT);
		d = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;
		read_plume(cache, pool, d, &plumes[i], &srid, &have_srid);
		if (!plumes[i].active)
			continue;
		active[i] = true;
		bv_envtree_insert(tree, plumes[i].contour, i);
	}
	*max_cluster_m2 = params.max_cluster_m2;

	/* 2. Clusters: connected components of "distance <= nabij_m". */
	uf = bv_uf_create(n);
	for (int i = 0; i < n; i++)
	{
		Plume	   *a = &plumes[i];
		double		grow = params.nabij_m;
		int			nhits;

		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		if (!a->active)
			continue;
		nhits = bv_envtree_query(tree, a->xmin - grow, a->ymin - grow,
								 a->xmax + grow, a->ymax + grow);
		for (int k = 0; k < nhits; k++)
		{
			int			j = tree->hits[k];

			if (j <= i || !plumes[j].active)
				continue;
			if (!a->own && !plumes[j].own)
				continue;		/* two halo plumes: no own plume needs the edge */
			if (bv_uf_find(uf, i) == bv_uf_find(uf, j))
				continue;		/* already connected: no test needed */
			if (plumes_near(a, &plumes[j], params.nabij_m))
				bv_uf_union(uf, i, j);
		}
	}
	ncomp = bv_uf_number(uf, active, comp_id, comp_size);

	/* 3. The area of each cluster: union of its contours. */
	start = palloc0(sizeof(int) * (ncomp + 1));
	fill = palloc0(sizeof(int) * Max(ncomp, 1));
	members = palloc(sizeof(int) * Max(n, 1));
	area = palloc(sizeof(double) * Max(ncomp, 1));
	for (int c = 0; c < ncomp; c++)
		start[c + 1] = start[c] + comp_size[c];
	comp_own = palloc0(sizeof(bool) * Max(ncomp, 1));
	for (int i = 0; i < n; i++)
		if (active[i])
		{
			members[start[comp_id[i]] + fill[comp_id[i]]++] = i;
			if (plumes[i].own)
				comp_own[comp_id[i]] = true;
		}
	for (int c = 0; c < ncomp; c++)
	{
		if ((c & 63) == 0)
			CHECK_FOR_INTERRUPTS();
		area[c] = comp_own[c]
			? cluster_area(plumes, members + start[c], comp_size[c])
			: 0;				/* halo plumes only: nobody reads it */
	}

	for (int i = 0; i < n; i++)
	{
		if (!active[i])
			continue;
		part->rows[i].isnull = false;
		part->rows[i].cluster = comp_id[i];
		part->rows[i].halo = !plumes[i].own;
		part->rows[i].n_pluimen = comp_size[comp_id[i]];
		part->rows[i].cluster_m2 = area[comp_id[i]];
	}
	bv_pool_release(pool);
}

/*
 * bv_pluim_approach(pluim, nabij_m, max_cluster_m2 [, eigen_rij]) OVER (...)
 *   -> bv_pluim_aanpak
 */
Datum
bv_pluim_approach(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	BvCallCache *cache = bv_call_cache(fcinfo, true);
	int64		nrows = WinGetPartitionRowCount(winobj);
	PluimPartition *part;
	PluimResult *res;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	const char *aanpak;
	double	   *max_cluster_m2;

	if (nrows > INT_MAX / 4)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("bv_pluim_approach: partition of " INT64_FORMAT " rows is too large",
						nrows),
				 errhint("Split the analysis with PARTITION BY, e.g. per municipality.")));
	part = WinGetPartitionLocalMemory(winobj,
									  MAXALIGN(offsetof(PluimPartition, rows) +
											   sizeof(PluimResult) * Max(nrows, 1)) +
									  sizeof(double));
	max_cluster_m2 = (double *) ((char *) part +
								 MAXALIGN(offsetof(PluimPartition, rows) +
										  sizeof(PluimResult) * Max(nrows, 1)));
	if (!part->computed)
	{
		MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
												  "bv_pluim_approach",
												  ALLOCSET_DEFAULT_SIZES);
		MemoryContext oldcxt = MemoryContextSwitchTo(cxt);

		compute_partition(winobj, fcinfo, cache, part, (int) nrows, max_cluster_m2);
		MemoryContextSwitchTo(oldcxt);
		MemoryContextDelete(cxt);
		part->computed = true;
	}

	res = &part->rows[WinGetCurrentPosition(winobj)];
	if (res->isnull)
		PG_RETURN_NULL();
	if (res->halo)
	{
		values[0] = Int32GetDatum(res->cluster);
		nulls[1] = nulls[2] = nulls[3] = true;
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
	}
	if (res->n_pluimen == 1)
		aanpak = "geval";
	else if (res->cluster_m2 < *max_cluster_m2)
		aanpak = "cluster";
	else
		aanpak = "cluster_of_gebied";
	values[0] = Int32GetDatum(res->cluster);
	values[1] = Int32GetDatum(res->n_pluimen);
	values[2] = Float8GetDatum(res->cluster_m2);
	values[3] = CStringGetTextDatum(aanpak);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}
