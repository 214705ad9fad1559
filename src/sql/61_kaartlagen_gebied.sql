-- Derived map layer: interference per analysis area (decision tree 4.1), and
-- the refresh function of all stored map layers.

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

-- Stored with a primary key, like the layers of 60_kaartlagen.sql.
CREATE TABLE IF NOT EXISTS bv_kaart_interferentie_gebied_m (
    id                   integer PRIMARY KEY,
    naam                 text,
    ontwikkelgebied      boolean,
    n_systemen           integer,
    vraag                double precision,
    aanbod               double precision,
    beslissing           text,
    bezet_procent        double precision,
    beslissing_met_proxy text,
    masterplan_nodig     boolean,
    geom                 geometry(MultiPolygon, 28992),
    beslissing_proxy     text
) WITH (vacuum_truncate = false, toast.vacuum_truncate = false);
CREATE INDEX IF NOT EXISTS bv_kaart_interferentie_gebied_m_geom_idx
    ON bv_kaart_interferentie_gebied_m USING gist (geom);
SELECT pg_extension_config_dump('bv_kaart_interferentie_gebied_m', '');
COMMENT ON TABLE bv_kaart_interferentie_gebied_m IS
'Stored bv_kaart_interferentie_gebied (same columns) with primary key id and a spatial index, for map servers; filled by bv_kaart_verversen(), stale or not: bv_kaart_actualiteit.';

-- Refresh: each stored layer (table) gets the rows of its view, all four in
-- the caller's transaction.
-- gelijktijdig (default): DELETE and INSERT.  Readers, on the primary and on
-- hot standbys, keep reading the old rows (MVCC) until the transaction
-- commits and then see all four layers new at once; the EXCLUSIVE lock taken
-- first lets them read but makes a second refresh wait (two refreshes side by
-- side would each insert every id).  No ACCESS EXCLUSIVE lock, so nothing in
-- the WAL cancels a standby's readers (issue 14).  Its cost is that of
-- computing the views, as with REFRESH ... CONCURRENTLY before, without
-- that command's comparison of old and new rows; the deleted rows are left
-- to (auto)vacuum.
-- Not gelijktijdig: TRUNCATE and INSERT, faster and without dead rows, but
-- the ACCESS EXCLUSIVE lock makes readers wait until the transaction ends
-- (and its replay cancels a standby's readers of the layers).
CREATE FUNCTION bv_kaart_verversen(gelijktijdig boolean DEFAULT true)
RETURNS TABLE (kaartlaag text, objecten bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE COST 100000 ROWS 4
AS $$
DECLARE
    lagen constant text[] := ARRAY['bv_kaart_wko_bellen_m', 'bv_kaart_pluimen_m',
                                   'bv_kaart_interferentie_gebied_m', 'bv_kaart_bodemenergie_m'];
    laag text;
    kolommen text;
BEGIN
    PERFORM bv_primair_vereist('bv_kaart_verversen'::text);
    -- all locks first, always in this order: no deadlock between refreshes
    FOREACH laag IN ARRAY lagen
    LOOP
        EXECUTE pg_catalog.format('LOCK TABLE @extschema@.%I IN %s MODE', laag,
                                  CASE WHEN gelijktijdig THEN 'EXCLUSIVE' ELSE 'ACCESS EXCLUSIVE' END);
    END LOOP;
    FOREACH laag IN ARRAY lagen
    LOOP
        -- the table's columns, copied by name from the view (bv_kaart_x_m <- bv_kaart_x)
        SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname::text), ', '::text ORDER BY a.attnum)
          INTO kolommen
          FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', laag))
           AND a.attnum > 0::int2 AND NOT a.attisdropped;
        EXECUTE pg_catalog.format('%s @extschema@.%I', CASE WHEN gelijktijdig THEN 'DELETE FROM' ELSE 'TRUNCATE' END, laag);
        EXECUTE pg_catalog.format('INSERT INTO @extschema@.%I (%s) SELECT %s FROM @extschema@.%I',
                                  laag, kolommen, kolommen, pg_catalog.left(laag, -2));
        GET DIAGNOSTICS objecten = ROW_COUNT;
        PERFORM bv_kaart_ververst(laag);
        kaartlaag := laag;
        RETURN NEXT;
    END LOOP;
END
$$;

COMMENT ON FUNCTION bv_kaart_verversen(boolean) IS
'Refresh the stored map layers (tables bv_kaart_*_m) from their views after the data changed, all four in the caller''s transaction, and return their feature counts. By default (gelijktijdig true) DELETE and INSERT: map servers and hot-standby readers keep reading the old rows until the transaction commits (a second refresh waits). gelijktijdig false: TRUNCATE and INSERT (faster, no dead rows, but readers wait for the transaction).';
