-- Analysis areas of Assen for decision tree 4.1. ILLUSTRATIVE (see README.md here).
-- vraag/aanbod: energy demand and subsurface supply in the same unit (TJ/yr);
-- NULL supply = not yet investigated.
INSERT INTO bv_gebied (naam, ontwikkelgebied, vraag, aanbod, geom) VALUES
  ('FlorijnAs', true, 120, 300,
   ST_Multi(ST_Buffer('SRID=28992;LINESTRING(233700 556700, 233850 555500, 234050 554100)'::geometry, 400))),
  ('Kloosterveen', true, 80, NULL,
   'SRID=28992;MULTIPOLYGON(((229300 558500, 231300 558500, 231400 560100, 229300 560200, 229300 558500)))'),
  ('Assen-Zuid', true, 20, 200,
   'SRID=28992;MULTIPOLYGON(((233600 552100, 235400 552100, 235400 553500, 233600 553500, 233600 552100)))'),
  ('Centrum', false, 150, 250,
   'SRID=28992;MULTIPOLYGON(((232750 556450, 233950 556450, 233950 557550, 232750 557550, 232750 556450)))'),
  ('Noord', false, 40, 150,
   'SRID=28992;MULTIPOLYGON(((231700 557700, 233100 557700, 233100 559200, 231700 559200, 231700 557700)))'),
  ('Stadsbedrijvenpark', false, 60, 100,
   'SRID=28992;MULTIPOLYGON(((234700 558100, 236000 558100, 236000 559100, 234700 559100, 234700 558100)))');
