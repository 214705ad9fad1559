-- bodemvisie >= 0.2.0 (status and validity of policy areas; test/check-upgrade.sh
-- loads this file after the update when it starts from 0.1.0).
--
-- What is not in force yet (Bodemvisie Assen, module 3; doc/beleid.md 9):
-- the groundwater protection area Assen-West, and an enlarged verbodzone
-- around Assen-Oost.  The document gives no date for either: "zal
-- bodemenergie op termijn niet worden toegestaan", and the enlargement is
-- "de wens ... van de WMD".  So both are 'voornemen' without a geldig_vanaf;
-- when the province adopts them, set status = 'vastgesteld' and the date.
-- The check names them as what is coming, never as a prohibition today.
UPDATE bv_beleidsgebied
   SET status = 'voornemen',
       rechtsgrond = 'Bodemvisie Assen (2011), module 3: nieuwe drinkwaterwinning Bos & Golfterrein, provinciale strategische grondwaterwinning Assen-West (provincie Drenthe, 2 februari 2010); beschermingsgebied "op termijn", nog niet aangewezen in de omgevingsverordening',
       bron = 'voorbeelddata; cirkel van 3.000 m diameter (Bodemvisie module 3, voetnoot 2)'
 WHERE soort = 'grondwaterbeschermingsgebied'
   AND naam = 'Grondwaterbeschermingsgebied Assen-West (Bos & Golfterrein, gepland)';

-- The enlarged verbodzone: indicative, 500 m wider than today's.
INSERT INTO bv_beleidsgebied (soort, naam, bron, status, rechtsgrond, geom) VALUES
  ('boringsvrije_zone', 'Verbodzone diepe boringen Assen-Oost, opgeschaald (wens WMD)',
   'voorbeelddata; indicatief, 500 m ruimer dan de huidige zone', 'voornemen',
   'Bodemvisie Assen (2011), module 3: "door de WMD de wens uitgesproken om bij de drinkwaterwinning aan de Lonerstraat tot een opschaling van de verbodszone diepe boringen te komen"; geen besluit',
   ST_Multi(ST_Buffer('SRID=28992;LINESTRING(235200 557100, 236500 557700)'::geometry, 1650)));
