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
 * Time is O(n log n) for the index plus the local work per neighbourhood.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(bv_wko_bel);
PG_FUNCTION_INFO_V1(bv_wko_interference);

#define QUADSEGS		8
#define NVERT			(4 * QUADSEGS)
#define MAX_DIRECT_CIRCLES	512

/* ---------- bubbles: regular 32-gons ---------- */

static double circle_cos[NVERT + 1];
static double circle_sin[NVERT + 1];
static bool circle_ready = false;

/* Unit vertices as GEOS places them: angle 2*pi*k/32, k = 0..31 (CCW here). */
static void
circle_init(void)
{
	if (circle_ready)
		return;
	for (int k = 0; k < NVERT; k++)
	{
		double		a = 2.0 * M_PI * k / NVERT;

		circle_cos[k] = cos(a);
		circle_sin[k] = sin(a);
	}
	circle_cos[NVERT] = circle_cos[0];
	circle_sin[NVERT] = circle_sin[0];
	circle_ready = true;
}

/* A bubble polygon of one well, in coordinates local to the system. */
typedef struct Circle
{
	double		cx;
	double		cy;
	double		r;
	double		vx[NVERT + 1];
	double		vy[NVERT + 1];
} Circle;

static void
circle_build(Circle *c, double cx, double cy, double r)
{
	c->cx = cx;
	c->cy = cy;
	c->r = r;
	for (int k = 0; k <= NVERT; k++)
	{
		c->vx[k] = cx + r * circle_cos[k];
		c->vy[k] = cy + r * circle_sin[k];
	}
}

typedef struct Span
{
	double		t0;
	double		t1;
} Span;

/*
 * The parameter interval [t0, t1] of segment p(t) = (px, py) + t (dx, dy),
 * t in [0, 1], that lies inside circle polygon c.  Returns false when empty.
 * Sets *degenerate when the segment runs along an edge of c (then the
 * boundary of the union/intersection is ambiguous).
 */
static bool
segment_inside(const Circle *c, double px, double py, double dx, double dy,
			   Span *iv, bool *degenerate)
{
	double		len = sqrt(dx * dx + dy * dy);
	double		rin = c->r * cos(M_PI / NVERT);
	double		ax = px - c->cx,
				ay = py - c->cy;
	double		bx = ax + dx,
				by = ay + dy;
	double		t,
				ex,
				ey,
				dist2,
				tol = 1e-9 * (c->r + len);
	double		tenter = 0.0,
				texit = 1.0;
	bool		along = false;

	if (c->r <= 0)
		return false;
	/* Outside the circumscribed circle: no part inside. */
	t = (len > 0) ? -(ax * dx + ay * dy) / (len * len) : 0;
	t = Max(0.0, Min(1.0, t));
	ex = ax + t * dx;
	ey = ay + t * dy;
	dist2 = ex * ex + ey * ey;
	if (dist2 > (c->r + tol) * (c->r + tol))
		return false;
	/* Inside the inscribed circle: all inside. */
	if (ax * ax + ay * ay < (rin - tol) * (rin - tol) &&
		bx * bx + by * by < (rin - tol) * (rin - tol))
	{
		iv->t0 = 0;
		iv->t1 = 1;
		return true;
	}

	/* Cyrus-Beck against the 32 edges (CCW, outward normal (ey, -ex)). */
	for (int k = 0; k < NVERT; k++)
	{
		double		edx = c->vx[k + 1] - c->vx[k];
		double		edy = c->vy[k + 1] - c->vy[k];
		double		nx = edy,
					ny = -edx;
		double		nlen = sqrt(nx * nx + ny * ny);
		double		num = nx * (c->vx[k] - px) + ny * (c->vy[k] - py);
		double		den = nx * dx + ny * dy;

		/* inside: n . (p(t) - v_k) <= 0  <=>  t * den <= num */
		if (fabs(den) <= 1e-12 * nlen * len)
		{
			if (fabs(num) <= tol * nlen)
				along = true;
			else if (num < 0)
				return false;
			continue;
		}
		if (den > 0)
			texit = Min(texit, num / den);
		else
			tenter = Max(tenter, num / den);
		if (tenter > texit)
			return false;
	}
	if (texit - tenter <= 0)
		return false;
	if (along)
		*degenerate = true;
	iv->t0 = tenter;
	iv->t1 = texit;
	return true;
}

static int
interval_cmp(const void *a, const void *b)
{
	double		x = ((const Span *) a)->t0;
	double		y = ((const Span *) b)->t0;

	return (x > y) - (x < y);
}

/* Sort and merge intervals in place; returns the new count. */
static int
intervals_merge(Span *iv, int n)
{
	int			m = 0;

	if (n <= 1)
		return n;
	qsort(iv, n, sizeof(Span), interval_cmp);
	for (int i = 1; i < n; i++)
	{
		if (iv[i].t0 <= iv[m].t1)
			iv[m].t1 = Max(iv[m].t1, iv[i].t1);
		else
			iv[++m] = iv[i];
	}
	return m + 1;
}

/*
 * Contribution to the shoelace sum of the parts of segment p(t) lying in the
 * union of inc[] and outside the union of exc[] (both merged).
 */
static double
segment_contribution(double px, double py, double dx, double dy,
					 const Span *inc, int ninc, const Span *exc, int nexc)
{
	double		sum = 0;
	int			e = 0;

	for (int i = 0; i < ninc; i++)
	{
		double		t = inc[i].t0;
		double		end = inc[i].t1;

		while (t < end)
		{
			double		stop = end;

			while (e < nexc && exc[e].t1 <= t)
				e++;
			if (e < nexc && exc[e].t0 <= t)
			{
				t = exc[e].t1;	/* skip the excluded part */
				continue;
			}
			if (e < nexc && exc[e].t0 < stop)
				stop = exc[e].t0;
			{
				double		x0 = px + t * dx,
							y0 = py + t * dy,
							x1 = px + stop * dx,
							y1 = py + stop * dy;

				sum += x0 * y1 - x1 * y0;
			}
			t = stop;
		}
	}
	return sum;
}

/*
 * Area of (union of own[]) ∩ (union of nb[]), all convex 32-gons.  Returns
 * false when the boundary is degenerate (coinciding edges); the caller then
 * asks GEOS.
 */
static bool
overlap_area(const Circle *own, int nown, const Circle *nb, int nnb,
			 Span *inc, Span *exc, double *area)
{
	double		sum = 0;
	bool		degenerate = false;

	for (int side = 0; side < 2; side++)
	{
		const Circle *these = side == 0 ? own : nb;
		int			nthese = side == 0 ? nown : nnb;
		const Circle *others = side == 0 ? nb : own;
		int			nothers = side == 0 ? nnb : nown;

		for (int a = 0; a < nthese; a++)
		{
			const Circle *c = &these[a];

			/* Pure arithmetic, no GEOS object of ours alive: safe to cancel. */
			CHECK_FOR_INTERRUPTS();
			if (c->r <= 0)
				continue;
			for (int k = 0; k < NVERT; k++)
			{
				double		px = c->vx[k],
							py = c->vy[k];
				double		dx = c->vx[k + 1] - px,
							dy = c->vy[k + 1] - py;
				int			ninc = 0,
							nexc = 0;

				/* The edge counts where it is inside the other side... */
				for (int b = 0; b < nothers; b++)
					if (segment_inside(&others[b], px, py, dx, dy, &inc[ninc], &degenerate))
						ninc++;
				if (ninc == 0)
					continue;
				/* ...and not inside another polygon of its own side. */
				for (int b = 0; b < nthese; b++)
					if (b != a &&
						segment_inside(&these[b], px, py, dx, dy, &exc[nexc], &degenerate))
						nexc++;
				if (degenerate)
					return false;
				ninc = intervals_merge(inc, ninc);
				nexc = intervals_merge(exc, nexc);
				sum += segment_contribution(px, py, dx, dy, inc, ninc, exc, nexc);
			}
		}
	}
	if (degenerate)
		return false;
	*area = Max(0.0, sum / 2.0);
	return true;
}

/* ---------- reading systems ---------- */

typedef struct WkoSystem
{
	bool		active;
	double		r;
	int			first;			/* index of first well in the well arrays */
	int			nwells;
	double		xmin,
				ymin,
				xmax,
				ymax;
	GEOSGeometry *geom;			/* pooled; envelope source for the tree */
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

static void
add_well(WkoRead *rd, WkoSystem *s, double x, double y)
{
	if (!isfinite(x) || !isfinite(y))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("putten has a non-finite coordinate"),
				 errhint("Coordinates must be finite numbers in metres.")));
	/* A well listed twice is one well (identical circles would be degenerate). */
	for (int i = s->first; i < s->first + s->nwells; i++)
		if (rd->wx[i] == x && rd->wy[i] == y)
			return;
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
}

/* ---------- bv_wko_bel ---------- */

typedef struct WkoCache
{
	BvGeomIO	io;
	TupleDesc	tupdesc;
} WkoCache;

static WkoCache *
wko_cache(FunctionCallInfo fcinfo, bool composite)
{
	WkoCache   *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;

		cache = MemoryContextAllocZero(mcxt, sizeof(WkoCache));
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

/*
 * bv_wko_bel(putten, straal_m) -> geometry: ST_Buffer(putten, straal_m),
 * 8 segments per quarter circle, for a POINT or MULTIPOINT.
 */
Datum
bv_wko_bel(PG_FUNCTION_ARGS)
{
	WkoCache   *cache = wko_cache(fcinfo, false);
	double		r = PG_GETARG_FLOAT8(1);
	BvGeosPool *pool;
	BvGeomInfo	info;
	GEOSGeometry *g;
	GEOSGeometry *bel;
	Datum		result;

	bv_check_length(r, "straal_m");
	pool = bv_pool_create(CurrentMemoryContext, 2);
	g = bv_pool_geom(pool, bv_geom_read(&cache->io, PG_GETARG_DATUM(0), "putten", &info));
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
			   *coll,
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
	/* The collection takes ownership of the parts. */
	coll = bv_pool_geom(pool, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION,
														  parts, nnb));
	if (coll == NULL)
		bv_geos_fail("collection");
	uni = bv_pool_geom(pool, GEOSUnaryUnion_r(h, coll));
	if (uni == NULL)
		bv_geos_fail("union");
	inter = bv_pool_geom(pool, GEOSIntersection_r(h, own, uni));
	if (inter == NULL)
		bv_geos_fail("intersection");
	if (!GEOSArea_r(h, inter, &area))
		bv_geos_fail("area");
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(cxt);	/* destroys the pooled objects */
	return area;
}

static void
compute_partition(WindowObject winobj, FunctionCallInfo fcinfo,
				  WkoCache *cache, WkoPartition *part, int n)
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
	Circle	   *own = NULL,
			   *nb = NULL;
	int			maxcircles = 0;
	Span   *inc = NULL,
			   *exc = NULL;

	circle_init();
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
		d = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;			/* no radius: takes no part */
		r = DatumGetFloat8(d);
		bv_check_length(r, "straal_m");
		d = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);
		if (isnull)
			continue;
		sys[i].geom = bv_pool_geom(pool, bv_geom_read(&cache->io, d, "putten", &info));
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
			double		limit;
			bool		near = false;

			if (j <= i || !b->active)
				continue;
			limit = a->r + b->r;
			for (int p = a->first; p < a->first + a->nwells && !near; p++)
				for (int q = b->first; q < b->first + b->nwells; q++)
				{
					double		dx = rd.wx[q] - rd.wx[p];
					double		dy = rd.wy[q] - rd.wy[p];

					/* the same formula as ST_Distance for two points */
					if (sqrt(dx * dx + dy * dy) < limit)
					{
						near = true;
						break;
					}
				}
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
			else if (nall > MAX_DIRECT_CIRCLES)
			{
				/*
				 * The boundary integration costs O(circles^2); beyond a few
				 * hundred circles GEOS's cascaded union is cheaper.
				 */
				area = overlap_geos(sys, i, nbrs, nnb);
			}
			else
			{
				if (nall > maxcircles)
				{
					if (own)
					{
						pfree(own);
						pfree(nb);
						pfree(inc);
						pfree(exc);
					}
					maxcircles = Max(nall, 2 * maxcircles);
					own = palloc(sizeof(Circle) * maxcircles);
					nb = palloc(sizeof(Circle) * maxcircles);
					inc = palloc(sizeof(Span) * maxcircles);
					exc = palloc(sizeof(Span) * maxcircles);
				}
				for (int p = 0; p < nown; p++)
					circle_build(&own[p], rd.wx[a->first + p] - ox,
								 rd.wy[a->first + p] - oy, a->r);
				nnbw = 0;
				for (int k = 0; k < nnb; k++)
				{
					WkoSystem  *b = &sys[nbrs[k]];

					if (b->r <= 0)
						continue;
					for (int q = 0; q < b->nwells; q++)
						circle_build(&nb[nnbw++], rd.wx[b->first + q] - ox,
									 rd.wy[b->first + q] - oy, b->r);
				}
				if (!overlap_area(own, nown, nb, nnbw, inc, exc, &area))
					area = overlap_geos(sys, i, nbrs, nnb);
			}
		}
		res->overlap_m2 = area;
	}

	bv_pool_release(pool);
}

/*
 * bv_wko_interference(putten, straal_m) OVER (...) -> bv_wko_interferentie
 */
Datum
bv_wko_interference(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	WkoCache   *cache = wko_cache(fcinfo, true);
	int64		nrows = WinGetPartitionRowCount(winobj);
	WkoPartition *part;
	WkoResult  *res;
	int64		pos;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (nrows > (int64) (MaxAllocHugeSize / sizeof(Circle)) || nrows > INT_MAX / 2)
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
	values[1] = Int32GetDatum(res->n_groep);
	values[2] = Int32GetDatum(res->n_buren);
	values[3] = Float8GetDatum(res->overlap_m2);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}
