-- Derived map layers (issue 5): views ready for GeoServer/MapServer, each with
-- one geometry column of a declared type and SRID (so geometry_columns lists
-- it), a stable integer id and readable attribute names; stored versions
-- (tables, suffix _m) with a primary key and GiST indexes for large data,
-- and a refresh function.  The window functions need the whole table, so a WHERE on the
-- plain views cannot use an index; map servers should read the _m versions.

-- WKO bubbles with their interference result (doc/beleid.md 5).
CREATE FUNCTION bv_wko_bellen(peildatum date)
RETURNS TABLE (id bigint, naam text, systeem text, status text, straal_m double precision, groep integer, n_groep integer, n_buren integer, overlap_m2 double precision, interfereert boolean, geom geometry)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 100000 ROWS 1000
AS $fn$
#variable_conflict use_column
BEGIN
RETURN QUERY
SELECT s.id,
       s.naam,
       s.systeem,
       s.status,
       s.straal AS straal_m,
       (s.r).groep,
       (s.r).n_groep,
       (s.r).n_buren,
       round((s.r).overlap_m2::numeric, 1)::double precision AS overlap_m2,
       (s.r).n_buren > 0 AS interfereert,
       ST_Multi(bv_wko_bel(s.putten, s.straal))::geometry(MultiPolygon, 28992) AS geom
  FROM (SELECT w.*, coalesce(w.straal_m, c.bel) AS straal,
               bv_wko_interference(w.putten, coalesce(w.straal_m, c.bel),
                                   w.diepte_van_m, w.diepte_tot_m, 0::float8) OVER (ORDER BY w.id) AS r
          FROM bv_wko_systeem w,
               -- once, not per row: OFFSET 0 keeps the planner from pulling
               -- the call up into the row expressions (issue 15: 0.6 s per
               -- 100,000 systems)
               (SELECT bv_constante('bel_straal_m'::text) AS bel OFFSET 0) c
         WHERE bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, peildatum)) s;
END
$fn$;

COMMENT ON FUNCTION bv_wko_bellen(date) IS
'The map layer bv_kaart_wko_bellen as of peildatum: the bubbles of the WKO systems in use on that date (bv_in_gebruik) with their 3D interference. Publish a future situation as its own layer: SELECT * FROM bv_wko_bellen(''2030-01-01'').';

-- (a function result loses the typmod: the cast declares it for geometry_columns)
CREATE VIEW bv_kaart_wko_bellen AS
SELECT k.id, k.naam, k.systeem, k.status, k.straal_m, k.groep, k.n_groep, k.n_buren, k.overlap_m2, k.interfereert, k.geom::geometry(MultiPolygon, 28992) AS geom
  FROM bv_wko_bellen(CURRENT_DATE) k;

COMMENT ON VIEW bv_kaart_wko_bellen IS
'Map layer (today; another date: bv_wko_bellen(peildatum)): the bubble (bel) of every WKO system (radius straal_m, 250 m when not set) with its interference group, group size, number of interfering neighbours and the area of its bubble overlapped by theirs. Neighbours are systems whose bubbles overlap in plan and whose screens (diepte_van_m .. diepte_tot_m; unknown = the whole column) overlap in depth.';

-- Plumes with their cluster and remediation approach (doc/beleid.md 6).
--
-- Decision tree 2.1 (module 2) asks "Is sprake van meerdere dicht bij elkaar
-- gelegen of elkaar overlappende pluimen?".  How close is "dicht bij elkaar"
-- the document does not say; eigen keuze: the constant pluim_nabij_m (25 m,
-- the distance of the walk-through in doc/beslisbomen.md).  (The window
-- function's own default stays 0: its signature is a fixed contract.)

-- toelichting: decision tree 2.1 asks whether the area is "< 1 ha", but a
-- source without a contour is drawn as the standard 150 m circle (7 ha), so
-- a cluster holding one can never be under 1 ha (doc/beleid.md 6).  The window
-- function's return type is fixed; the layer says it here instead.  The
-- document's own conclusion (module 2, Aanpak pluim): "Gezien de beperkte
-- omvang van gebieden met meerdere grondwaterverontreinigingen speelt een
-- gebiedsgerichte aanpak in Assen vooralsnog geen rol."
CREATE FUNCTION bv_pluimen(peildatum date)
RETURNS TABLE (id bigint, naam text, status text, vorm text, cluster integer, n_pluimen integer, cluster_m2 double precision, aanpak text, geom geometry, toelichting text)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 100000 ROWS 1000
AS $fn$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH k AS (
    SELECT bv_constante('pluim_nabij_m'::text) AS nabij_m,
           bv_constante('pluim_cluster_max_m2'::text) AS max_cluster_m2,   -- 1 ha
           bv_constante('pluim_stroming_m_per_jaar'::text) AS stroming,
           bv_constante('pluim_leeftijd_jaar'::text) AS leeftijd,
           bv_constante('pluim_retardatie'::text) AS retardatie
     OFFSET 0   -- once, not per row
),
a AS (
    SELECT p.id, p.naam, p.status, p.geom, k.max_cluster_m2, k.stroming, k.leeftijd, k.retardatie,
           bv_pluim_approach(p.geom, k.nabij_m, k.max_cluster_m2) OVER (ORDER BY p.id) AS r
      FROM bv_verontreiniging p CROSS JOIN k
     WHERE bv_pluim_actueel(p.status, p.ontdekt_op, p.gesaneerd_op, peildatum)
),
c AS (
    -- per cluster: does it hold a source circle, and how large is the union
    -- of its surveyed contours alone
    SELECT (a.r).cluster AS cluster,
           pg_catalog.bool_or(GeometryType(a.geom) = 'POINT') AS met_bron,
           coalesce(ST_Area(ST_Union(CASE WHEN GeometryType(a.geom) <> 'POINT' THEN a.geom END)),
                    0::float8) AS contour_m2
      FROM a
     GROUP BY (a.r).cluster
)
SELECT a.id,
       a.naam,
       a.status,
       CASE WHEN GeometryType(a.geom) = 'POINT' THEN 'bron' ELSE 'contour' END AS vorm,
       (a.r).cluster,
       (a.r).n_pluimen,
       round((a.r).cluster_m2::numeric, 1)::double precision AS cluster_m2,
       (a.r).aanpak,
       ST_Multi(CASE WHEN GeometryType(a.geom) = 'POINT'
                     THEN bv_pluim(a.geom, a.stroming, a.leeftijd, a.retardatie)
                     ELSE a.geom END)::geometry(MultiPolygon, 28992) AS geom,
       CASE
         WHEN (a.r).aanpak = 'cluster_of_gebied' AND c.met_bron AND c.contour_m2 < a.max_cluster_m2 THEN
              'Cluster boven 1 ha alleen door de standaardcirkel (straal 150 m, ruim 7 ha) van een bron zonder '
              'contour: zo''n cluster kan nooit "< 1 ha" zijn (beslisboom 2.1). De gemeten contouren samen: '
              || round(c.contour_m2::numeric, 0)::text || ' m2. Beoordeel met een gemeten pluimcontour; '
              'volgens de Bodemvisie speelt een gebiedsgerichte aanpak in Assen vooralsnog geen rol.'
         WHEN (a.r).aanpak = 'cluster_of_gebied' THEN
              'Cluster van 1 ha of meer: clustergerichte aanpak afwegen tegen gebiedsgerichte aanpak '
              '(beslisboom 2.1); volgens de Bodemvisie speelt een gebiedsgerichte aanpak in Assen vooralsnog geen rol.'
       END AS toelichting
  FROM a LEFT JOIN c ON c.cluster = (a.r).cluster;
END
$fn$;

COMMENT ON FUNCTION bv_pluimen(date) IS
'The map layer bv_kaart_pluimen as of peildatum: the plumes known and not remediated on that date (bv_pluim_actueel) with their cluster and approach.';

-- (a function result loses the typmod: the cast declares it for geometry_columns)
CREATE VIEW bv_kaart_pluimen AS
SELECT k.id, k.naam, k.status, k.vorm, k.cluster, k.n_pluimen, k.cluster_m2, k.aanpak, k.geom::geometry(MultiPolygon, 28992) AS geom, k.toelichting
  FROM bv_pluimen(CURRENT_DATE) k;

COMMENT ON VIEW bv_kaart_pluimen IS
'Map layer (today; another date: bv_pluimen(peildatum)): every current plume (remediated ones left out) as its contour, or the standard 150 m circle for a source point, with its cluster, cluster size, cluster area and approach from decision tree 2.1 (geval, cluster, cluster_of_gebied); plumes within bv_constante(''pluim_nabij_m'') (25 m) count as close together. toelichting (Dutch) explains cluster_of_gebied, and says when a cluster is above 1 ha only because of standard circles.';

-- Soil-energy potential (issue 9: the map reads the same rulebook as the
-- check).  For every system type and every depth band of its borehole, the
-- ground where the check answers verbod, restrictie or vrij (toegestaan).
-- The bands come from the rulebook and the depth model: for a type allowed
-- in [lo, hi] (bv_toegestane_diepte) the bottom of the borehole lies in
-- (lo, t1], (t1, t2], ..., (tn, hi] where t1..tn are the depths of the rules
-- (dieper_dan_m) between lo and hi, so that inside one band every rule
-- either applies or not, exactly as in the check; plus the band (0, lo]
-- where the type is forbidden by its zone (open above 25 m, geothermal
-- above 1,400 m).  A rule with dieper_dan_m = d applies in a band (a, b]
-- when a >= d.  Areas and plumes are those in force on peildatum.
-- What the check adds and the map leaves out: interference with other WKO
-- systems and interference areas (their own layers), the aquifer of an open
-- screen (it needs a ground level) and advice; the potential map is about
-- the policy areas.  The map extent is the bounding box of all bodemvisie
-- data plus 1 km.
CREATE FUNCTION bv_bodemenergie_kaart(peildatum date DEFAULT CURRENT_DATE)
RETURNS TABLE (id integer, systeem text, zone_3d integer,
               diepte_van_m double precision, diepte_tot_m double precision,
               kaartlaag text, oordeel text, redenen text,
               geom geometry(MultiPolygon, 28992))
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000 ROWS 30
AS $$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH extent AS MATERIALIZED (
    SELECT ST_SetSRID(ST_Expand(ST_Extent(g)::geometry, 1000::float8), 28992) AS g
      FROM (SELECT b.geom AS g FROM bv_beleidsgebied b
            UNION ALL SELECT a.geom FROM bv_gebied a
            UNION ALL SELECT w.putten FROM bv_wko_systeem w
            UNION ALL SELECT v.geom FROM bv_verontreiniging v) all_data
),
typen(systeem, nr, lo, hi) AS (
    SELECT s.systeem, s.nr, d.van_m, d.tot_m
      FROM (VALUES ('open'::text, 0), ('gesloten'::text, 1), ('geothermie'::text, 2)) AS s(systeem, nr)
     CROSS JOIN LATERAL bv_toegestane_diepte(s.systeem) d
),
regels AS (
    SELECT t.systeem, g.code, g.soort, g.dieper_dan_m, g.ernst
      FROM typen t
      JOIN bv_regel g ON t.systeem = ANY (g.systemen)
     WHERE g.ernst IN ('verbod', 'restrictie')
       AND bv_regel_van_kracht(g.geldig_vanaf, g.geldig_tot, peildatum)
),
grenzen AS (
    SELECT t.systeem, t.nr, t.lo, t.hi, x.d
      FROM typen t
     CROSS JOIN LATERAL (
            SELECT t.lo AS d
            UNION
            SELECT r.dieper_dan_m FROM regels r
             WHERE r.systeem = t.systeem AND r.dieper_dan_m > t.lo AND r.dieper_dan_m < t.hi) x
),
banden AS (
    -- (a, b]: the bottom of the borehole; bandnr 0 = above the allowed band
    SELECT g.systeem, g.nr, g.d AS a, coalesce(lead(g.d) OVER w, g.hi) AS b,
           (row_number() OVER w)::integer AS bandnr
      FROM grenzen g
    WINDOW w AS (PARTITION BY g.systeem ORDER BY g.d)
    UNION ALL
    SELECT t.systeem, t.nr, 0::float8, t.lo, 0 FROM typen t WHERE t.lo > 0::float8
),
-- the areas and plumes in force whose kind has a rule, each as a piece;
-- pieces that overlap or touch form a cluster (issue 15).  Clusters lie
-- apart, so every union and difference below is done per cluster, on few
-- pieces, and the results of the clusters are collected without overlay:
-- one overlay of the whole map per class cost seconds per set of reasons.
stukken AS (
    SELECT (row_number() OVER ())::integer AS nr, s.soort, s.g, ST_ClusterDBSCAN(s.g, 0::float8, 1) OVER () AS cluster
      FROM (SELECT b.soort, b.geom AS g
              FROM bv_beleidsgebied b
             WHERE bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, peildatum)
               AND b.soort IN (SELECT r.soort FROM regels r)
            UNION ALL
            SELECT 'verontreiniging',
                   CASE WHEN GeometryType(v.geom) = 'POINT'
                        THEN bv_pluim(v.geom, c.stroming, c.leeftijd, c.retardatie)
                        ELSE v.geom END
              FROM bv_verontreiniging v,
                   (SELECT bv_constante('pluim_stroming_m_per_jaar'::text) AS stroming,
                           bv_constante('pluim_leeftijd_jaar'::text) AS leeftijd,
                           bv_constante('pluim_retardatie'::text) AS retardatie OFFSET 0) c
             WHERE bv_pluim_actueel(v.status, v.ontdekt_op, v.gesaneerd_op, peildatum)
               AND 'verontreiniging'::text IN (SELECT r.soort FROM regels r)) s
),
-- per band, which kinds of area forbid or restrict (a '*' kind: the whole
-- extent); bands with the same set share one geometry computation
band_redenen AS (
    SELECT k.systeem, k.bandnr, r.ernst, r.soort AS reden
      FROM banden k
      JOIN regels r ON r.systeem = k.systeem AND (r.dieper_dan_m IS NULL OR k.a >= r.dieper_dan_m)
     WHERE k.bandnr > 0
       AND r.soort IN (SELECT s.soort FROM stukken s)
    UNION ALL
    -- above the allowed band the type is forbidden everywhere
    SELECT k.systeem, k.bandnr, 'verbod', '*zone' FROM banden k WHERE k.bandnr = 0
    UNION ALL
    -- geothermal is always under the Mijnbouwwet (the check's reason
    -- 'geothermie'; inside a gas field the verbod covers it)
    SELECT k.systeem, k.bandnr, 'restrictie', '*geothermie' FROM banden k
     WHERE k.systeem = 'geothermie' AND k.bandnr > 0
),
handtekening AS (
    SELECT k.systeem, k.bandnr,
           coalesce(pg_catalog.string_agg(r.ernst || ':' || r.reden, ','::text ORDER BY r.ernst, r.reden), '') AS sig
      FROM banden k
      LEFT JOIN band_redenen r ON r.systeem = k.systeem AND r.bandnr = k.bandnr
     GROUP BY k.systeem, k.bandnr
),
-- one computation per distinct set of reasons
sets AS (
    SELECT DISTINCT ON (h.sig) h.sig, h.systeem, h.bandnr FROM handtekening h ORDER BY h.sig, h.systeem, h.bandnr
),
-- per set, each kind of area once: does it forbid (a kind that also
-- forbids in this set restricts nowhere else) or only restrict
rollen AS (
    SELECT t.sig, r.reden AS soort, pg_catalog.bool_or(r.ernst = 'verbod') AS verbiedt
      FROM sets t
      JOIN band_redenen r ON r.systeem = t.systeem AND r.bandnr = t.bandnr
     WHERE r.reden NOT LIKE '*%'
     GROUP BY t.sig, r.reden
),
-- per set and cluster: the pieces that forbid, and all pieces with a role
per_cluster AS (
    SELECT o.sig, s.cluster,
           pg_catalog.array_agg(s.nr ORDER BY s.nr) FILTER (WHERE o.verbiedt) AS v,
           pg_catalog.array_agg(s.g ORDER BY s.nr) FILTER (WHERE o.verbiedt) AS v_g,
           pg_catalog.array_agg(s.nr ORDER BY s.nr) AS alle,
           pg_catalog.array_agg(s.g ORDER BY s.nr) AS alle_g
      FROM rollen o
      JOIN stukken s ON s.soort = o.soort
     GROUP BY o.sig, s.cluster
),
-- every distinct set of pieces unioned once (the sets of reasons share
-- most clusters' pieces); a single piece is its own union
unies AS (
    SELECT d.nrs, CASE WHEN pg_catalog.cardinality(d.gs) = 1 THEN d.gs[1] ELSE ST_Union(d.gs) END AS g
      FROM (SELECT DISTINCT ON (x.nrs) x.nrs, x.gs
              FROM (SELECT p.v AS nrs, p.v_g AS gs FROM per_cluster p WHERE p.v IS NOT NULL
                    UNION ALL
                    SELECT p.alle, p.alle_g FROM per_cluster p) x
             ORDER BY x.nrs) d
),
-- restricted: all pieces minus those that forbid, once per distinct pair
verschillen AS (
    SELECT d.v, d.alle,
           CASE WHEN d.v IS NULL THEN ua.g ELSE ST_Difference(ua.g, uv.g, -1.0::float8) END AS g
      FROM (SELECT DISTINCT p.v, p.alle FROM per_cluster p WHERE p.v IS DISTINCT FROM p.alle) d
      JOIN unies ua ON ua.nrs = d.alle
      LEFT JOIN unies uv ON uv.nrs = d.v
),
cluster_vlakken AS (
    SELECT p.sig, p.cluster, uv.g AS verbod, ua.g AS alle, r.g AS restrictie
      FROM per_cluster p
      JOIN unies ua ON ua.nrs = p.alle
      LEFT JOIN unies uv ON uv.nrs = p.v
      LEFT JOIN verschillen r ON r.alle = p.alle AND r.v IS NOT DISTINCT FROM p.v
),
ruw AS (
    SELECT t.sig,
           EXISTS (SELECT 1 FROM band_redenen r
                    WHERE r.systeem = t.systeem AND r.bandnr = t.bandnr
                      AND r.ernst = 'verbod' AND r.reden LIKE '*%') AS verbod_overal,
           EXISTS (SELECT 1 FROM band_redenen r
                    WHERE r.systeem = t.systeem AND r.bandnr = t.bandnr
                      AND r.ernst = 'restrictie' AND r.reden LIKE '*%') AS restrictie_overal,
           -- the clusters lie apart: collecting their parts is their union
           (SELECT ST_CollectionExtract(ST_Collect(c.verbod), 3) FROM cluster_vlakken c
             WHERE c.sig = t.sig AND c.verbod IS NOT NULL) AS verbod,
           (SELECT ST_CollectionExtract(ST_Collect(c.restrictie), 3) FROM cluster_vlakken c
             WHERE c.sig = t.sig AND c.restrictie IS NOT NULL AND NOT ST_IsEmpty(c.restrictie)) AS restrictie,
           (SELECT ST_CollectionExtract(ST_Collect(c.alle), 3) FROM cluster_vlakken c
             WHERE c.sig = t.sig) AS alle,
           (SELECT pg_catalog.string_agg(DISTINCT ltrim(r.reden, '*'), ', '::text ORDER BY ltrim(r.reden, '*'))
              FROM band_redenen r
             WHERE r.systeem = t.systeem AND r.bandnr = t.bandnr AND r.ernst = 'verbod') AS redenen_verbod,
           (SELECT pg_catalog.string_agg(DISTINCT ltrim(r.reden, '*'), ', '::text ORDER BY ltrim(r.reden, '*'))
              FROM band_redenen r
             WHERE r.systeem = t.systeem AND r.bandnr = t.bandnr AND r.ernst = 'restrictie'
               AND NOT EXISTS (SELECT 1 FROM band_redenen v
                                WHERE v.systeem = r.systeem AND v.bandnr = r.bandnr
                                  AND v.ernst = 'verbod' AND v.reden = r.reden)) AS redenen_restrictie
      FROM sets t
),
-- MATERIALIZED: once per set, not once per band of it
klassen AS MATERIALIZED (
    SELECT w.sig,
           CASE WHEN w.verbod_overal THEN e.g ELSE w.verbod END AS verbod,
           CASE WHEN w.verbod_overal THEN NULL
                WHEN w.restrictie_overal THEN
                     CASE WHEN w.verbod IS NULL THEN e.g ELSE ST_Difference(e.g, w.verbod, -1.0::float8) END
                ELSE w.restrictie END AS restrictie,
           CASE WHEN w.verbod_overal OR w.restrictie_overal THEN NULL
                WHEN w.alle IS NULL THEN e.g
                ELSE ST_Difference(e.g, w.alle, -1.0::float8) END AS vrij,
           w.redenen_verbod, w.redenen_restrictie
      FROM ruw w, extent e
),
vlakken AS (
    SELECT k.systeem, k.nr, k.bandnr, k.a, k.b, o.oordeel, o.o, o.redenen, o.g
      FROM banden k
      JOIN handtekening h ON h.systeem = k.systeem AND h.bandnr = k.bandnr
      JOIN klassen c ON c.sig = h.sig
     CROSS JOIN LATERAL (VALUES ('verbod'::text, 0, c.redenen_verbod, c.verbod),
                                ('restrictie'::text, 1, c.redenen_restrictie, c.restrictie),
                                ('vrij'::text, 2, NULL::text, c.vrij)) AS o(oordeel, o, redenen, g)
)
SELECT (v.nr * 300 + v.bandnr * 3 + v.o + 1)::integer,
       v.systeem,
       -- the 3D zone the band lies in (NULL below 300 m)
       (bv_zone_for_depth((v.a + v.b) / 2::float8)).zone_3d,
       v.a, v.b,
       pg_catalog.format('%s_%s_%s', v.systeem, v.a, v.b),
       v.oordeel, v.redenen,
       ST_Multi(ST_CollectionExtract(v.g, 3))::geometry(MultiPolygon, 28992)
  FROM vlakken v
 WHERE v.g IS NOT NULL AND NOT ST_IsEmpty(ST_CollectionExtract(v.g, 3))
 ORDER BY 1;
END
$$;
COMMENT ON FUNCTION bv_bodemenergie_kaart(date) IS
'The soil-energy potential map, read from the rulebook (bv_regel) like the check: for every system type (open, gesloten, geothermie) and every depth band (diepte_van_m, diepte_tot_m] of the bottom of the borehole, the ground where soil energy is forbidden (verbod), restricted (restrictie) or free (vrij) on peildatum, with the kinds of area behind it. The bands split where a rule starts (e.g. 15 m in the boringsvrije zone), so inside a band the map answers as bv_bodemenergie_toets does for the policy areas and plumes. kaartlaag names the band (e.g. gesloten_15_25), zone_3d its 3D zone.';

-- (a function result loses the typmod: the cast declares it for geometry_columns)
CREATE VIEW bv_kaart_bodemenergie AS
SELECT k.id, k.systeem, k.zone_3d, k.diepte_van_m, k.diepte_tot_m, k.kaartlaag,
       k.oordeel, k.redenen, k.geom::geometry(MultiPolygon, 28992) AS geom
  FROM bv_bodemenergie_kaart(CURRENT_DATE) k;

COMMENT ON VIEW bv_kaart_bodemenergie IS
'Map layer: soil-energy potential today per system type and depth band of the borehole bottom (diepte_van_m, diepte_tot_m]: vrij, restrictie or verbod. Ids are stable while the rulebook is: systeem (open 0, gesloten 300, geothermie 600) + 3 x band number + (verbod 1, restrictie 2, vrij 3). Another date: bv_bodemenergie_kaart(peildatum).';

-- The stored versions of these layers (tables bv_kaart_*_m, for map
-- servers) follow in 61_kaartlagen_gebied.sql, after the last view.
