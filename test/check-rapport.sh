#!/usr/bin/env bash
# The location report (issue 12): bin/bodemvisie rapport writes one HTML page
# and a PDF for a location of the sample data; the page opened in headless
# Chromium is not blank and holds the verdicts, the reasons with their source
# and the figures; the PDF has pages and the key sentences.
# Runs inside the test cluster (libpq variables set by bin/bodemvisie test).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/test/lib.sh"
db=bv_check_rapport
tmp=$(mktemp -d)
trap 'dropdb --if-exists "$db" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
export PGDATABASE=$db
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION bodemvisie CASCADE"
for f in "$root"/data/assen/*.sql; do psql -X -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null; done
psql -X -q -c "SELECT bv_kaart_verversen()" >/dev/null

# 1. a point in the waterwingebied, a planned closed loop: verbod, with the rule's source
out=$tmp/ww
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --punt 235800,557400 --label "Lonerstraat 1" \
    --maaiveld 12 --systeem gesloten --van 0 --tot 12 "$out" 2>"$tmp/err1"
check "rapport writes HTML and PDF" $? "$(cat "$tmp/err1")"
for zin in "Bodem en ondergrond: Lonerstraat 1" "Mag hier niet." "Waterwingebied (drinkwaterwinning): bodemenergie is hier verboden." \
           "In verbodsgebieden is toepassing van WKO niet toegestaan" "Wie beslist" "Diepteprofiel" "Omgevingsloket"; do
    grep -qF "$zin" "$out/rapport.html"
    check "HTML says: $zin" $? "not in the page"
done
grep -q '<svg[^>]*aria-label="Diepteprofiel"' "$out/rapport.html" && grep -q 'aria-label="Kaart"' "$out/rapport.html" \
    && grep -q 'data:image/png;base64,' "$out/rapport.html"
check "HTML holds the depth profile and the map snippet (embedded PNG)" $? "figure missing"
! grep -q 'src="http\|href="http' "$out/rapport.html"
check "HTML is self-contained (no external resources)" $? "$(grep -o 'src="http[^"]*' "$out/rapport.html" | head -3)"

# 2. headless Chromium renders the page: a screenshot that is not blank
chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/chr" \
    --window-size=1000,1400 --screenshot="$tmp/shot.png" "file://$out/rapport.html" >/dev/null 2>&1
file "$tmp/shot.png" | grep -q "PNG image data, 1000 x 1400"
check "Chromium takes a 1000x1400 screenshot of the page" $? "$(file "$tmp/shot.png" 2>&1)"
stddev=$(gdalinfo -stats "$tmp/shot.png" 2>/dev/null | sed -n 's/.*STATISTICS_STDDEV=//p' | sort -g | tail -n 1)
awk -v s="${stddev:-0}" 'BEGIN { exit !(s > 10) }'
check "the screenshot is not blank (largest band stddev ${stddev:-none})" $? "uniform image"

# 3. the PDF: pages, and the sentences a citizen reads
pages=$(pdfinfo "$out/rapport.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 2 ]
check "the PDF has pages ($pages)" $? "pdfinfo: $(pdfinfo "$out/rapport.pdf" 2>&1 | head -3)"
pdftotext "$out/rapport.pdf" "$tmp/r.txt"
for zin in "Lonerstraat 1" "Mag hier niet." "Waterwingebied" "Bron in de Bodemvisie"; do
    grep -qF "$zin" "$tmp/r.txt"
    check "PDF text holds: $zin" $? "not in pdftotext output"
done
pdftoppm -png -r 40 -f 2 -l 2 "$out/rapport.pdf" "$tmp/p" && stddev=$(gdalinfo -stats "$tmp"/p-*2.png 2>/dev/null | sed -n 's/.*STATISTICS_STDDEV=//p' | sort -g | tail -n 1)
awk -v s="${stddev:-0}" 'BEGIN { exit !(s > 10) }'
check "page 2 of the PDF (the map) is not blank (stddev ${stddev:-none})" $? "uniform page"

# 4. without a planned system: the three standard questions; the JSON is the SQL function's
out=$tmp/std
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --punt 233100,557000 --geen-pdf "$out" 2>"$tmp/err2"
check "rapport without a planned system (--geen-pdf)" $? "$(cat "$tmp/err2")"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["vragen"]))' "$out/rapport.json")
[ "$n" = 3 ]
check "three standard questions (open, gesloten, geothermie)" $? "got $n"
[ ! -e "$out/rapport.pdf" ]
check "--geen-pdf writes no PDF" $? "a PDF was written"

# 5. bad input is refused with a message and no files
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --punt 233100,557000 --systeem open "$tmp/bad" 2>"$tmp/err3"
[ $? -ne 0 ] && grep -q "systeem, diepte_van_m and diepte_tot_m together" "$tmp/err3"
check "a planned system without depths is refused" $? "$(cat "$tmp/err3")"
[ "$fails" -eq 0 ]
