-- Decision tree 4.1 per analysis area (bv_gebied): how many WKO systems it
-- holds, the decision from the given demand and supply, and a measured proxy
-- beside it.  Reads the rulebook (which areas forbid open systems in zone 2)
-- and the named constants, like the check.

CREATE FUNCTION bv_wko_beslisboom_gebieden(peildatum date DEFAULT CURRENT_DATE)
RETURNS TABLE (id bigint, naam text, ontwikkelgebied boolean, n_systemen integer,
               vraag double precision, aanbod double precision, beslissing text,
               bruikbaar_m2 double precision, bezet_m2 double precision,
               bezet_aandeel double precision, beslissing_proxy text,
               beslissing_met_proxy text, geom geometry(MultiPolygon, 28992))
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 100000 ROWS 100
AS $fn$
#variable_conflict use_column
DECLARE
    v_bel  double precision := bv_constante('bel_straal_m'::text);
    v_maxr double precision;
BEGIN
    -- Each statement reads the WKO systems once, joined with the (small)
    -- areas in a plain join: on Citus (doc/scaling.md) that runs on every
    -- shard against the areas' reference copy; a lateral subquery per area
    -- over the systems cannot be distributed.
    SELECT greatest(v_bel, max(m.straal_m)) INTO v_maxr FROM bv_wko_systeem m;
    RETURN QUERY
    WITH c AS (
        SELECT v_bel AS bel,
               bv_constante('wko_meer_dan_systemen'::text)::integer AS n,
               bv_constante('interferentie_drempel'::text) AS drempel,
               (SELECT z.van_m FROM bv_toegestane_diepte('open'::text) z) AS zone2_van,
               (SELECT z.tot_m FROM bv_toegestane_diepte('open'::text) z) AS zone2_tot
    ),
    -- decision tree 4.1, step 1: the systems in use with a well in the area
    -- (as bv_wko_aantal_in)
    aantal AS (
        SELECT a.id, pg_catalog.count(*)::integer AS n_systemen
          FROM bv_gebied a
          JOIN bv_wko_systeem w ON ST_Intersects(w.putten, a.geom)
         WHERE bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, peildatum)
         GROUP BY a.id
    ),
    bereik AS MATERIALIZED (
        -- the systems whose bubble reaches into an analysis area
        SELECT DISTINCT n.regio, n.id
          FROM c, bv_gebied g, bv_wko_systeem n
         WHERE ST_DWithin(n.putten, g.geom, v_maxr)
           AND ST_DWithin(n.putten, g.geom, coalesce(n.straal_m, c.bel))
    ),
    bellen AS MATERIALIZED (
        -- every bubble in zone 2 that reaches into an area, also of systems
        -- outside it; a system wholly above zone 2 (a shallow closed loop)
        -- does not take zone-2 ground (3D, issue 9).  Unioned once for all
        -- areas and cut into pieces of at most 256 vertices (issue 15: one
        -- union per area buffered and unioned each bubble about 8 times).
        -- (the union in a subquery of its own: on Citus a set-returning
        -- function over an aggregate of a distributed table in one query
        -- level fails, "set-valued function called in context that cannot
        -- accept a set")
        SELECT ST_Subdivide(e.geheel, 256, -1.0::float8) AS stuk
          FROM (SELECT ST_Union(ST_Buffer(w.putten, coalesce(w.straal_m, c.bel), 8)) AS geheel
                  FROM c, bereik r
                  JOIN bv_wko_systeem w ON w.regio = r.regio AND w.id = r.id
                 WHERE bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, peildatum)
                   AND (w.diepte_tot_m IS NULL OR w.diepte_tot_m > c.zone2_van)
                   AND (w.diepte_van_m IS NULL OR w.diepte_van_m <= c.zone2_tot)) e
    ),
    verboden AS MATERIALIZED (
        -- the areas in force where the rulebook forbids an open system in
        -- zone 2, those that reach an analysis area: unioned once and cut
        -- into pieces of at most 256 vertices (issue 15: a union per area)
        SELECT ST_Subdivide(ST_Union(b.geom), 256, -1.0::float8) AS stuk
          FROM c, bv_beleidsgebied b
         WHERE b.id IN (SELECT n.id FROM bv_gebied g, bv_beleidsgebied n WHERE ST_Intersects(n.geom, g.geom))
           AND bv_van_kracht(b.status, b.geldig_vanaf, b.geldig_tot, peildatum)
           AND EXISTS (SELECT 1 FROM bv_regel r
                        WHERE r.soort = b.soort AND r.ernst = 'verbod'
                          AND 'open'::text = ANY (r.systemen)
                          AND (r.dieper_dan_m IS NULL OR r.dieper_dan_m < c.zone2_tot)
                          AND bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, peildatum))
    )
    SELECT g.id, g.naam, g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod,
           bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod, c.n, c.drempel),
           p.bruikbaar_m2, p.bezet_m2,
           p.bezet_m2 / nullif(p.bruikbaar_m2, 0::float8),
           bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, p.bezet_m2, p.bruikbaar_m2, c.n, c.drempel),
           -- the proxy never replaces a known demand or supply (issue 9):
           -- only where both are unknown
           CASE WHEN g.vraag IS NULL AND g.aanbod IS NULL
                THEN bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, p.bezet_m2, p.bruikbaar_m2, c.n, c.drempel)
                ELSE bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod, c.n, c.drempel) END,
           g.geom
      FROM c, bv_gebied g
      LEFT JOIN aantal t ON t.id = g.id
     CROSS JOIN LATERAL (SELECT coalesce(t.n_systemen, 0) AS n_systemen) s
     CROSS JOIN LATERAL (
            -- usable zone-2 ground: the area minus the areas in force where
            -- the rulebook forbids an open system in zone 2 (their union,
            -- below, in pieces)
            SELECT CASE WHEN pg_catalog.count(*) = 0 THEN g.geom
                        ELSE ST_Difference(g.geom, ST_Union(v.stuk), -1.0::float8) END AS bruikbaar
              FROM verboden v
             WHERE ST_Intersects(v.stuk, g.geom)) u
     CROSS JOIN LATERAL (
            -- the part of it covered by bubbles: the pieces of the union
            -- (below) do not overlap, so their areas inside add up
            SELECT ST_Area(u.bruikbaar) AS bruikbaar_m2,
                   coalesce((SELECT pg_catalog.sum(ST_Area(ST_Intersection(b.stuk, u.bruikbaar, -1.0::float8)))
                               FROM bellen b
                              WHERE b.stuk && u.bruikbaar), 0::float8) AS bezet_m2) p;
END
$fn$;

COMMENT ON FUNCTION bv_wko_beslisboom_gebieden(date) IS
'Decision tree 4.1 per analysis area on peildatum: n_systemen = WKO systems in use with a well in the area; beslissing = bv_wko_beslisboom from the given vraag/aanbod (''onderzoek'' when either is unknown); bruikbaar_m2 = the area minus the areas in force where the rulebook forbids open systems in zone 2; bezet_m2 = the part of it covered by the bubbles of systems in use that reach zone 2; beslissing_proxy = the tree with bezet_m2 / bruikbaar_m2 as the demand/supply ratio (a proxy, labelled as such); beslissing_met_proxy = beslissing, or the proxy where demand and supply are both unknown. Constants from bv_beleidsconstante.';

-- (a function result loses the typmod: the cast declares it for geometry_columns)
CREATE VIEW bv_wko_beslisboom_gebied AS
SELECT b.id, b.naam, b.ontwikkelgebied, b.n_systemen, b.vraag, b.aanbod, b.beslissing,
       b.bruikbaar_m2, b.bezet_m2, b.bezet_aandeel, b.beslissing_proxy, b.beslissing_met_proxy,
       b.geom::geometry(MultiPolygon, 28992) AS geom
  FROM bv_wko_beslisboom_gebieden(CURRENT_DATE) b;

COMMENT ON VIEW bv_wko_beslisboom_gebied IS
'Decision tree 4.1 per analysis area today: bv_wko_beslisboom_gebieden(CURRENT_DATE). Another date: call the function.';
