-- Decision tree 4.1 per analysis area (bv_gebied): how many WKO systems it
-- holds, the decision from the given demand and supply, and a measured proxy
-- beside it.  Reads the rulebook (which areas forbid open systems in zone 2)
-- and the named constants, like the check.

CREATE FUNCTION bv_wko_beslisboom_gebieden(peildatum date DEFAULT CURRENT_DATE)
RETURNS TABLE (id integer, naam text, ontwikkelgebied boolean, n_systemen integer,
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
    -- every bubble in zone 2 that reaches into the area, also of systems
    -- outside it; a system wholly above zone 2 (a shallow closed loop) does
    -- not take zone-2 ground (3D, issue 9)
    bellen AS (
        SELECT a.id, ST_Union(ST_Buffer(w.putten, coalesce(w.straal_m, v_bel), 8)) AS bellen
          FROM bv_gebied a
          JOIN bv_wko_systeem w ON ST_DWithin(w.putten, a.geom, v_maxr)
                               AND ST_DWithin(w.putten, a.geom, coalesce(w.straal_m, v_bel))
         WHERE bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, peildatum)
           AND (w.diepte_tot_m IS NULL OR w.diepte_tot_m > (SELECT z.van_m FROM bv_toegestane_diepte('open'::text) z))
           AND (w.diepte_van_m IS NULL OR w.diepte_van_m <= (SELECT z.tot_m FROM bv_toegestane_diepte('open'::text) z))
         GROUP BY a.id
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
      LEFT JOIN bellen b ON b.id = g.id
      LEFT JOIN aantal t ON t.id = g.id
     CROSS JOIN LATERAL (SELECT coalesce(t.n_systemen, 0) AS n_systemen) s
     CROSS JOIN LATERAL (
            -- usable zone-2 ground: the area minus the areas in force where
            -- the rulebook forbids an open system in zone 2
            SELECT CASE WHEN pg_catalog.count(*) = 0 THEN g.geom
                        ELSE ST_Difference(g.geom, ST_Union(x.geom), -1.0::float8) END AS bruikbaar
              FROM bv_beleidsgebied x
             WHERE ST_Intersects(x.geom, g.geom)
               AND bv_van_kracht(x.status, x.geldig_vanaf, x.geldig_tot, peildatum)
               AND EXISTS (SELECT 1 FROM bv_regel r
                            WHERE r.soort = x.soort AND r.ernst = 'verbod'
                              AND 'open'::text = ANY (r.systemen)
                              AND (r.dieper_dan_m IS NULL OR r.dieper_dan_m < c.zone2_tot)
                              AND bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, peildatum))) u
     CROSS JOIN LATERAL (
            SELECT ST_Area(u.bruikbaar) AS bruikbaar_m2,
                   coalesce(ST_Area(ST_Intersection(b.bellen, u.bruikbaar, -1.0::float8)), 0::float8) AS bezet_m2) p;
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
