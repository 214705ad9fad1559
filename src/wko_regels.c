/*-------------------------------------------------------------------------
 *
 * wko_regels.c
 *	  Scalar WKO rules of the Bodemvisie Assen: decision tree 4.1
 *	  (bv_wko_beslisboom) and the thermal radius of an open well
 *	  (bv_wko_thermische_straal).
 *
 *-------------------------------------------------------------------------
 */
#include "bodemvisie.h"

#include <math.h>

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(bv_wko_beslisboom);
PG_FUNCTION_INFO_V1(bv_wko_thermische_straal);

/* Volumetric heat capacities in MJ/m3K (issue 3). */
#define C_WATER		4.18
#define C_MATRIX	1.87

/*
 * bv_wko_beslisboom(ontwikkelgebied, n_systemen, vraag, aanbod,
 *					 min_systemen DEFAULT 3, drempel DEFAULT 0.30) -> text
 *
 * Not STRICT: a NULL flag is false, a NULL count 0, and an unknown demand or
 * supply is the answer 'onderzoek' (the municipality must find out).
 */
Datum
bv_wko_beslisboom(PG_FUNCTION_ARGS)
{
	bool		ontwikkelgebied = !PG_ARGISNULL(0) && PG_GETARG_BOOL(0);
	int32		n_systemen = PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1);
	bool		vraag_bekend = !PG_ARGISNULL(2);
	bool		aanbod_bekend = !PG_ARGISNULL(3);
	double		vraag = vraag_bekend ? PG_GETARG_FLOAT8(2) : 0;
	double		aanbod = aanbod_bekend ? PG_GETARG_FLOAT8(3) : 0;
	int32		min_systemen;
	double		drempel;
	const char *besluit;

	if (PG_ARGISNULL(4) || PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("min_systemen and drempel must not be NULL"),
				 errhint("Leave them out to use the policy values 3 and 0.30.")));
	min_systemen = PG_GETARG_INT32(4);
	drempel = PG_GETARG_FLOAT8(5);
	if (n_systemen < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n_systemen must not be negative, got %d", n_systemen),
				 errhint("The number of WKO systems in the area; NULL counts as 0.")));
	if (min_systemen < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_systemen must not be negative, got %d", min_systemen),
				 errhint("The policy value is 3: more than 3 systems make an area a candidate.")));
	bv_check_non_negative(drempel, "drempel",
						  "The policy value is 0.30: demand above 30 % of supply.");
	if (vraag_bekend)
		bv_check_non_negative(vraag, "vraag", "Give NULL when the demand is unknown.");
	if (aanbod_bekend)
		bv_check_non_negative(aanbod, "aanbod", "Give NULL when the supply is unknown.");

	if (!ontwikkelgebied && n_systemen <= min_systemen)
		besluit = "markt";
	else if (!vraag_bekend || !aanbod_bekend)
		besluit = "onderzoek";
	else if (aanbod == 0)
		besluit = vraag > 0 ? "interferentiegebied" : "markt";
	else
		besluit = vraag / aanbod > drempel ? "interferentiegebied" : "markt";

	PG_RETURN_TEXT_P(cstring_to_text(besluit));
}

/*
 * bv_wko_thermische_straal(volume_m3_per_jaar, filterlengte_m,
 *							porositeit DEFAULT 0.3) -> double precision
 *
 * R = sqrt(c_w V / (c_aq pi L)), c_aq = (1 - n) c_matrix + n c_w: the radius
 * of the cylinder of aquifer that stores one year's pumped volume as heat.
 */
Datum
bv_wko_thermische_straal(PG_FUNCTION_ARGS)
{
	double		volume = PG_GETARG_FLOAT8(0);
	double		lengte = PG_GETARG_FLOAT8(1);
	double		n = PG_GETARG_FLOAT8(2);
	double		c_aq;

	bv_check_non_negative(volume, "volume_m3_per_jaar",
						  "The volume pumped per year in m3 (one direction).");
	bv_check_finite(lengte, "filterlengte_m");
	bv_check_finite(n, "porositeit");
	if (lengte <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("filterlengte_m must be positive, got %g", lengte),
				 errhint("The screen length of the well in metres.")));
	if (n <= 0 || n >= 1)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("porositeit must lie between 0 and 1 (exclusive), got %g", n),
				 errhint("A fraction, e.g. 0.3 for sand; not a percentage.")));
	c_aq = (1 - n) * C_MATRIX + n * C_WATER;
	PG_RETURN_FLOAT8(sqrt(C_WATER * volume / (c_aq * M_PI * lengte)));
}
