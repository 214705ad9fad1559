-- The demo report (Markdown), written by demo/run.sh with psql -At.
\set QUIET on
\pset footer off
\pset tuples_only on

SELECT '# Bodemvisie Assen — resultaten van de demo';
SELECT '';
SELECT '_Gemaakt met bodemvisie ' || extversion || ' op ' || to_char(now(), 'YYYY-MM-DD HH24:MI') ||
       '. Invoer: de illustratieve voorbeelddata van Assen (data/assen/): schematische vormen, ' ||
       'geen meetgegevens._'
  FROM pg_extension WHERE extname = 'bodemvisie';
SELECT '';

-- WKO interference (decision tree 4.1, bubbles of doc/beleid.md 5)
SELECT '## WKO-interferentie';
SELECT '';
SELECT format('%s van de %s WKO-systemen interfereren: hun bel overlapt die van minstens één ander systeem. '
              'Zij vormen %s groepen van twee of meer systemen; de grootste telt %s systemen.',
              count(*) FILTER (WHERE n_buren > 0), count(*),
              count(DISTINCT groep) FILTER (WHERE n_groep > 1), max(n_groep))
  FROM bv_kaart_wko_bellen_m;
SELECT '';
SELECT '| groep | systemen | waarvan open | grootste overlap (m²) | systemen in de groep |';
SELECT '|---:|---:|---:|---:|---|';
SELECT format('| %s | %s | %s | %s | %s |', groep, count(*), count(*) FILTER (WHERE systeem = 'open'),
              round(max(overlap_m2)), string_agg(naam, ', ' ORDER BY naam))
  FROM bv_kaart_wko_bellen_m WHERE n_groep > 1
 GROUP BY groep ORDER BY count(*) DESC, groep;
SELECT '';

-- Decision tree 4.1 per area
SELECT '## Gebieden: beslisboom 4.1';
SELECT '';
SELECT '| gebied | ontwikkelgebied | WKO-systemen | vraag | aanbod | beslissing | bezet (%) | met proxy |';
SELECT '|---|---|---:|---:|---:|---|---:|---|';
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s |', naam,
              CASE WHEN ontwikkelgebied THEN 'ja' ELSE 'nee' END, n_systemen,
              coalesce(vraag::text, 'onbekend'), coalesce(aanbod::text, 'onbekend'),
              beslissing, bezet_procent, beslissing_met_proxy)
  FROM bv_kaart_interferentie_gebied_m ORDER BY naam;
SELECT '';
SELECT CASE WHEN count(*) = 0 THEN 'Geen gebied vraagt om een masterplan.'
            ELSE 'Een masterplan (interferentiegebied) is nodig in: ' ||
                 string_agg(naam, ', ' ORDER BY naam) || '.' END
  FROM bv_kaart_interferentie_gebied_m WHERE beslissing = 'interferentiegebied';
SELECT coalesce('Nader onderzoek naar vraag en aanbod is nodig in: ' ||
                string_agg(naam, ', ' ORDER BY naam) || '.', '')
  FROM bv_kaart_interferentie_gebied_m WHERE beslissing = 'onderzoek';
SELECT '';

-- Decision tree 2.1 per plume
SELECT '## Grondwaterpluimen: beslisboom 2.1';
SELECT '';
SELECT format('%s actuele pluimen (gesaneerde niet meegeteld): %s met gevalsaanpak, %s met clusteraanpak, '
              '%s waar cluster- of gebiedsaanpak af te wegen is.', count(*),
              count(*) FILTER (WHERE aanpak = 'geval'), count(*) FILTER (WHERE aanpak = 'cluster'),
              count(*) FILTER (WHERE aanpak = 'cluster_of_gebied'))
  FROM bv_kaart_pluimen_m;
SELECT '';
SELECT '| pluim | vorm | cluster | pluimen in cluster | oppervlak cluster (m²) | aanpak |';
SELECT '|---|---|---:|---:|---:|---|';
SELECT format('| %s | %s | %s | %s | %s | %s |', naam, vorm, cluster, n_pluimen, round(cluster_m2), aanpak)
  FROM bv_kaart_pluimen_m ORDER BY cluster, id;
SELECT '';

-- Three example soil-energy checks
SELECT '## Drie voorbeeldtoetsen bodemenergie';
-- the same three as the location reports of the demo (demo/voorbeelden.csv)
CREATE TEMP TABLE voorbeeld_csv (nr int, titel text, x float8, y float8, systeem text,
                                 van float8, tot float8, mv float8);
\copy voorbeeld_csv FROM 'demo/voorbeelden.csv' WITH (FORMAT csv, DELIMITER '|')
CREATE TEMP TABLE voorbeeld AS
SELECT nr, titel, ST_SetSRID(ST_MakePoint(x, y), 28992) AS locatie, systeem, van, tot, mv FROM voorbeeld_csv;
SELECT format(E'\n### Toets %s: %s\n\n`SELECT * FROM bv_bodemenergie_toets(''%s'', ''%s'', %s, %s, %s);`\n\n'
              'Oordeel: **%s**\n\n| ernst | regel | gebied | uitleg |\n|---|---|---|---|\n%s',
              v.nr, v.titel, ST_AsEWKT(v.locatie), v.systeem, v.van, v.tot, v.mv,
              max(t.oordeel),
              string_agg(format('| %s | %s | %s | %s |', t.ernst, t.regel,
                                coalesce(t.naam, '-'), t.uitleg), E'\n'))
  FROM voorbeeld v, bv_bodemenergie_toets(v.locatie, v.systeem, v.van, v.tot, v.mv) t
 GROUP BY v.nr, v.titel, v.locatie, v.systeem, v.van, v.tot, v.mv ORDER BY v.nr;
SELECT '';

SELECT '## Kaartlagen';
SELECT '';
SELECT 'Elke laag staat als GeoJSON (RD New, EPSG:28992) naast dit rapport, en als view in de database ' ||
       '(opgeslagen als tabel: `<naam>_m`, vernieuwen met `SELECT * FROM bv_kaart_verversen();`). ' ||
       '`map.png` toont ze, getekend door MapServer met `bodemvisie.map`.';
SELECT '';
SELECT '| laag | geometrie | objecten |';
SELECT '|---|---|---:|';
SELECT format('| %s | %s | %s |', f_table_name, type,
              (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', f_table_name),
                                                   false, true, '')))[1]::text)
  FROM geometry_columns
 WHERE f_table_name LIKE 'bv\_kaart\_%' AND f_table_name NOT LIKE '%\_m'
 ORDER BY f_table_name;
