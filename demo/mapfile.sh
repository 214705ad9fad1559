#!/usr/bin/env bash
# Write a MapServer map file for database $1 (libpq variables give host, port,
# user, password) to $2.  Usage: demo/mapfile.sh DBNAME OUTPUT.map
# The soil-energy layers follow the rulebook: one layer per system type and
# depth band (kaartlaag) that bv_kaart_bodemenergie_m holds, so a changed
# rule (e.g. a new depth limit) gives its own layer after bv_kaart_verversen().
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=$1
out=$2
conn="dbname=$db host=${PGHOST:-localhost} port=${PGPORT:-5432} user=${PGUSER:-$(id -un)}"
[ -n "${PGPASSWORD:-}" ] && conn="$conn password=$PGPASSWORD"

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
      "gml_featureid" "id"
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
sed -e "s|@CONNECTION@|$conn|g" -e "s|@DEMO_DIR@|$here|g" -e "s|@MAPFILE@|$out|g" > "$out"
