-- Decision tree 4.1 per analysis area (bv_gebied): how many WKO systems it
-- holds, the decision from the given demand and supply, and a measured proxy
-- for when the supply (or demand) is unknown.

CREATE VIEW bv_wko_beslisboom_gebied AS
SELECT g.id,
       g.naam,
       g.ontwikkelgebied,
       s.n_systemen,
       g.vraag,
       g.aanbod,
       bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod, 3, 0.30::float8) AS beslissing,
       p.bruikbaar_m2,
       p.bezet_m2,
       p.bezet_m2 / nullif(p.bruikbaar_m2, 0::float8) AS bezet_aandeel,
       CASE WHEN g.vraag IS NOT NULL AND g.aanbod IS NOT NULL
            THEN bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, g.vraag, g.aanbod, 3, 0.30::float8)
            ELSE bv_wko_beslisboom(g.ontwikkelgebied, s.n_systemen, p.bezet_m2, p.bruikbaar_m2, 3, 0.30::float8)
       END AS beslissing_met_proxy,
       g.geom
  FROM bv_gebied g
 CROSS JOIN LATERAL (
        -- systems with a well in the area
        SELECT count(*)::integer AS n_systemen
          FROM bv_wko_systeem w
         WHERE ST_Intersects(w.putten, g.geom)) s
 CROSS JOIN LATERAL (
        -- usable zone-2 ground: the area minus the areas where open WKO is
        -- forbidden in zone 2
        SELECT CASE WHEN count(*) = 0 THEN g.geom
                    ELSE ST_Difference(g.geom, ST_Union(b.geom), -1.0::float8) END AS bruikbaar
          FROM bv_beleidsgebied b
         WHERE b.soort IN ('waterwingebied', 'boringsvrije_zone', 'grondwaterbeschermingsgebied')
           AND ST_Intersects(b.geom, g.geom)) u
 CROSS JOIN LATERAL (
        -- every bubble that reaches into the area, also of systems outside it
        SELECT ST_Union(ST_Buffer(w.putten, coalesce(w.straal_m, 250::float8), 8)) AS bellen
          FROM bv_wko_systeem w
         WHERE ST_DWithin(w.putten, g.geom,
                          (SELECT greatest(250::float8, max(m.straal_m)) FROM bv_wko_systeem m))
           AND ST_DWithin(w.putten, g.geom, coalesce(w.straal_m, 250::float8))) b
 CROSS JOIN LATERAL (
        SELECT ST_Area(u.bruikbaar) AS bruikbaar_m2,
               coalesce(ST_Area(ST_Intersection(b.bellen, u.bruikbaar, -1.0::float8)), 0::float8) AS bezet_m2) p;

COMMENT ON VIEW bv_wko_beslisboom_gebied IS
'Decision tree 4.1 per analysis area: n_systemen = WKO systems with a well in the area; beslissing = bv_wko_beslisboom from the given vraag/aanbod (''onderzoek'' when unknown); bruikbaar_m2 = the area minus waterwingebied, boringsvrije zone and grondwaterbeschermingsgebied (usable zone-2 ground); bezet_m2 = the part of it covered by bubbles (ST_Buffer(putten, coalesce(straal_m, 250))) of any system; beslissing_met_proxy = beslissing, or when demand or supply is unknown the tree with bezet_m2 / bruikbaar_m2 as the demand/supply ratio.';
