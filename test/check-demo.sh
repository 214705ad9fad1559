#!/usr/bin/env bash
# The demo as a user runs it (bin/bodemvisie demo OUTDIR), checked: every
# file exists, every GeoJSON file has as many features as the database, the
# report names what the database says, and map.png decodes as a PNG with
# content.  Runs inside the suite's cluster (the demo reuses it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
db=bv_check_demo
trap 'rm -rf "$out"; dropdb --if-exists "$db" 2>/dev/null || true' EXIT
source "$root/test/lib.sh"

started=$(date +%s)
BV_DEMO_DB=$db "$root/bin/bodemvisie" demo "$out" > "$out/demo.log" 2>&1; r=$?
check "bin/bodemvisie demo exits 0 (took $(( $(date +%s) - started )) s)" $r "$(tail -n 20 "$out/demo.log")"

export PGDATABASE=$db
layers=$(psql -X -At -c "SELECT f_table_name FROM geometry_columns
                         WHERE f_table_name LIKE 'bv\_kaart\_%' AND f_table_name NOT LIKE '%\_m' ORDER BY 1")
[ -n "$layers" ]; r=$?
check "the database has derived layers" $r "none in geometry_columns"
for layer in $layers; do
    f="$out/$layer.geojson"
    want=$(psql -X -At -c "SELECT count(*) FROM $layer")
    got=$(ogrinfo -ro -so -al "$f" 2>/dev/null | sed -n 's/^Feature Count: //p')
    [ "${got:-x}" = "$want" ]; r=$?
    check "$layer.geojson has $want features" $r "got '${got:-no file}'"
done

[ -s "$out/report.md" ]; r=$?
check "report.md is written" $r "missing or empty"
n_interfering=$(psql -X -At -c "SELECT count(*) FROM bv_kaart_wko_bellen WHERE n_buren > 0")
grep -q "$n_interfering van de" "$out/report.md"; r=$?
check "report.md gives the number of interfering systems ($n_interfering)" $r "$(head -n 20 "$out/report.md")"
for plume in $(psql -X -At -c "SELECT replace(naam, ' ', '_') FROM bv_kaart_pluimen ORDER BY id"); do
    naam=${plume//_/ }
    aanpak=$(psql -X -At -c "SELECT aanpak FROM bv_kaart_pluimen WHERE naam = '$naam'")
    grep -q "| $naam | .*| $aanpak |" "$out/report.md"; r=$?
    check "report.md: $naam -> $aanpak" $r "row missing"
done
n_checks=$(grep -c '^### Toets ' "$out/report.md" || true)
[ "$n_checks" -eq 3 ]; r=$?
check "report.md has three example soil-energy checks" $r "found $n_checks"

file "$out/map.png" | grep -q "PNG image data"; r=$?
check "map.png is a PNG" $r "$(file "$out/map.png")"
stddev=$(gdalinfo -stats "$out/map.png" 2>/dev/null | sed -n 's/.*STATISTICS_STDDEV=//p' | sort -g | tail -n 1)
awk -v s="${stddev:-0}" 'BEGIN { exit !(s > 5) }'; r=$?
check "map.png decodes and is not blank (stddev ${stddev:-none})" $r "uniform image"

# the demo writes the location report of each example check
for nr in 1 2 3; do
    [ -s "$out/rapport-$nr/rapport.html" ] && [ -s "$out/rapport-$nr/rapport.pdf" ]; r=$?
    check "rapport-$nr: HTML and PDF written" $r "$(ls "$out/rapport-$nr" 2>&1)"
    titel=$(sed -n "${nr}p" "$root/demo/voorbeelden.csv" | cut -d'|' -f2)
    grep -qF "$titel" "$out/rapport-$nr/rapport.html"; r=$?
    check "rapport-$nr names its example: $titel" $r "title missing"
done
[ "$fails" -eq 0 ]
