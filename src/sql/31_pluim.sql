-- Groundwater plumes: doc/beleid.md sections 6 and 11 (decision tree 2.1).

CREATE TYPE bv_pluim_aanpak AS (
    cluster    integer,
    n_pluimen  integer,
    cluster_m2 double precision,
    aanpak     text
);

COMMENT ON TYPE bv_pluim_aanpak IS
'Result of bv_pluim_approach per plume: its cluster (connected component of neighbouring plumes, numbered from 0 in row order), the number of plumes in it, the area (m2) of the union of their contours, and the approach of decision tree 2.1: geval, cluster or cluster_of_gebied.';

CREATE FUNCTION bv_pluim(bron geometry, snelheid_m_per_jaar double precision DEFAULT 10,
                         ouderdom_jaar double precision DEFAULT 30,
                         retardatie double precision DEFAULT 0.5)
RETURNS geometry
AS 'MODULE_PATHNAME', 'bv_pluim'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION bv_pluim(geometry, double precision, double precision, double precision) IS
'The circle drawn for a groundwater plume without a surveyed contour: ST_Buffer(bron, snelheid_m_per_jaar * ouderdom_jaar * retardatie), 8 segments per quarter circle; 150 m by default (10 m/yr x 30 yr x 0.5). The same polygon bv_pluim_approach uses for a POINT. Limits: at most 10,000 source points, radius at most 1,000,000 m, |x| and |y| at most 1e9 m, no NaN or Infinity.';

CREATE FUNCTION bv_pluim_approach(pluim geometry, nabij_m double precision DEFAULT 0,
                                  max_cluster_m2 double precision DEFAULT 10000)
RETURNS bv_pluim_aanpak
AS 'MODULE_PATHNAME', 'bv_pluim_approach'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE COST 1000;

COMMENT ON FUNCTION bv_pluim_approach(geometry, double precision, double precision) IS
'Window function: decision tree 2.1 for groundwater plumes. A POINT (or MULTIPOINT) is a source and becomes the standard 150 m circle; a (multi)polygon is the surveyed contour (must be valid). Plumes are neighbours when ST_Distance <= nabij_m; a cluster is a connected component, numbered from 0 in the window''s row order. aanpak: geval (alone), cluster (several, union < max_cluster_m2), cluster_of_gebied (otherwise). NULL or empty geometries get NULL and take no part; nabij_m and max_cluster_m2 must be constant in a partition. Limits: at most 10,000 source points or 100,000 contour vertices per plume, nabij_m at most 1,000,000 m, |x| and |y| at most 1e9 m, no NaN or Infinity.';
