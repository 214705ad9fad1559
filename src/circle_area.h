/*-------------------------------------------------------------------------
 *
 * circle_area.h
 *	  Exact areas of unions and intersections of the 32-gon circles that
 *	  ST_Buffer(point, r) makes, integrated along their edges (circle_area.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef CIRCLE_AREA_H
#define CIRCLE_AREA_H

/*
 * The polygon ST_Buffer(point, r) makes: a regular 32-gon with a vertex at
 * angle 0 (8 segments per quarter circle).  Vertices here run CCW.
 */
#define BV_CIRCLE_NVERT 32

typedef struct BvCircle
{
	double		cx;
	double		cy;
	double		r;
	double		vx[BV_CIRCLE_NVERT + 1];
	double		vy[BV_CIRCLE_NVERT + 1];
} BvCircle;

extern void bv_circle_build(BvCircle *c, double cx, double cy, double r);

/*
 * Area of (union of own[]) ∩ (union of nb[]) and area of the union of c[],
 * integrated along the edges.  Return false when edges coincide (e.g.
 * identical circles) where it matters: the boundary is ambiguous, ask GEOS
 * instead.  Few circles are compared pairwise; more go through a grid over
 * the region that matters, so that the cost grows about linearly in the
 * number of circles (see circle_area.c).  May CHECK_FOR_INTERRUPTS.
 */
extern bool bv_circles_overlap_area(const BvCircle *own, int nown,
									const BvCircle *nb, int nnb, double *area);
extern bool bv_circles_union_area(const BvCircle *c, int n, double *area);

#endif							/* CIRCLE_AREA_H */
