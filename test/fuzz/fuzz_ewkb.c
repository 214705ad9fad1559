/*-------------------------------------------------------------------------
 *
 * fuzz_ewkb.c
 *	  libFuzzer target for the geometry input path of bodemvisie: arbitrary
 *	  bytes -> bv_ewkb_inspect (src/ewkb_check.c, the very file the
 *	  extension compiles) -> GEOS's WKB reader -> the checks the analyses
 *	  make (validity, envelope, area, a small buffer).
 *
 * Besides the sanitizers' findings (crash, leak, out-of-bounds, undefined
 * behaviour), it aborts when an accepted geometry breaks what the
 * extension relies on: GEOS reads the type the inspection saw, and every
 * coordinate is finite and within BV_MAX_COORD_M.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ewkb_check.h"

static GEOSContextHandle_t h = NULL;
static GEOSWKBReader *reader = NULL;
static bool with_buffer = false;	/* BV_FUZZ_BUFFER=1: also buffer small inputs */

static void
quiet(const char *message, void *userdata)
{
	(void) message;
	(void) userdata;
}

static void
finding(const char *what)
{
	fprintf(stderr, "fuzz_ewkb: %s\n", what);
	abort();
}

/* GEOS type ids (GEOS_POINT = 0, ...) for WKB types 1..7. */
static const int geos_type_of_wkb[8] = {-1, GEOS_POINT, GEOS_LINESTRING, GEOS_POLYGON,
	GEOS_MULTIPOINT, GEOS_MULTILINESTRING, GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	BvEwkbInfo	info;
	BvEwkbStatus st;
	GEOSGeometry *g;

	if (h == NULL)
	{
		h = GEOS_init_r();
		GEOSContext_setErrorMessageHandler_r(h, quiet, NULL);
		GEOSContext_setNoticeMessageHandler_r(h, quiet, NULL);
		reader = GEOSWKBReader_create_r(h);
		with_buffer = getenv("BV_FUZZ_BUFFER") != NULL &&
			strcmp(getenv("BV_FUZZ_BUFFER"), "1") == 0;
	}

	g = bv_ewkb_read(h, reader, data, size, &info, &st);
	if (g == NULL)
		return 0;				/* refused by the inspection or by GEOS: fine */
	if (st != BV_EWKB_OK)
		finding("GEOS geometry returned for refused input");
	if (info.type < 1 || info.type > 7 || GEOSGeomTypeId_r(h, g) != geos_type_of_wkb[info.type])
		finding("GEOS read another type than the inspection saw");

	if (GEOSisEmpty_r(h, g) == 0)
	{
		double		xmin,
					ymin,
					xmax,
					ymax;

		if (!GEOSGeom_getXMin_r(h, g, &xmin) || !GEOSGeom_getYMin_r(h, g, &ymin) ||
			!GEOSGeom_getXMax_r(h, g, &xmax) || !GEOSGeom_getYMax_r(h, g, &ymax))
			finding("no envelope for a non-empty geometry");
		if (!isfinite(xmin) || !isfinite(ymin) || !isfinite(xmax) || !isfinite(ymax))
			finding("non-finite coordinate passed the inspection");
		if (fabs(xmin) > BV_MAX_COORD_M || fabs(xmax) > BV_MAX_COORD_M ||
			fabs(ymin) > BV_MAX_COORD_M || fabs(ymax) > BV_MAX_COORD_M)
			finding("coordinate beyond BV_MAX_COORD_M passed the inspection");
	}

	/*
	 * What the analyses do next: validity and area; with BV_FUZZ_BUFFER=1
	 * also a buffer of small inputs (GEOS itself, not our input path: it
	 * found a leak inside GEOS 3.11's buffer, see doc/security.md).
	 */
	if (GEOSisValid_r(h, g) == 1)
	{
		double		area;

		if (GEOSArea_r(h, g, &area) && !isfinite(area))
			finding("non-finite area of a valid geometry");
		if (with_buffer && info.npoints <= 64)
		{
			GEOSGeometry *b = GEOSBuffer_r(h, g, 250.0, 2);

			if (b != NULL)
			{
				if (GEOSArea_r(h, b, &area) && !isfinite(area))
					finding("non-finite buffer area");
				GEOSGeom_destroy_r(h, b);
			}
		}
	}
	GEOSGeom_destroy_r(h, g);
	return 0;
}
