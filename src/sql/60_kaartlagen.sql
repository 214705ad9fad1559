-- Derived map layers (issue 5): views ready for GeoServer/MapServer, each with
-- one geometry column of a declared type and SRID (so geometry_columns lists
-- it), a stable integer id and readable attribute names; materialized
-- versions (suffix _m) with GiST indexes for large data, and a refresh
-- function.  The window functions need the whole table, so a WHERE on the
-- plain views cannot use an index; map servers should read the _m versions.

-- WKO bubbles with their interference result (SPEC.md 5).
CREATE VIEW bv_kaart_wko_bellen AS
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
  FROM (SELECT w.*, coalesce(w.straal_m, 250::float8) AS straal,
               bv_wko_interference(w.putten, coalesce(w.straal_m, 250::float8),
                                   w.diepte_van_m, w.diepte_tot_m, 0::float8) OVER (ORDER BY w.id) AS r
          FROM bv_wko_systeem w) s;

COMMENT ON VIEW bv_kaart_wko_bellen IS
'Map layer: the bubble (bel) of every WKO system (radius straal_m, 250 m when not set) with its interference group, group size, number of interfering neighbours and the area of its bubble overlapped by theirs. Neighbours are systems whose bubbles overlap in plan and whose screens (diepte_van_m .. diepte_tot_m; unknown = the whole column) overlap in depth.';

-- Plumes with their cluster and remediation approach (SPEC.md 6).
--
-- Decision tree 2.1 (module 2) asks "Is sprake van meerdere dicht bij elkaar
-- gelegen of elkaar overlappende pluimen?".  How close is "dicht bij elkaar"
-- the document does not say; eigen keuze: 25 m, the distance of the
-- walk-through in doc/beslisbomen.md, written here once.  (The window
-- function's own default stays 0: its signature is a fixed contract.)
CREATE FUNCTION bv_pluim_nabij_m()
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$
    SELECT 25::float8
$fn$;

COMMENT ON FUNCTION bv_pluim_nabij_m() IS
'The distance (m) within which two groundwater plumes count as "dicht bij elkaar gelegen" in decision tree 2.1: 25 m (our choice; the document gives no number). Used by the map layer bv_kaart_pluimen and the walk-through in doc/beslisbomen.md.';

-- toelichting: decision tree 2.1 asks whether the area is "< 1 ha", but a
-- source without a contour is drawn as the standard 150 m circle (7 ha), so
-- a cluster holding one can never be under 1 ha (SPEC.md 6).  The window
-- function's return type is fixed; the layer says it here instead.  The
-- document's own conclusion (module 2, Aanpak pluim): "Gezien de beperkte
-- omvang van gebieden met meerdere grondwaterverontreinigingen speelt een
-- gebiedsgerichte aanpak in Assen vooralsnog geen rol."
CREATE VIEW bv_kaart_pluimen AS
WITH k AS (
    SELECT bv_pluim_nabij_m() AS nabij_m, 10000::float8 AS max_cluster_m2   -- 1 ha
),
a AS (
    SELECT p.id, p.naam, p.status, p.geom, k.max_cluster_m2,
           bv_pluim_approach(p.geom, k.nabij_m, k.max_cluster_m2) OVER (ORDER BY p.id) AS r
      FROM bv_verontreiniging p CROSS JOIN k
     WHERE p.status <> 'gesaneerd'
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
       ST_Multi(CASE WHEN GeometryType(a.geom) = 'POINT' THEN bv_pluim(a.geom, 10::float8, 30::float8, 0.5::float8)
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

COMMENT ON VIEW bv_kaart_pluimen IS
'Map layer: every current plume (remediated ones left out) as its contour, or the standard 150 m circle for a source point, with its cluster, cluster size, cluster area and approach from decision tree 2.1 (geval, cluster, cluster_of_gebied); plumes within bv_pluim_nabij_m() (25 m) count as close together. toelichting (Dutch) explains cluster_of_gebied, and says when a cluster is above 1 ha only because of standard circles.';

-- Soil-energy potential: for open and closed systems, per 3D zone, where it
-- is free (vrij), restricted (restrictie) or forbidden (verbod).  Built from
-- the policy areas and the current plumes with the rules of SPEC.md 2 and 9:
--   verbod:     waterwingebied and grondwaterbeschermingsgebied (all soil
--               energy), boringsvrije zone in zone 2, open systems in zone 1;
--   restrictie: boringsvrije zone in zone 1, honderdjaarszone and nationaal
--               landschap in zone 2, plumes (contour or 150 m circle);
--   vrij:       the rest of the map extent.
-- The map extent is the bounding box of all bodemvisie data plus 1 km.
CREATE FUNCTION bv_bodemenergie_kaart()
RETURNS TABLE (id integer, systeem text, zone_3d integer, oordeel text,
               redenen text, geom geometry(MultiPolygon, 28992))
LANGUAGE sql STABLE PARALLEL SAFE COST 10000 ROWS 12
AS $$
WITH extent AS (
    SELECT ST_SetSRID(ST_Expand(ST_Extent(g)::geometry, 1000::float8), 28992) AS g
      FROM (SELECT b.geom AS g FROM bv_beleidsgebied b
            UNION ALL SELECT a.geom FROM bv_gebied a
            UNION ALL SELECT w.putten FROM bv_wko_systeem w
            UNION ALL SELECT v.geom FROM bv_verontreiniging v) all_data
),
klassen(systeem, zone_3d, nr) AS (
    VALUES ('open', 1, 0), ('open', 2, 1), ('gesloten', 1, 2), ('gesloten', 2, 3)
),
-- every policy area or plume with what it means per class
regels AS (
    SELECT k.systeem, k.zone_3d, k.nr, r.oordeel, r.reden, r.g
      FROM klassen k
      CROSS JOIN LATERAL (
          SELECT CASE
                   WHEN b.soort IN ('waterwingebied', 'grondwaterbeschermingsgebied') THEN 'verbod'
                   WHEN b.soort = 'boringsvrije_zone' AND k.zone_3d = 2 THEN 'verbod'
                   ELSE 'restrictie' END AS oordeel,
                 b.soort AS reden, b.geom AS g
            FROM bv_beleidsgebied b
           WHERE b.soort IN ('waterwingebied', 'grondwaterbeschermingsgebied', 'boringsvrije_zone')
              OR (b.soort IN ('honderdjaarszone', 'nationaal_landschap') AND k.zone_3d = 2)
          UNION ALL
          SELECT 'restrictie', 'verontreiniging',
                 CASE WHEN GeometryType(v.geom) = 'POINT' THEN bv_pluim(v.geom, 10::float8, 30::float8, 0.5::float8) ELSE v.geom END
            FROM bv_verontreiniging v
           WHERE v.status <> 'gesaneerd'
          UNION ALL
          SELECT 'verbod', 'open_alleen_zone_2', e.g
            FROM extent e
           WHERE k.systeem = 'open' AND k.zone_3d = 1
      ) r
),
verbod AS (
    SELECT k.nr, ST_Intersection(ST_Union(r.g), e.g, -1.0::float8) AS g,
           string_agg(DISTINCT r.reden, ', '::text ORDER BY r.reden) AS redenen
      FROM klassen k JOIN regels r ON r.nr = k.nr AND r.oordeel = 'verbod', extent e
     GROUP BY k.nr, e.g
),
restrictie AS (
    SELECT k.nr, ST_Intersection(ST_Union(r.g), e.g, -1.0::float8) AS g,
           string_agg(DISTINCT r.reden, ', '::text ORDER BY r.reden) AS redenen
      FROM klassen k JOIN regels r ON r.nr = k.nr AND r.oordeel = 'restrictie', extent e
     GROUP BY k.nr, e.g
),
vlakken AS (
    SELECT k.systeem, k.zone_3d, k.nr, 'verbod' AS oordeel, 0 AS o, vb.redenen, vb.g
      FROM klassen k JOIN verbod vb ON vb.nr = k.nr
    UNION ALL
    SELECT k.systeem, k.zone_3d, k.nr, 'restrictie', 1, rs.redenen,
           CASE WHEN vb.g IS NULL THEN rs.g ELSE ST_Difference(rs.g, vb.g, -1.0::float8) END
      FROM klassen k JOIN restrictie rs ON rs.nr = k.nr LEFT JOIN verbod vb ON vb.nr = k.nr
    UNION ALL
    SELECT k.systeem, k.zone_3d, k.nr, 'vrij', 2, NULL,
           ST_Difference(e.g, ST_Union(coalesce(vb.g, 'SRID=28992;POLYGON EMPTY'::geometry),
                                       coalesce(rs.g, 'SRID=28992;POLYGON EMPTY'::geometry)),
                         -1.0::float8)
      FROM klassen k CROSS JOIN extent e
      LEFT JOIN verbod vb ON vb.nr = k.nr LEFT JOIN restrictie rs ON rs.nr = k.nr
)
SELECT (v.nr * 3 + v.o + 1)::integer, v.systeem, v.zone_3d, v.oordeel, v.redenen,
       ST_Multi(ST_CollectionExtract(v.g, 3))::geometry(MultiPolygon, 28992)
  FROM vlakken v
 WHERE v.g IS NOT NULL AND NOT ST_IsEmpty(ST_CollectionExtract(v.g, 3))
 ORDER BY 1
$$;

COMMENT ON FUNCTION bv_bodemenergie_kaart() IS
'The soil-energy potential map: for open and closed systems and for 3D zone 1 and 2, the areas where soil energy is free (vrij), restricted (restrictie) or forbidden (verbod), with the kinds of area behind it. Reads the policy areas and current plumes.';

-- (a function result loses the typmod: the cast declares it for geometry_columns)
CREATE VIEW bv_kaart_bodemenergie AS
SELECT k.id, k.systeem, k.zone_3d, k.oordeel, k.redenen,
       k.geom::geometry(MultiPolygon, 28992) AS geom
  FROM bv_bodemenergie_kaart() k;

COMMENT ON VIEW bv_kaart_bodemenergie IS
'Map layer: soil-energy potential per system type (open, gesloten) and 3D zone: vrij, restrictie or verbod. Stable ids: 1-3 open zone 1, 4-6 open zone 2, 7-9 closed zone 1, 10-12 closed zone 2 (verbod, restrictie, vrij).';

-- Materialized versions with spatial indexes, for map servers and large data.
CREATE MATERIALIZED VIEW bv_kaart_wko_bellen_m AS SELECT * FROM bv_kaart_wko_bellen;
CREATE UNIQUE INDEX ON bv_kaart_wko_bellen_m (id);
CREATE INDEX ON bv_kaart_wko_bellen_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_wko_bellen_m IS
'Materialized bv_kaart_wko_bellen with a spatial index; refresh with bv_kaart_verversen().';

CREATE MATERIALIZED VIEW bv_kaart_pluimen_m AS SELECT * FROM bv_kaart_pluimen;
CREATE UNIQUE INDEX ON bv_kaart_pluimen_m (id);
CREATE INDEX ON bv_kaart_pluimen_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_pluimen_m IS
'Materialized bv_kaart_pluimen with a spatial index; refresh with bv_kaart_verversen().';

CREATE MATERIALIZED VIEW bv_kaart_bodemenergie_m AS SELECT * FROM bv_kaart_bodemenergie;
CREATE UNIQUE INDEX ON bv_kaart_bodemenergie_m (id);
CREATE INDEX ON bv_kaart_bodemenergie_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_bodemenergie_m IS
'Materialized bv_kaart_bodemenergie with a spatial index; refresh with bv_kaart_verversen().';
