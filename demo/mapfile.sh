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
# --config OUT.conf: also write a MapServer configuration file (a copy of
#   demo/mapserver.conf) whose MAPS block names this map "bodemvisie", as
#   the OGC API needs: .../mapserv/bodemvisie/ogcapi/collections
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

# a configuration that names the map for the OGC API (MAPS "bodemvisie")
if [ -n "$config" ]; then
    abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
    M="  MAPS
    \"bodemvisie\" \"$abs\"
  END" awk '/^END$/ { print ENVIRON["M"] } { print }' "$here/mapserver.conf" > "$config"
fi
