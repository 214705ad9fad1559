/*-------------------------------------------------------------------------
 *
 * zone.c
 *	  Depth zoning of the Bodemvisie Assen: the four layers, the provincial
 *	  3D zone model, the hydrological units of Assen (table 2.1), the deep
 *	  formations (table 2.2) and the uses suited to each depth.
 *
 * All numbers live in the tables at the top of this file; a policy update is
 * a change of one row.  Every band is half-open, [top, bottom) in metres
 * below ground level, so a boundary belongs to the deeper band (doc/beleid.md 0).
 * Units of table 2.1 are given in m NAP and converted with the ground level:
 * level = maaiveld_nap - depth.
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(bv_zone_for_depth);
PG_FUNCTION_INFO_V1(bv_zone_for_depth_nap);
PG_FUNCTION_INFO_V1(bv_boring);
PG_FUNCTION_INFO_V1(bv_dieptemodel);
PG_FUNCTION_INFO_V1(bv_dieptemodel_nap);

#define MAX_DEPTH_M			10000.0
#define MIN_MAAIVELD_NAP	(-10.0)
#define MAX_MAAIVELD_NAP	400.0

/* A band of depth in m below ground level: [top, bottom). */
typedef struct DepthBand
{
	double		top;
	double		bottom;
	const char *name;			/* layer, formation or use */
	const char *extra;			/* competent authority, or NULL */
	int			zone;			/* 3D zone number, or 0 */
} DepthBand;

/* A band of level in m NAP: (lower, upper]; the boundary goes down. */
typedef struct LevelBand
{
	double		upper;
	double		lower;
	const char *eenheid;
	const char *formatie;
} LevelBand;

/* Section 1: the four layers and their competent authority. */
static const DepthBand lagen[] = {
	{-INFINITY, 0, "occupatielaag", "gemeente"},
	{0, 5, "netwerklaag", "gemeente"},
	{5, 500, "ondiepe_ondergrond", "provincie"},
	{500, INFINITY, "diepe_ondergrond", "rijk"},
};

/* Section 2: the provincial 3D zone model of Drenthe. */
static const DepthBand zones_3d[] = {
	{0, 25, "zone 1", NULL, 1},
	{25, 300, "zone 2", NULL, 2},
};

/* Section 3, table 2.1: hydrological units of Assen, top to bottom. */
static const LevelBand eenheden[] = {
	{INFINITY, 8, "wvp1", "Boxtel"},
	{8, 5, "wvp1", "Drente"},
	{5, -5, "wvp2", "Peelo"},
	{-5, -50, "sdl1", "Peelo"},
	{-50, -65, "wvp3", "Peelo"},
	{-65, -100, "wvp4", "Peize-Waalre"},
	{-100, -155, "wvp5", "Oosterhout"},
	{-155, -INFINITY, "basis", "Breda"},
};

/* Table 2.1 applies from ground level down to the deep subsurface. */
static const DepthBand eenheden_range = {0, 500, NULL, NULL, 0};

/* Section 4, table 2.2: the deep formations. */
static const DepthBand diepe_formaties[] = {
	{500, 1400, "Zechstein", NULL, 0},
	{1400, 4500, "Rijnland, Hoofd-Bontzandsteen, Boven-Rotliegend", NULL, 0},
};

/*
 * Uses suited to each depth, in the order of the vocabulary of doc/beleid.md 11.
 * wko_gesloten: zones 1 and 2; wko_open: zone 2 only; kabels_leidingen: the
 * network layer; the deep uses: table 2.2 ("Opbouw 'diepe ondergrond' van
 * Drenthe met geschikte bodemfuncties"):
 *   500-1.400 Zechstein: "zout", "gas perslucht", "afval": no geothermal use;
 *   1.400-4.500 Rijnland and Hoofd-Bontzandsteen: "gas/olie", "geothermie
 *     warmte", "gas", "CO2"; Boven-Rotliegend: the same plus "geothermie
 *     elektrisch"; "Overige members": "gas/olie", "gas", "CO2", no
 *     geothermal use;
 *   below 4.500 the table says nothing: no use.
 * The table gives one depth range for all four formations of 1,400-4,500
 * and no depth per formation, so a depth alone cannot tell Boven-Rotliegend
 * (or an "Overige member") from Rijnland.  functies lists what may be suited
 * at that depth: both geothermal uses over the whole range (eigen keuze;
 * which formation is there must come from a borehole or a deep model).
 * Checked against the table for issue 9: the rows below agree; the tests
 * are on both sides of 1,400 and 4,500 (sql/10_zone.sql).
 */
static const DepthBand functies[] = {
	{0, 300, "wko_gesloten"},
	{25, 300, "wko_open"},
	{0, 5, "kabels_leidingen"},
	{500, 1400, "zoutwinning"},
	{1400, 4500, "gaswinning"},
	{1400, 4500, "oliewinning"},
	{1400, 4500, "geothermie_warmte"},
	{1400, 4500, "geothermie_elektrisch"},
	{500, 4500, "opslag_gas"},
	{500, 1400, "opslag_perslucht"},
	{500, 1400, "opslag_afval"},
	{1400, 4500, "opslag_co2"},
};

/* The unit whose top is the pot clay (sdl1): the clay is (-50, -5] m NAP. */
#define POTKLEI "sdl1"

static bool
in_band(const DepthBand *band, double depth)
{
	return depth >= band->top && depth < band->bottom;
}

/* Index of the band holding depth, or -1. */
static int
find_band(const DepthBand *bands, int nbands, double depth)
{
	for (int i = 0; i < nbands; i++)
		if (in_band(&bands[i], depth))
			return i;
	return -1;
}

/* Depth interval [top, bottom) of a unit of table 2.1 for a ground level. */
static DepthBand
level_band_as_depth(const LevelBand *unit, double maaiveld_nap)
{
	DepthBand	band = {maaiveld_nap - unit->upper, maaiveld_nap - unit->lower,
	unit->eenheid, unit->formatie, 0};

	return band;
}

static int
find_eenheid(double depth, double maaiveld_nap)
{
	if (!in_band(&eenheden_range, depth))
		return -1;
	for (int i = 0; i < (int) lengthof(eenheden); i++)
	{
		DepthBand	band = level_band_as_depth(&eenheden[i], maaiveld_nap);

		if (in_band(&band, depth))
			return i;
	}
	return -1;
}

static void
check_depth(double depth, const char *argname)
{
	bv_check_finite(depth, argname);
	if (depth > MAX_DEPTH_M)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be at most %g m below ground level, got %.10g",
						argname, MAX_DEPTH_M, depth),
				 errhint("Depths are in metres below ground level (m-mv), positive downward.")));
}

static void
check_maaiveld(double maaiveld_nap)
{
	bv_check_finite(maaiveld_nap, "maaiveld_nap");
	if (maaiveld_nap < MIN_MAAIVELD_NAP || maaiveld_nap > MAX_MAAIVELD_NAP)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("maaiveld_nap must be between %g and %g m NAP, got %.10g",
						MIN_MAAIVELD_NAP, MAX_MAAIVELD_NAP, maaiveld_nap),
				 errhint("The ground level is a height in metres relative to NAP; "
						 "Assen lies at about +5 to +15 m NAP.")));
}

/* ---------- bv_zone_for_depth ---------- */

/*
 * The answer depends only on which band of each table the depth falls in,
 * so finished tuples are cached per combination: a call costs a few
 * comparisons, one hash probe and a copy.
 */
typedef struct ZoneKey
{
	int8		laag;
	int8		zone;
	int8		eenheid;
	int8		diep;
	uint32		functies_mask;
} ZoneKey;

typedef struct ZoneCacheEntry
{
	ZoneKey		key;
	HeapTuple	tuple;
} ZoneCacheEntry;

typedef struct ZoneCache
{
	TupleDesc	tupdesc;
	HTAB	   *tuples;
} ZoneCache;

static ZoneCache *
zone_cache(FunctionCallInfo fcinfo)
{
	ZoneCache  *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		MemoryContext oldcxt = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	tupdesc;
		HASHCTL		ctl;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "bv_zone_for_depth must return the composite type bv_zone");
		cache = palloc(sizeof(ZoneCache));
		cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		ctl.keysize = sizeof(ZoneKey);
		ctl.entrysize = sizeof(ZoneCacheEntry);
		ctl.hcxt = fcinfo->flinfo->fn_mcxt;
		cache->tuples = hash_create("bv_zone results", 64, &ctl,
									HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		MemoryContextSwitchTo(oldcxt);
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static Datum
text_array(const char **items, int nitems)
{
	Datum	   *elems = palloc(sizeof(Datum) * Max(nitems, 1));

	for (int i = 0; i < nitems; i++)
		elems[i] = CStringGetTextDatum(items[i]);
	return PointerGetDatum(construct_array(elems, nitems, TEXTOID, -1, false,
										   TYPALIGN_INT));
}

static HeapTuple
build_zone_tuple(TupleDesc tupdesc, const ZoneKey *key)
{
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};
	const char *names[lengthof(functies)];
	int			nnames = 0;

	values[0] = CStringGetTextDatum(lagen[key->laag].name);
	if (key->zone >= 0)
		values[1] = Int32GetDatum(zones_3d[key->zone].zone);
	else
		nulls[1] = true;
	if (key->eenheid >= 0)
	{
		values[2] = CStringGetTextDatum(eenheden[key->eenheid].eenheid);
		values[3] = CStringGetTextDatum(eenheden[key->eenheid].formatie);
	}
	else
	{
		nulls[2] = true;
		if (key->diep >= 0)
			values[3] = CStringGetTextDatum(diepe_formaties[key->diep].name);
		else
			nulls[3] = true;
	}
	values[4] = CStringGetTextDatum(lagen[key->laag].extra);
	for (int i = 0; i < (int) lengthof(functies); i++)
		if (key->functies_mask & (1u << i))
			names[nnames++] = functies[i].name;
	values[5] = text_array(names, nnames);
	return heap_form_tuple(tupdesc, values, nulls);
}

static Datum
zone_result(FunctionCallInfo fcinfo, double depth, bool has_maaiveld,
			double maaiveld_nap)
{
	ZoneCache  *cache = zone_cache(fcinfo);
	ZoneKey		key;
	ZoneCacheEntry *entry;
	bool		found;

	StaticAssertStmt(lengthof(functies) <= 32, "functies must fit a uint32 mask");
	memset(&key, 0, sizeof(key));
	key.laag = find_band(lagen, lengthof(lagen), depth);
	key.zone = find_band(zones_3d, lengthof(zones_3d), depth);
	key.eenheid = has_maaiveld ? find_eenheid(depth, maaiveld_nap) : -1;
	key.diep = find_band(diepe_formaties, lengthof(diepe_formaties), depth);
	for (int i = 0; i < (int) lengthof(functies); i++)
		if (in_band(&functies[i], depth))
			key.functies_mask |= 1u << i;

	entry = hash_search(cache->tuples, &key, HASH_ENTER, &found);
	if (!found)
	{
		MemoryContext oldcxt = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		entry->tuple = NULL;
		entry->tuple = build_zone_tuple(cache->tupdesc, &key);
		MemoryContextSwitchTo(oldcxt);
	}
	return heap_copy_tuple_as_datum(entry->tuple, cache->tupdesc);
}

/*
 * bv_zone_for_depth(depth_m) -> bv_zone
 */
Datum
bv_zone_for_depth(PG_FUNCTION_ARGS)
{
	double		depth = PG_GETARG_FLOAT8(0);

	check_depth(depth, "depth_m");
	PG_RETURN_DATUM(zone_result(fcinfo, depth, false, 0));
}

/*
 * bv_zone_for_depth(depth_m, maaiveld_nap) -> bv_zone
 */
Datum
bv_zone_for_depth_nap(PG_FUNCTION_ARGS)
{
	double		depth = PG_GETARG_FLOAT8(0);
	double		maaiveld_nap = PG_GETARG_FLOAT8(1);

	check_depth(depth, "depth_m");
	check_maaiveld(maaiveld_nap);
	PG_RETURN_DATUM(zone_result(fcinfo, depth, true, maaiveld_nap));
}

/* ---------- bv_boring: what a depth interval crosses ---------- */

/* Does the closed interval [van, tot] meet the band [top, bottom)? */
static bool
interval_meets(const DepthBand *band, double van, double tot)
{
	return van < band->bottom && tot >= band->top;
}

/* Append name unless it equals the last one appended (adjacent rows). */
static void
append_distinct(const char **names, int *n, const char *name)
{
	if (*n == 0 || strcmp(names[*n - 1], name) != 0)
		names[(*n)++] = name;
}

/*
 * bv_boring(diepte_van_m, diepte_tot_m, maaiveld_nap DEFAULT NULL) -> bv_boring
 *
 * Not STRICT: a NULL ground level means "unknown", which leaves the units
 * and the pot clay answers NULL.  NULL depths give NULL.
 */
Datum
bv_boring(PG_FUNCTION_ARGS)
{
	double		van;
	double		tot;
	bool		has_maaiveld = !PG_ARGISNULL(2);
	double		maaiveld_nap = has_maaiveld ? PG_GETARG_FLOAT8(2) : 0;
	TupleDesc	tupdesc;
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};
	const char *names[lengthof(eenheden) + lengthof(diepe_formaties) + 4];
	const char *formaties[lengthof(eenheden) + lengthof(diepe_formaties)];
	Datum		zone_numbers[lengthof(zones_3d)];
	int			n;
	int			nformaties = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	van = PG_GETARG_FLOAT8(0);
	tot = PG_GETARG_FLOAT8(1);
	check_depth(van, "diepte_van_m");
	check_depth(tot, "diepte_tot_m");
	if (has_maaiveld)
		check_maaiveld(maaiveld_nap);
	if (van > tot)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("diepte_van_m (%g) must not be deeper than diepte_tot_m (%g)",
						van, tot),
				 errhint("Give the interval from the top (shallow) to the bottom (deep).")));

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "bv_boring must return the composite type bv_boring");
	tupdesc = BlessTupleDesc(tupdesc);

	/* lagen */
	n = 0;
	for (int i = 0; i < (int) lengthof(lagen); i++)
		if (interval_meets(&lagen[i], van, tot))
			names[n++] = lagen[i].name;
	values[0] = text_array(names, n);

	/* zones_3d */
	n = 0;
	for (int i = 0; i < (int) lengthof(zones_3d); i++)
		if (interval_meets(&zones_3d[i], van, tot))
			zone_numbers[n++] = Int32GetDatum(zones_3d[i].zone);
	values[1] = PointerGetDatum(construct_array(zone_numbers, n, INT4OID, 4, true,
												TYPALIGN_INT));

	/* eenheden and formaties (table 2.1 needs the ground level) */
	n = 0;
	if (has_maaiveld)
	{
		for (int i = 0; i < (int) lengthof(eenheden); i++)
		{
			DepthBand	band = level_band_as_depth(&eenheden[i], maaiveld_nap);

			/* Clip to where table 2.1 applies: [0, 500). */
			band.top = Max(band.top, eenheden_range.top);
			band.bottom = Min(band.bottom, eenheden_range.bottom);
			if (band.top < band.bottom && interval_meets(&band, van, tot))
			{
				append_distinct(names, &n, eenheden[i].eenheid);
				append_distinct(formaties, &nformaties, eenheden[i].formatie);
			}
		}
		values[2] = text_array(names, n);
	}
	else
		nulls[2] = true;
	for (int i = 0; i < (int) lengthof(diepe_formaties); i++)
		if (interval_meets(&diepe_formaties[i], van, tot))
			append_distinct(formaties, &nformaties, diepe_formaties[i].name);
	values[3] = text_array(formaties, nformaties);

	/* The pot clay: touched at all, and pierced from above to below. */
	nulls[4] = nulls[5] = !has_maaiveld;
	if (has_maaiveld)
	{
		DepthBand	clay = {0};

		for (int i = 0; i < (int) lengthof(eenheden); i++)
			if (strcmp(eenheden[i].eenheid, POTKLEI) == 0)
				clay = level_band_as_depth(&eenheden[i], maaiveld_nap);
		clay.top = Max(clay.top, eenheden_range.top);
		values[4] = BoolGetDatum(interval_meets(&clay, van, tot));
		values[5] = BoolGetDatum(van < clay.top && tot >= clay.bottom);
	}

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- bv_dieptemodel: the tables above, as rows ---------- */

static void
emit_band(Tuplestorestate *store, TupleDesc tupdesc, const char *indeling,
		  const char *naam, double top, double bottom)
{
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	values[0] = CStringGetTextDatum(indeling);
	values[1] = CStringGetTextDatum(naam);
	values[2] = Float8GetDatum(top);
	nulls[3] = isinf(bottom);
	values[3] = Float8GetDatum(bottom);
	tuplestore_putvalues(store, tupdesc, values, nulls);
}

/*
 * The depth bands of this file (layers, 3D zones, deep formations, uses and,
 * with a ground level, the hydrological units of table 2.1), so that SQL
 * (the rulebook, the map's depth bands, the docs) reads the numbers from the
 * one place they live instead of repeating them.  Bands below ground only;
 * tot_m NULL = no bottom.
 */
static Datum
dieptemodel(FunctionCallInfo fcinfo, bool has_maaiveld, double maaiveld_nap)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	MemoryContext oldcxt;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("bv_dieptemodel must be called in FROM")));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "bv_dieptemodel must return a composite type");

	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
	store = tuplestore_begin_heap(true, false, work_mem);
	for (int i = 0; i < (int) lengthof(lagen); i++)
		if (lagen[i].bottom > 0)
			emit_band(store, tupdesc, "laag", lagen[i].name,
					  Max(lagen[i].top, 0), lagen[i].bottom);
	for (int i = 0; i < (int) lengthof(zones_3d); i++)
		emit_band(store, tupdesc, "zone_3d", zones_3d[i].name,
				  zones_3d[i].top, zones_3d[i].bottom);
	/* table 2.1, clipped to where it applies, as bv_boring reads it */
	for (int i = 0; has_maaiveld && i < (int) lengthof(eenheden); i++)
	{
		DepthBand	band = level_band_as_depth(&eenheden[i], maaiveld_nap);

		band.top = Max(band.top, eenheden_range.top);
		band.bottom = Min(band.bottom, eenheden_range.bottom);
		if (band.top < band.bottom)
			emit_band(store, tupdesc, "eenheid", eenheden[i].eenheid,
					  band.top, band.bottom);
	}
	for (int i = 0; i < (int) lengthof(diepe_formaties); i++)
		emit_band(store, tupdesc, "formatie", diepe_formaties[i].name,
				  diepe_formaties[i].top, diepe_formaties[i].bottom);
	for (int i = 0; i < (int) lengthof(functies); i++)
		emit_band(store, tupdesc, "functie", functies[i].name,
				  functies[i].top, functies[i].bottom);
	MemoryContextSwitchTo(oldcxt);

	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	return (Datum) 0;
}

/* bv_dieptemodel() -> SETOF (indeling, naam, van_m, tot_m) */
Datum
bv_dieptemodel(PG_FUNCTION_ARGS)
{
	return dieptemodel(fcinfo, false, 0);
}

/* bv_dieptemodel(maaiveld_nap): also the units of table 2.1 ('eenheid') */
Datum
bv_dieptemodel_nap(PG_FUNCTION_ARGS)
{
	double		maaiveld_nap = PG_GETARG_FLOAT8(0);

	check_maaiveld(maaiveld_nap);
	return dieptemodel(fcinfo, true, maaiveld_nap);
}
