#!/usr/bin/env bash
# Write a MapServer map file for database DBNAME (libpq variables give host,
# port, user, password) to OUTPUT.map.
#   demo/mapfile.sh [--online-resource URL] [--legenda] DBNAME OUTPUT.map
# --online-resource URL (or the variable BV_ONLINE_RESOURCE): the public
#   address of WMS and WFS, e.g. https://kaart.example.nl/cgi-bin/mapserv?map=/srv/bv.map&
# --ogcapi-resource URL (or BV_OGCAPI_RESOURCE): the public root of the OGC
#   API, e.g. https://kaart.example.nl/cgi-bin/mapserv/bodemvisie/ogcapi
#   Without them MapServer derives both from each request, which is right
#   whenever the web server passes the real host name.
# --config OUT.conf: also write OUTPUT-ogcapi.map (the same layers in
#   longitude/latitude for the OGC API, see below) and a MapServer
#   configuration file (a copy of demo/mapserver.conf) whose MAPS block names
#   that map "bodemvisie", as the OGC API needs:
#   .../mapserv/bodemvisie/ogcapi/collections
# --legenda: draw the legend and scale bar into the picture (map2img, the
#   demo's map.png); without it WMS tiles carry neither.
# The soil-energy layers follow the rulebook: one layer per system type and
# depth band (kaartlaag) that bv_kaart_bodemenergie_m holds, so a changed
# rule (e.g. a new depth limit) gives its own layer after bv_kaart_verversen().
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
online=${BV_ONLINE_RESOURCE:-}
oga=${BV_OGCAPI_RESOURCE:-}
config=
legenda=OFF
while [ $# -gt 0 ]; do
    case "$1" in
        --online-resource) online=$2; shift 2 ;;
        --online-resource=*) online=${1#*=}; shift ;;
        --ogcapi-resource) oga=$2; shift 2 ;;
        --ogcapi-resource=*) oga=${1#*=}; shift ;;
        --config) config=$2; shift 2 ;;
        --config=*) config=${1#*=}; shift ;;
        --legenda) legenda=EMBED; shift ;;
        --) shift; break ;;
        -*) echo "mapfile.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -eq 2 ] || { echo "usage: mapfile.sh [--online-resource URL] [--ogcapi-resource URL] [--config OUT.conf] [--legenda] DBNAME OUTPUT.map" >&2; exit 2; }
db=$1
out=$2
conn="dbname=$db host=${PGHOST:-localhost} port=${PGPORT:-5432} user=${PGUSER:-$(id -un)}"
[ -n "${PGPASSWORD:-}" ] && conn="$conn password=$PGPASSWORD"
case "$online$oga" in
    *[\"\\]*) echo "mapfile.sh: an online resource must not contain quotes or backslashes" >&2; exit 2 ;;
esac
if [ -n "$online" ]; then
    resource="      \"ows_onlineresource\"   \"$online\""
else
    resource="      # ows_onlineresource: derived from each request (mapfile.sh --online-resource)"
fi
if [ -n "$oga" ]; then
    resource="$resource
      \"oga_onlineresource\"   \"$oga\""
fi

lagen=$(mktemp)
trap 'rm -f "$lagen"' EXIT
psql -X -q -At -F '|' -d "$db" -v ON_ERROR_STOP=1 -c "
    SELECT DISTINCT kaartlaag, systeem, diepte_van_m, diepte_tot_m
      FROM bv_kaart_bodemenergie_m ORDER BY systeem DESC, diepte_van_m" |
while IFS='|' read -r laag systeem van tot; do
    case "$systeem" in
        open) wat="open systemen" ;; gesloten) wat="gesloten systemen" ;; *) wat="$systeem" ;;
    esac
    cat <<LAYER
  LAYER
    NAME "bodemenergie_$laag"
    GROUP "bodemenergie"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "@CONNECTION@"
    DATA "geom from (select * from bv_kaart_bodemenergie_m where kaartlaag = '$laag') as t using unique id using srid=28992"
    TEMPLATE "void"
    COMPOSITE
      OPACITY 55
    END
    METADATA
      "ows_title" "Bodemenergie: $wat, boorgat tot $van-$tot m-mv"
      "ows_include_items" "all"
      "gml_include_items" "all"
      "gml_exclude_items" "geom"
      "gml_types" "auto"
      "gml_featureid" "id"
      "wfs_getfeature_formatlist" "gml3,geojson"
      "wms_group_title" "Bodemenergie: potentie per systeem en diepte"
    END
    CLASSITEM "oordeel"
    CLASS NAME "$systeem, $van-$tot m: verbod"     EXPRESSION "verbod"     STYLE COLOR 215 48 39 END END
    CLASS NAME "$systeem, $van-$tot m: restrictie" EXPRESSION "restrictie" STYLE COLOR 253 174 97 END END
    CLASS NAME "$systeem, $van-$tot m: vrij"       EXPRESSION "vrij"       STYLE COLOR 166 217 106 END END
  END
LAYER
done > "$lagen"
[ -s "$lagen" ] || { echo "mapfile.sh: bv_kaart_bodemenergie_m is empty (run SELECT bv_kaart_verversen())" >&2; exit 1; }

# the layers go in where the template says @BODEMENERGIE_LAGEN@
awk -v lagen="$lagen" '/@BODEMENERGIE_LAGEN@/ { while ((getline l < lagen) > 0) print l; next } { print }' \
    "$here/bodemvisie.map.in" |
R="$resource" awk '/^@ONLINERESOURCE@$/ { print ENVIRON["R"]; next } { print }' |
sed -e "s|@CONNECTION@|$conn|g" -e "s|@DEMO_DIR@|$here|g" -e "s|@LEGENDA@|$legenda|g" > "$out"

# The OGC API gets a map of its own, OUTPUT-ogcapi.map, in longitude/latitude:
# MapServer 8.0 reads the bbox parameter, and writes the items, in its
# built-in "+proj=latlong +ellps=WGS84", which names no datum, so PROJ
# converts between it and RD New without the datum shift to WGS 84 (a
# ballpark transformation): a bbox landed about 40 m west and 120 m south of
# where it was asked (small boxes missed the features inside them) and the
# items lay as far off.  In this map PostGIS transforms every layer to
# EPSG:4326 (with the datum shift of spatial_ref_sys) and MapServer has
# nothing left to transform: the bbox and the items are exact.
# A configuration names that map for the OGC API (MAPS "bodemvisie").
if [ -n "$config" ]; then
    abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
    oga_map=${abs%.map}-ogcapi.map
    read -r x0 y0 x1 y1 < <(awk '$1 == "EXTENT" { print $2, $3, $4, $5; exit }' "$out")
    ext=$(psql -X -q -At -d "$db" -v ON_ERROR_STOP=1 -v x0="$x0" -v y0="$y0" -v x1="$x1" -v y1="$y1" <<'SQL'
SELECT concat_ws(' ', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
  FROM (SELECT ST_Transform(ST_Segmentize(ST_MakeEnvelope(:x0, :y0, :x1, :y1, 28992), 100::float8), 4326)::box2d AS e) b;
SQL
)
    awk -v ext="$ext" '
        /^  EXTENT / { print "  EXTENT " ext; next }
        /^  UNITS METERS$/ { print "  UNITS DD"; next }
        /^    "EPSG:28992"$/ && !done { print "    \"EPSG:4326\""; done = 1; next }
        /^    DATA "geom from \(.*\) as t using unique id using srid=28992"$/ {
            q = $0
            sub(/^    DATA "geom from /, "", q)
            sub(/ as t using unique id using srid=28992"$/, "", q)
            print "    DATA \"geom_wgs84 from (select k.*, st_transform(k.geom, 4326) as geom_wgs84 from " q " as k) as t using unique id using srid=4326\""
            next
        }
        { print }' "$out" > "$oga_map"
    if grep -q 'srid=28992' "$oga_map"; then
        echo "mapfile.sh: a layer of $oga_map still reads RD New" >&2; exit 1
    fi
    M="  MAPS
    \"bodemvisie\" \"$oga_map\"
  END" awk '/^END$/ { print ENVIRON["M"] } { print }' "$here/mapserver.conf" > "$config"
fi
