-- Policy areas of Assen. ILLUSTRATIVE schematic shapes (see README.md here).
INSERT INTO bv_beleidsgebied (soort, naam, bron, geom) VALUES
  -- Assen-Oost abstraction at the Lonerstraat (module 3)
  ('waterwingebied', 'Waterwingebied Assen-Oost (Lonerstraat)', 'voorbeelddata',
   ST_Multi(ST_Buffer('SRID=28992;LINESTRING(235600 557300, 236000 557500)'::geometry, 200))),
  ('honderdjaarszone', '100-jaarszone winning Assen-Oost', 'voorbeelddata',
   ST_Multi(ST_Buffer('SRID=28992;LINESTRING(235300 557200, 236300 557600)'::geometry, 700))),
  ('boringsvrije_zone', 'Verbodzone diepe boringen Assen-Oost', 'voorbeelddata',
   ST_Multi(ST_Buffer('SRID=28992;LINESTRING(235200 557100, 236500 557700)'::geometry, 1150))),
  -- planned protection area Assen-West: a circle of 3,000 m diameter (doc/beleid.md 9)
  ('grondwaterbeschermingsgebied', 'Grondwaterbeschermingsgebied Assen-West (Bos & Golfterrein, gepland)',
   'voorbeelddata', ST_Multi(ST_Buffer('SRID=28992;POINT(230200 555200)'::geometry, 1500))),
  -- national landscape Drentse Aa, east of the town
  ('nationaal_landschap', 'Nationaal Landschap Drentse Aa', 'voorbeelddata',
   'SRID=28992;MULTIPOLYGON(((237400 551000, 243500 551000, 244500 556000, 243800 562500,
     239000 563500, 237900 560500, 238600 558200, 237700 555500, 238300 553000, 237400 551000)))'),
  -- gas fields (NAM)
  ('gasveld', 'Gasveld Eleveld', 'voorbeelddata',
   'SRID=28992;MULTIPOLYGON(((227200 548600, 231300 548400, 232000 550600, 230100 552200,
     227600 551700, 227200 548600)))'),
  ('gasveld', 'Gasveld Vries-Zuid', 'voorbeelddata',
   'SRID=28992;MULTIPOLYGON(((231200 562600, 234600 562300, 235300 564600, 232700 565800,
     231000 564700, 231200 562600)))'),
  -- archaeology: medium to high expectation
  ('archeologie', 'Oude kern Assen (Brink, Drostenhuis)', 'voorbeelddata',
   ST_Multi(ST_Buffer('SRID=28992;POINT(233350 557100)'::geometry, 350))),
  ('archeologie', 'Es Kloosterveen', 'voorbeelddata',
   'SRID=28992;MULTIPOLYGON(((229600 559700, 230600 559900, 230800 560500, 229800 560600, 229600 559700)))'),
  -- main cable and pipe route (hoofdtrace): a 20 m corridor
  ('hoofdtrace', 'Hoofdtracé kabels en leidingen Europaweg', 'voorbeelddata',
   ST_Multi(ST_Buffer('SRID=28992;LINESTRING(230800 556400, 232600 556300, 234200 556900, 236200 558400)'::geometry,
                      10, 'endcap=flat join=mitre')));
