-- Publication (issue 12): every table and view a map server or GIS client
-- publishes has one concrete geometry type and a declared key.
--
-- bv_verontreiniging holds source points and plume contours in one column of
-- type Geometry: QGIS then shows only one kind, GDAL writes a GeoPackage
-- whose declared type does not match its rows, GeoServer types it wrongly.
-- Two views split it by type; they carry every attribute of the table.

CREATE VIEW bv_verontreiniging_bronnen AS
SELECT v.id, v.naam, v.status, v.bron, v.register_id, v.ontdekt_op,
       v.sanering_vanaf, v.gesaneerd_op, v.geladen_op,
       -- CASE: a filter on geom (e.g. a client's &&) may be evaluated
       -- before the WHERE, and the cast must not fail on other rows
       (CASE WHEN GeometryType(v.geom) = 'POINT' THEN v.geom END)::geometry(Point, 28992) AS geom
  FROM bv_verontreiniging v
 WHERE GeometryType(v.geom) = 'POINT';

COMMENT ON VIEW bv_verontreiniging_bronnen IS
'Publication layer: the contaminations of bv_verontreiniging known only as a source point (no surveyed contour), as Point in EPSG:28992, with every attribute of the table; key id.';

CREATE VIEW bv_verontreiniging_contouren AS
SELECT v.id, v.naam, v.status, v.bron, v.register_id, v.ontdekt_op,
       v.sanering_vanaf, v.gesaneerd_op, v.geladen_op,
       (CASE WHEN GeometryType(v.geom) IN ('POLYGON', 'MULTIPOLYGON')
             THEN ST_Multi(v.geom) END)::geometry(MultiPolygon, 28992) AS geom
  FROM bv_verontreiniging v
 WHERE GeometryType(v.geom) IN ('POLYGON', 'MULTIPOLYGON');

COMMENT ON VIEW bv_verontreiniging_contouren IS
'Publication layer: the contaminations of bv_verontreiniging with a surveyed plume contour, as MultiPolygon in EPSG:28992, with every attribute of the table; key id.';

-- Keys of the views for GeoServer.  A view cannot carry a PRIMARY KEY, so
-- GeoServer would make up feature ids that change between requests.  Its
-- PostGIS store reads the keys from a "primary key metadata table"
-- (setting "Primary key metadata table" = bv_gt_pk_metadata); this view
-- has the columns GeoServer expects.  Every id listed is a NOT NULL column
-- of a table or a computed non-null number (test/check-ows.sh checks that
-- it is unique and never NULL).  The stored map layers (bv_kaart_*_m) are
-- tables with a PRIMARY KEY (id), which GeoServer and QGIS read from the
-- catalog themselves; they are not listed.
-- The list is read from the catalog: every view (and materialized view) of
-- the extension with a geometry column and a column id (a layer added later
-- is listed without editing this view).
CREATE VIEW bv_gt_pk_metadata AS
SELECT n.nspname::varchar AS table_schema,
       c.relname::varchar AS table_name,
       'id'::varchar AS pk_column,
       NULL::integer AS pk_column_idx,
       'assigned'::varchar AS pk_policy,
       NULL::varchar AS pk_sequence
  FROM pg_catalog.pg_extension e
  JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                             AND d.refobjid = e.oid AND d.deptype = 'e'
                             AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  JOIN pg_catalog.pg_class c ON c.oid = d.objid AND c.relkind IN ('v', 'm')
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE e.extname = 'bodemvisie'
   AND EXISTS (SELECT FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = c.oid AND a.attname = 'id' AND a.attnum > 0 AND NOT a.attisdropped)
   AND EXISTS (SELECT FROM pg_catalog.pg_attribute a
                 JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND t.typname = 'geometry');

COMMENT ON VIEW bv_gt_pk_metadata IS
'The key (id) of every published view (every view of the extension with a geometry column and a column id, read from the catalog; the stored map layers bv_kaart_*_m are tables with a primary key and need no entry), in the layout of GeoServer''s primary key metadata table (table_schema, table_name, pk_column, pk_column_idx, pk_policy, pk_sequence): set the PostGIS store''s "Primary key metadata table" to bv_gt_pk_metadata (schema-qualified when bodemvisie is not in public).';
