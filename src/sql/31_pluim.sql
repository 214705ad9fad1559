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

-- The halo form (doc/scaling.md): a fourth argument eigen_rij, no defaults,
-- so that every call of the 3-argument form resolves as before.
CREATE FUNCTION bv_pluim_approach(pluim geometry, nabij_m double precision,
                                  max_cluster_m2 double precision, eigen_rij boolean)
RETURNS bv_pluim_aanpak
AS 'MODULE_PATHNAME', 'bv_pluim_approach'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE COST 1000;

COMMENT ON FUNCTION bv_pluim_approach(geometry, double precision, double precision, boolean) IS
'Window function: bv_pluim_approach with halo rows, for analyses per region (doc/scaling.md). eigen_rij true = a plume the analysis is for; eigen_rij false = a halo plume of a neighbouring region: it takes part in the clusters but gets only its cluster number (for bv_groepen_samenvoegen), with n_pluimen, cluster_m2 and aanpak NULL. Pairs of two halo plumes are not tested. Cluster membership is exact after bv_groepen_samenvoegen when the halo holds every plume within nabij_m of a region''s plumes; n_pluimen, cluster_m2 and aanpak describe the whole cluster, which can reach beyond any halo, so they are exact only from the merged clusters (a second pass of bv_pluim_approach PARTITION BY the merged cluster). eigen_rij must not be NULL (error 22004). Other arguments and limits as in the 3-argument form.';

-- The merge of groups (WKO) or clusters (plumes) computed per region with a
-- halo (doc/scaling.md): connected components over the (regio, groep) pairs,
-- linked by every id that appears in more than one of them.
CREATE FUNCTION bv_groepen_samenvoegen(regios text[], ids bigint[], groepen integer[],
                                       eigen_rijen boolean[])
RETURNS TABLE (id bigint, groep integer, n_groep integer)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 ROWS 1000
AS $$
DECLARE
    n_rijen   integer := pg_catalog.cardinality(ids);
    n_knopen  integer;
    ouder     integer[];
    paar      record;
    k_id      bigint[];
    k_eigen   boolean[];
    k_knoop   integer[];
    a         integer;
    b         integer;
    dubbel    bigint;
BEGIN
    IF pg_catalog.cardinality(regios) <> n_rijen OR pg_catalog.cardinality(groepen) <> n_rijen
       OR pg_catalog.cardinality(eigen_rijen) <> n_rijen THEN
        RAISE EXCEPTION 'regios, ids, groepen and eigen_rijen must have the same length, got %, %, % and %',
            pg_catalog.cardinality(regios), n_rijen, pg_catalog.cardinality(groepen),
            pg_catalog.cardinality(eigen_rijen)
            USING ERRCODE = '22023',
                  HINT = 'Aggregate them in one query: array_agg(regio ORDER BY x), array_agg(id ORDER BY x), ...';
    END IF;
    IF EXISTS (SELECT 1 FROM ROWS FROM (pg_catalog.unnest(regios), pg_catalog.unnest(ids),
                              pg_catalog.unnest(eigen_rijen)) AS u(regio, id, eigen)
                WHERE u.regio IS NULL OR u.id IS NULL OR u.eigen IS NULL) THEN
        RAISE EXCEPTION 'regios, ids and eigen_rijen must not contain NULL'
            USING ERRCODE = '22004',
                  HINT = 'Every row of a per-region analysis has its region, its id and its eigen_rij; a NULL groep (a row that took no part) is allowed.';
    END IF;
    SELECT u.id INTO dubbel
      FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(eigen_rijen)) AS u(id, eigen)
     WHERE u.eigen
     GROUP BY u.id HAVING pg_catalog.count(u.id) > 1::bigint
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'id % is an own row (eigen_rij true) of more than one region', dubbel
            USING ERRCODE = '22023',
                  HINT = 'Each row belongs to one region; in the other regions it may only appear as a halo row (eigen_rij false).';
    END IF;

    -- Nodes: the distinct (regio, groep) pairs, numbered 1..n_knopen.
    SELECT pg_catalog.array_agg(x.id ORDER BY x.nr), pg_catalog.array_agg(x.eigen ORDER BY x.nr),
           pg_catalog.array_agg(x.knoop ORDER BY x.nr), coalesce(pg_catalog.max(x.knoop), 0::integer)
      INTO k_id, k_eigen, k_knoop, n_knopen
      FROM (SELECT u.id, u.eigen, u.nr,
                   (dense_rank() OVER (ORDER BY u.regio, u.groep))::integer AS knoop
              FROM ROWS FROM (pg_catalog.unnest(regios), pg_catalog.unnest(ids),
                              pg_catalog.unnest(groepen), pg_catalog.unnest(eigen_rijen))
                   WITH ORDINALITY AS u(regio, id, groep, eigen, nr)
             WHERE u.groep IS NOT NULL) x;
    IF n_knopen = 0::integer THEN
        RETURN;
    END IF;
    SELECT pg_catalog.array_agg(g.i ORDER BY g.i) INTO ouder
      FROM pg_catalog.generate_series(1::integer, n_knopen) AS g(i);

    -- Union-find over the links: every occurrence of an id to its first node.
    FOR paar IN
        SELECT l.k1, l.k2
          FROM (SELECT k.knoop AS k1, pg_catalog.min(k.knoop) OVER (PARTITION BY k.id) AS k2
                  FROM ROWS FROM (pg_catalog.unnest(k_id), pg_catalog.unnest(k_knoop)) AS k(id, knoop)) l
         WHERE l.k1 <> l.k2
    LOOP
        a := paar.k1;
        WHILE ouder[a] <> a LOOP
            ouder[a] := ouder[ouder[a]];
            a := ouder[a];
        END LOOP;
        b := paar.k2;
        WHILE ouder[b] <> b LOOP
            ouder[b] := ouder[ouder[b]];
            b := ouder[b];
        END LOOP;
        IF a <> b THEN
            ouder[greatest(a, b)] := least(a, b);
        END IF;
    END LOOP;
    -- Every node to its root (a parent always has the smaller number).
    FOR a IN 1..n_knopen LOOP
        ouder[a] := ouder[ouder[a]];
    END LOOP;

    RETURN QUERY
    WITH eigen AS (
        SELECT k.id, ouder[k.knoop] AS wortel
          FROM ROWS FROM (pg_catalog.unnest(k_id), pg_catalog.unnest(k_eigen),
                         pg_catalog.unnest(k_knoop)) AS k(id, eigen, knoop)
         WHERE k.eigen
    ), per_wortel AS (
        SELECT e.wortel, pg_catalog.min(e.id) AS eerste, pg_catalog.count(e.id)::integer AS n
          FROM eigen e GROUP BY e.wortel
    )
    SELECT e.id,
           (dense_rank() OVER (ORDER BY w.eerste) - 1::bigint)::integer,
           w.n
      FROM eigen e JOIN per_wortel w ON w.wortel = e.wortel
     ORDER BY e.id;
END
$$;

COMMENT ON FUNCTION bv_groepen_samenvoegen(text[], bigint[], integer[], boolean[]) IS
'The merge step of an analysis per region with a halo (doc/scaling.md): given, for every row of every region''s analysis, its region, its id, its groep (of bv_wko_interference) or cluster (of bv_pluim_approach) in that region, and eigen_rij, returns for each own row (eigen_rij true, groep not NULL) its global group, the connected component of the (regio, groep) pairs linked by ids that appear in several of them, numbered from 0 in the order of the smallest id in it, and n_groep, the number of own rows in it. With a complete halo these are exactly the groups of one analysis of the whole table (as partitions; the numbers differ). Errors 22023 for arrays of different lengths or an id that is an own row of two regions, 22004 for a NULL region, id or eigen_rij.';
