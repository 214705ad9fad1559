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
# 6. an address: looked up in the loaded BAG (bv_adres_locatie), the report
# names it.  Invented addresses in Assen (the real BAG sample is Doesburg, far
# from the sample data; test/check-import-gio-bag.sh looks up its addresses).
python3 - "$tmp" <<'EOF'
import sys
kop = ('<?xml version="1.0" encoding="UTF-8"?>\n<sl-bag-extract:bagStand xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
       'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" '
       'xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" '
       'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
       'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"><sl:standBestand><sl:inhoud><sl:objectTypen>'
       '<sl:objectType>%s</sl:objectType></sl:objectTypen></sl:inhoud><sl:stand>')
voet = '</sl:stand></sl:standBestand></sl-bag-extract:bagStand>\n'
vk = ('<Objecten:voorkomen><Historie:Voorkomen><Historie:voorkomenidentificatie>1</Historie:voorkomenidentificatie>'
      '<Historie:beginGeldigheid>2015-01-01</Historie:beginGeldigheid><Historie:tijdstipRegistratie>2015-01-01T09:00:00.000'
      '</Historie:tijdstipRegistratie></Historie:Voorkomen></Objecten:voorkomen>')
# streets and woonplaatsen (OPR, WPL; written from the IMBAG 2.0 schema):
# a Kerkstraat in Assen and one in Loon
wpl = [("9901", "Assen"), ("9902", "Loon")]
opr = [("0106300000000001", "Kerkstraat", "9901"), ("0106300000000002", "Kerkstraat", "9902")]
# id, postcode, number, letter, street
num = [("0106200000000121", "9401AB", 12, "a", "0106300000000001"), ("0106200000000122", "9401AB", 12, "b", "0106300000000001"),
       ("0106200000000140", "9401AB", 14, None, "0106300000000001"), ("0106200000000123", "9401AD", 12, None, "0106300000000001"),
       ("0106200000000200", "9409XA", 12, None, "0106300000000002")]
# id, main address, x, y
vbo = [("0106010000000121", "0106200000000121", 235800, 557400), ("0106010000000122", "0106200000000122", 233100, 557000),
       ("0106010000000141", "0106200000000140", 233150, 557000), ("0106010000000142", "0106200000000140", 233160, 557000),
       ("0106010000000123", "0106200000000123", 235800, 557400)]
with open(sys.argv[1] + "/0106WPL01012025-000001.xml", "w") as f:
    f.write(kop % "WPL")
    for i, naam in wpl:
        f.write('<sl-bag-extract:bagObject><Objecten:Woonplaats><Objecten:identificatie domein="NL.IMBAG.Woonplaats">%s'
                '</Objecten:identificatie><Objecten:naam>%s</Objecten:naam><Objecten:status>Woonplaats aangewezen</Objecten:status>'
                '%s</Objecten:Woonplaats></sl-bag-extract:bagObject>' % (i, naam, vk))
    f.write(voet)
with open(sys.argv[1] + "/0106OPR01012025-000001.xml", "w") as f:
    f.write(kop % "OPR")
    for i, naam, w in opr:
        f.write('<sl-bag-extract:bagObject><Objecten:OpenbareRuimte><Objecten:identificatie domein="NL.IMBAG.Openbareruimte">%s'
                '</Objecten:identificatie><Objecten:naam>%s</Objecten:naam><Objecten:type>Weg</Objecten:type>'
                '<Objecten:status>Naamgeving uitgegeven</Objecten:status><Objecten:ligtIn><Objecten-ref:WoonplaatsRef '
                'domein="NL.IMBAG.Woonplaats">%s</Objecten-ref:WoonplaatsRef></Objecten:ligtIn>%s</Objecten:OpenbareRuimte>'
                '</sl-bag-extract:bagObject>' % (i, naam, w, vk))
    f.write(voet)
with open(sys.argv[1] + "/0106NUM01012025-000001.xml", "w") as f:
    f.write(kop % "NUM")
    for i, pc, nr, lt, straat in num:
        f.write('<sl-bag-extract:bagObject><Objecten:Nummeraanduiding><Objecten:identificatie domein="NL.IMBAG.Nummeraanduiding">%s'
                '</Objecten:identificatie><Objecten:huisnummer>%d</Objecten:huisnummer>%s<Objecten:postcode>%s</Objecten:postcode>'
                '<Objecten:typeAdresseerbaarObject>Verblijfsobject</Objecten:typeAdresseerbaarObject>'
                '<Objecten:status>Naamgeving uitgegeven</Objecten:status>%s<Objecten:ligtAan><Objecten-ref:OpenbareRuimteRef '
                'domein="NL.IMBAG.Openbareruimte">%s</Objecten-ref:OpenbareRuimteRef></Objecten:ligtAan>'
                '</Objecten:Nummeraanduiding></sl-bag-extract:bagObject>'
                % (i, nr, "<Objecten:huisletter>%s</Objecten:huisletter>" % lt if lt else "", pc, vk, straat))
    f.write(voet)
with open(sys.argv[1] + "/0106VBO01012025-000001.xml", "w") as f:
    f.write(kop % "VBO")
    for i, adr, x, y in vbo:
        f.write('<sl-bag-extract:bagObject><Objecten:Verblijfsobject><Objecten:heeftAlsHoofdadres><Objecten-ref:NummeraanduidingRef '
                'domein="NL.IMBAG.Nummeraanduiding">%s</Objecten-ref:NummeraanduidingRef></Objecten:heeftAlsHoofdadres>%s'
                '<Objecten:identificatie domein="NL.IMBAG.Verblijfsobject">%s</Objecten:identificatie><Objecten:geometrie><Objecten:punt>'
                '<gml:Point srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3"><gml:pos>%d %d 0.0</gml:pos></gml:Point>'
                '</Objecten:punt></Objecten:geometrie><Objecten:gebruiksdoel>woonfunctie</Objecten:gebruiksdoel>'
                '<Objecten:oppervlakte>90</Objecten:oppervlakte><Objecten:status>Verblijfsobject in gebruik</Objecten:status>'
                '<Objecten:maaktDeelUitVan><Objecten-ref:PandRef domein="NL.IMBAG.Pand">0106100000000001</Objecten-ref:PandRef>'
                '</Objecten:maaktDeelUitVan></Objecten:Verblijfsobject></sl-bag-extract:bagObject>' % (adr, vk, i, x, y))
    f.write(voet)
EOF
"$root/bin/bodemvisie" import "$tmp/0106WPL01012025-000001.xml" "$tmp/0106OPR01012025-000001.xml" \
    "$tmp/0106NUM01012025-000001.xml" "$tmp/0106VBO01012025-000001.xml" >"$tmp/imp" 2>&1
check "the invented BAG addresses load" $? "$(cat "$tmp/imp")"
out=$tmp/adres
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --adres '9401 ab 12A' --maaiveld 12 --systeem gesloten --van 0 --tot 12 \
    --geen-pdf "$out" 2>"$tmp/err4"
check "rapport --adres writes the page" $? "$(cat "$tmp/err4")"
loc=$(python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["locatie"]; print(l["x"], l["y"], l["label"], l["adres"]["nummeraanduiding"], l["adres"]["verblijfsobject"], l["adres"]["adresrol"])' "$out/rapport.json" 2>&1)
[ "$loc" = "235800.0 557400.0 9401 AB 12a 0106200000000121 0106010000000121 hoofdadres" ]
check "the report is at the unit's point and names its address ($loc)" $? "got: $loc"
for zin in "Bodem en ondergrond: 9401 AB 12a" "Adres: <strong>9401 AB 12a</strong> (BAG: nummeraanduiding 0106200000000121, hoofdadres van verblijfsobject 0106010000000121)" \
           "Mag hier niet."; do
    grep -qF "$zin" "$out/rapport.html"
    check "HTML says: $zin" $? "not in the page"
done
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --adres '9401 AB 12' --geen-pdf "$tmp/dubbel" 2>"$tmp/err5"
[ $? -ne 0 ] && grep -qF 'adres "9401 AB 12" is not in the BAG without a letter or addition: at 9401 AB 12 there are 2 addresses: 9401 AB 12a, 9401 AB 12b' "$tmp/err5" \
    && [ ! -e "$tmp/dubbel/rapport.json" ] && [ ! -e "$tmp/dubbel/rapport.html" ]
check "an address without its letter is refused, naming both candidates, no files" $? "$(cat "$tmp/err5")"
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --adres '9401AB 14' --geen-pdf "$tmp/twee" 2>"$tmp/err6"
[ $? -ne 0 ] && grep -qF 'adres "9401AB 14" (nummeraanduiding 0106200000000140) is the hoofdadres of 2 units: 0106010000000141, 0106010000000142' "$tmp/err6"
check "an address of two units is refused, naming them" $? "$(cat "$tmp/err6")"
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --adres '9401 AB 99' --geen-pdf "$tmp/onbekend" 2>"$tmp/err7"
[ $? -ne 0 ] && grep -qF 'adres "9401 AB 99" is not in the BAG as loaded' "$tmp/err7"
check "an unknown address is refused" $? "$(cat "$tmp/err7")"
# 7. an address by street name and woonplaats (bin/bodemvisie rapport, the
# command as documented)
"$root/bin/bodemvisie" rapport --adres 'Kerkstraat 12, Assen' --maaiveld 12 --systeem gesloten --van 0 --tot 12 \
    --geen-pdf "$tmp/straat" 2>"$tmp/err8"
check "rapport --adres 'Kerkstraat 12, Assen' writes the page" $? "$(cat "$tmp/err8")"
loc=$(python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["locatie"]; print(l["x"], l["y"], l["label"], l["adres"]["nummeraanduiding"], l["adres"]["verblijfsobject"], l["adres"]["invoer"])' "$tmp/straat/rapport.json" 2>&1)
[ "$loc" = "235800.0 557400.0 Kerkstraat 12, Assen 0106200000000123 0106010000000123 Kerkstraat 12, Assen" ]
check "the report is at the unit of Kerkstraat 12 in Assen ($loc)" $? "got: $loc"
for zin in "Adres: <strong>Kerkstraat 12, Assen</strong> (BAG: nummeraanduiding 0106200000000123, hoofdadres van verblijfsobject 0106010000000123)" \
           "Mag hier niet."; do
    grep -qF "$zin" "$tmp/straat/rapport.html"
    check "HTML says: $zin" $? "not in the page"
done
BV_ROOT=$root bash "$root/bin/cmd/rapport.sh" --adres 'kerkstraat 12' --geen-pdf "$tmp/straat2" 2>"$tmp/err9"
[ $? -ne 0 ] && grep -qF 'adres "kerkstraat 12" is ambiguous: 2 addresses of the BAG match: Kerkstraat 12, Assen (0106200000000123), Kerkstraat 12, Loon (0106200000000200)' "$tmp/err9" \
    && grep -qF "Add the woonplaats after a comma, e.g. 'Kerkstraat 12, Assen'" "$tmp/err9" && [ ! -e "$tmp/straat2/rapport.json" ]
check "the same street in two woonplaatsen without the woonplaats is refused, naming both, no files" $? "$(cat "$tmp/err9")"
[ "$fails" -eq 0 ]
