/*-------------------------------------------------------------------------
 *
 * window_support.c
 *	  Pieces shared by the window analyses (WKO interference, plume
 *	  approach): argument checks, union-find with first-appearance numbering, an envelope index on
 *	  GEOS's STRtree, and exact areas of unions and intersections of the
 *	  32-gon circles ST_Buffer(point, r) makes.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include <math.h>

#include "miscadmin.h"
#include "utils/memutils.h"

#define NVERT			BV_CIRCLE_NVERT

void
bv_check_length(double value, const char *argname)
{
	bv_check_non_negative(value, argname,
						  "Give a distance in metres, zero or more, e.g. 250.");
	if (value > BV_MAX_LENGTH_M)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be at most %.0f m, got %g", argname,
						BV_MAX_LENGTH_M, value),
				 errhint("Give a distance in metres; the policy uses 150 to 250 m.")));
}

/*
 * The union of n GEOS geometries that the caller hands over (the collection
 * built from them takes ownership).  Collection and union go into pool.
 */
GEOSGeometry *
bv_union_owned(BvGeosPool *pool, GEOSGeometry **parts, int n)
{
	GEOSContextHandle_t h = bv_geos();
	GEOSGeometry *coll;
	GEOSGeometry *uni;

	coll = bv_pool_geom(pool, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION,
														  parts, n));
	if (coll == NULL)
		bv_geos_fail("collection");
	uni = bv_pool_geom(pool, GEOSUnaryUnion_r(h, coll));
	if (uni == NULL)
		bv_geos_fail("union");
	return uni;
}

/* ---------- union-find ---------- */

BvUnionFind *
bv_uf_create(int n)
{
	BvUnionFind *uf = palloc(sizeof(BvUnionFind));

	uf->n = n;
	uf->parent = palloc(sizeof(int) * Max(n, 1));
	uf->size = palloc(sizeof(int) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		uf->parent[i] = i;
		uf->size[i] = 1;
	}
	return uf;
}

int
bv_uf_find(BvUnionFind *uf, int i)
{
	while (uf->parent[i] != i)
	{
		uf->parent[i] = uf->parent[uf->parent[i]];	/* path halving */
		i = uf->parent[i];
	}
	return i;
}

void
bv_uf_union(BvUnionFind *uf, int a, int b)
{
	int			ra = bv_uf_find(uf, a);
	int			rb = bv_uf_find(uf, b);

	if (ra == rb)
		return;
	if (uf->size[ra] < uf->size[rb])
	{
		int			t = ra;

		ra = rb;
		rb = t;
	}
	uf->parent[rb] = ra;
	uf->size[ra] += uf->size[rb];
}

int
bv_uf_number(BvUnionFind *uf, const bool *active, int *comp_id, int *comp_size)
{
	int		   *root_id = palloc(sizeof(int) * Max(uf->n, 1));
	int			ncomp = 0;

	for (int i = 0; i < uf->n; i++)
		root_id[i] = -1;
	for (int i = 0; i < uf->n; i++)
	{
		int			root;

		if (!active[i])
		{
			comp_id[i] = -1;
			continue;
		}
		root = bv_uf_find(uf, i);
		if (root_id[root] < 0)
		{
			root_id[root] = ncomp;
			comp_size[ncomp] = 0;
			ncomp++;
		}
		comp_id[i] = root_id[root];
		comp_size[comp_id[i]]++;
	}
	pfree(root_id);
	return ncomp;
}

/* ---------- envelope index ---------- */

static void
collect_hit(void *item, void *userdata)
{
	BvEnvTree  *t = (BvEnvTree *) userdata;

	/* Runs inside GEOS: no palloc, no ereport.  The buffer holds n items. */
	if (t->nhits < t->n)
		t->hits[t->nhits++] = (int) ((intptr_t) item - 1);
}

BvEnvTree *
bv_envtree_create(BvGeosPool *pool, int n)
{
	BvEnvTree  *t = palloc(sizeof(BvEnvTree));

	t->n = n;
	t->hits = palloc(sizeof(int) * Max(n, 1));
	t->nhits = 0;
	t->tree = bv_pool_tree(pool, GEOSSTRtree_create_r(bv_geos(), 10));
	if (t->tree == NULL)
		bv_geos_fail("STRtree create");
	return t;
}

void
bv_envtree_insert(BvEnvTree *t, const GEOSGeometry *geom, int item)
{
	/* item + 1: a NULL item pointer would be ambiguous. */
	GEOSSTRtree_insert_r(bv_geos(), t->tree, geom, (void *) (intptr_t) (item + 1));
}

int
bv_envtree_query(BvEnvTree *t, double xmin, double ymin, double xmax, double ymax)
{
	GEOSContextHandle_t h = bv_geos();
	GEOSGeometry *box;

	t->nhits = 0;
	box = GEOSGeom_createRectangle_r(h, xmin, ymin, xmax, ymax);
	if (box == NULL)
		bv_geos_fail("rectangle");
	GEOSSTRtree_query_r(h, t->tree, box, collect_hit, t);
	GEOSGeom_destroy_r(h, box);

	/*
	 * The query reports no failure; if a cancel interrupted GEOS inside it
	 * (bv_geos_interruptible), the hits may be incomplete: raise the cancel.
	 */
	CHECK_FOR_INTERRUPTS();
	return t->nhits;
}

/* ---------- circles: regular 32-gons, as ST_Buffer(point, r) ---------- */

/*
 * Areas of unions and intersections of circle polygons, integrated along
 * their edges (Green's theorem): the region's area is half the sum of
 * x0*y1 - x1*y0 over the parts of the polygon edges that lie on its
 * boundary.  An edge part lies on the boundary of a union when it is inside
 * no other polygon; on the boundary of (union A) ∩ (union B) when it is on
 * the boundary of its own union and inside the other.  Each polygon is
 * convex, so "inside" is one parameter interval per edge (Cyrus-Beck).
 * Edges running along each other (identical circles) make the boundary
 * ambiguous: the functions then return false and the caller uses GEOS.
 */

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

void
bv_circle_build(BvCircle *c, double cx, double cy, double r)
{
	circle_init();
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
segment_inside(const BvCircle *c, double px, double py, double dx, double dy,
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
bool
bv_circles_overlap_area(const BvCircle *own, int nown, const BvCircle *nb, int nnb,
						double *area)
{
	double		sum = 0;
	bool		degenerate = false;
	Span	   *inc = palloc(sizeof(Span) * (nown + nnb + 1));
	Span	   *exc = palloc(sizeof(Span) * (nown + nnb + 1));

	for (int side = 0; side < 2 && !degenerate; side++)
	{
		const BvCircle *these = side == 0 ? own : nb;
		int			nthese = side == 0 ? nown : nnb;
		const BvCircle *others = side == 0 ? nb : own;
		int			nothers = side == 0 ? nnb : nown;

		for (int a = 0; a < nthese; a++)
		{
			const BvCircle *c = &these[a];

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
					break;
				ninc = intervals_merge(inc, ninc);
				nexc = intervals_merge(exc, nexc);
				sum += segment_contribution(px, py, dx, dy, inc, ninc, exc, nexc);
			}
		}
	}
	pfree(inc);
	pfree(exc);
	if (degenerate)
		return false;
	*area = Max(0.0, sum / 2.0);
	return true;
}

bool
bv_circles_union_area(const BvCircle *c, int n, double *area)
{
	double		sum = 0;
	bool		degenerate = false;
	Span	   *exc = palloc(sizeof(Span) * (n + 1));
	Span		all = {0.0, 1.0};

	for (int a = 0; a < n && !degenerate; a++)
	{
		CHECK_FOR_INTERRUPTS();
		if (c[a].r <= 0)
			continue;
		for (int k = 0; k < NVERT; k++)
		{
			double		px = c[a].vx[k],
						py = c[a].vy[k];
			double		dx = c[a].vx[k + 1] - px,
						dy = c[a].vy[k + 1] - py;
			int			nexc = 0;

			/* An edge is on the union's boundary outside every other polygon. */
			for (int b = 0; b < n; b++)
				if (b != a && segment_inside(&c[b], px, py, dx, dy, &exc[nexc], &degenerate))
					nexc++;
			if (degenerate)
				break;
			nexc = intervals_merge(exc, nexc);
			sum += segment_contribution(px, py, dx, dy, &all, 1, exc, nexc);
		}
	}
	pfree(exc);
	if (degenerate)
		return false;
	*area = Max(0.0, sum / 2.0);
	return true;
}
