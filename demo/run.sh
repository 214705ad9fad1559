#!/usr/bin/env bash
# The demo itself, inside a cluster (libpq variables set): load the sample
# data, run the analyses, write GeoJSON, report.md and map.png to $1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=$1
db=${BV_DEMO_DB:-bodemvisie_demo}
step() { printf '\033[1m  -> %s\033[0m\n' "$*" >&2; }

export PGDATABASE=$db
step "creating database $db with the extension"
dropdb --if-exists "$db" 2>/dev/null || true
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
     -c "CREATE EXTENSION bodemvisie CASCADE"

step "loading the Assen sample data (illustrative)"
for f in "$root"/data/assen/*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -f "$f"
done

step "importing the BRO sample files (illustrative WKO systems and monitoring wells)"
BV_ROOT=$root bash "$root/bin/bodemvisie" import -q "$root/data/assen/bro"

step "running the analyses (refreshing the derived layers)"
psql -X -q -v ON_ERROR_STOP=1 -c "SELECT bv_kaart_verversen()" >/dev/null

step "writing one GeoJSON file per derived layer"
for layer in $(psql -X -At -c "SELECT f_table_name FROM geometry_columns
                               WHERE f_table_name LIKE 'bv\_kaart\_%' AND f_table_name NOT LIKE '%\_m'
                               ORDER BY 1"); do
    rm -f "$out/$layer.geojson"
    # the stored version (table _m) where there is one (a layer over an indexed
    # table, such as bv_kaart_monitoringsputten, has none)
    src=$layer
    [ "$(psql -X -At -c "SELECT to_regclass('${layer}_m') IS NOT NULL")" = t ] && src=${layer}_m
    ogr2ogr -f GeoJSON "$out/$layer.geojson" "PG:dbname=$db" "$src" \
        -nln "$layer" -lco RFC7946=NO -lco COORDINATE_PRECISION=2
    echo "     $layer.geojson: $(psql -X -At -c "SELECT count(*) FROM $src") features" >&2
done

step "writing report.md"
(cd "$root" && psql -X -At -v ON_ERROR_STOP=1 -f "$here/report.sql") > "$out/report.md"

step "rendering map.png with MapServer"
"$here/mapfile.sh" --legenda "$db" "$out/bodemvisie.map"
MAPSERVER_CONFIG_FILE="$here/mapserver.conf" map2img -m "$out/bodemvisie.map" -o "$out/map.png" >/dev/null

step "writing the location reports of the three example checks (HTML and PDF)"
while IFS='|' read -r nr titel x y systeem van tot mv; do
    BV_ROOT="$root" bash "$root/bin/cmd/rapport.sh" --punt "$x,$y" --label "$titel" --maaiveld "$mv" \
        --systeem "$systeem" --van "$van" --tot "$tot" "$out/rapport-$nr" 2>/dev/null \
        || { echo "demo: the location report $nr failed" >&2; exit 1; }
    echo "     rapport-$nr/rapport.html, rapport.pdf: $titel" >&2
done < "$here/voorbeelden.csv"
