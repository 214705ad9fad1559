#!/usr/bin/env bash
# KLIC import through the command line (bin/bodemvisie klic-import), run by the
# test suite inside a throwaway cluster (libpq variables set).  Uses its own
# database.  Part 1: the project's fixture (runs everywhere).  Part 2: the
# real sample deliveries in ../shared/data/klic/, when that folder exists:
# exact counts per class and theme (counted independently from the XML).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fx=$root/test/fixtures/klic
samples=${BV_KLIC_SAMPLES:-$root/../shared/data/klic}
bv=$root/bin/bodemvisie
export PGDATABASE=bv_klic_check
fail=0
ok()   { echo "  ok   $*"; }
bad()  { echo "  FAIL $*"; fail=1; }
q()    { psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
expect() {  # expect NAME ACTUAL EXPECTED
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', expected '$3'"; fi
}
# A fingerprint of everything the import writes, sequences included.
state() {
    q "SELECT md5(concat_ws('|',
        (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM bv_klic_levering t),
        (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM bv_kabel_leiding t),
        (SELECT string_agg(t::text, ',' ORDER BY t.levering_id, t.imkl_id) FROM bv_klic_utiliteitsnet t),
        (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM bv_klic_diepte t),
        (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM bv_klic_voorzorg t),
        (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM bv_klic_melding t),
        (SELECT string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' ORDER BY sequencename)
           FROM pg_sequences WHERE sequencename LIKE 'bv\_%')))"
}
refused() {  # refused NAME FILE PATTERN: import must fail, say PATTERN, change nothing
    local before after msg
    before=$(state)
    if msg=$("$bv" klic-import "$2" 2>&1); then
        bad "$1: accepted"
    else
        after=$(state)
        if [ "$before" != "$after" ]; then bad "$1: database changed"
        elif ! grep -q "$3" <<< "$msg"; then bad "$1: message lacks '$3': $msg"
        else ok "$1 refused ($(head -n1 <<< "$msg" | cut -c1-100))"; fi
    fi
}

dropdb --if-exists bv_klic_check 2>/dev/null
createdb bv_klic_check || exit 1
trap 'dropdb --if-exists bv_klic_check 2>/dev/null' EXIT
q "SET client_min_messages = warning; CREATE EXTENSION bodemvisie CASCADE" || exit 1
if ! q "SELECT count(*) FROM bv_klic_levering" >/dev/null; then
    echo "  FAIL the installed bodemvisie has no KLIC tables:"; psql -X -c '\dx' -c 'SELECT extversion FROM pg_extension'
    ls -l "$(pg_config --sharedir)/extension/bodemvisie"* 2>/dev/null
    exit 1
fi
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists bv_klic_check 2>/dev/null' EXIT

echo "-- fixture"
"$bv" klic-import --help | grep -q 'usage: bin/bodemvisie klic-import' && ok "--help" || bad "--help"
out=$("$bv" klic-import "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" 2>"$tmp/err")
expect "first import" "$out" "07G000123-1: nieuw, 4 kabels/leidingen, 1 diepten, 1 voorzorgsgebieden, 1 meldingen (levering 1)"
grep -q 'KLIC 07G000123-1: 1 link(s) point to ids missing' "$tmp/err" && ok "missing link reported" || bad "missing link warning: $(cat "$tmp/err")"
expect "per class and theme" \
    "$(q "SELECT string_agg(klasse || '/' || thema || '/' || beheerder || '/' || ST_NumGeometries(geom) || '/' || round(ST_Length(geom)), ' ' ORDER BY klasse) FROM bv_kabel_leiding")" \
    "Elektriciteitskabel/laagspanning/KL1031/1/80 Mantelbuis/laagspanning/KL1031/1/80 OlieGasChemicalienPijpleiding/gasHogeDruk/KL1031/1/100 Waterleiding/water/KL0007/2/200"
expect "leading zeros kept" "$(q "SELECT klic_meldnummer || ' ' || beheerder || ' ' || beheerder_naam FROM bv_klic_levering, bv_kabel_leiding WHERE klasse = 'Waterleiding'")" "07G000123 KL0007 Waterbedrijf Test"
expect "gml:Curve with 2 segments" "$(q "SELECT ST_AsText(ST_GeometryN(geom, 2)) FROM bv_kabel_leiding WHERE klasse = 'Waterleiding'")" "LINESTRING(233050 557030,233100 557030,233150 557030)"
expect "missing link kept" "$(q "SELECT ontbrekende_links FROM bv_kabel_leiding WHERE klasse = 'Elektriciteitskabel'")" "{nl.imkl-KL1031.ul_ontbreekt}"
expect "MultiSurface precaution area" "$(q "SELECT eis || ' ' || thema || ' ' || ST_NumGeometries(geom) || ' ' || ST_Area(geom) FROM bv_klic_voorzorg")" "O_GHDW3-hoog gasHogeDruk 2 880"
expect "depth" "$(q "SELECT soort || ' ' || diepte_m || ' ' || aangrijpingspunt || ' ' || ST_AsText(geom) FROM bv_klic_diepte")" "DiepteTovMaaiveld 1.2 bovenkant POINT(233010 557030)"
expect "delivery" "$(q "SELECT soort || ' ' || leveringsvolgnummer || ' ' || imkl_versie || ' ' || polygoon_soort || ' ' || ST_Area(geom) FROM bv_klic_levering")" "graafmelding 1 2.0.0 graafpolygoon 6000"

s1=$(state)
out=$("$bv" klic-import "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" 2>&1)
expect "re-import says so" "$out" "07G000123-1: ongewijzigd, 4 kabels/leidingen, 1 diepten, 1 voorzorgsgebieden, 1 meldingen (levering 1)"
expect "re-import changes nothing" "$(state)" "$s1"

# the same delivery as a folder and as a zip: still nothing new
mkdir -p "$tmp/Levering_07G000123_1/bronnen"
cp "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" "$tmp/Levering_07G000123_1/"
"$bv" klic-import -q "$tmp/Levering_07G000123_1" && expect "folder re-import changes nothing" "$(state)" "$s1" || bad "folder import"
if command -v zip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1; then
    (cd "$tmp" && { zip -qr Levering_07G000123_1.zip Levering_07G000123_1 2>/dev/null \
        || python3 -c "import zipfile,sys; z=zipfile.ZipFile('Levering_07G000123_1.zip','w'); z.write('Levering_07G000123_1/GI_gebiedsinformatielevering_07G000123_1.xml'); z.close()"; })
    "$bv" klic-import -q "$tmp/Levering_07G000123_1.zip" && expect "zip re-import changes nothing" "$(state)" "$s1" || bad "zip import"
fi

# refused files leave the database exactly as it was
head -c 3000 "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" > "$tmp/GI_gebiedsinformatielevering_07G999999_1.xml"
refused "truncated file" "$tmp/GI_gebiedsinformatielevering_07G999999_1.xml" "not well-formed XML"
printf '<?xml version="1.0"?>\n<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"><gml:featureMember><x:Weg xmlns:x="urn:x"/></gml:featureMember></gml:FeatureCollection>\n' > "$tmp/geen-imkl.xml"
refused "GML that is not IMKL" "$tmp/geen-imkl.xml" "no feature in an IMKL namespace"
printf '<?xml version="1.0"?>\n<html><body>Onderhoud</body></html>\n' > "$tmp/pagina.xml"
refused "other XML" "$tmp/pagina.xml" "not an IMKL file"
printf 'PK\003\004 no zip at all' > "$tmp/Levering_kapot.zip"
refused "broken zip" "$tmp/Levering_kapot.zip" "not a readable zip"
: > "$tmp/leeg.xml"
refused "empty file" "$tmp/leeg.xml" "empty file"
sed -e 's/07G000123/07G000777/g' -e 's#srsName="EPSG:28992" gml:id="ul_w1_geo"#srsName="EPSG:4326" gml:id="ul_w1_geo"#' \
    "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" > "$tmp/GI_gebiedsinformatielevering_07G000777_1.xml"
refused "other coordinate system" "$tmp/GI_gebiedsinformatielevering_07G000777_1.xml" 'coordinate system "EPSG:4326"'
refused "missing file" "$tmp/bestaat-niet.xml" "no such file"

# a later delivery holding the same water pipe: once in the current network
out=$("$bv" klic-import "$fx/GI_gebiedsinformatielevering_07G000140_1.xml" 2>&1)
expect "second delivery (sequence number 01)" "$out" "07G000140-1: nieuw, 1 kabels/leidingen, 0 diepten, 0 voorzorgsgebieden, 0 meldingen (levering 2)"
expect "same gml:id once, newest" \
    "$(q "SELECT count(*) || ' ' || min(klic_meldnummer) || ' ' || round(min(ST_Length(geom))) FROM bv_kabel_leiding_actueel WHERE imkl_id = 'nl.imkl-KL0007.wl_1'")" "1 07G000140 250"
expect "current network" "$(q "SELECT count(*) FROM bv_kabel_leiding_actueel")" "4"
expect "map layer" "$(q "SELECT string_agg(klasse || ' ' || kleur || ' ' || lijnstijl, ', ' ORDER BY tekenvolgorde, klasse) FROM bv_klic_netwerk_kaart")" \
    "OlieGasChemicalienPijpleiding #FFAA00 doorgetrokken, Elektriciteitskabel #960000 doorgetrokken, Mantelbuis #960000 gestreept, Waterleiding #0000FF doorgetrokken"

# IMKL 3 style: no gml:id, links by namespace-localId; a network submission
out=$("$bv" klic-import "$fx/imkl3-stijl-netinformatie.xml" 2>&1)
expect "IMKL 3 style" "$out" "imkl3-stijl-netinformatie.xml: nieuw, 1 kabels/leidingen, 0 diepten, 0 voorzorgsgebieden, 0 meldingen (levering 3)"
expect "IMKL 3 links" "$(q "SELECT imkl_id || ' ' || thema || ' ' || beheerder || ' ' || ST_AsText(geom) FROM bv_kabel_leiding WHERE klasse = 'Rioolleiding'")" \
    "nl.imkl-GM0106.rl_1 rioolVrijverval GM0106 MULTILINESTRING((233000 557200,233000 557300))"
s2=$(state)
"$bv" klic-import -q "$fx/imkl3-stijl-netinformatie.xml" 2>/dev/null
expect "network submission re-import changes nothing" "$(state)" "$s2"

# the dig check on the delivery's own polygon
expect "graafcheck on a delivery" \
    "$(q "SELECT string_agg(c.soort || ':' || c.klasse || ':' || c.binnen, ' ' ORDER BY c.soort, c.klasse) FROM bv_klic_levering l, bv_graafcheck_levering(l.id) c WHERE l.klic_meldnummer = '07G000123'")" \
    "kabel_leiding:Elektriciteitskabel:true kabel_leiding:Mantelbuis:true kabel_leiding:Waterleiding:true"

if [ -d "$samples" ]; then
    echo "-- real samples in $samples"
    for f in "$samples"/*.xml; do
        "$bv" klic-import -q "$f" 2>/dev/null || bad "import $(basename "$f")"
    done
    expect "deliveries" "$(q "SELECT string_agg(coalesce(klic_meldnummer, bron) || ' ' || soort || ' ' || imkl_versie, ', ' ORDER BY id) FROM bv_klic_levering WHERE id > 3")" \
        "18G007160 graafmelding 1.2.1, 22G003180 graafmelding 2.0.0, 22O000518 orientatieverzoek 2.0.0, 24G0069185 graafmelding 3.0.0rc1, imkl1-voorbeeld-utiliteitsnet-duct-pipe-cable.xml netinformatie 1.2.1"
    expect "totals per file (cables, depths, precaution areas, reports, no geometry)" \
        "$(q "SELECT string_agg(concat_ws('|', l.bron, (SELECT count(*) FROM bv_kabel_leiding k WHERE k.levering_id = l.id),
              (SELECT count(*) FROM bv_klic_diepte k WHERE k.levering_id = l.id), (SELECT count(*) FROM bv_klic_voorzorg k WHERE k.levering_id = l.id),
              (SELECT count(*) FROM bv_klic_melding k WHERE k.levering_id = l.id), (SELECT count(*) FROM bv_kabel_leiding k WHERE k.levering_id = l.id AND k.geom IS NULL)), ' ' ORDER BY l.bron)
              FROM bv_klic_levering l WHERE l.id > 3")" \
        "GI_gebiedsinformatielevering_18G007160_1.xml|25|2|1|0|0 GI_gebiedsinformatielevering_22G003180_1_V2.xml|34|0|0|0|0 GI_gebiedsinformatielevering_22O000518_1_V2.xml|436|5|3|0|0 IMKL3-0-Voorbeeldbestand.xml|145|11|17|1|1 imkl1-voorbeeld-utiliteitsnet-duct-pipe-cable.xml|5|0|0|0|0"
    cat > "$tmp/expected" <<'COUNTS'
GI_gebiedsinformatielevering_18G007160_1.xml|Duct|rioolVrijverval|1
GI_gebiedsinformatielevering_18G007160_1.xml|Elektriciteitskabel|water|1
GI_gebiedsinformatielevering_18G007160_1.xml|Kabelbed|buisleidingGevaarlijkeInhoud|1
GI_gebiedsinformatielevering_18G007160_1.xml|Mantelbuis|petrochemie|1
GI_gebiedsinformatielevering_18G007160_1.xml|OlieGasChemicalienPijpleiding|hoogspanning|1
GI_gebiedsinformatielevering_18G007160_1.xml|Overig|overig|1
GI_gebiedsinformatielevering_18G007160_1.xml|Rioolleiding|laagspanning|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|buisleidingGevaarlijkeInhoud|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|datatransport|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|gasHogeDruk|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|gasLageDruk|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|hoogspanning|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|laagspanning|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|landelijkHoogspanningsnet|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|middenspanning|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|overig|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|petrochemie|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|rioolOnderOverOfOnderdruk|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|rioolVrijverval|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|warmte|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|water|1
GI_gebiedsinformatielevering_18G007160_1.xml|Telecommunicatiekabel|wees|1
GI_gebiedsinformatielevering_18G007160_1.xml|ThermischePijpleiding|rioolOnderOverOfOnderdruk|1
GI_gebiedsinformatielevering_18G007160_1.xml|Waterleiding|water|1
GI_gebiedsinformatielevering_18G007160_1.xml|Waterleiding|wees|1
GI_gebiedsinformatielevering_22G003180_1_V2.xml|Elektriciteitskabel|laagspanning|7
GI_gebiedsinformatielevering_22G003180_1_V2.xml|Elektriciteitskabel|middenspanning|9
GI_gebiedsinformatielevering_22G003180_1_V2.xml|Mantelbuis|gasLageDruk|2
GI_gebiedsinformatielevering_22G003180_1_V2.xml|Mantelbuis|laagspanning|2
GI_gebiedsinformatielevering_22G003180_1_V2.xml|Mantelbuis|middenspanning|5
GI_gebiedsinformatielevering_22G003180_1_V2.xml|OlieGasChemicalienPijpleiding|gasLageDruk|9
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Duct|laagspanning|3
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Duct|middenspanning|1
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Elektriciteitskabel|laagspanning|119
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Elektriciteitskabel|middenspanning|7
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Kabelbed|laagspanning|44
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Kabelbed|middenspanning|9
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Mantelbuis|middenspanning|1
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Mantelbuis|water|2
GI_gebiedsinformatielevering_22O000518_1_V2.xml|OlieGasChemicalienPijpleiding|gasHogeDruk|2
GI_gebiedsinformatielevering_22O000518_1_V2.xml|OlieGasChemicalienPijpleiding|gasLageDruk|119
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Rioolleiding|rioolVrijverval|44
GI_gebiedsinformatielevering_22O000518_1_V2.xml|Waterleiding|water|85
IMKL3-0-Voorbeeldbestand.xml|Duct|buisleidingGevaarlijkeInhoud|6
IMKL3-0-Voorbeeldbestand.xml|Duct|laagspanning|3
IMKL3-0-Voorbeeldbestand.xml|Duct|middenspanning|3
IMKL3-0-Voorbeeldbestand.xml|Elektriciteitskabel|hoogspanning|2
IMKL3-0-Voorbeeldbestand.xml|Elektriciteitskabel|laagspanning|18
IMKL3-0-Voorbeeldbestand.xml|Elektriciteitskabel|landelijkHoogspanningsnet|2
IMKL3-0-Voorbeeldbestand.xml|Elektriciteitskabel|middenspanning|18
IMKL3-0-Voorbeeldbestand.xml|Kabelbed|buisleidingGevaarlijkeInhoud|6
IMKL3-0-Voorbeeldbestand.xml|Kabelbed|laagspanning|15
IMKL3-0-Voorbeeldbestand.xml|Kabelbed|middenspanning|7
IMKL3-0-Voorbeeldbestand.xml|Mantelbuis|buisleidingGevaarlijkeInhoud|6
IMKL3-0-Voorbeeldbestand.xml|Mantelbuis|gasLageDruk|2
IMKL3-0-Voorbeeldbestand.xml|Mantelbuis|laagspanning|4
IMKL3-0-Voorbeeldbestand.xml|Mantelbuis|middenspanning|12
IMKL3-0-Voorbeeldbestand.xml|OlieGasChemicalienPijpleiding|buisleidingGevaarlijkeInhoud|14
IMKL3-0-Voorbeeldbestand.xml|OlieGasChemicalienPijpleiding|gasHogeDruk|2
IMKL3-0-Voorbeeldbestand.xml|OlieGasChemicalienPijpleiding|gasLageDruk|9
IMKL3-0-Voorbeeldbestand.xml|OlieGasChemicalienPijpleiding|petrochemie|2
IMKL3-0-Voorbeeldbestand.xml|Overig|overig|2
IMKL3-0-Voorbeeldbestand.xml|Overig|wees|2
IMKL3-0-Voorbeeldbestand.xml|Rioolleiding|rioolOnderOverOfOnderdruk|2
IMKL3-0-Voorbeeldbestand.xml|Rioolleiding|rioolVrijverval|2
IMKL3-0-Voorbeeldbestand.xml|Telecommunicatiekabel|datatransport|2
IMKL3-0-Voorbeeldbestand.xml|ThermischePijpleiding|warmte|2
IMKL3-0-Voorbeeldbestand.xml|Waterleiding|water|2
imkl1-voorbeeld-utiliteitsnet-duct-pipe-cable.xml|Elektriciteitskabel|laagspanning|2
imkl1-voorbeeld-utiliteitsnet-duct-pipe-cable.xml|Kabelbed|laagspanning|1
imkl1-voorbeeld-utiliteitsnet-duct-pipe-cable.xml|Mantelbuis|laagspanning|2
COUNTS
    q "SELECT l.bron || '|' || k.klasse || '|' || coalesce(k.thema, '') || '|' || count(*)
         FROM bv_kabel_leiding k JOIN bv_klic_levering l ON l.id = k.levering_id WHERE l.id > 3
        GROUP BY l.bron, k.klasse, k.thema ORDER BY 1" > "$tmp/actual"
    if diff <(sort "$tmp/expected") <(sort "$tmp/actual") > "$tmp/diff"; then
        ok "counts per class and theme ($(wc -l < "$tmp/expected") groups)"
    else
        bad "counts per class and theme differ:"; cat "$tmp/diff"
    fi
    expect "missing link in the IMKL 3 sample" "$(q "SELECT imkl_id || ' -> ' || detail FROM bv_klic_melding m JOIN bv_klic_levering l ON l.id = m.levering_id WHERE l.bron LIKE 'IMKL3%'")" \
        "nl.imkl-TS1392.BGI_ogc00002-f -> nl.imkl-TS1392.BGI_ul00006-f"
    expect "three srsName spellings, one place: every line near the orientation polygon" \
        "$(q "SELECT count(*) FILTER (WHERE ST_DWithin(k.geom, l.geom, 100)) || '/' || count(*) FROM bv_kabel_leiding k JOIN bv_klic_levering l ON l.id = k.levering_id WHERE l.klic_meldnummer = '22O000518'")" "436/436"
    s3=$(state)
    for f in "$samples"/*.xml; do "$bv" klic-import -q "$f" 2>/dev/null; done
    expect "re-import of all samples changes nothing" "$(state)" "$s3"
else
    echo "-- real samples: $samples absent, skipped"
fi
exit $fail
