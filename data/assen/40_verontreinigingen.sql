-- Groundwater plumes in Assen. ILLUSTRATIVE (see README.md here).
-- Contours are surveyed plume outlines; POINTs are sources without a contour
-- (the standard 150 m circle of doc/beleid.md 6).
INSERT INTO bv_verontreiniging (naam, status, bron, geom) VALUES
  -- centre: two small overlapping plumes, together under 1 ha -> cluster
  ('Stomerij Oudestraat', 'actueel', 'voorbeelddata',
   'SRID=28992;POLYGON((233180 557180, 233240 557180, 233240 557230, 233180 557230, 233180 557180))'),
  ('Garage Kruisstraat', 'actueel', 'voorbeelddata',
   'SRID=28992;POLYGON((233220 557200, 233270 557200, 233270 557250, 233220 557250, 233220 557200))'),
  -- centre: three plumes in a chain, together over 1 ha -> cluster or area approach
  ('Gasfabriek Havenkade (kern)', 'actueel', 'voorbeelddata',
   'SRID=28992;POLYGON((233600 556700, 233700 556700, 233700 556790, 233600 556790, 233600 556700))'),
  ('Gasfabriek Havenkade (oost)', 'actueel', 'voorbeelddata',
   'SRID=28992;POLYGON((233690 556690, 233790 556690, 233790 556780, 233690 556780, 233690 556690))'),
  ('Drukkerij Havenstraat', 'actueel', 'voorbeelddata',
   'SRID=28992;POLYGON((233780 556680, 233860 556680, 233860 556760, 233780 556760, 233780 556680))'),
  -- centre: a lone plume -> case approach
  ('Tankstation Vaart', 'in_sanering', 'voorbeelddata',
   'SRID=28992;POLYGON((232900 556800, 232960 556800, 232960 556850, 232900 556850, 232900 556800))'),
  -- Stadsbedrijvenpark: two sources 250 m apart, their 150 m circles overlap
  ('Metaalbewerking Industrieweg', 'actueel', 'voorbeelddata', 'SRID=28992;POINT(235100 558500)'),
  ('Chemische wasserij Transportweg', 'actueel', 'voorbeelddata', 'SRID=28992;POINT(235350 558500)'),
  -- Stadsbedrijvenpark: a lone source and a lone contour
  ('Verfopslag Zeemanstraat', 'actueel', 'voorbeelddata', 'SRID=28992;POINT(235800 559000)'),
  ('Oliehandel Balkenweg', 'actueel', 'voorbeelddata',
   'SRID=28992;POLYGON((234750 558150, 234830 558150, 234830 558230, 234750 558230, 234750 558150))'),
  -- remediated: takes no part in the analyses
  ('Voormalige stortplaats Peelo', 'gesaneerd', 'voorbeelddata',
   'SRID=28992;POLYGON((232300 558600, 232400 558600, 232400 558700, 232300 558700, 232300 558600))');
