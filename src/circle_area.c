/*-------------------------------------------------------------------------
 *
 * circle_area.c
 *	  Exact areas of unions and intersections of the 32-gon circles that
 *	  ST_Buffer(point, r) makes, without building the polygons: the WKO
 *	  overlap (own bubble ∩ union of the neighbours' bubbles) and the union
 *	  area of plume clusters made of standard circles.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"

#include "circle_area.h"

#define NVERT			BV_CIRCLE_NVERT

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

/* ---------- few circles: every edge against every other polygon ---------- */

/*
 * Area of (union of own[]) ∩ (union of nb[]), all convex 32-gons.  Returns
 * false when the boundary is degenerate (coinciding edges); the caller then
 * asks GEOS.  O(n^2) in the number of circles, but with nothing to set up.
 */
static bool
overlap_pairwise(const BvCircle *own, int nown, const BvCircle *nb, int nnb,
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

static bool
union_pairwise(const BvCircle *c, int n, double *area)
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

/* ---------- many circles: a grid over the region that matters ---------- */

/*
 * With k circles, comparing every edge with every polygon costs 32 k^2
 * tests, and where systems crowd together (k in the hundreds) that is all
 * the time.  But an edge part only needs the polygons near it, and where
 * circles crowd, most edges lie deep inside another polygon and count for
 * nothing.  So the circles of each side go into a uniform grid over the
 * region where the answer lives; per cell the grid keeps
 *
 *	- cover: how many of the side's polygons contain the cell strictly (the
 *	  cell lies inside the inscribed circle, with a margin), and
 *	- the list of the polygons whose boundary may pass through the cell
 *	  (the cell meets the circumscribed circle but is not covered by it).
 *
 * The part of an edge inside a covered cell is inside that side's union;
 * elsewhere only the polygons listed in the cells the edge passes can hold
 * it.  An edge never lies in a cell covered by its own polygon (it is on
 * that polygon's boundary), so cover counts need no identities.  A polygon
 * whose boundary cells are all covered by its own side, or all empty on the
 * other side, is skipped without looking at its 32 edges.
 *
 * Building costs O(cells a polygon touches) per polygon; the cell size
 * follows the radii, so that is bounded, and the total is linear in the
 * number of circles plus the cells.  Answers stay exact: the grid only
 * decides which tests are needed; the intervals are the same Cyrus-Beck
 * ones.  Coinciding edges inside a covered cell no longer matter (that part
 * is inside a third polygon); elsewhere they are still reported.  The bound
 * assumes that few boundaries pass one uncovered cell; contrived input (say
 * hundreds of concentric circles) can still cost up to the pairwise k^2.
 */

/* Fewer circles than this: the pairwise loops are faster (measured). */
#define GRID_MIN_CIRCLES	5
/* Cell size: the mean radius divided by this. */
#define CELLS_PER_RADIUS	3.0
/* At most this many cells per circle (long thin clusters). */
#define CELLS_PER_CIRCLE	16

typedef struct Grid
{
	double		x0,
				y0;				/* lower left corner */
	double		s;				/* cell size */
	double		tol;
	int			gw,
				gh;
	const BvCircle *c;			/* the side's circles */
	int			n;
	int		   *cover;			/* per cell: polygons containing it */
	int		   *start;			/* per cell: ids[start[cell] .. start[cell + 1]) */
	int		   *ids;			/* polygons whose boundary may pass the cell */
	uint32	   *stamp;			/* per circle: last edge query that saw it */
	uint32		gen;
	/* per circle: its rows j0[a] .. and their cells, spans[first[a] ..] */
	int		   *j0;
	int		   *first;			/* n + 1 entries */
	struct RowSpan *spans;
} Grid;

/* The cells of one row that a polygon touches (p0..p1) and covers (c0..c1). */
typedef struct RowSpan
{
	int			p0,
				p1,
				c0,
				c1;
} RowSpan;

/* The inscribed radius of the 32-gon over its circumscribed radius. */
#define RIN_FACTOR		cos(M_PI / NVERT)

/*
 * Row j of the grid against circle c: the cells [*p0, *p1] its polygon may
 * touch (from the circumscribed circle) and the cells [*c0, *c1] strictly
 * inside it (inside the inscribed circle, with a margin; *c0 > *c1 when
 * none).  False when the row has no cell of the first kind.
 */
static bool
row_cells(const Grid *g, const BvCircle *c, int j, int *p0, int *p1, int *c0, int *c1)
{
	double		ya = g->y0 + j * g->s,
				yb = ya + g->s;
	double		rout = c->r + g->tol;
	double		rin = c->r * RIN_FACTOR - g->tol;
	double		dy,
				hw,
				lo,
				hi;

	dy = c->cy < ya ? ya - c->cy : (c->cy > yb ? c->cy - yb : 0.0);
	if (dy > rout)
		return false;
	hw = sqrt(rout * rout - dy * dy);
	lo = floor((c->cx - hw - g->x0) / g->s);
	hi = floor((c->cx + hw - g->x0) / g->s);
	if (hi < 0 || lo > g->gw - 1)
		return false;
	*p0 = (int) Max(lo, 0);
	*p1 = (int) Min(hi, g->gw - 1);
	*c0 = 1;
	*c1 = 0;
	dy = Max(fabs(ya - c->cy), fabs(yb - c->cy));
	if (rin > 0 && dy < rin)
	{
		hw = sqrt(rin * rin - dy * dy);
		lo = ceil((c->cx - hw - g->x0) / g->s);
		hi = floor((c->cx + hw - g->x0) / g->s) - 1;
		if (lo <= hi)
		{
			*c0 = (int) Max(lo, *p0);
			*c1 = (int) Min(hi, *p1);
		}
	}
	return true;
}

/* The rows circle c may touch, clipped to the grid; false when none. */
static bool
circle_rows(const Grid *g, const BvCircle *c, int *j0, int *j1)
{
	double		rout = c->r + g->tol;
	double		lo = floor((c->cy - rout - g->y0) / g->s);
	double		hi = floor((c->cy + rout - g->y0) / g->s);

	if (hi < 0 || lo > g->gh - 1)
		return false;
	*j0 = (int) Max(lo, 0);
	*j1 = (int) Min(hi, g->gh - 1);
	return true;
}

/*
 * Fill the grid (its shape already set) with the circles c[0..n-1].  The
 * cells of each row of each circle are computed once and kept (spans), for
 * the second pass and for circle_may_count.
 */
static void
grid_fill(Grid *g, const BvCircle *c, int n)
{
	int			ncell = g->gw * g->gh;
	int			total,
				nrows = 0;

	g->c = c;
	g->n = n;
	g->cover = palloc0(sizeof(int) * ncell);
	g->start = palloc0(sizeof(int) * (ncell + 1));
	g->stamp = palloc0(sizeof(uint32) * Max(n, 1));
	g->gen = 0;
	g->j0 = palloc(sizeof(int) * Max(n, 1));
	g->first = palloc(sizeof(int) * (n + 1));

	/* Which rows each circle touches. */
	for (int a = 0; a < n; a++)
	{
		int			j0,
					j1;

		g->first[a] = nrows;
		g->j0[a] = 0;
		if (c[a].r <= 0 || !circle_rows(g, &c[a], &j0, &j1))
			continue;
		g->j0[a] = j0;
		nrows += j1 - j0 + 1;
	}
	g->first[n] = nrows;
	g->spans = palloc(sizeof(RowSpan) * Max(nrows, 1));

	/* Their cells; count the boundary cells, cover counts as differences. */
	for (int a = 0; a < n; a++)
	{
		if ((a & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		for (int m = g->first[a]; m < g->first[a + 1]; m++)
		{
			int			j = g->j0[a] + (m - g->first[a]);
			RowSpan    *sp = &g->spans[m];
			int		   *row = g->start + 1 + j * g->gw;

			if (!row_cells(g, &c[a], j, &sp->p0, &sp->p1, &sp->c0, &sp->c1))
			{
				sp->p0 = 1;
				sp->p1 = 0;
				continue;
			}
			for (int i = sp->p0; i <= sp->p1; i++)
				if (i < sp->c0 || i > sp->c1)
					row[i]++;
			if (sp->c0 <= sp->c1)
			{
				g->cover[j * g->gw + sp->c0]++;
				if (sp->c1 + 1 < g->gw)
					g->cover[j * g->gw + sp->c1 + 1]--;
			}
		}
	}
	for (int j = 0; j < g->gh; j++)
		for (int i = 1; i < g->gw; i++)
			g->cover[j * g->gw + i] += g->cover[j * g->gw + i - 1];
	for (int cell = 0; cell < ncell; cell++)
		g->start[cell + 1] += g->start[cell];
	total = g->start[ncell];
	g->ids = palloc(sizeof(int) * Max(total, 1));

	/* Place the ids: start[cell] runs up to the cell's end, then shift back. */
	for (int a = 0; a < n; a++)
	{
		for (int m = g->first[a]; m < g->first[a + 1]; m++)
		{
			int			j = g->j0[a] + (m - g->first[a]);
			const RowSpan *sp = &g->spans[m];

			for (int i = sp->p0; i <= sp->p1; i++)
				if (i < sp->c0 || i > sp->c1)
					g->ids[g->start[j * g->gw + i]++] = a;
		}
	}
	for (int cell = ncell; cell > 0; cell--)
		g->start[cell] = g->start[cell - 1];
	g->start[0] = 0;
}

static void
grid_free(Grid *g)
{
	pfree(g->cover);
	pfree(g->start);
	pfree(g->ids);
	pfree(g->stamp);
	pfree(g->j0);
	pfree(g->first);
	pfree(g->spans);
}

/* The part of p + t d, t in [0, 1], inside a box (Liang-Barsky). */
static bool
clip_box(double px, double py, double dx, double dy,
		 double bx0, double by0, double bx1, double by1, Span *sp)
{
	double		p[4] = {-dx, dx, -dy, dy};
	double		q[4] = {px - bx0, bx1 - px, py - by0, by1 - py};
	double		t0 = 0,
				t1 = 1;

	for (int i = 0; i < 4; i++)
	{
		if (p[i] == 0)
		{
			if (q[i] < 0)
				return false;
		}
		else if (p[i] < 0)
			t0 = Max(t0, q[i] / p[i]);
		else
			t1 = Min(t1, q[i] / p[i]);
	}
	if (t0 >= t1)
		return false;
	sp->t0 = t0;
	sp->t1 = t1;
	return true;
}

/*
 * The parts of edge p + t d inside the union of the grid's polygons other
 * than polygon self (-1: none), merged into out[]; returns their count.
 * out must hold one span per circle plus one per cell.
 */
static int
edge_cover(Grid *g, int self, double px, double py, double dx, double dy,
		   Span *out, bool *degenerate)
{
	double		xmin = Min(px, px + dx),
				xmax = Max(px, px + dx),
				ymin = Min(py, py + dy),
				ymax = Max(py, py + dy);
	double		i0 = floor((xmin - g->x0) / g->s),
				i1 = floor((xmax - g->x0) / g->s),
				j0 = floor((ymin - g->y0) / g->s),
				j1 = floor((ymax - g->y0) / g->s);
	int			n = 0;

	if (i1 < 0 || j1 < 0 || i0 > g->gw - 1 || j0 > g->gh - 1)
		return 0;
	i0 = Max(i0, 0);
	j0 = Max(j0, 0);
	i1 = Min(i1, g->gw - 1);
	j1 = Min(j1, g->gh - 1);
	g->gen++;
	for (int j = (int) j0; j <= (int) j1; j++)
		for (int i = (int) i0; i <= (int) i1; i++)
		{
			int			cell = j * g->gw + i;

			if (g->cover[cell] > 0)
			{
				double		bx = g->x0 + i * g->s,
							by = g->y0 + j * g->s;

				if (clip_box(px, py, dx, dy, bx, by, bx + g->s, by + g->s, &out[n]))
					n++;
				continue;
			}
			for (int m = g->start[cell]; m < g->start[cell + 1]; m++)
			{
				int			id = g->ids[m];

				if (id == self || g->stamp[id] == g->gen)
					continue;
				g->stamp[id] = g->gen;
				if (segment_inside(&g->c[id], px, py, dx, dy, &out[n], degenerate))
					n++;
			}
		}
	return intervals_merge(out, n);
}

/*
 * Could any boundary part of polygon a of grid mine count?  Only where a
 * boundary cell of a is not covered by its own side and holds something of
 * the other side (other NULL: a union, where everything counts).
 */
static bool
circle_may_count(const Grid *mine, const Grid *other, int a)
{
	for (int m = mine->first[a]; m < mine->first[a + 1]; m++)
	{
		int			j = mine->j0[a] + (m - mine->first[a]);
		const RowSpan *sp = &mine->spans[m];

		for (int i = sp->p0; i <= sp->p1; i++)
		{
			int			cell = j * mine->gw + i;

			if (i >= sp->c0 && i <= sp->c1)
				continue;
			if (mine->cover[cell] > 0)
				continue;
			if (other == NULL || other->cover[cell] > 0 ||
				other->start[cell + 1] > other->start[cell])
				return true;
		}
	}
	return false;
}

/*
 * The shoelace sum over the edges of mine's polygons: the parts inside the
 * union of other's polygons (everything when other is NULL) and outside
 * the other polygons of mine.
 */
static double
side_sum(Grid *mine, Grid *other, Span *inc, Span *exc, bool *degenerate)
{
	double		sum = 0;
	Span		all = {0.0, 1.0};

	for (int a = 0; a < mine->n; a++)
	{
		const BvCircle *c = &mine->c[a];

		if ((a & 63) == 0)
			CHECK_FOR_INTERRUPTS();	/* arithmetic only, nothing to free */
		if (c->r <= 0 || !circle_may_count(mine, other, a))
			continue;
		for (int k = 0; k < NVERT; k++)
		{
			double		px = c->vx[k],
						py = c->vy[k];
			double		dx = c->vx[k + 1] - px,
						dy = c->vy[k + 1] - py;
			int			ninc = 1,
						nexc;
			const Span *in = &all;

			if (other != NULL)
			{
				ninc = edge_cover(other, -1, px, py, dx, dy, inc, degenerate);
				if (ninc == 0)
					continue;
				in = inc;
			}
			nexc = edge_cover(mine, a, px, py, dx, dy, exc, degenerate);
			if (*degenerate)
				return 0;
			sum += segment_contribution(px, py, dx, dy, in, ninc, exc, nexc);
		}
	}
	return sum;
}

typedef struct Box
{
	double		xmin,
				ymin,
				xmax,
				ymax;
} Box;

/* The box around the circumscribed circles of c[]; false when all are empty. */
static bool
circles_box(const BvCircle *c, int n, Box *b, double *rsum, int *npos, double *rmax)
{
	bool		any = false;

	for (int a = 0; a < n; a++)
	{
		if (c[a].r <= 0)
			continue;
		if (!any)
		{
			b->xmin = c[a].cx - c[a].r;
			b->xmax = c[a].cx + c[a].r;
			b->ymin = c[a].cy - c[a].r;
			b->ymax = c[a].cy + c[a].r;
			any = true;
		}
		b->xmin = Min(b->xmin, c[a].cx - c[a].r);
		b->xmax = Max(b->xmax, c[a].cx + c[a].r);
		b->ymin = Min(b->ymin, c[a].cy - c[a].r);
		b->ymax = Max(b->ymax, c[a].cy + c[a].r);
		*rsum += c[a].r;
		*rmax = Max(*rmax, c[a].r);
		(*npos)++;
	}
	return any;
}

/*
 * The grid shape over box b (padded): cells of a third of the mean radius
 * (CELLS_PER_RADIUS), larger when that would make more than
 * CELLS_PER_CIRCLE cells per circle (long thin clusters).
 */
static void
grid_shape(Grid *g, const Box *b, double rmean, double rmax, int ncircles)
{
	double		w,
				h,
				s;
	double		maxcells = (double) CELLS_PER_CIRCLE * ncircles + 64;

	g->tol = 1e-9 * (fabs(b->xmin) + fabs(b->ymin) + (b->xmax - b->xmin) +
					 (b->ymax - b->ymin) + rmax);
	w = b->xmax - b->xmin + 4 * g->tol;
	h = b->ymax - b->ymin + 4 * g->tol;
	s = rmean / CELLS_PER_RADIUS;
	if ((w / s) * (h / s) > maxcells)
		s = sqrt(w * h / maxcells);
	s = Max(s, Max(w, h) / 4096);	/* keep the index arithmetic in int */
	g->s = s;
	g->x0 = b->xmin - 2 * g->tol;
	g->y0 = b->ymin - 2 * g->tol;
	g->gw = Max(1, (int) ceil(w / s));
	g->gh = Max(1, (int) ceil(h / s));
}

static bool
overlap_grid(const BvCircle *own, int nown, const BvCircle *nb, int nnb, double *area)
{
	Box			bo,
				bn,
				b;
	double		rsum = 0,
				rmax = 0,
				sum;
	int			npos = 0;
	Grid		go,
				gn;
	Span	   *inc,
			   *exc;
	int			nspan;
	bool		degenerate = false;

	if (!circles_box(own, nown, &bo, &rsum, &npos, &rmax) ||
		!circles_box(nb, nnb, &bn, &rsum, &npos, &rmax))
	{
		*area = 0;
		return true;
	}
	/* The answer lies in both boxes. */
	b.xmin = Max(bo.xmin, bn.xmin);
	b.ymin = Max(bo.ymin, bn.ymin);
	b.xmax = Min(bo.xmax, bn.xmax);
	b.ymax = Min(bo.ymax, bn.ymax);
	if (b.xmin >= b.xmax || b.ymin >= b.ymax)
	{
		*area = 0;
		return true;
	}
	grid_shape(&go, &b, rsum / npos, rmax, npos);
	gn = go;
	grid_fill(&go, own, nown);
	grid_fill(&gn, nb, nnb);
	nspan = nown + nnb + go.gw * go.gh + 1;
	inc = palloc(sizeof(Span) * nspan);
	exc = palloc(sizeof(Span) * nspan);

	sum = side_sum(&go, &gn, inc, exc, &degenerate);
	if (!degenerate)
		sum += side_sum(&gn, &go, inc, exc, &degenerate);

	pfree(inc);
	pfree(exc);
	grid_free(&go);
	grid_free(&gn);
	if (degenerate)
		return false;
	*area = Max(0.0, sum / 2.0);
	return true;
}

static bool
union_grid(const BvCircle *c, int n, double *area)
{
	Box			b;
	double		rsum = 0,
				rmax = 0,
				sum;
	int			npos = 0;
	Grid		g;
	Span	   *exc;
	bool		degenerate = false;

	if (!circles_box(c, n, &b, &rsum, &npos, &rmax))
	{
		*area = 0;
		return true;
	}
	grid_shape(&g, &b, rsum / npos, rmax, npos);
	grid_fill(&g, c, n);
	exc = palloc(sizeof(Span) * (n + g.gw * g.gh + 1));
	sum = side_sum(&g, NULL, NULL, exc, &degenerate);
	pfree(exc);
	grid_free(&g);
	if (degenerate)
		return false;
	*area = Max(0.0, sum / 2.0);
	return true;
}

/* ---------- the two entry points ---------- */

bool
bv_circles_overlap_area(const BvCircle *own, int nown, const BvCircle *nb, int nnb,
						double *area)
{
	if (nown + nnb < GRID_MIN_CIRCLES)
		return overlap_pairwise(own, nown, nb, nnb, area);
	return overlap_grid(own, nown, nb, nnb, area);
}

bool
bv_circles_union_area(const BvCircle *c, int n, double *area)
{
	if (n < GRID_MIN_CIRCLES)
		return union_pairwise(c, n, area);
	return union_grid(c, n, area);
}
