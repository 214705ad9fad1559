-- WKO interference: doc/beleid.md sections 5 and 11 (decision tree 4.1).

CREATE TYPE bv_wko_interferentie AS (
    groep      integer,
    n_groep    integer,
    n_buren    integer,
    overlap_m2 double precision
);

COMMENT ON TYPE bv_wko_interferentie IS
'Result of bv_wko_interference per WKO system: its group (connected component of overlapping bubbles, numbered from 0 in row order), the group size, the number of systems whose bubble overlaps its own, and the area (m2) of its bubble covered by those bubbles.';

CREATE FUNCTION bv_wko_bel(putten geometry, straal_m double precision DEFAULT 250)
RETURNS geometry
AS 'MODULE_PATHNAME', 'bv_wko_bel'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION bv_wko_bel(geometry, double precision) IS
'The bubble of a WKO system: ST_Buffer(putten, straal_m) with 8 segments per quarter circle, around each well (POINT or MULTIPOINT). Default radius 250 m (Bodemvisie Assen, decision tree 4.1). Limits: at most 10,000 wells per system (real systems have tens), radius at most 1,000,000 m, |x| and |y| at most 1e9 m, no NaN or Infinity (errors 54000 and 22003 with a hint).';

-- One function with defaults; the C entry also serves the 2-argument
-- declaration of release 0.1.0 (it looks at PG_NARGS()).  Not STRICT: a
-- NULL depth means the whole column and must not drop the row.
CREATE FUNCTION bv_wko_interference(putten geometry, straal_m double precision DEFAULT 250,
                                    diepte_van_m double precision DEFAULT NULL,
                                    diepte_tot_m double precision DEFAULT NULL,
                                    marge_verticaal_m double precision DEFAULT 0)
RETURNS bv_wko_interferentie
AS 'MODULE_PATHNAME', 'bv_wko_interference'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE COST 500;

COMMENT ON FUNCTION bv_wko_interference(geometry, double precision, double precision, double precision, double precision) IS
'Window function: which WKO systems interfere, in plan and in depth. Two systems are neighbours when the distance between their wells is below the sum of their radii (bubbles overlap; touching does not count) AND their screens [diepte_van_m, diepte_tot_m] (m below ground level, closed intervals) are at most marge_verticaal_m (default 0) apart vertically (touching screens interfere). NULL diepte_van_m = from ground level, NULL diepte_tot_m = without limit below; both NULL (the default) = the whole column, so without depths the analysis is the 2D one. marge_verticaal_m must be the same for all rows of a partition. Returns per row the group (connected component, numbered from 0 in the window''s row order), its size, the number of neighbours and the area of the bubble overlapped by the neighbours'' bubbles. Rows with a NULL or empty geometry or a NULL radius get NULL and take no part; PARTITION BY gives separate analyses. Limits: at most 10,000 wells per system, radius and margin at most 1,000,000 m, |x| and |y| at most 1e9 m, depths finite and >= 0 with top <= bottom, no NaN or Infinity (errors of class 22 with a hint).';

-- The halo form (doc/scaling.md): a sixth argument eigen_rij, no defaults,
-- so that every call of the 5-argument form resolves as before.  The same
-- C entry; it reads eigen_rij only when PG_NARGS() is 6.
CREATE FUNCTION bv_wko_interference(putten geometry, straal_m double precision,
                                    diepte_van_m double precision,
                                    diepte_tot_m double precision,
                                    marge_verticaal_m double precision,
                                    eigen_rij boolean)
RETURNS bv_wko_interferentie
AS 'MODULE_PATHNAME', 'bv_wko_interference'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE COST 500;

COMMENT ON FUNCTION bv_wko_interference(geometry, double precision, double precision, double precision, double precision, boolean) IS
'Window function: bv_wko_interference with halo rows, for exact analyses per region (doc/scaling.md). eigen_rij true = a row the analysis is for: the same result as the 5-argument form over all rows of the partition. eigen_rij false = a halo row (a system of a neighbouring region): it counts as a neighbour of the own rows (their n_buren and overlap_m2 are exactly those of one analysis of the whole table when the halo holds every system within straal_m + max(straal_m)), but gets only its groep (for bv_groepen_samenvoegen), with n_groep, n_buren and overlap_m2 NULL. Pairs of two halo rows are not tested. groep and n_groep are per partition and include halo rows; the global groups come from bv_groepen_samenvoegen. For the 2D analysis give NULL, NULL, 0 for the depths and margin. eigen_rij must not be NULL (error 22004). Other arguments and limits as in the 5-argument form.';
