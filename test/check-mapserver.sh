#!/usr/bin/env bash
# The published layers through MapServer's CGI program (run directly, no web
# server): WMS GetCapabilities lists every layer, GetMap returns a PNG that is
# not blank, GetFeatureInfo at a known plume returns its approach, WFS
# GetFeature returns as many features as the database holds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=bv_check_mapserver
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; dropdb --if-exists "$db" 2>/dev/null || true' EXIT
source "$root/test/lib.sh"

dropdb --if-exists "$db" 2>/dev/null || true
createdb "$db"
export PGDATABASE=$db
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION bodemvisie CASCADE"
for f in "$root"/data/assen/*.sql; do psql -X -q -v ON_ERROR_STOP=1 -f "$f"; done
psql -X -q -v ON_ERROR_STOP=1 -c "SELECT bv_kaart_verversen()" >/dev/null
"$root/demo/mapfile.sh" "$db" "$tmp/test.map"
export MAPSERVER_CONFIG_FILE="$root/demo/mapserver.conf"

# mapserv as a CGI program: headers, a blank line, the body.  A web server
# always sets SERVER_NAME, SERVER_PORT and SCRIPT_NAME; the map file has no
# fixed online resource, so MapServer builds it from them.
ows() {
    REQUEST_METHOD=GET SERVER_NAME=localhost SERVER_PORT=80 SCRIPT_NAME=/cgi-bin/mapserv \
        QUERY_STRING="map=$tmp/test.map&$1" mapserv > "$tmp/response"
    # body after the first empty (CRLF) line
    awk 'body { print; next } /^\r?$/ { body = 1 }' "$tmp/response" > "$tmp/body"
}

# 1. GetCapabilities lists every layer
ows "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"
# one soil-energy layer per band of the rulebook (e.g. gesloten_15_25)
banden=$(psql -X -At -d "$db" -c "SELECT DISTINCT 'bodemenergie_' || kaartlaag FROM bv_kaart_bodemenergie_m")
[ "$(echo "$banden" | grep -c gesloten_15_25)" -eq 1 ]
check "the map has a band for the 15 m limit of the boringsvrije zone (gesloten_15_25)" $? "$banden"
for layer in $banden beleidsgebieden interferentie_gebieden wko_bellen pluimen; do
    grep -q "<Name>$layer</Name>" "$tmp/body"; r=$?
    check "GetCapabilities lists $layer" $r "not in the capabilities document"
done

# 2. GetMap returns a PNG that is not blank
ows "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=bodemenergie_open_25_300,beleidsgebieden,interferentie_gebieden,wko_bellen,pluimen&STYLES=&CRS=EPSG:28992&BBOX=228500,552000,238500,560500&WIDTH=500&HEIGHT=425&FORMAT=image/png"
cp "$tmp/body" "$tmp/map.png"
file "$tmp/map.png" | grep -q "PNG image data, 500 x 425"; r=$?
check "GetMap returns a 500x425 PNG" $r "$(file "$tmp/map.png")"
# not blank: some band varies (gdalinfo computes the statistics)
stddev=$(gdalinfo -stats "$tmp/map.png" 2>/dev/null | sed -n 's/.*STATISTICS_STDDEV=//p' | sort -g | tail -n 1)
awk -v s="${stddev:-0}" 'BEGIN { exit !(s > 5) }'; r=$?
check "GetMap PNG is not blank (largest band stddev ${stddev:-none})" $r "image is (nearly) uniform"

# 3. GetFeatureInfo at a known plume: 'Stomerij Oudestraat' overlaps
#    'Garage Kruisstraat', together under 1 ha: decision tree 2.1 says cluster.
read -r px py want <<<"$(psql -X -At -F' ' -c "
    SELECT round(ST_X(c) - 233000), round(557400 - ST_Y(c)), aanpak
      FROM (SELECT ST_PointOnSurface(geom) AS c, aanpak FROM bv_kaart_pluimen
             WHERE naam = 'Stomerij Oudestraat') p")"
ows "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&LAYERS=pluimen&QUERY_LAYERS=pluimen&STYLES=&SRS=EPSG:28992&BBOX=233000,557000,233400,557400&WIDTH=400&HEIGHT=400&X=$px&Y=$py&INFO_FORMAT=application/vnd.ogc.gml&FEATURE_COUNT=10"
grep -q "<naam>Stomerij Oudestraat</naam>" "$tmp/body"; r=$?
check "GetFeatureInfo finds the plume at pixel ($px, $py)" $r "$(head -c 600 "$tmp/body")"
[ "$want" = "cluster" ]; r=$?
check "the database says that plume needs the cluster approach" $r "got '$want'"
grep -q "<aanpak>$want</aanpak>" "$tmp/body"; r=$?
check "GetFeatureInfo returns its approach ($want)" $r "$(grep -o '<aanpak>[^<]*</aanpak>' "$tmp/body" | head -3)"

# 4. WFS GetFeature returns the right count
for layer in wko_bellen pluimen interferentie_gebieden; do
    table=bv_kaart_${layer}_m
    [ "$layer" = interferentie_gebieden ] && table=bv_kaart_interferentie_gebied_m
    want=$(psql -X -At -c "SELECT count(*) FROM $table")
    ows "SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=$layer"
    got=$(grep -o "<ms:$layer[ >]" "$tmp/body" | wc -l)
    [ "$got" -eq "$want" ] && [ "$want" -gt 0 ]; r=$?
    check "WFS GetFeature $layer returns $want features" $r "got $got"
done

[ "$fails" -eq 0 ]
