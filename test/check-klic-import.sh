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
source "$root/test/lib.sh"
# A fingerprint of everything the import writes, sequences included.
state() {
    fingerprint 'bv_klic_levering t.id' 'bv_kabel_leiding t.id' 'bv_klic_utiliteitsnet t.levering_id, t.imkl_id' \
                'bv_klic_diepte t.id' 'bv_klic_voorzorg t.id' 'bv_klic_melding t.id'
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
trap 'rm -rf "$tmp"; dropdb --if-exists bv_klic_check 2>/dev/null; psql -X -q -d postgres -c "DROP ROLE IF EXISTS bv_klic_importeur" 2>/dev/null' EXIT

# Imports run as the least-privilege role of doc/klic.md, made with the very
# statements the documentation gives (a superuser is needed for none of it).
role_from_doc "$root/doc/klic.md" "least-privilege role for bin/bodemvisie klic-import" bv_klic_importeur
imp() { PGUSER=bv_klic_importeur "$bv" klic-import "$@"; }

echo "-- fixture"
"$bv" klic-import --help | grep -q 'usage: bin/bodemvisie klic-import' && ok "--help" || bad "--help"
out=$(imp "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" 2>"$tmp/err")
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
out=$(imp "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" 2>&1)
expect "re-import says so" "$out" "07G000123-1: ongewijzigd, 4 kabels/leidingen, 1 diepten, 1 voorzorgsgebieden, 1 meldingen (levering 1)"
expect "re-import changes nothing" "$(state)" "$s1"

# the same delivery as a folder and as a zip: still nothing new
mkdir -p "$tmp/Levering_07G000123_1/bronnen"
cp "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" "$tmp/Levering_07G000123_1/"
imp -q "$tmp/Levering_07G000123_1" && expect "folder re-import changes nothing" "$(state)" "$s1" || bad "folder import"
if command -v zip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1; then
    (cd "$tmp" && { zip -qr Levering_07G000123_1.zip Levering_07G000123_1 2>/dev/null \
        || python3 -c "import zipfile,sys; z=zipfile.ZipFile('Levering_07G000123_1.zip','w'); z.write('Levering_07G000123_1/GI_gebiedsinformatielevering_07G000123_1.xml'); z.close()"; })
    imp -q "$tmp/Levering_07G000123_1.zip" && expect "zip re-import changes nothing" "$(state)" "$s1" || bad "zip import"
fi

# refused files leave the database exactly as it was
head -c 3000 "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" > "$tmp/GI_gebiedsinformatielevering_07G999999_1.xml"
refused "truncated file" "not well-formed XML" imp "$tmp/GI_gebiedsinformatielevering_07G999999_1.xml"
printf '<?xml version="1.0"?>\n<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"><gml:featureMember><x:Weg xmlns:x="urn:x"/></gml:featureMember></gml:FeatureCollection>\n' > "$tmp/geen-imkl.xml"
refused "GML that is not IMKL" "no feature in an IMKL namespace" imp "$tmp/geen-imkl.xml"
printf '<?xml version="1.0"?>\n<html><body>Onderhoud</body></html>\n' > "$tmp/pagina.xml"
refused "other XML" "not an IMKL file" imp "$tmp/pagina.xml"
printf 'PK\003\004 no zip at all' > "$tmp/Levering_kapot.zip"
refused "broken zip" "not a readable zip" imp "$tmp/Levering_kapot.zip"
: > "$tmp/leeg.xml"
refused "empty file" "empty file" imp "$tmp/leeg.xml"
sed -e 's/07G000123/07G000777/g' -e 's#srsName="EPSG:28992" gml:id="ul_w1_geo"#srsName="EPSG:4326" gml:id="ul_w1_geo"#' \
    "$fx/GI_gebiedsinformatielevering_07G000123_1.xml" > "$tmp/GI_gebiedsinformatielevering_07G000777_1.xml"
refused "other coordinate system" 'coordinate system "EPSG:4326"' imp "$tmp/GI_gebiedsinformatielevering_07G000777_1.xml"
refused "missing file" "no such file" imp "$tmp/bestaat-niet.xml"

# a later delivery holding the same water pipe: once in the current network
out=$(imp "$fx/GI_gebiedsinformatielevering_07G000140_1.xml" 2>&1)
expect "second delivery (sequence number 01)" "$out" "07G000140-1: nieuw, 1 kabels/leidingen, 0 diepten, 0 voorzorgsgebieden, 0 meldingen (levering 2)"
expect "same gml:id once, newest" \
    "$(q "SELECT count(*) || ' ' || min(klic_meldnummer) || ' ' || round(min(ST_Length(geom))) FROM bv_kabel_leiding_actueel WHERE imkl_id = 'nl.imkl-KL0007.wl_1'")" "1 07G000140 250"
expect "current network" "$(q "SELECT count(*) FROM bv_kabel_leiding_actueel")" "4"
expect "map layer" "$(q "SELECT string_agg(klasse || ' ' || kleur || ' ' || lijnstijl, ', ' ORDER BY tekenvolgorde, klasse) FROM bv_klic_netwerk_kaart")" \
    "OlieGasChemicalienPijpleiding #FFAA00 doorgetrokken, Elektriciteitskabel #960000 doorgetrokken, Mantelbuis #960000 gestreept, Waterleiding #0000FF doorgetrokken"

# IMKL 3 style: no gml:id, links by namespace-localId; a network submission
out=$(imp "$fx/imkl3-stijl-netinformatie.xml" 2>&1)
expect "IMKL 3 style" "$out" "imkl3-stijl-netinformatie.xml: nieuw, 1 kabels/leidingen, 0 diepten, 0 voorzorgsgebieden, 0 meldingen (levering 3)"
expect "IMKL 3 links" "$(q "SELECT imkl_id || ' ' || thema || ' ' || beheerder || ' ' || ST_AsText(geom) FROM bv_kabel_leiding WHERE klasse = 'Rioolleiding'")" \
    "nl.imkl-GM0106.rl_1 rioolVrijverval GM0106 MULTILINESTRING((233000 557200,233000 557300))"
s2=$(state)
imp -q "$fx/imkl3-stijl-netinformatie.xml" 2>/dev/null
expect "network submission re-import changes nothing" "$(state)" "$s2"

# the dig check on the delivery's own polygon
expect "graafcheck on a delivery" \
    "$(q "SELECT string_agg(c.soort || ':' || c.klasse || ':' || c.binnen, ' ' ORDER BY c.soort, c.klasse) FROM bv_klic_levering l, bv_graafcheck_levering(l.id) c WHERE l.klic_meldnummer = '07G000123'")" \
    "kabel_leiding:Elektriciteitskabel:true kabel_leiding:Mantelbuis:true kabel_leiding:Waterleiding:true"

if [ -d "$samples" ]; then
    echo "-- real samples in $samples"
    for f in "$samples"/*.xml; do
        imp -q "$f" 2>/dev/null || bad "import $(basename "$f")"
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
    for f in "$samples"/*.xml; do imp -q "$f" 2>/dev/null; done
    expect "re-import of all samples changes nothing" "$(state)" "$s3"
else
    echo "-- real samples: $samples absent, skipped"
fi

# ---------------------------------------------------------------- issue #13
echo "-- security and robustness (issue #13)"
fxa=$fx/GI_gebiedsinformatielevering_07G000123_1.xml
# a copy of the fixture as another delivery (KLIC number 07G<NUMBER>)
variant() { sed -e "s/07G000123/07G$1/g" "$fxa"; }
levering_id() { q "SELECT id FROM bv_klic_levering WHERE klic_meldnummer = '07G$1'"; }

# 1. Objects planted in public by a user who may CREATE there are never used
#    by the import: not for its temporary tables, not for anything else.
q "DROP ROLE IF EXISTS bv_kwaad" >/dev/null 2>&1
q "CREATE ROLE bv_kwaad; GRANT CREATE ON SCHEMA public TO bv_kwaad" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || bad "planting hostile objects failed"
SET ROLE bv_kwaad;
CREATE SEQUENCE public.bv_gevangen;   -- nextval survives a rollback: the trace
CREATE FUNCTION public.bv_pwn() RETURNS text LANGUAGE sql VOLATILE
    AS $$ SELECT pg_catalog.nextval('public.bv_gevangen')::text $$;
CREATE VIEW public.bv_klic_f AS SELECT 1::bigint AS volgnr, public.bv_pwn() AS klasse, public.bv_pwn() AS ns,
    public.bv_pwn() AS imkl_id, public.bv_pwn() AS lokaal_id, public.bv_pwn() AS netwerk_id, NULL::xml AS node;
CREATE VIEW public.bv_klic_fragment AS SELECT 1::bigint AS volgnr, public.bv_pwn() AS fragment;
CREATE VIEW public.bv_klic_bestand AS SELECT public.bv_pwn() AS b;
CREATE VIEW public.bv_klic_link AS SELECT public.bv_pwn() AS imkl_id, NULL::geometry AS geom;
CREATE VIEW public.bv_klic_net AS SELECT public.bv_pwn() AS imkl_id, public.bv_pwn() AS thema, public.bv_pwn() AS beheerder, 1::float8 AS diepte;
CREATE VIEW public.bv_klic_beheerder AS SELECT public.bv_pwn() AS code, public.bv_pwn() AS naam;
CREATE VIEW public.bv_klic_kl AS SELECT public.bv_pwn() AS imkl_id;
CREATE VIEW public.bv_klic_dp AS SELECT public.bv_pwn() AS imkl_id;
CREATE VIEW public.bv_klic_vz AS SELECT public.bv_pwn() AS imkl_id;
-- catalog functions and operators with near-miss argument types
CREATE FUNCTION public.decode(text, varchar) RETURNS bytea LANGUAGE sql AS $$ SELECT public.bv_pwn()::bytea $$;
CREATE FUNCTION public.split_part(varchar, varchar, integer) RETURNS text LANGUAGE sql AS $$ SELECT public.bv_pwn() $$;
CREATE FUNCTION public.regexp_replace(varchar, varchar, varchar) RETURNS text LANGUAGE sql AS $$ SELECT public.bv_pwn() $$;
CREATE FUNCTION public.bv_textcat(text, integer) RETURNS text LANGUAGE sql AS $$ SELECT public.bv_pwn() $$;
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = integer, FUNCTION = public.bv_textcat);
SQL
variant 000501 > "$tmp/GI_gebiedsinformatielevering_07G000501_1.xml"
out=$("$bv" klic-import "$tmp/GI_gebiedsinformatielevering_07G000501_1.xml" 2>"$tmp/err")
expect "superuser import beside planted objects" "$out" "07G000501-1: nieuw, 4 kabels/leidingen, 1 diepten, 1 voorzorgsgebieden, 1 meldingen (levering $(levering_id 000501))"
expect "no planted object was run by the command" "$(q "SELECT is_called FROM public.bv_gevangen")" "f"
q "SELECT status FROM bv_klic_import_bestand(pg_read_binary_file('$fxa'), 'sql-route')" >/dev/null 2>&1
q "SELECT status FROM bv_klic_import(pg_read_file('$fx/imkl3-stijl-netinformatie.xml')::xml, 'sql-route')" >/dev/null 2>&1
expect "no planted object was run by the SQL functions" "$(q "SELECT is_called FROM public.bv_gevangen")" "f"
grep -q 'warning: importing as a database superuser' "$tmp/err" && ok "superuser import warns" || bad "no superuser warning: $(cat "$tmp/err")"
q "DROP OWNED BY bv_kwaad CASCADE; REVOKE CREATE ON SCHEMA public FROM bv_kwaad; DROP ROLE bv_kwaad" >/dev/null

# 2. Temporary files are private: a psql stand-in records the modes of
#    everything in the import's temporary directory while it runs.
mkdir -p "$tmp/fakebin" "$tmp/tmpdir" "$tmp/z1"
chmod 755 "$tmp/tmpdir"
printf '#!/bin/sh\nfind "%s" -mindepth 1 -printf "%%m %%y %%P\\n" >> "%s"\nexec %s "$@"\n' \
    "$tmp/tmpdir" "$tmp/modes" "$(command -v psql)" > "$tmp/fakebin/psql"
chmod 755 "$tmp/fakebin/psql"
variant 000502 > "$tmp/z1/GI_gebiedsinformatielevering_07G000502_1.xml"
(cd "$tmp/z1" && zip -q ../Levering_07G000502_1.zip GI_gebiedsinformatielevering_07G000502_1.xml)
: > "$tmp/modes"
PATH=$tmp/fakebin:$PATH TMPDIR=$tmp/tmpdir imp -q "$tmp/Levering_07G000502_1.zip" || bad "zip import with private temp"
if [ ! -s "$tmp/modes" ]; then bad "temp modes: nothing recorded"
elif grep -qv -e '^700 d ' -e '^600 f ' "$tmp/modes"; then bad "temp files not private: $(grep -v -e '^700 d ' -e '^600 f ' "$tmp/modes" | sort -u | tr '\n' ';')"
elif ! grep -q '^600 f .*\.xml$' "$tmp/modes"; then bad "temp modes: no extracted file seen: $(sort -u "$tmp/modes" | tr '\n' ';')"
else ok "temp directory 700, extracted files 600 ($(sort -u "$tmp/modes" | wc -l) entries seen)"; fi

# 6. Coordinate systems: every spelling of RD New (and RD New + NAP) is read,
#    every other CRS is refused with SQLSTATE 22023 and a hint.
crs() { psql -X -q -A -t -c "CREATE FUNCTION pg_temp.crs(s text) RETURNS text LANGUAGE plpgsql AS \$\$
   DECLARE st text; h text; g geometry;
   BEGIN
     g := bv_klic_geometrie(xmlelement(name \"gml:Point\", xmlattributes('http://www.opengis.net/gml/3.2' AS \"xmlns:gml\", s AS \"srsName\"),
                            xmlelement(name \"gml:pos\", '233000 557000')), 'x');
     RETURN ST_AsEWKT(g);
   EXCEPTION WHEN OTHERS THEN
     GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, h = PG_EXCEPTION_HINT;
     RETURN st || CASE WHEN h <> '' THEN '+hint' ELSE '' END;
   END \$\$" -c "SELECT pg_temp.crs('$1')"; }
for s in 'EPSG:28992' 'urn:ogc:def:crs:EPSG::28992' 'http://www.opengis.net/def/crs/EPSG/0/28992' 'urn:ogc:def:crs:EPSG:6.9:28992' \
         'urn:x-ogc:def:crs:EPSG:28992' 'http://www.opengis.net/gml/srs/epsg.xml#28992' 'epsg:28992' 'EPSG:7415' 'urn:ogc:def:crs:EPSG::7415'; do
    expect "CRS '$s' read as RD" "$(crs "$s")" "SRID=28992;POINT(233000 557000)"
done
for s in 'EPSG:4326' 'urn:ogc:def:crs:EPSG::4326' 'http://www.opengis.net/def/crs/EPSG/0/4326' 'EPSG:4258' 'urn:ogc:def:crs:EPSG::28991' \
         'EPSG:289920' 'EPSG:2899' 'EPSG:28992:4326' 'urn:ogc:def:crs:OGC:1.3:CRS84' 'CRS:84' 'urn:ogc:def:crs:EPSG::5709' '' 'RD'; do
    expect "CRS '$s' refused" "$(crs "$s")" "22023+hint"
done
# a file whose geometries carry no srsName but whose collection says WGS 84
variant 000601 | sed -e 's/ srsName="[^"]*"//g' | awk '{ print } /^  xsi:schemaLocation=/ {
    print "  <gml:boundedBy><gml:Envelope srsName=\"EPSG:4326\"><gml:lowerCorner>52.9 6.5</gml:lowerCorner><gml:upperCorner>53 6.6</gml:upperCorner></gml:Envelope></gml:boundedBy>" }' \
    > "$tmp/GI_gebiedsinformatielevering_07G000601_1.xml"
grep -q 'Envelope srsName="EPSG:4326"' "$tmp/GI_gebiedsinformatielevering_07G000601_1.xml" || bad "boundedBy fixture not built"
refused "CRS only on the collection's boundedBy" 'coordinate system "EPSG:4326"' imp "$tmp/GI_gebiedsinformatielevering_07G000601_1.xml"
variant 000602 | sed -e 's#srsName="EPSG:28992"#srsName="http://www.opengis.net/def/crs/EPSG/0/28992"#g' \
    -e 's#srsName="urn:ogc:def:crs:EPSG::28992"#srsName="urn:ogc:def:crs:EPSG:6.9:28992"#g' > "$tmp/GI_gebiedsinformatielevering_07G000602_1.xml"
imp -q "$tmp/GI_gebiedsinformatielevering_07G000602_1.xml" 2>/dev/null && expect "RD spellings in a file" \
    "$(q "SELECT round(ST_Area(geom)) FROM bv_klic_levering WHERE klic_meldnummer = '07G000602'")" "6000" || bad "RD spellings file refused"

# 8. Zip entries by their exact name; one broken entry is named, the rest imported.
mkdir -p "$tmp/z2"
for n in 01 02 03 04 05 06 07; do variant 0008$n > "$tmp/z2/$n.xml"; done
/usr/bin/python3 - "$tmp/z2" <<'PY' || bad "building the zip"
import sys, zipfile, os
d = sys.argv[1]
names = {"01": "Levering/GI_gebiedsinformatielevering_07G000801_1_b.xml",
         "02": "Levering/GI_gebiedsinformatielevering_07G000802_1_[b].xml",
         "03": "GI_gebiedsinformatielevering_07G000803_1_*.xml",
         "04": "GI_gebiedsinformatielevering_07G000804_1_?.xml",
         "05": "GI_gebiedsinformatielevering_07G000805_1_\nregel.xml",
         "06": "GI_gebiedsinformatielevering_07G000806 1 met spaties.xml",
         "07": "GI_gebiedsinformatielevering_07G000807_1_kapot.xml"}
path = os.path.join(d, "Levering_namen.zip")
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
    for k in sorted(names):
        z.write(os.path.join(d, k + ".xml"), names[k])
with zipfile.ZipFile(path) as z:
    info = z.getinfo(names["07"])
data = bytearray(open(path, "rb").read())
start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
data[start + 500] ^= 0x55          # a damaged byte in that entry: its CRC fails
open(path, "wb").write(bytes(data))
PY
if imp -q "$tmp/z2/Levering_namen.zip" 2>"$tmp/err"; then bad "zip with a broken entry: exit 0"; else ok "zip with a broken entry: exit non-zero"; fi
grep -q 'GI_gebiedsinformatielevering_07G000807_1_kapot.xml' "$tmp/err" && ok "broken entry named" || bad "broken entry not named: $(cat "$tmp/err")"
expect "every other entry imported once, by its exact name" \
    "$(q "SELECT string_agg(klic_meldnummer || '=' || replace(bron, E'\n', '<NL>'), ' | ' ORDER BY klic_meldnummer) FROM bv_klic_levering WHERE klic_meldnummer LIKE '07G0008%'")" \
    '07G000801=GI_gebiedsinformatielevering_07G000801_1_b.xml | 07G000802=GI_gebiedsinformatielevering_07G000802_1_[b].xml | 07G000803=GI_gebiedsinformatielevering_07G000803_1_*.xml | 07G000804=GI_gebiedsinformatielevering_07G000804_1_?.xml | 07G000805=GI_gebiedsinformatielevering_07G000805_1_<NL>regel.xml | 07G000806=GI_gebiedsinformatielevering_07G000806 1 met spaties.xml'

# 9. The user's own file name is the source, prefix and all.
variant 000901 > "$tmp/2023-GI_gebiedsinformatielevering_07G000901_1.xml"
imp -q "$tmp/2023-GI_gebiedsinformatielevering_07G000901_1.xml" || bad "import 2023-GI_..."
expect "file name kept as bron" "$(q "SELECT bron FROM bv_klic_levering WHERE klic_meldnummer = '07G000901'")" "2023-GI_gebiedsinformatielevering_07G000901_1.xml"

# 10. Byte-order marks and UTF-16 are legal XML; entities are refused by us.
{ printf '\357\273\277'; variant 001001 | sed -e 's/Waterbedrijf Test/Waterbedrijf Tést/'; } > "$tmp/GI_gebiedsinformatielevering_07G001001_1.xml"
{ printf '\377\376'; variant 001002 | sed -e 's/Waterbedrijf Test/Waterbedrijf Tést/' -e '1s/UTF-8/UTF-16/' | iconv -f UTF-8 -t UTF-16LE; } > "$tmp/GI_gebiedsinformatielevering_07G001002_1.xml"
{ printf '\376\377'; variant 001003 | sed -e 's/Waterbedrijf Test/Waterbedrijf Tést/' -e '1s/UTF-8/UTF-16/' | iconv -f UTF-8 -t UTF-16BE; } > "$tmp/GI_gebiedsinformatielevering_07G001003_1.xml"
for n in 1 2 3; do
    out=$(imp "$tmp/GI_gebiedsinformatielevering_07G00100${n}_1.xml" 2>"$tmp/err") || true
    expect "encoding $n (1 UTF-8 BOM, 2 UTF-16LE, 3 UTF-16BE)" "$out" "07G00100$n-1: nieuw, 4 kabels/leidingen, 1 diepten, 1 voorzorgsgebieden, 1 meldingen (levering $(levering_id 00100$n))"
done
expect "text decoded right" "$(q "SELECT string_agg(DISTINCT k.beheerder_naam || '/' || l.klic_meldnummer, ',' ORDER BY k.beheerder_naam || '/' || l.klic_meldnummer) FROM bv_kabel_leiding k JOIN bv_klic_levering l ON l.id = k.levering_id WHERE l.klic_meldnummer LIKE '07G00100%' AND k.beheerder = 'KL0007'")" \
    "Waterbedrijf Tést/07G001001,Waterbedrijf Tést/07G001002,Waterbedrijf Tést/07G001003"
cp "$tmp/GI_gebiedsinformatielevering_07G001001_1.xml" "$tmp/bom.xml"; chmod 644 "$tmp/bom.xml"; chmod 755 "$tmp"
expect "BOM through the SQL function" \
    "$(q "SELECT status FROM bv_klic_import_bestand(pg_read_binary_file('$tmp/bom.xml'), 'bom.xml')" 2>/dev/null)" "ongewijzigd"
variant 001004 | sed -e 's#^<gml:FeatureCollection#<!DOCTYPE gml:FeatureCollection [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n&#' \
    -e 's#<imkl:naam>Waterbedrijf Test</imkl:naam>#<imkl:naam>\&xxe;</imkl:naam>#' > "$tmp/GI_gebiedsinformatielevering_07G001004_1.xml"
grep -q '&xxe;' "$tmp/GI_gebiedsinformatielevering_07G001004_1.xml" || bad "XXE fixture not built"
refused "external entity (XXE)" 'KLIC: file .* declares the XML entity "xxe"' imp "$tmp/GI_gebiedsinformatielevering_07G001004_1.xml"
expect "nothing of /etc/passwd stored" "$(q "SELECT count(*) FROM bv_kabel_leiding WHERE beheerder_naam LIKE '%root:%'")" "0"
/usr/bin/python3 - "$tmp/GI_gebiedsinformatielevering_07G001005_1.xml" "$(variant 001005)" <<'PY'
import sys
ents = '<!ENTITY lol "lol">' + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % (i - 1 if i > 1 else "")) * 10) for i in range(1, 10))
doc = sys.argv[2].replace("<gml:FeatureCollection", "<!DOCTYPE gml:FeatureCollection [" + ents + "]>\n<gml:FeatureCollection", 1)
doc = doc.replace("<imkl:naam>Waterbedrijf Test</imkl:naam>", "<imkl:naam>&lol9;</imkl:naam>")
open(sys.argv[1], "w").write(doc)
PY
grep -q '<!ENTITY lol9 "&lol8;&lol8;' "$tmp/GI_gebiedsinformatielevering_07G001005_1.xml" || bad "entity bomb fixture not built: $(grep -m1 DOCTYPE "$tmp/GI_gebiedsinformatielevering_07G001005_1.xml" | cut -c1-200)"
refused "entity expansion bomb" 'KLIC: file .* declares the XML entity "lol"' imp "$tmp/GI_gebiedsinformatielevering_07G001005_1.xml"
variant 001006 | sed -e 's#<imkl:naam>Waterbedrijf Test</imkl:naam>#<imkl:naam>\&onbekend;</imkl:naam>#' > "$tmp/GI_gebiedsinformatielevering_07G001006_1.xml"
refused "undefined entity" 'KLIC: file .* refers to an undefined XML entity' imp "$tmp/GI_gebiedsinformatielevering_07G001006_1.xml"
cp "$tmp/GI_gebiedsinformatielevering_07G001004_1.xml" "$tmp/xxe.xml"; chmod 644 "$tmp/xxe.xml"
expect "SQL route refuses entities too" \
    "$(q "SELECT status FROM bv_klic_import_bestand(pg_read_binary_file('$tmp/xxe.xml'), 'xxe.xml')" 2>&1 | head -n 1)" \
    "ERROR:  KLIC: file xxe.xml declares XML entities; refused (no entity is read or expanded)"

# 11. The server connection lost mid-import (session terminated) is said as such.
/usr/bin/python3 "$root/test/klic-groot.py" "$fxa" 40 "$tmp/groot.xml" 2>/dev/null
sed -e 's/07G000123/07G001101/g' "$tmp/groot.xml" > "$tmp/GI_gebiedsinformatielevering_07G001101_1.xml"
before=$(state)
PGAPPNAME=bv_klic_kill imp "$tmp/GI_gebiedsinformatielevering_07G001101_1.xml" > /dev/null 2> "$tmp/err" &
pid=$!
killed=
for i in $(seq 1 300); do
    killed=$(q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bv_klic_kill' AND query ~ '(COPY|bv_klic_import_fragmenten)'" 2>/dev/null)
    [ -n "$killed" ] && break
    sleep 0.1
done
if wait "$pid"; then st=0; else st=$?; fi
if [ -z "$killed" ]; then bad "connection lost: could not catch the import's backend"
elif [ "$st" -eq 0 ]; then bad "connection lost: exit 0"
elif grep -q 'cannot reach the database' "$tmp/err"; then bad "connection lost reported as unreachable: $(cat "$tmp/err")"
elif ! grep -q 'server connection was lost during the import of GI_gebiedsinformatielevering_07G001101_1.xml' "$tmp/err"; then bad "connection lost: $(cat "$tmp/err")"
else ok "connection lost mid-import reported as such"; fi
expect "connection lost: database unchanged" "$(state)" "$before"
[ "$fails" -eq 0 ]
