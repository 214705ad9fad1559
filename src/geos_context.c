/*-------------------------------------------------------------------------
 *
 * geos_context.c
 *	  One reentrant GEOS context per backend, pools that destroy GEOS
 *	  objects when the memory context holding them goes away, and letting a
 *	  query cancel or backend termination interrupt a running GEOS call.
 *
 * GEOS reports errors through a callback that runs inside its C++ code.
 * Raising a PostgreSQL error there would longjmp through C++ frames, so the
 * handlers only copy the message; the caller checks the return value, frees
 * what it owns and then raises the error (bv_geos_fail).
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include <math.h>

#include "miscadmin.h"
#include "utils/memutils.h"

PG_MODULE_MAGIC;

static GEOSContextHandle_t geos_handle = NULL;
static char geos_error[1024];

static void
copy_geos_error(const char *message, void *userdata)
{
	strlcpy(geos_error, message, sizeof(geos_error));
}

static void
ignore_geos_notice(const char *message, void *userdata)
{
	/* GEOS notices are informational (e.g. self-intersection details). */
}

GEOSContextHandle_t
bv_geos(void)
{
	if (geos_handle == NULL)
	{
		geos_handle = GEOS_init_r();
		if (geos_handle == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("could not initialise GEOS")));
		GEOSContext_setErrorMessageHandler_r(geos_handle, copy_geos_error, NULL);
		GEOSContext_setNoticeMessageHandler_r(geos_handle, ignore_geos_notice, NULL);
	}
	return geos_handle;
}

const char *
bv_geos_last_error(void)
{
	return geos_error;
}

void
bv_geos_clear_error(void)
{
	geos_error[0] = '\0';
}

void
bv_geos_fail(const char *operation)
{
	/* A cancel that GEOS noticed first must still read as a cancel. */
	CHECK_FOR_INTERRUPTS();
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("GEOS %s failed: %s", operation,
					geos_error[0] ? geos_error : "unknown error")));
}

/* ---------- letting a cancel or terminate interrupt GEOS ---------- */

/*
 * GEOS calls the registered callback at its interruption points (noding,
 * overlay, union, buffer, validity, ...).  Ours only reads PostgreSQL's
 * interrupt flags and asks GEOS to stop; GEOS then unwinds and its call
 * returns an error, after which the caller frees what it owns and
 * bv_geos_fail() (CHECK_FOR_INTERRUPTS first) reports the cancel or the
 * termination.  So statement_timeout, pg_cancel_backend and
 * pg_terminate_backend also stop one huge buffer or union.
 *
 * GEOS 3.11 has only a process-global callback.  PostGIS may have one of
 * its own (on Windows); we chain to whatever was registered before and put
 * it back when the last scope ends.  Scopes nest (a window analysis that
 * creates pools in child contexts): only the outermost one registers.
 */
static GEOSInterruptCallback *chained_interrupt_cb = NULL;
static int	interrupt_depth = 0;

static void
geos_interrupt_check(void)
{
	/*
	 * Runs inside GEOS: read flags only, never ereport.  Ask GEOS to stop
	 * only when CHECK_FOR_INTERRUPTS would act on the flag now (not while
	 * interrupts are held off), so the error that follows is the cancel.
	 */
	if (InterruptPending && InterruptHoldoffCount == 0 && CritSectionCount == 0 &&
		(ProcDiePending || (QueryCancelPending && QueryCancelHoldoffCount == 0)))
		GEOS_interruptRequest();
	if (chained_interrupt_cb != NULL)
		chained_interrupt_cb();
}

typedef struct InterruptScope
{
	MemoryContextCallback callback;
} InterruptScope;

static void
interrupt_scope_end(void *arg)
{
	if (interrupt_depth <= 0)
		return;
	if (--interrupt_depth == 0)
	{
		GEOS_interruptRegisterCallback(chained_interrupt_cb);
		chained_interrupt_cb = NULL;
		/* a request nobody consumed must not hit a later GEOS call */
		GEOS_interruptCancel();
	}
}

void
bv_geos_interruptible(MemoryContext mcxt)
{
	InterruptScope *scope = MemoryContextAllocZero(mcxt, sizeof(InterruptScope));

	if (interrupt_depth++ == 0)
	{
		GEOSInterruptCallback *prev;

		GEOS_interruptCancel();
		prev = GEOS_interruptRegisterCallback(geos_interrupt_check);
		chained_interrupt_cb = (prev == geos_interrupt_check) ? NULL : prev;
	}
	scope->callback.func = interrupt_scope_end;
	scope->callback.arg = scope;
	MemoryContextRegisterResetCallback(mcxt, &scope->callback);
}

/* ---------- pools ---------- */

typedef enum BvPooledKind
{
	POOLED_GEOM,
	POOLED_TREE,
	POOLED_PREPARED
} BvPooledKind;

typedef struct BvPooled
{
	BvPooledKind kind;
	void	   *ptr;
} BvPooled;

struct BvGeosPool
{
	MemoryContextCallback callback;
	MemoryContext mcxt;
	BvPooled   *items;
	int			nitems;
	int			maxitems;
};

static void
destroy_one(BvPooledKind kind, void *ptr)
{
	switch (kind)
	{
		case POOLED_GEOM:
			GEOSGeom_destroy_r(geos_handle, (GEOSGeometry *) ptr);
			break;
		case POOLED_TREE:
			GEOSSTRtree_destroy_r(geos_handle, (GEOSSTRtree *) ptr);
			break;
		case POOLED_PREPARED:
			GEOSPreparedGeom_destroy_r(geos_handle, (const GEOSPreparedGeometry *) ptr);
			break;
	}
}

/* Reverse order: prepared geometries go before the geometries they use. */
static void
pool_destroy_items(BvGeosPool *pool)
{
	while (pool->nitems > 0)
	{
		BvPooled   *item = &pool->items[--pool->nitems];

		destroy_one(item->kind, item->ptr);
	}
}

static void
pool_context_gone(void *arg)
{
	pool_destroy_items((BvGeosPool *) arg);
}

BvGeosPool *
bv_pool_create(MemoryContext mcxt, int expected)
{
	BvGeosPool *pool;

	(void) bv_geos();
	pool = MemoryContextAllocZero(mcxt, sizeof(BvGeosPool));
	pool->mcxt = mcxt;
	pool->maxitems = Max(expected, 8);
	pool->items = MemoryContextAlloc(mcxt, sizeof(BvPooled) * pool->maxitems);
	pool->callback.func = pool_context_gone;
	pool->callback.arg = pool;
	MemoryContextRegisterResetCallback(mcxt, &pool->callback);

	/*
	 * Every computation with GEOS objects has a pool: while it lives, a
	 * cancel or terminate also stops a running GEOS call.  Registered after
	 * the pool, so (callbacks run last-in first-out) the scope ends before
	 * the pooled objects are destroyed.
	 */
	bv_geos_interruptible(mcxt);
	return pool;
}

/*
 * Take ownership of ptr.  If growing the list fails (out of memory), the
 * object is destroyed before the error propagates, so nothing leaks.
 */
static void *
pool_add(BvGeosPool *pool, BvPooledKind kind, void *ptr)
{
	if (ptr == NULL)
		return NULL;
	if (pool->nitems >= pool->maxitems)
	{
		int			newmax = pool->maxitems * 2;
		BvPooled   *grown;

		grown = MemoryContextAllocExtended(pool->mcxt, sizeof(BvPooled) * newmax,
										   MCXT_ALLOC_NO_OOM);
		if (grown == NULL)
		{
			destroy_one(kind, ptr);
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory while keeping GEOS objects")));
		}
		memcpy(grown, pool->items, sizeof(BvPooled) * pool->nitems);
		pfree(pool->items);
		pool->items = grown;
		pool->maxitems = newmax;
	}
	pool->items[pool->nitems].kind = kind;
	pool->items[pool->nitems].ptr = ptr;
	pool->nitems++;
	return ptr;
}

GEOSGeometry *
bv_pool_geom(BvGeosPool *pool, GEOSGeometry *geom)
{
	return (GEOSGeometry *) pool_add(pool, POOLED_GEOM, geom);
}

GEOSSTRtree *
bv_pool_tree(BvGeosPool *pool, GEOSSTRtree *tree)
{
	return (GEOSSTRtree *) pool_add(pool, POOLED_TREE, tree);
}

const GEOSPreparedGeometry *
bv_pool_prepared(BvGeosPool *pool, const GEOSPreparedGeometry *prep)
{
	return (const GEOSPreparedGeometry *) pool_add(pool, POOLED_PREPARED,
												   (void *) prep);
}

/* Destroy everything now (the normal end of a computation). */
void
bv_pool_release(BvGeosPool *pool)
{
	pool_destroy_items(pool);
}

/* ---------- argument checks shared by all modules ---------- */

void
bv_check_finite(double value, const char *argname)
{
	if (isnan(value) || isinf(value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite number, got %s", argname,
						isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity"))));
}

/*
 * A finite, non-negative float8 argument (a length, a factor, a demand):
 * ERROR 22003 for NaN/Infinity, 22023 for a negative value, both with hint.
 */
void
bv_check_non_negative(double value, const char *argname, const char *hint)
{
	if (isnan(value) || isinf(value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite number, got %s", argname,
						isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity")),
				 errhint("%s", hint)));
	if (value < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative, got %g", argname, value),
				 errhint("%s", hint)));
}
