/*-------------------------------------------------------------------------
 *
 * window_support.c
 *	  Pieces shared by the window analyses (WKO interference, plume
 *	  approach): argument checks, union-find with first-appearance
 *	  numbering, an envelope index on GEOS's STRtree.  The exact circle
 *	  areas are in circle_area.c, GEOS interrupts in geos_context.c.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include <math.h>

#include "miscadmin.h"
#include "utils/memutils.h"
#include "windowapi.h"

void
bv_check_length_hints(double value, const char *argname,
					  const char *hint_sign, const char *hint_max)
{
	bv_check_non_negative(value, argname, hint_sign);
	if (value > BV_MAX_LENGTH_M)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be at most %.0f m, got %g", argname,
						BV_MAX_LENGTH_M, value),
				 errhint("%s", hint_max)));
}

void
bv_check_length(double value, const char *argname)
{
	bv_check_length_hints(value, argname,
						  "Give a distance in metres, zero or more, e.g. 250.",
						  "Give a distance in metres; the policy uses 150 to 250 m.");
}

/*
 * The value of a window function argument in row, or ERROR 22004 when it
 * is NULL; with_row names the row (for arguments that vary per row).
 */
static Datum
window_arg_not_null(WindowObject winobj, int argno, int row, const char *argname,
					const char *hint, bool with_row)
{
	bool		isnull,
				isout;
	Datum		d = WinGetFuncArgInPartition(winobj, argno, row,
											 WINDOW_SEEK_HEAD, false, &isnull, &isout);

	if (isnull)
	{
		if (with_row)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not be NULL (row %d)", argname, row + 1),
					 errhint("%s", hint)));
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", argname),
				 errhint("%s", hint)));
	}
	return d;
}

double
bv_partition_param(WindowObject winobj, int argno, int row, const char *argname,
				   const char *hint)
{
	return DatumGetFloat8(window_arg_not_null(winobj, argno, row, argname, hint, false));
}

bool
bv_row_flag(WindowObject winobj, int argno, int row, const char *argname,
			const char *hint)
{
	return DatumGetBool(window_arg_not_null(winobj, argno, row, argname, hint, true));
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
