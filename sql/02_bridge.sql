-- The geometry bridge: PostGIS -> EWKB -> GEOS -> EWKB -> PostGIS.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS bodemvisie CASCADE;

-- Hand-picked shapes: every type, with holes, empties, SRIDs, Z.
CREATE TEMP TABLE shapes(id serial, g geometry);
INSERT INTO shapes(g) VALUES
  ('SRID=28992;POINT(233000.5 557000.25)'),
  ('POINT(0 0)'),
  ('SRID=28992;LINESTRING(0 0, 10 0, 10 10)'),
  ('SRID=28992;POLYGON((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 20 10, 20 20, 10 10))'),
  ('SRID=28992;MULTIPOINT((1 1), (2 2), (3 3))'),
  ('SRID=28992;MULTILINESTRING((0 0, 1 1), (2 2, 3 3))'),
  ('SRID=28992;MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))'),
  ('SRID=28992;GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))'),
  ('SRID=28992;POINT Z (1 2 3)'),
  ('SRID=28992;POLYGON Z ((0 0 1, 1 0 2, 1 1 3, 0 0 1))'),
  ('SRID=28992;POINT EMPTY'),
  ('SRID=28992;LINESTRING EMPTY'),
  ('SRID=28992;POLYGON EMPTY'),
  ('SRID=28992;MULTIPOINT EMPTY'),
  ('SRID=28992;MULTIPOLYGON EMPTY'),
  ('SRID=28992;GEOMETRYCOLLECTION EMPTY'),
  ('SRID=3857;POINT(700000 7000000)');

SELECT id, ST_AsEWKT(bv_invoer(g)) AS roundtrip,
       ST_AsEWKT(bv_invoer(g)) = ST_AsEWKT(g) AS same_text,
       ST_SRID(bv_invoer(g)) = ST_SRID(g) AS same_srid
  FROM shapes ORDER BY id;

-- Generated data: thousands of random geometries come back byte-identical.
SELECT setseed(0.42);
CREATE TEMP TABLE random_shapes AS
SELECT i, CASE i % 4
    WHEN 0 THEN ST_SetSRID(ST_MakePoint(200000 + random() * 60000, 540000 + random() * 30000), 28992)
    WHEN 1 THEN ST_SetSRID(ST_Buffer(ST_MakePoint(random() * 1000, random() * 1000), 1 + random() * 50), 28992)
    WHEN 2 THEN ST_SetSRID(ST_Collect(ST_MakePoint(random(), random()), ST_MakePoint(random(), random())), 28992)
    ELSE ST_Multi(ST_Buffer(ST_MakePoint(random() * 1000, random() * 1000), 10, 2))
  END AS g
  FROM generate_series(1, 4000) i;
SELECT count(*) AS n,
       count(*) FILTER (WHERE ST_AsEWKB(bv_invoer(g)) <> ST_AsEWKB(g)) AS differ
  FROM random_shapes;

-- NULL in, NULL out (STRICT).
SELECT bv_invoer(NULL) IS NULL AS null_stays_null;

-- Refused input, each with a clear error.
\set VERBOSITY default
SELECT bv_invoer('SRID=4326;POINT(6.56 52.99)');
SELECT bv_invoer('SRID=2263;POINT(1000 1000)');
SELECT bv_invoer('SRID=987654;POINT(1 1)');
SELECT bv_invoer('CIRCULARSTRING(0 0, 1 1, 2 0)');
SELECT bv_invoer('CURVEPOLYGON(CIRCULARSTRING(0 0, 4 0, 4 4, 0 4, 0 0))');
SELECT bv_invoer('GEOMETRYCOLLECTION(POINT(0 0), CIRCULARSTRING(0 0, 1 1, 2 0))');
SELECT bv_invoer('TIN(((0 0 0, 0 1 0, 1 1 0, 0 0 0)))');

-- M values are dropped, Z is kept: what the (2D) analyses see.
SELECT ST_AsEWKT(bv_invoer('SRID=28992;POINT M (1 2 3)')) AS m,
       ST_AsEWKT(bv_invoer('SRID=28992;POINT ZM (1 2 3 4)')) AS zm;

-- An invalid polygon passes the bridge unchanged (validity is the analyses' business).
SELECT ST_AsText(bv_invoer('POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))')) AS bowtie;

SELECT bv_geos_version() LIKE '3.%' AS geos_3;
