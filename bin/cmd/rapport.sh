#!/usr/bin/env bash
# summary: write the location report (HTML and PDF, plain Dutch) for a point, an address or a plan polygon
set -euo pipefail
source "$BV_ROOT/bin/lib.sh"

usage() {
    cat <<'USAGE'
usage: bin/bodemvisie rapport [options] (--punt X,Y | --adres ADRES | --wkt WKT) OUTDIR

Writes OUTDIR/rapport.html (one self-contained page) and OUTDIR/rapport.pdf
(the same, printed by headless Chromium) for one location, in plain Dutch,
from the database named by the libpq environment variables (PGHOST, PGPORT,
PGUSER, PGDATABASE, ...), which must have the bodemvisie extension with its
map layers refreshed (SELECT bv_kaart_verversen()). Also OUTDIR/rapport.json:
the same content as data (SQL: bv_locatierapport).

  --punt X,Y          the location in RD New (EPSG:28992), e.g. 233100,557000
  --adres ADRES       a postcode and house number, e.g. '9401 AB 12a', or a
                      street, house number and woonplaats, e.g.
                      'Kerkstraat 12a, Assen': the
                      point of its unit in the loaded BAG (bv_adres_locatie;
                      an unknown or ambiguous address is refused, naming the
                      candidates); the report names the address
  --wkt WKT           a point or plan polygon in RD New instead
  --label TEXT        what to call the location (a plot; default the address)
  --maaiveld NAP      ground level in m NAP (for the pot clay and the aquifers)
  --systeem S --van M --tot M
                      a planned system: open, gesloten or geothermie, with the
                      screen or loop from M to M m below ground level; without
                      it the report answers the three standard questions
  --peildatum DATE    read the policy as of DATE (default today)
  --geen-pdf          write only the HTML (no Chromium needed)

Exit status 0 when both files were written.
USAGE
}

punt= adres= wkt= label= maaiveld= systeem= van= tot= peildatum= pdf=1 out=
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --punt) punt=$2; shift 2 ;;
        --adres) adres=$2; shift 2 ;;
        --wkt) wkt=$2; shift 2 ;;
        --label) label=$2; shift 2 ;;
        --maaiveld) maaiveld=$2; shift 2 ;;
        --systeem) systeem=$2; shift 2 ;;
        --van) van=$2; shift 2 ;;
        --tot) tot=$2; shift 2 ;;
        --peildatum) peildatum=$2; shift 2 ;;
        --geen-pdf) pdf=0; shift ;;
        -*) usage >&2; exit 2 ;;
        *) out=$1; shift ;;
    esac
done
[ -n "$out" ] || { usage >&2; exit 2; }
if [ -n "$punt" ]; then
    x=${punt%,*}; y=${punt#*,}
    wkt="POINT($x $y)"
fi
[ -z "$adres" ] || [ -z "$wkt" ] || bv_die "give one location: --punt, --adres or --wkt"
[ -n "$wkt$adres" ] || bv_die "give --punt X,Y, --adres ADRES or --wkt WKT"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# psql variables carry every value as a quoted literal: no SQL is built
# from the command line.
psql -X -q -At -v ON_ERROR_STOP=1 \
     -v wkt="${wkt:+SRID=28992;$wkt}" -v adres="$adres" -v label="$label" -v maaiveld="$maaiveld" \
     -v systeem="$systeem" -v van="$van" -v tot="$tot" -v peildatum="$peildatum" <<'SQL' > "$out/rapport.json.tmp" \
     || { rm -f "$out/rapport.json.tmp"; exit 1; }
-- an address: the point of its unit (bv_adres_locatie), and the address in
-- the report's locatie.adres
SELECT CASE WHEN a.adres_bag IS NULL THEN r.rapport
            ELSE pg_catalog.jsonb_set(r.rapport, '{locatie,adres}',
                     pg_catalog.jsonb_build_object('adres', a.adres_bag, 'invoer', nullif(:'adres', ''),
                         'nummeraanduiding', a.nummeraanduiding, 'verblijfsobject', a.verblijfsobject,
                         'adresrol', a.adresrol)) END
  FROM (SELECT nullif(:'adres', '')::text AS adres,
               coalesce(nullif(:'peildatum', '')::date, CURRENT_DATE) AS peildatum) i
  LEFT JOIN LATERAL bv_adres_locatie(i.adres, i.peildatum) a ON true
  CROSS JOIN LATERAL (SELECT bv_locatierapport(coalesce(a.geom, nullif(:'wkt', '')::geometry),
                                               nullif(:'maaiveld', '')::float8,
                                               nullif(:'systeem', '')::text,
                                               nullif(:'van', '')::float8,
                                               nullif(:'tot', '')::float8,
                                               i.peildatum,
                                               coalesce(nullif(:'label', '')::text, a.adres_bag),
                                               500::float8) AS rapport) r;
SQL
mv "$out/rapport.json.tmp" "$out/rapport.json"

# the map snippet: 1.2 km around the location, rendered by MapServer
read -r cx cy < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["locatie"]; print(r["x"], r["y"])' "$out/rapport.json")
extent=$(python3 -c "import sys; x,y=float(sys.argv[1]),float(sys.argv[2]); print(f'{x-600:.0f},{y-600:.0f},{x+600:.0f},{y+600:.0f}')" "$cx" "$cy")
png=
if command -v map2img >/dev/null 2>&1 && "$BV_ROOT/demo/mapfile.sh" "${PGDATABASE:-$(id -un)}" "$tmp/kaart.map" 2>"$tmp/map.err"; then
    if MAPSERVER_CONFIG_FILE="$BV_ROOT/demo/mapserver.conf" map2img -m "$tmp/kaart.map" -o "$tmp/kaart.png" \
           -e ${extent//,/ } -s 600 600 -l "beleidsgebieden interferentie_gebieden wko_bellen pluimen" >/dev/null 2>>"$tmp/map.err"; then
        png=$tmp/kaart.png
    fi
fi
[ -n "$png" ] || echo "rapport: no map snippet ($(head -c 300 "$tmp/map.err"))" >&2

python3 "$BV_ROOT/bin/rapport.py" "$out/rapport.json" "$png" "$extent" "$out/rapport.html"
echo "rapport: $out/rapport.html" >&2

if [ "$pdf" = 1 ]; then
    chromium=$(command -v chromium || command -v chromium-browser || true)
    [ -n "$chromium" ] || bv_die "chromium is not installed (apt install chromium), or use --geen-pdf"
    # --no-sandbox: also as root (the page is our own file, no network)
    "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/chromium" \
        --no-pdf-header-footer --print-to-pdf="$out/rapport.pdf" "file://$out/rapport.html" >/dev/null 2>"$tmp/chromium.err" \
        || bv_die "chromium could not print the PDF: $(tail -n 3 "$tmp/chromium.err")"
    [ -s "$out/rapport.pdf" ] || bv_die "chromium wrote no PDF: $(tail -n 3 "$tmp/chromium.err")"
    echo "rapport: $out/rapport.pdf" >&2
fi
