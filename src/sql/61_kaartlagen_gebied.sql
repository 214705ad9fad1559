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

-- Stored versions (suffix _m) with spatial indexes, for map servers and large
-- data: ordinary tables of the extension, filled from the views by
-- bv_kaart_verversen() below.  Tables, not materialized views (issue 12): a
-- materialized view can carry neither a PRIMARY KEY nor a NOT NULL column,
-- so GeoServer and QGIS would have to be told its key; a table declares it.
-- Each is made LIKE its view: the same column names, order and types (the
-- geometry as the view's geometry(MultiPolygon, 28992)), so clients see no
-- change.  A column added to a view later is added to its table with ALTER
-- TABLE ... ADD COLUMN IF NOT EXISTS after this block (an existing table is
-- kept as it is; bv_kaart_verversen copies by the table's column names).
-- The rows are dumped (pg_extension_config_dump): after a restore a map
-- server shows the layers as they were when dumped, not an empty map, and
-- bv_kaart_actualiteit (63) calls them stale until bv_kaart_verversen() runs,
-- since their refresh times (bv_kaart_status) are not dumped.  A fresh
-- install has empty layers (there is no data yet) that bv_kaart_actualiteit
-- calls never refreshed; an update fills them at its end
-- (upgrade/kaartlagen-vullen.sql).
-- vacuum_truncate off: every refresh deletes all rows and inserts new ones,
-- and a vacuum that gives the emptied tail of a table back to the system
-- takes an ACCESS EXCLUSIVE lock whose replay cancels a hot standby's
-- readers of that layer (issue 14); the space is reused by the next refresh.
DO $lagen$
DECLARE
    laag text;
BEGIN
    FOREACH laag IN ARRAY ARRAY['bv_kaart_wko_bellen', 'bv_kaart_pluimen',
                                'bv_kaart_interferentie_gebied', 'bv_kaart_bodemenergie']
    LOOP
        EXECUTE pg_catalog.format('CREATE TABLE IF NOT EXISTS @extschema@.%I (LIKE @extschema@.%I, PRIMARY KEY (id))
                                       WITH (vacuum_truncate = false, toast.vacuum_truncate = false)',
                                  laag || '_m'::text, laag);
        EXECUTE pg_catalog.format('CREATE INDEX IF NOT EXISTS %I ON @extschema@.%I USING gist (geom)',
                                  laag || '_m_geom_idx'::text, laag || '_m'::text);
        PERFORM pg_catalog.pg_extension_config_dump(
                    pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', laag || '_m'::text)), ''::text);
        EXECUTE pg_catalog.format('COMMENT ON TABLE @extschema@.%I IS %L', laag || '_m'::text,
                    pg_catalog.format('Stored %s (same columns) with primary key id and a spatial index, for map servers; '
                                      'filled by bv_kaart_verversen(), stale or not: bv_kaart_actualiteit.', laag));
    END LOOP;
END
$lagen$;

-- The soil-energy layer holds a few very large polygons (megabytes each):
-- compressing them with pglz cost about 1 s CPU per refresh on the
-- bench-toets data; lz4 compresses them as well (65 % of their size, the
-- same as pglz) in a fraction of the time (issue 15).  Only on a server
-- built with lz4; elsewhere the default stays.
DO $lz4$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_settings s
                WHERE s.name = 'default_toast_compression' AND 'lz4'::text = ANY (s.enumvals)) THEN
        EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ALTER COLUMN geom SET COMPRESSION lz4',
                                  'bv_kaart_bodemenergie_m');
    END IF;
END
$lz4$;

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
