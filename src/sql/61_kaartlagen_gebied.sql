-- Derived map layer: interference per analysis area (decision tree 4.1), and
-- the refresh function of all materialized map layers.

CREATE VIEW bv_kaart_interferentie_gebied AS
SELECT b.id,
       b.naam,
       b.ontwikkelgebied,
       b.n_systemen,
       b.vraag,
       b.aanbod,
       b.beslissing,
       round((100::float8 * b.bezet_aandeel)::numeric, 1)::double precision AS bezet_procent,
       b.beslissing_met_proxy,
       b.beslissing = 'interferentiegebied' AS masterplan_nodig,
       b.geom,
       b.beslissing_proxy
  FROM bv_wko_beslisboom_gebied b;

COMMENT ON VIEW bv_kaart_interferentie_gebied IS
'Map layer: every analysis area with its number of WKO systems, demand and supply, the decision of tree 4.1 (markt, onderzoek, interferentiegebied), the share of usable zone-2 ground taken by bubbles (bezet_procent), the decision with that share as proxy where demand and supply are both unknown (beslissing_met_proxy) and the proxy''s own answer (beslissing_proxy, labelled: it is not the policy''s ratio). masterplan_nodig marks interference areas.';

CREATE MATERIALIZED VIEW bv_kaart_interferentie_gebied_m AS
SELECT * FROM bv_kaart_interferentie_gebied WITH NO DATA;
CREATE UNIQUE INDEX ON bv_kaart_interferentie_gebied_m (id);
CREATE INDEX ON bv_kaart_interferentie_gebied_m USING gist (geom);
COMMENT ON MATERIALIZED VIEW bv_kaart_interferentie_gebied_m IS
'Materialized bv_kaart_interferentie_gebied with a spatial index; refresh with bv_kaart_verversen().';

CREATE FUNCTION bv_kaart_verversen(gelijktijdig boolean DEFAULT false)
RETURNS TABLE (kaartlaag text, objecten bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE COST 100000 ROWS 4
AS $$
DECLARE
    laag text;
BEGIN
    PERFORM bv_primair_vereist('bv_kaart_verversen'::text);
    FOREACH laag IN ARRAY ARRAY['bv_kaart_wko_bellen_m', 'bv_kaart_pluimen_m',
                                'bv_kaart_interferentie_gebied_m', 'bv_kaart_bodemenergie_m']
    LOOP
        EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW %s @extschema@.%I',
                       CASE WHEN gelijktijdig THEN 'CONCURRENTLY' ELSE '' END, laag);
        PERFORM bv_kaart_ververst(laag);
        kaartlaag := laag;
        EXECUTE pg_catalog.format('SELECT count(*) FROM @extschema@.%I', laag) INTO objecten;
        RETURN NEXT;
    END LOOP;
END
$$;

COMMENT ON FUNCTION bv_kaart_verversen(boolean) IS
'Refresh the materialized map layers (bv_kaart_*_m) after the data changed, and return their feature counts. gelijktijdig => REFRESH ... CONCURRENTLY, so map servers can keep reading meanwhile.';
