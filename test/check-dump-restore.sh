#!/usr/bin/env bash
# Dump/restore: a database with the extension and user rows in every table
# restores (pg_dump -Fc | pg_restore) with the same rows, the same identity
# sequence positions and the same answers of the rules.
# Runs inside the test cluster (libpq variables set by bin/bodemvisie test).
set -euo pipefail

src=bv_dump_src_$$
dst=bv_dump_dst_$$
tmp=$(mktemp -d)
cleanup() {
    dropdb --if-exists "$src" || true
    dropdb --if-exists "$dst" || true
    rm -rf "$tmp"
}
trap cleanup EXIT

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

createdb "$src"
psql_q -d "$src" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION bodemvisie CASCADE;
INSERT INTO bv_beleidsgebied (soort, naam, bron, geom) VALUES
  ('waterwingebied', 'Waterwingebied Assen-Oost', 'WMD',
   ST_Multi(ST_MakeEnvelope(235000, 556000, 236000, 557000, 28992))),
  ('boringsvrije_zone', 'Verbodzone diepe boringen', 'Provincie Drenthe',
   ST_Multi(ST_MakeEnvelope(234000, 555000, 237000, 558000, 28992))),
  ('grondwaterbeschermingsgebied', 'Assen-West', 'Provincie Drenthe',
   ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(229000, 557000), 28992), 1500))),
  ('gasveld', 'Gasveld Assen', 'NAM', ST_Multi(ST_MakeEnvelope(225000, 550000, 228000, 553000, 28992))),
  ('hoofdtrace', 'Hoofdtrace Noord', NULL, ST_Multi(ST_MakeEnvelope(231000, 560000, 231020, 562000, 28992)));
INSERT INTO bv_gebied (naam, ontwikkelgebied, vraag, aanbod, geom) VALUES
  ('Kloosterveen', true, 40, 100, ST_Multi(ST_MakeEnvelope(228000, 558000, 230000, 560000, 28992))),
  ('Centrum', false, NULL, NULL, ST_Multi(ST_MakeEnvelope(232000, 556000, 233500, 557500, 28992)));
INSERT INTO bv_wko_systeem (naam, systeem, putten, diepte_van_m, diepte_tot_m, volume_m3_per_jaar, straal_m, status, bron)
SELECT 'WKO ' || i, CASE WHEN i % 3 = 0 THEN 'gesloten' ELSE 'open' END,
       ST_Multi(ST_SetSRID(ST_MakePoint(228000 + 150 * i, 558100 + 90 * (i % 7)), 28992)),
       30 + i, 100 + i, 100000 * i, CASE WHEN i % 4 = 0 THEN NULL ELSE 100 + i END,
       CASE WHEN i % 5 = 0 THEN 'vergund' ELSE 'gerealiseerd' END, 'register'
  FROM generate_series(1, 40) i;
INSERT INTO bv_verontreiniging (naam, status, bron, geom) VALUES
  ('Stomerij', 'actueel', 'Omgevingsdienst', ST_SetSRID(ST_MakePoint(232500, 556500), 28992)),
  ('Gasfabriek', 'in_sanering', NULL, ST_MakeEnvelope(233000, 557000, 233300, 557200, 28992)),
  ('Oude tank', 'gesaneerd', NULL, ST_SetSRID(ST_MakePoint(232600, 556600), 28992));
-- a gap in the identity sequence, and an explicit id
DELETE FROM bv_wko_systeem WHERE naam = 'WKO 40';
INSERT INTO bv_gebied (id, naam, geom) VALUES (100, 'Handmatig',
  ST_Multi(ST_MakeEnvelope(240000, 560000, 241000, 561000, 28992)));
-- history (issue 10): corrections in their own transactions, and a
-- recorded decision
UPDATE bv_beleidsgebied SET geldig_vanaf = '2030-01-01', status = 'vastgesteld' WHERE soort = 'grondwaterbeschermingsgebied';
UPDATE bv_beleidsgebied SET naam = naam || ' (gecorrigeerd)' WHERE soort = 'gasveld';
UPDATE bv_verontreiniging SET gesaneerd_op = '2025-01-01' WHERE naam = 'Oude tank';
UPDATE bv_gebied SET vraag = 60 WHERE naam = 'Kloosterveen';
INSERT INTO bv_gebiedssoort (soort, omschrijving, bron) VALUES ('proefsoort', 'Proef v1', 'eigen keuze: test');
UPDATE bv_gebiedssoort SET omschrijving = 'Proef v2' WHERE soort = 'proefsoort';
UPDATE bv_gebiedssoort SET omschrijving = omschrijving || ' (aangepast)' WHERE soort = 'gasveld';
SELECT bv_besluit_vastleggen(ST_SetSRID(ST_MakePoint(235500, 556500), 28992), 'open', 40, 120, 10, NULL, '2026-06-01', 'zaak 7');
SQL

# BRO rows: tables with foreign keys between them (bv_wko_put ->
# bv_wko_systeem, bv_monitoringsfilter -> bv_monitoringsput)
fx=$(cd "$(dirname "$0")" && pwd)/fixtures/bro
for f in guf-meerdere-installaties-en-beeindigd.xml gmw-drie-filters.xml; do
    psql_q -d "$src" -A -t -v doc="$(cat "$fx/$f")" <<< "SELECT soort FROM bv_bro_import(XMLPARSE(DOCUMENT :'doc'), 'dump-test')" >/dev/null
done

# The stored map layers (tables, their rows dumped; issue 12), filled from
# all of the above.
psql_q -d "$src" -A -t -c "SELECT count(*) FROM bv_kaart_verversen()" >/dev/null

# Rows, sequence positions and answers, as text.
answers() {
    psql_q -d "$1" -A -t <<'SQL'
SET client_min_messages = warning;
SELECT 'laag', 'wko_bellen', count(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM bv_kaart_wko_bellen_m t;
SELECT 'laag', 'pluimen', count(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM bv_kaart_pluimen_m t;
SELECT 'laag', 'interferentie_gebied', count(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM bv_kaart_interferentie_gebied_m t;
SELECT 'laag', 'bodemenergie', count(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM bv_kaart_bodemenergie_m t;
SELECT 'beleidsgebied', b.id, b.soort, b.naam, b.bron, ST_AsEWKB(b.geom) FROM bv_beleidsgebied b ORDER BY b.id;
SELECT 'gebied', g.* FROM (SELECT id, naam, ontwikkelgebied, vraag, aanbod, ST_AsEWKB(geom) FROM bv_gebied) g ORDER BY 2;
SELECT 'wko', w.id, w.naam, w.systeem, ST_AsEWKB(w.putten), w.diepte_van_m, w.diepte_tot_m,
       w.volume_m3_per_jaar, w.straal_m, w.status, w.bron FROM bv_wko_systeem w ORDER BY w.id;
SELECT 'verontreiniging', v.id, v.naam, v.status, v.bron, ST_AsEWKB(v.geom) FROM bv_verontreiniging v ORDER BY v.id;
SELECT 'versie', 'bv_beleidsgebied', id, versie FROM bv_beleidsgebied ORDER BY id;
SELECT 'versie', 'bv_wko_systeem', id, versie FROM bv_wko_systeem ORDER BY id;
SELECT 'versie', 'bv_verontreiniging', id, versie FROM bv_verontreiniging ORDER BY id;
SELECT 'historie', h.geregistreerd_van, h.geregistreerd_tot, h.id, h.versie, h.naam, h.status, h.geldig_vanaf, ST_AsEWKB(h.geom)
  FROM bv_beleidsgebied_historie h ORDER BY h.id, h.versie, h.geregistreerd_van;
SELECT 'historie', h.geregistreerd_van, h.geregistreerd_tot, h.id, h.versie, h.naam FROM bv_wko_systeem_historie h ORDER BY 4, 5, 2;
SELECT 'historie', h.geregistreerd_van, h.geregistreerd_tot, h.id, h.versie, h.naam, h.gesaneerd_op FROM bv_verontreiniging_historie h ORDER BY 4, 5, 2;
SELECT 'historie', h.geregistreerd_van, h.geregistreerd_tot, h.id, h.versie, h.naam, h.vraag FROM bv_gebied_historie h ORDER BY 4, 5, 2;
SELECT 'historie', h.geregistreerd_van, h.geregistreerd_tot, h.soort, h.versie, h.omschrijving, h.standaard
  FROM bv_gebiedssoort_historie h ORDER BY 4, 5, 2;
SELECT 'versie', 'bv_gebied', id, versie FROM bv_gebied ORDER BY id;
SELECT 'versie', 'bv_gebiedssoort', soort, versie, standaard, omschrijving FROM bv_gebiedssoort ORDER BY soort;
SELECT 'op', h.geregistreerd_tot, o.id, o.versie, o.naam
  FROM bv_beleidsgebied_historie h, LATERAL bv_beleidsgebied_op(h.geregistreerd_tot - interval '1 microsecond') o
 ORDER BY 2, 3;
SELECT 'besluit', b.id, b.oordeel, b.redenen, b.geregistreerd_op, b.geregistreerd_door, b.toelichting, ST_AsEWKB(b.locatie)
  FROM bv_besluit b ORDER BY b.id;
SELECT 'herhalen', b.id, h.gelijk, h.oordeel_nu FROM bv_besluit b, LATERAL bv_besluit_herhalen(b.id) h ORDER BY b.id;
SELECT 'wko_put', p.id, p.wko_id, p.register_id, p.fase, p.diepte_tot_m, p.eind_datum, ST_AsEWKB(p.geom) FROM bv_wko_put p ORDER BY p.id;
SELECT 'monitoringsput', p.id, p.register_id, p.maaiveld_nap, ST_AsEWKB(p.geom), f.buisnummer, f.filter_boven_m, f.eenheid
  FROM bv_monitoringsput p JOIN bv_monitoringsfilter f ON f.put_id = p.id ORDER BY f.id;
SELECT 'seq', s.sequencename, s.last_value FROM pg_sequences s WHERE s.sequencename LIKE 'bv\_%' ORDER BY 2;
SELECT 'view', v.id, v.n_systemen, v.beslissing, round(v.bruikbaar_m2), round(v.bezet_m2), v.beslissing_met_proxy
  FROM bv_wko_beslisboom_gebied v ORDER BY v.id;
SELECT 'toets', p.x, p.y, s.systeem, t.*
  FROM (VALUES (235500, 556500), (232500, 556550), (229000, 558200), (226000, 551000),
               (229000, 557000), (233100, 557100), (231010, 561000)) AS p(x, y),
       (VALUES ('open'), ('gesloten'), ('geothermie')) AS s(systeem),
       LATERAL bv_bodemenergie_toets(ST_SetSRID(ST_MakePoint(p.x, p.y), 28992), s.systeem,
               CASE s.systeem WHEN 'geothermie' THEN 2000 WHEN 'open' THEN 40 ELSE 0 END,
               CASE s.systeem WHEN 'geothermie' THEN 2500 ELSE 120 END, 10) t
 ORDER BY 2, 3, 4;
SQL
}

answers "$src" > "$tmp/before.txt"
pg_dump -Fc -f "$tmp/dump" "$src"
createdb "$dst"
pg_restore --exit-on-error -d "$dst" "$tmp/dump"
answers "$dst" > "$tmp/after.txt"

status=0
if ! diff -u "$tmp/before.txt" "$tmp/after.txt"; then
    echo "dump/restore changed rows or answers"
    status=1
fi
rows=$(grep -c . "$tmp/before.txt")
toets=$(grep -c '^toets|' "$tmp/before.txt")
echo "compared $rows lines ($toets check rows) before and after restore"
[ "$toets" -ge 21 ] || { echo "too few check rows"; status=1; }
grep -q '^wko|39|' "$tmp/before.txt" || { echo "wko rows missing"; status=1; }
hist=$(grep -c '^historie|' "$tmp/before.txt")
echo "history rows: $hist"
[ "$hist" -ge 6 ] || { echo "too few history rows"; status=1; }
grep -q '^historie|.*|Kloosterveen|40$' "$tmp/before.txt" || { echo "no history of bv_gebied"; status=1; }
grep -q '^historie|.*|proefsoort|1|Proef v1|f$' "$tmp/before.txt" || { echo "no history of bv_gebiedssoort"; status=1; }
grep -q '^historie|.*|gasveld|1|.*|t$' "$tmp/before.txt" || { echo "no history of a shipped kind"; status=1; }
grep -q '^herhalen|1|t|' "$tmp/before.txt" || { echo "no recorded decision that replays equal"; status=1; }

# The map layers came back with the dump, not empty, and are called stale
# until refreshed (their refresh times are state, not dumped).
[ "$(grep -c '^laag|[a-z_]*|[1-9]' "$tmp/before.txt")" -eq 4 ] || { echo "a map layer was empty before the dump"; status=1; }
act=$(psql_q -d "$dst" -A -t -c "SELECT string_agg(kaartlaag || ':' || gevuld || ':' || verouderd || ':' || toelichting, E'\n' ORDER BY 1) FROM bv_kaart_actualiteit")
if [ "$(grep -c ':true:true:verversdatum onbekend (na herstel)' <<<"$act")" -ne 4 ]; then
    echo "after the restore the map layers are not called stale:"; echo "$act"; status=1
fi
psql_q -d "$dst" -A -t -c "SELECT count(*) FROM bv_kaart_verversen()" >/dev/null
act=$(psql_q -d "$dst" -A -t -c "SELECT count(*) FROM bv_kaart_actualiteit WHERE NOT verouderd")
[ "$act" = 4 ] || { echo "after a refresh the restored layers are not current ($act of 4)"; status=1; }

# After the restore the history triggers work: a correction is kept, and
# the decision record is still append-only.
psql_q -d "$dst" -A -t -c "UPDATE bv_beleidsgebied SET naam = naam || '.' WHERE soort = 'gasveld'" \
    -c "SELECT 'na_restore', count(*), max(versie) FROM bv_beleidsgebied_historie WHERE soort = 'gasveld'" > "$tmp/na.txt"
grep -q '^na_restore|2|2$' "$tmp/na.txt" || { echo "history after restore:"; cat "$tmp/na.txt"; status=1; }
if psql_q -d "$dst" -c "DELETE FROM bv_besluit" 2>/dev/null; then
    echo "bv_besluit is not append-only after restore"; status=1
fi
[ "$(grep -c '^wko_put|' "$tmp/before.txt")" -eq 8 ] && [ "$(grep -c '^monitoringsput|' "$tmp/before.txt")" -eq 5 ] \
    || { echo "BRO rows missing"; status=1; }

# New rows continue the restored identity sequences (no duplicate keys).
for db in "$src" "$dst"; do
    psql_q -d "$db" -A -t -c "INSERT INTO bv_wko_systeem (naam, systeem, putten)
        VALUES ('nieuw', 'open', 'SRID=28992;MULTIPOINT(230000 557000)') RETURNING id" \
        -c "INSERT INTO bv_gebied (naam, geom) VALUES ('nieuw',
        'SRID=28992;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))') RETURNING id" | grep -E '^[0-9]+$'
done > "$tmp/ids.txt"
if [ "$(sed -n 1,2p "$tmp/ids.txt")" != "$(sed -n 3,4p "$tmp/ids.txt")" ]; then
    echo "identity sequences differ after restore:"; cat "$tmp/ids.txt"; status=1
fi
echo "next ids after restore: $(tr '\n' ' ' < "$tmp/ids.txt")"
exit $status
