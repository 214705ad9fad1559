#!/usr/bin/env bash
# bin/bodemvisie import (issue 11): the dispatcher and the BRO importers (GUF
# -> WKO systems, GMW -> monitoring wells), run by the test suite inside a
# throwaway cluster (libpq variables set), in a database of its own.  Part 1:
# the project's fixtures (test/fixtures/bro).  Part 2: the real samples in
# ../shared/data/bro, when that folder exists.  Every import runs as the
# least-privilege role of doc/bro.md.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fx=$root/test/fixtures/bro
samples=${BV_BRO_SAMPLES:-$root/../shared/data/bro}
bv=$root/bin/bodemvisie
export PGDATABASE=bv_import_check
source "$root/test/lib.sh"
# everything the BRO import writes, sequences included
state() { fingerprint 'bv_wko_systeem t.id' 'bv_wko_put t.id' 'bv_monitoringsput t.id' 'bv_monitoringsfilter t.id'; }
counts() { q "SELECT (SELECT count(*) FROM bv_wko_systeem) || '/' || (SELECT count(*) FROM bv_wko_put) || '/' || (SELECT count(*) FROM bv_monitoringsput) || '/' || (SELECT count(*) FROM bv_monitoringsfilter)"; }
imp() { PGUSER=bv_bro_importeur "$bv" import "$@"; }

dropdb --if-exists bv_import_check 2>/dev/null
createdb bv_import_check || exit 1
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists bv_import_check 2>/dev/null; psql -X -q -d postgres -c "DROP ROLE IF EXISTS bv_bro_importeur" 2>/dev/null' EXIT
q "SET client_min_messages = warning; CREATE EXTENSION bodemvisie CASCADE" || exit 1

# the least-privilege role, made with the very statements doc/bro.md gives
role_from_doc "$root/doc/bro.md" "least-privilege role for bin/bodemvisie import (BRO)" bv_bro_importeur

echo "-- command line"
"$bv" import --help | grep -q 'usage: bin/bodemvisie import' && ok "--help" || bad "--help"
"$bv" import >/dev/null 2>&1; expect "no SOURCE: exit 2" "$?" "2"
"$bv" import --bogus x >/dev/null 2>&1; expect "unknown option: exit 2" "$?" "2"

echo "-- GUF: open system, two wells with screens"
out=$(imp "$fx/guf-open-twee-putten.xml" 2>&1); rc=$?
expect "exit 0" "$rc" "0"
expect "summary" "$out" "guf-open-twee-putten.xml: BRO GUF, 1 object(en): 1 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 4 putten/lussen"
expect "attributes" "$(q "SELECT concat_ws(' ', naam, systeem, status, vergunning, vergunning_soort, bevoegd_gezag, vergunning_datum, coalesce(eind_datum::text, '-'), gebruiksdoel, bron) FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" \
    "GUF000000900001 (DRE-WKO-0001) open gerealiseerd DRE-WKO-0001 vergunning KvK 01131081 2021-06-01 - openBodemenergiesysteem BRO guf-open-twee-putten.xml"
# the design gives energy figures, the realised installation none: the design's
expect "energy" "$(q "SELECT concat_ws(' ', energie_koude_mwh, energie_warmte_mwh, vermogen_kw, max_infiltratie_temp_c) FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" "800 900 650 25"
# realised wins: screens 60+30 m and 65+15, 83+12 m (topScreenDepth + length, m-mv)
expect "depth range from the realised screens, m-mv" "$(q "SELECT round(diepte_van_m::numeric, 2) || ' ' || round(diepte_tot_m::numeric, 2) FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" "60.00 95.00"
expect "wells: the realised RD locations" "$(q "SELECT ST_GeometryType(putten) || ' ' || ST_SRID(putten) || ' ' || ST_NumGeometries(putten) || ' ' || ST_Equals(putten, 'SRID=28992;MULTIPOINT((233482.5 557188.25),(233611 557254))'::geometry) FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" "ST_MultiPoint 28992 2 true"
# ground level (height, m NAP) minus the depths gives the screens in m NAP
expect "design and realised both kept" "$(q "SELECT string_agg(concat_ws('/', p.fase, p.register_id, p.installatie_id, p.soort, p.functie, p.maaiveld_nap, round(p.filter_boven_nap::numeric, 2), round(p.filter_onder_nap::numeric, 2), round(p.diepte_van_m::numeric, 2), round(p.diepte_tot_m::numeric, 2), p.locatie_bron, ST_X(p.geom), ST_Y(p.geom), coalesce(p.eind_datum::text, '-')), ' ' ORDER BY p.fase, p.register_id) FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000900001'")" \
    "gerealiseerd/720001/700102/put/infiltratie+onttrekking (warm)/12.4/-47.60/-77.60/60.00/90.00/RD/233482.5/557188.25/- gerealiseerd/720002/700102/put/infiltratie+onttrekking (koud)/12.6/-52.40/-82.40/65.00/95.00/RD/233611/557254/- ontwerp/710001/700101/put/infiltratie+onttrekking (warm)/12.4/-45.00/-75.00/57.40/87.40/RD/233480/557190/- ontwerp/710002/700101/put/infiltratie+onttrekking (koud)/12.4/-45.00/-75.00/57.40/87.40/RD/233620/557260/-"

s1=$(state); c1=$(counts)
out=$(imp "$fx/guf-open-twee-putten.xml" 2>&1); rc=$?
expect "re-import: exit 0" "$rc" "0"
expect "re-import says ongewijzigd" "$out" "guf-open-twee-putten.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 1 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 4 putten/lussen"
expect "re-import changes nothing (rows, sequences, geladen_op)" "$(state)" "$s1"

id1=$(q "SELECT id FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")
out=$(imp "$fx/guf-open-twee-putten-v2.xml" 2>&1)
expect "newer version: vervangen" "$out" "guf-open-twee-putten-v2.xml: BRO GUF, 1 object(en): 0 nieuw, 1 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 4 putten/lussen"
expect "newer version replaces: same id, new figures, corrected time" "$(q "SELECT id || ' ' || energie_koude_mwh || ' ' || vermogen_kw || ' ' || to_char(register_tijd AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" "$id1 950 700 2024-01-10 10:00"
expect "newer version: wells rewritten, not added" "$(q "SELECT count(*) FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000900001'")" "4"
expect "newer version: the earlier system version and its 4 wells kept as history" "$(q "SELECT (SELECT string_agg(versie::text, ',') FROM bv_wko_systeem_historie WHERE register_id = 'GUF000000900001') || ' ' || (SELECT count(*) FROM bv_wko_put_historie WHERE wko_id = $id1)")" "1 4"
PGUSER=bv_bro_importeur psql -X -q -c "DELETE FROM bv_wko_put_historie" >/dev/null 2>&1 && bad "the import role can rewrite the history" || ok "the import role cannot rewrite the history"
s2=$(state)
out=$(imp "$fx/guf-open-twee-putten-oud.xml" 2>&1)
expect "older version: reported" "$out" "guf-open-twee-putten-oud.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 0 ongewijzigd, 1 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 1 putten/lussen"
expect "older version changes nothing" "$(state)" "$s2"
out=$(imp "$fx/guf-open-twee-putten.xml" 2>&1)
expect "the first version again is older too" "$(state)" "$s2"

echo "-- GUF: taken out of the register (brocom:BRO_DO)"
h0=$(q "SELECT count(*) FROM bv_wko_systeem_historie WHERE register_id = 'GUF000000900001'")
out=$(imp "$fx/guf-uit-registratie.xml" 2>&1); rc=$?
expect "deregistered: exit 0 and summary" "$rc $out" "0 guf-uit-registratie.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 1 uit registratie; 0 putten/lussen"
expect "deregistered: the same row ends on the deregistration date" "$(q "SELECT concat_ws(' ', id, status, vergunning_datum, eind_datum, energie_koude_mwh, ST_NumGeometries(putten), to_char(register_tijd AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')) FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" "$id1 beeindigd 2021-06-01 2025-02-03 950 2 2025-02-03 08:30"
expect "deregistered: in use the day before, not from that day" "$(q "SELECT bv_in_gebruik(status, vergunning_datum, eind_datum, '2025-02-02') || ' ' || bv_in_gebruik(status, vergunning_datum, eind_datum, '2025-02-03') FROM bv_wko_systeem WHERE register_id = 'GUF000000900001'")" "true false"
expect "deregistered: the version before kept as history, the wells kept" "$(q "SELECT (SELECT count(*) - $h0 FROM bv_wko_systeem_historie WHERE register_id = 'GUF000000900001') || ' ' || (SELECT string_agg(DISTINCT h.status, ',') FROM bv_wko_systeem_historie h WHERE h.register_id = 'GUF000000900001') || ' ' || (SELECT count(*) FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000900001')")" "1 gerealiseerd 4"
s3=$(state)
out=$(imp "$fx/guf-uit-registratie.xml" 2>&1)
expect "deregistered again: ongewijzigd, nothing changed" "$out $(state)" "guf-uit-registratie.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 1 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 0 putten/lussen $s3"
out=$(imp "$fx/guf-open-twee-putten-v2.xml" 2>&1)
expect "a download from before the deregistration does not bring it back" "$out $(state)" "guf-open-twee-putten-v2.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 0 ongewijzigd, 1 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 4 putten/lussen $s3"
sed 's/GUF000000900001/GUF000000900099/' "$fx/guf-uit-registratie.xml" > "$tmp/onbekend-uit-registratie.xml"
out=$(imp "$tmp/onbekend-uit-registratie.xml" 2>&1)
expect "an unknown object taken out of the register: nothing loaded" "$out $(state)" "onbekend-uit-registratie.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 1 overgeslagen, 0 uit registratie; 0 putten/lussen $s3"

echo "-- GUF: several installations, an ended system"
out=$(imp "$fx/guf-meerdere-installaties-en-beeindigd.xml" 2>&1)
expect "two objects" "$out" "guf-meerdere-installaties-en-beeindigd.xml: BRO GUF, 2 object(en): 2 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 8 putten/lussen"
expect "closed system, two realised installations" "$(q "SELECT concat_ws(' ', systeem, status, vergunning_soort, diepte_van_m, diepte_tot_m, ST_NumGeometries(putten), energie_koude_mwh, energie_warmte_mwh, vermogen_kw, max_infiltratie_temp_c) FROM bv_wko_systeem WHERE register_id = 'GUF000000900002'")" \
    "gesloten gerealiseerd melding 0 120 2 40 120 60 18"
# the third installation was taken out of use (its lifespan ended; the event
# beeindigingGerealiseerdOnderdeel ends a part, not the system): kept, with
# its end, but its 200 m loop counts neither in the wells nor in the depth
expect "its loops: realised with loop depth, design without, the ended part kept" "$(q "SELECT string_agg(concat_ws('/', p.fase, p.installatie_id, p.register_id, coalesce(p.diepte_tot_m::text, '-'), coalesce(p.eind_datum::text, '-')), ' ' ORDER BY p.fase, p.register_id) FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000900002'")" \
    "gerealiseerd/800102/820001/100/- gerealiseerd/800103/820002/120/- gerealiseerd/800104/820003/200/2024-01-31 ontwerp/800101/810001/-/- ontwerp/800101/810002/-/-"
expect "ended system" "$(q "SELECT concat_ws(' ', systeem, status, vergunning_datum, eind_datum, round(diepte_van_m::numeric, 2), round(diepte_tot_m::numeric, 2), ST_NumGeometries(putten)) FROM bv_wko_systeem WHERE register_id = 'GUF000000900003'")" \
    "open beeindigd 2015-04-01 2024-06-30 30.00 50.00 2"
expect "ended system takes part before its end only" "$(q "SELECT bv_in_gebruik(status, vergunning_datum, eind_datum, '2024-06-29') || ' ' || bv_in_gebruik(status, vergunning_datum, eind_datum, '2024-06-30') FROM bv_wko_systeem WHERE register_id = 'GUF000000900003'")" "true false"

echo "-- GUF: quirks"
out=$(imp "$fx/guf-eigenaardigheden.xml" 2>&1)
expect "quirks file" "$out" "guf-eigenaardigheden.xml: BRO GUF, 3 object(en): 2 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 1 overgeslagen, 0 uit registratie; 3 putten/lussen"
# well 610001: screen top 40 m-mv without bottom, bounded by its maximum
# well depth 75; well 610002: screen not public, so ground level to 80 m
expect "design only, no ground level, a screen without bottom, a hidden screen" \
    "$(q "SELECT concat_ws(' ', w.status, coalesce(w.diepte_van_m::text, '-'), coalesce(w.diepte_tot_m::text, '-'), ST_NumGeometries(w.putten), (SELECT string_agg(concat_ws('/', p.fase, coalesce(p.maaiveld_nap::text, '-'), coalesce(p.filter_boven_nap::text, '-'), p.diepte_van_m, p.diepte_tot_m), ' ' ORDER BY p.register_id) FROM bv_wko_put p WHERE p.wko_id = w.id)) FROM bv_wko_systeem w WHERE w.register_id = 'GUF000000900004'")" \
    "vergund 0 80 2 ontwerp/-/-/40/75 ontwerp/-/-/0/80"
expect "not a soil-energy system (irrigation): skipped" "$(q "SELECT count(*) FROM bv_wko_systeem WHERE register_id = 'GUF000000900006'")" "0"
# ETRS89 only: compare with the published polynomial approximation of RD
# (Schreutelkamp & Strang van Hees), computed here independently of PostGIS
read -r ex ey < <(python3 - <<'PY'
phi, lam = 52.99900, 6.55900
dp, dl = 0.36 * (phi - 52.15517440), 0.36 * (lam - 5.38720621)
R = {(0,1): 190094.945, (1,1): -11832.228, (2,1): -114.221, (0,3): -32.391, (1,0): -0.705, (3,1): -2.340, (1,3): -0.608, (0,2): -0.008, (2,3): 0.148}
S = {(1,0): 309056.544, (0,2): 3638.893, (2,0): 73.077, (1,2): -157.984, (3,0): 59.788, (0,1): 0.433, (2,2): -6.439, (1,1): -0.032, (0,4): 0.092, (1,4): -0.054}
x = 155000 + sum(v * dp**p * dl**q for (p, q), v in R.items())
y = 463000 + sum(v * dp**p * dl**q for (p, q), v in S.items())
print("%.3f %.3f" % (x, y))
PY
)
expect "ETRS89-only location: transformed, within 3 m of the RD approximation" \
    "$(q "SELECT p.locatie_bron || ' ' || (ST_Distance(p.geom, ST_SetSRID(ST_MakePoint($ex, $ey), 28992)) < 3) || ' ' || p.diepte_tot_m || ' ' || w.status FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000900005'")" "ETRS89 true 80 gerealiseerd"

out=$(imp "$fx/guf-filterdiepte-lengte.xml" 2>&1)
expect "screens as depths (top + length)" "$out" "guf-filterdiepte-lengte.xml: BRO GUF, 1 object(en): 1 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 2 putten/lussen"
expect "  its range: realised screens 70-95 and 100-110 m-mv; design 65-110 kept" \
    "$(q "SELECT w.diepte_van_m || '-' || w.diepte_tot_m || ' ' || ST_AsText(w.putten) || ' ' || (SELECT string_agg(p.fase || ':' || p.diepte_van_m || '-' || p.diepte_tot_m || ':' || round(p.filter_boven_nap::numeric, 2) || '/' || round(p.filter_onder_nap::numeric, 2), ' ' ORDER BY p.fase) FROM bv_wko_put p WHERE p.wko_id = w.id) FROM bv_wko_systeem w WHERE w.register_id = 'GUF000000900008'")" \
    "70-110 MULTIPOINT((232101.5 556098.5)) gerealiseerd:70-110:-58.75/-98.75 ontwerp:65-110:-53.80/-98.80"
# the form a source holder receives: the object itself, deregistered = ja
sed 's|<brocom:deregistered>nee</brocom:deregistered>|<brocom:deregistered>ja</brocom:deregistered><brocom:deregistrationTime>2025-01-20T12:00:00+01:00</brocom:deregistrationTime>|' \
    "$fx/guf-filterdiepte-lengte.xml" > "$tmp/guf-afgemeld.xml"
out=$(imp "$tmp/guf-afgemeld.xml" 2>&1)
expect "deregistered = ja in the object: ends it too" "$out $(q "SELECT status || ' ' || eind_datum FROM bv_wko_systeem WHERE register_id = 'GUF000000900008'")" \
    "guf-afgemeld.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 1 uit registratie; 0 putten/lussen beeindigd 2025-01-20"
# taken back in (reregistered = ja, later): the object counts again
sed 's|<brocom:reregistered>nee</brocom:reregistered>|<brocom:reregistered>ja</brocom:reregistered><brocom:reregistrationTime>2025-02-20T12:00:00+01:00</brocom:reregistrationTime>|' \
    "$tmp/guf-afgemeld.xml" > "$tmp/guf-terug.xml"
out=$(imp "$tmp/guf-terug.xml" 2>&1)
expect "reregistered: replaces the ended row, in use again" "$out $(q "SELECT status || ' ' || coalesce(eind_datum::text, '-') FROM bv_wko_systeem WHERE register_id = 'GUF000000900008'")" \
    "guf-terug.xml: BRO GUF, 1 object(en): 0 nieuw, 1 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 2 putten/lussen gerealiseerd -"
# corrected: the register now says it is no soil-energy system (bemaling)
sed 's|UsageType">openBodemenergiesysteem<|UsageType">bemaling<|; s|InstallationType">openBodemenergiesysteem<|InstallationType">onttrekking<|g; s|<brocom:corrected>nee</brocom:corrected>|<brocom:corrected>ja</brocom:corrected><brocom:latestCorrectionTime>2025-03-01T10:00:00+01:00</brocom:latestCorrectionTime>|' \
    "$tmp/guf-terug.xml" > "$tmp/guf-gecorrigeerd.xml"
out=$(imp "$tmp/guf-gecorrigeerd.xml" 2>&1)
expect "corrected into no soil-energy system: the stored one ends on the correction day" "$out $(q "SELECT status || ' ' || eind_datum || ' ' || versie FROM bv_wko_systeem WHERE register_id = 'GUF000000900008'")" \
    "guf-gecorrigeerd.xml: BRO GUF, 1 object(en): 0 nieuw, 1 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 0 putten/lussen beeindigd 2025-03-01 4"
out=$(imp "$tmp/guf-gecorrigeerd.xml" 2>&1)
expect "  the same again: ongewijzigd" "$out" "guf-gecorrigeerd.xml: BRO GUF, 1 object(en): 0 nieuw, 0 vervangen, 1 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 0 putten/lussen"

echo "-- GMW: monitoring wells with several tubes"
out=$(imp "$fx/gmw-drie-filters.xml" 2>&1); rc=$?
expect "exit 0 and summary" "$rc $out" "0 gmw-drie-filters.xml: BRO GMW, 2 object(en): 2 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 5 filters"
expect "well" "$(q "SELECT concat_ws(' ', putcode, eigenaar, maaiveld_nap, aanlegdatum, verwijderd, locatie_bron, ST_AsText(geom), ST_SRID(geom)) FROM bv_monitoringsput WHERE register_id = 'GMW000000900101'")" \
    "B12F0101 KvK 01131081 13 2021-07-14 f RD POINT(233550 557300) 28992"
expect "tubes in m NAP and m-mv" "$(q "SELECT string_agg(concat_ws('/', f.buisnummer, f.filter_boven_nap, f.filter_onder_nap, round(f.filter_boven_m::numeric, 3), round(f.filter_onder_m::numeric, 3)), ' ' ORDER BY f.buisnummer) FROM bv_monitoringsfilter f JOIN bv_monitoringsput p ON p.id = f.put_id WHERE p.register_id = 'GMW000000900101'")" \
    "1/-2/-3/15.000/16.000 2/-30/-32/43.000/45.000 3/-120/-122/133.000/135.000"
expect "tubes placed in the depth model (middle of the screen, ground level)" \
    "$(q "SELECT bool_and(f.eenheid IS NOT DISTINCT FROM (bv_zone_for_depth((f.filter_boven_m + f.filter_onder_m) / 2, p.maaiveld_nap)).eenheid AND f.zone_3d = (bv_zone_for_depth((f.filter_boven_m + f.filter_onder_m) / 2, p.maaiveld_nap)).zone_3d) || ' ' || count(DISTINCT f.eenheid) FROM bv_monitoringsfilter f JOIN bv_monitoringsput p ON p.id = f.put_id WHERE p.register_id LIKE 'GMW0000009001%'")" "true 4"
g1=$(state)
out=$(imp "$fx/gmw-drie-filters.xml" 2>&1)
expect "GMW re-import: ongewijzigd, nothing changed" "$out $(state)" "gmw-drie-filters.xml: BRO GMW, 2 object(en): 0 nieuw, 0 vervangen, 2 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 5 filters $g1"
out=$(imp "$fx/gmw-drie-filters-v2.xml" 2>&1)
expect "GMW newer version" "$out" "gmw-drie-filters-v2.xml: BRO GMW, 1 object(en): 0 nieuw, 1 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 4 filters"
expect "GMW newer version: the earlier well version and its 3 tubes kept as history" "$(q "SELECT (SELECT string_agg(h.versie::text, ',') FROM bv_monitoringsput_historie h WHERE h.register_id = 'GMW000000900101') || ' ' || (SELECT count(*) FROM bv_monitoringsfilter_historie h JOIN bv_monitoringsput p ON p.id = h.put_id WHERE p.register_id = 'GMW000000900101')")" "1 3"
expect "GMW newer version replaces: ground level, fourth tube" "$(q "SELECT p.maaiveld_nap || ' ' || count(*) || ' ' || round(max(f.filter_onder_m)::numeric, 3) FROM bv_monitoringsfilter f JOIN bv_monitoringsput p ON p.id = f.put_id WHERE p.register_id = 'GMW000000900101' GROUP BY p.maaiveld_nap")" "13.2 4 195.200"
out=$(imp "$fx/gmw-eigenaardigheden.xml" 2>&1)
expect "GMW quirks" "$out" "gmw-eigenaardigheden.xml: BRO GMW, 2 object(en): 2 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 2 filters"
expect "no ground level: NAP kept, m-mv and unit unknown; ETRS89 location" \
    "$(q "SELECT concat_ws(' ', coalesce(p.maaiveld_nap::text, '-'), p.locatie_bron, f.filter_boven_nap, coalesce(f.filter_boven_m::text, '-'), coalesce(f.eenheid, '-')) FROM bv_monitoringsfilter f JOIN bv_monitoringsput p ON p.id = f.put_id WHERE p.register_id = 'GMW000000900103'")" "- ETRS89 -5 - -"
expect "removed well" "$(q "SELECT verwijderd FROM bv_monitoringsput WHERE register_id = 'GMW000000900104'")" "t"

echo "-- monitoring wells near a location"
expect "default distance 250 m: a well at 250 m is in, at 251 m out" "$(q "SELECT count(*) FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233550, 557050), 28992), 0, 1000)") $(q "SELECT count(*) FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233550, 557049), 28992), 0, 1000)")" "4 0"
expect "screen in the depth range, 250 m default" "$(q "SELECT string_agg(register_id || '/' || buisnummer || '/' || round(afstand::numeric, 1), ' ') FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233500, 557200), 28992), 40, 50)")" "GMW000000900101/2/111.8"
expect "closed intervals: a screen touching the range counts" "$(q "SELECT string_agg(register_id || '/' || buisnummer, ' ') FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233500, 557200), 28992), 45.2, 60)")" "GMW000000900101/2"
expect "no depth range: all tubes, removed wells left out" "$(q "SELECT string_agg(register_id || '/' || buisnummer, ' ' ORDER BY register_id, buisnummer) FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233700, 557400), 28992))")" "GMW000000900101/1 GMW000000900101/2 GMW000000900101/3 GMW000000900101/4 GMW000000900103/1"
expect "unknown depth is reported; distance widened" "$(q "SELECT string_agg(DISTINCT register_id, ' ') FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233700, 557400), 28992), 190, 400, 1000)")" "GMW000000900101 GMW000000900103"
expect "peildatum: the wells built on 2021-07-14 count from that day, not the day before" "$(q "SELECT count(*) FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233700, 557400), 28992), NULL, NULL, 250, '2021-07-13'::date)") $(q "SELECT count(*) FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233700, 557400), 28992), NULL, NULL, 250, '2021-07-14'::date)")" "0 5"
q "SELECT * FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(233700, 557400), 28992), NULL, NULL, 250, NULL::date)" >/dev/null 2>&1 && bad "NULL peildatum accepted" || ok "NULL peildatum refused"
q "SELECT * FROM bv_monitoringsputten_nabij(ST_SetSRID(ST_MakePoint(6.5, 53), 4326))" >/dev/null 2>&1 && bad "other SRID accepted" || ok "other SRID refused"
expect "map layer" "$(q "SELECT putcode || ' ' || filters || ' ' || GeometryType(geom) || ' ' || ST_SRID(geom) || ' ' || filterdiepten FROM bv_kaart_monitoringsputten WHERE register_id = 'GMW000000900102'")" \
    "B12F0102 2 POINT 28992 1: 20.00-21.00 m-mv ($(q "SELECT (bv_zone_for_depth(20.5, 11.5)).eenheid")); 2: 72.00-74.00 m-mv ($(q "SELECT (bv_zone_for_depth(73, 11.5)).eenheid"))"
expect "map layer geometry column declared" "$(q "SELECT type || ' ' || srid FROM geometry_columns WHERE f_table_name = 'bv_kaart_monitoringsputten'")" "POINT 28992"

echo "-- GMW: taken out of the register (brocom:BRO_DO)"
nabij="SELECT count(*) FROM bv_monitoringsputten_nabij((SELECT geom FROM bv_monitoringsput WHERE register_id = 'GMW000000900102'), NULL, NULL, 1)"
expect "before: the well's two tubes are reported" "$(q "$nabij")" "2"
out=$(imp "$fx/gmw-uit-registratie.xml" 2>&1); rc=$?
expect "GMW deregistered: exit 0 and summary" "$rc $out" "0 gmw-uit-registratie.xml: BRO GMW, 1 object(en): 0 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 1 uit registratie; 0 filters"
expect "GMW deregistered: no longer counts, row and tubes kept" "$(q "SELECT verwijderd || ' ' || (SELECT count(*) FROM bv_monitoringsfilter f WHERE f.put_id = p.id) FROM bv_monitoringsput p WHERE register_id = 'GMW000000900102'") $(q "$nabij")" "true 2 0"

echo "-- refusals leave the database unchanged"
head -c 3000 "$fx/guf-meerdere-installaties-en-beeindigd.xml" > "$tmp/afgebroken.xml"
refused "truncated file" "not well-formed XML" imp "$tmp/afgebroken.xml"
head -c 2500 "$fx/gmw-drie-filters.xml" > "$tmp/gmw-afgebroken.xml"
refused "truncated GMW file" "not well-formed XML" imp "$tmp/gmw-afgebroken.xml"
printf '<?xml version="1.0"?>\n<rapport xmlns="urn:iets-anders"><regel/></rapport>\n' > "$tmp/vreemd.xml"
refused "foreign XML" "root element is {urn:iets-anders}rapport, which no importer reads" imp "$tmp/vreemd.xml"
printf '<?xml version="1.0"?>\n<dispatchDataResponse xmlns="http://www.broservices.nl/xsd/dsgld/1.0"/>\n' > "$tmp/gld.xml"
refused "unknown BRO object kind" "dsgld/1.0}dispatchDataResponse" imp "$tmp/gld.xml"
printf '\x89PNG\r\n\x1a\n\0\0\0 binary' > "$tmp/kapot.xml"
refused "damaged (binary) file" "is not an XML file" imp "$tmp/kapot.xml"
: > "$tmp/leeg.xml"
refused "empty file" "is empty" imp "$tmp/leeg.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<dispatchDataResponse xmlns="http://www.broservices.nl/xsd/dsguf/1.0">&x;</dispatchDataResponse>\n' > "$tmp/entiteit.xml"
refused "external entity" "entity" imp "$tmp/entiteit.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<dispatchDataResponse xmlns="http://www.broservices.nl/xsd/dsguf/1.0" xmlns:brocom="http://www.broservices.nl/xsd/brocommon/3.0"><brocom:responseType>rejection</brocom:responseType></dispatchDataResponse>\n' > "$tmp/afwijzing.xml"
refused "dispatch document without object" "holds no grondwatergebruiksysteem" imp "$tmp/afwijzing.xml"
refused "screen above ground level" "screen above ground level" imp "$fx/guf-filter-boven-maaiveld.xml"
sed 's/GUF_PO /GUF_PPO /; s|</GUF_PO>|</GUF_PPO>|' "$fx/guf-filterdiepte-lengte.xml" > "$tmp/guf-ppo.xml"
refused "GUF_PPO (start of the registration plus history)" "is a GUF_PPO document" imp "$tmp/guf-ppo.xml"
sed 's/GMW000000900102/GMW9/' "$fx/gmw-drie-filters.xml" > "$tmp/gmw-slecht-id.xml"
refused "invalid BRO id" "without a valid BRO id" imp "$tmp/gmw-slecht-id.xml"
refused "missing file" "no such file" imp "$tmp/bestaat-niet.xml"
printf 'PK\003\004 no zip at all' > "$tmp/kapot.zip"
refused "broken zip" "not a readable zip" imp "$tmp/kapot.zip"

echo "-- zips and folders as downloaded"
mkdir -p "$tmp/dl/BRO/GUF" "$tmp/dl/BRO/GMW" "$tmp/dl/rapporten" "$tmp/dl/leeg"
cp "$fx/guf-meerdere-installaties-en-beeindigd.xml" "$tmp/dl/BRO/GUF/"
cp "$fx/gmw-drie-filters-v2.xml" "$tmp/dl/BRO/GMW/"
printf '%%PDF-1.4 rapport\n' > "$tmp/dl/rapporten/rapport.pdf"
printf 'broId;x;y\nGUF000000900002;234000;558100\n' > "$tmp/dl/BRO/overzicht.csv"
printf '<?xml version="1.0"?>\n<metadata xmlns="urn:levering"><datum>2025-03-01</datum></metadata>\n' > "$tmp/dl/metadata.xml"
(cd "$tmp/dl" && python3 -c "
import os, zipfile
z = zipfile.ZipFile('../download.zip', 'w', zipfile.ZIP_DEFLATED)
for base, dirs, files in os.walk('.'):
    for d in dirs: z.write(os.path.join(base, d))
    for f in files: z.write(os.path.join(base, f))
z.close()")
s3=$(state)
out=$(imp "$tmp/download.zip" 2>"$tmp/err"); rc=$?
expect "zip with extra folders and files: exit 0" "$rc" "0"
expect "zip: one line per BRO file, all unchanged" "$(sort <<< "$out")" "download.zip!BRO/GMW/gmw-drie-filters-v2.xml: BRO GMW, 1 object(en): 0 nieuw, 0 vervangen, 1 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 4 filters
download.zip!BRO/GUF/guf-meerdere-installaties-en-beeindigd.xml: BRO GUF, 2 object(en): 0 nieuw, 0 vervangen, 2 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 8 putten/lussen"
grep -q 'skipped download.zip!metadata.xml: the root element is {urn:levering}metadata' "$tmp/err" && ok "unknown XML inside the zip skipped with a message" || bad "skip message: $(cat "$tmp/err")"
expect "zip re-import changes nothing" "$(state)" "$s3"
out=$(imp -q "$tmp/dl" 2>&1); rc=$?
expect "folder (recursive), quiet: exit 0, no output, nothing changed" "$rc|$out|$(state)" "0||$s3"
# a zip with a damaged entry: the others are imported, exit 1
python3 - "$tmp/deels.zip" "$fx/gmw-eigenaardigheden.xml" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED)
z.write(sys.argv[2], 'a/gmw-eigenaardigheden.xml')
z.writestr('b/afgebroken.xml', open(sys.argv[2]).read()[:2000])
z.close()
PY
out=$(imp "$tmp/deels.zip" 2>&1); rc=$?
expect "zip with one damaged entry: exit 1" "$rc" "1"
grep -q 'afgebroken.xml is not well-formed XML' <<< "$out" && grep -q 'gmw-eigenaardigheden.xml: BRO GMW, 2 object(en): 0 nieuw' <<< "$out" \
    && ok "the good entry is imported, the damaged one named" || bad "partial zip: $out"
(cd "$tmp/dl/rapporten" && python3 -c "import zipfile; z = zipfile.ZipFile('../../alleen-pdf.zip', 'w'); z.write('rapport.pdf'); z.close()")
refused "zip without a known format" "no file of a known format in this zip" imp "$tmp/alleen-pdf.zip"
c0=$(counts)
imp "$fx/gmw-drie-filters.xml" "$tmp/vreemd.xml" >/dev/null 2>&1; rc=$?
expect "several sources, one refused: exit 1, the rest imported" "$rc $(counts)" "1 $c0"

createdb bv_import_zonder 2>/dev/null
out=$(PGDATABASE=bv_import_zonder "$bv" import "$fx/gmw-drie-filters.xml" 2>&1); rc=$?
dropdb --if-exists bv_import_zonder 2>/dev/null
grep -q 'has no bodemvisie extension' <<< "$out" && [ "$rc" -eq 1 ] && ok "a database without the extension: said so, exit 1" || bad "no extension: $rc $out"

echo "-- KLIC through the same command"
out=$("$bv" import "$root/test/fixtures/klic/GI_gebiedsinformatielevering_07G000123_1.xml" 2>/dev/null); rc=$?
expect "KLIC delivery dispatched to klic-import" "$rc $out" "0 07G000123-1: nieuw, 4 kabels/leidingen, 1 diepten, 1 voorzorgsgebieden, 1 meldingen (levering 1)"

sed "1s/encoding=\"[^\"]*\"/encoding=\"UTF-16\"/" "$root/test/fixtures/klic/GI_gebiedsinformatielevering_07G000123_1.xml" | iconv -f UTF-8 -t UTF-16 > "$tmp/GI_gebiedsinformatielevering_07G000123_1.xml"
out=$("$bv" import "$tmp/GI_gebiedsinformatielevering_07G000123_1.xml" 2>/dev/null); rc=$?
expect "a UTF-16 KLIC file is recognised too" "$rc ${out%%:*}" "0 07G000123-1"

echo "-- SQL, for ETL jobs holding the bytes"
expect "bv_bro_import(xml, bron) directly" "$(psql -X -q -A -t -v ON_ERROR_STOP=1 -v doc="$(cat "$fx/gmw-drie-filters-v2.xml")" 2>&1 <<< "SELECT soort || ' ' || objecten || ' ' || nieuw || ' ' || vervangen || ' ' || ongewijzigd FROM bv_bro_import(XMLPARSE(DOCUMENT :'doc'), 'etl')")" "GMW 1 0 0 1"
q "SELECT * FROM bv_bro_import('<a/>'::xml, 'x')" >/dev/null 2>&1 && bad "SQL: foreign XML accepted" || ok "SQL: foreign XML refused"

if [ -d "$samples" ] && [ -f "$samples/GUF000000016723.xml" ] && [ -f "$samples/GMW000000036287.xml" ]; then
    echo "-- the real BRO samples ($samples)"
    out=$(imp "$samples/GUF000000016723.xml" 2>&1)
    expect "GUF sample" "$out" "GUF000000016723.xml: BRO GUF, 1 object(en): 1 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 2 putten/lussen"
    expect "GUF sample: closed system, 150 m loop, realised RD location" \
        "$(q "SELECT concat_ws(' ', naam, systeem, status, vergunning_soort, vergunning_datum, diepte_van_m, diepte_tot_m, ST_AsText(putten), energie_koude_mwh, energie_warmte_mwh, vermogen_kw, max_infiltratie_temp_c) FROM bv_wko_systeem WHERE register_id = 'GUF000000016723'")" \
        "GUF000000016723 (2023-00013959) gesloten gerealiseerd melding 2023-11-15 0 150 MULTIPOINT((118254 439851)) 5 26 10 30"
    expect "GUF sample: design loop and realised loop" "$(q "SELECT string_agg(p.fase || '/' || p.register_id || '/' || coalesce(p.diepte_tot_m::text, '-') || '/' || p.locatie_bron, ' ' ORDER BY p.fase) FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000016723'")" \
        "gerealiseerd/575244/150/RD ontwerp/575243/-/RD"
    out=$(imp "$samples/GMW000000036287.xml" 2>&1)
    expect "GMW sample" "$out" "GMW000000036287.xml: BRO GMW, 1 object(en): 1 nieuw, 0 vervangen, 0 ongewijzigd, 0 ouder (niet vervangen), 0 overgeslagen, 0 uit registratie; 1 filters"
    expect "GMW sample: well and tube" \
        "$(q "SELECT concat_ws(' ', p.putcode, p.maaiveld_nap, ST_AsText(p.geom), f.buisnummer, f.filter_boven_nap, f.filter_onder_nap, round(f.filter_boven_m::numeric, 3), round(f.filter_onder_m::numeric, 3), (f.eenheid = (bv_zone_for_depth(2.29, 1.932)).eenheid)::text) FROM bv_monitoringsput p JOIN bv_monitoringsfilter f ON f.put_id = p.id WHERE p.register_id = 'GMW000000036287'")" \
        "GMW38B125170 1.932 POINT(118300.381 439767.501) 1 0.142 -0.858 1.790 2.790 true"
    s4=$(state)
    imp -q "$samples" >/dev/null 2>&1
    expect "samples folder again: unchanged" "$(state)" "$s4"
else
    echo "  skip the real BRO samples: $samples not found (they are outside the project, next to it)"
fi

echo "-- parts go with their system or well"
n=$(q "SELECT count(*) FROM bv_wko_put p JOIN bv_wko_systeem w ON w.id = p.wko_id WHERE w.register_id = 'GUF000000900003'")
q "DELETE FROM bv_wko_systeem WHERE register_id = 'GUF000000900003'"
expect "DELETE of a system deletes its $n wells, nothing else" "$(q "SELECT count(*) FROM bv_wko_put WHERE wko_id NOT IN (SELECT id FROM bv_wko_systeem)") $n" "0 3"
q "DELETE FROM bv_monitoringsput WHERE register_id = 'GMW000000900102'"
expect "DELETE of a well deletes its tubes" "$(q "SELECT count(*) FROM bv_monitoringsfilter WHERE put_id NOT IN (SELECT id FROM bv_monitoringsput)")" "0"
q "TRUNCATE bv_wko_systeem, bv_monitoringsput RESTART IDENTITY" && ok "TRUNCATE works as before" || bad "TRUNCATE bv_wko_systeem"
expect "TRUNCATE empties the parts" "$(counts)" "0/0/0/0"

[ "$fails" -eq 0 ]
