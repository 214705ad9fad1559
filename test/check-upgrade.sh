#!/usr/bin/env bash
# ALTER EXTENSION bodemvisie UPDATE from every released version gives the
# same extension as a fresh install and keeps every row (issue 10).
#
# For each frozen install script upgrade/bodemvisie--V.sql: install V, load
# the Assen sample data and a KLIC delivery, update; install the current
# version fresh and load the same.  Then the catalog fingerprint
# (test/upgrade/fingerprint.sql), the rows of every data table and the
# output of every check (test/hostile/workload.sql) must be equal.  Also: an
# object of the user that depends on a map layer stops the update with a
# clear message and changes nothing.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"           # the server reads the KLIC file from here
dbs=()
cleanup() { for d in "${dbs[@]}"; do dropdb --if-exists "$d" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
source "$root/test/lib.sh"
current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$root/bodemvisie.control")
klic="$work/levering.xml"
cp "$root/test/fixtures/klic/GI_gebiedsinformatielevering_07G000123_1.xml" "$klic"
chmod 644 "$klic"

sql() { local d=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -d "$d" "$@"; }
newdb() { dropdb --if-exists "$1" 2>/dev/null; createdb "$1" && dbs+=("$1"); }
load() {    # the same data, the same way, into any version ($2: the version;
            # into 0.1.0 in its own vocabulary, which the update migrates)
    for f in "$root"/data/assen/*.sql; do
        # a file marked for a later version is loaded after the update
        if [ "${2:-}" = 0.1.0 ] && head -n 1 "$f" | grep -q 'bodemvisie >= 0.2.0'; then
            continue
        elif [ "${2:-}" = 0.1.0 ]; then
            sed "s/'gerealiseerd'/'bestaand'/g; s/'vergund'/'gepland'/g" "$f" | sql "$1" -f - || return 1
        else
            sql "$1" -f "$f" || return 1
        fi
    done
    sql "$1" -At -c "SELECT status FROM bv_klic_import_bestand(pg_read_binary_file('$klic'), 'upgrade-test')" >/dev/null
}
rows() {    # every row of every table pg_dump keeps, as checksums (without
            # the columns that say when a row was loaded: DEFAULT now(), and
            # geladen_op and the registration interval of history rows; and
            # without bv_klic_levering.sha256: 0.2.0 fingerprints a file by
            # its bytes, 0.1.0 by its XML text, see CHANGELOG.md)
    sql "$1" -At -c "SELECT string_agg(c::regclass::text, ' ' ORDER BY c::regclass::text)
                       FROM pg_extension e, unnest(e.extconfig) c
                      WHERE e.extname = 'bodemvisie' AND (SELECT relkind FROM pg_class WHERE oid = c) = 'r'" \
        | tr ' ' '\n' | while read -r t; do
            # (a stored map layer's geometry normalized: the soil-energy
            # map unions its areas in the tables' physical row order, which
            # an update changes; same polygons, rings in another order)
            cols=$(sql "$1" -At -c "SELECT string_agg(CASE WHEN a.attname = 'geom' AND '$t' LIKE 'bv\\_kaart\\_%\\_m'
                                                           THEN 'ST_Normalize(geom) AS geom' ELSE quote_ident(a.attname) END,
                                                      ', ' ORDER BY a.attnum)
                                      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                                     WHERE a.attrelid = '$t'::regclass AND a.attnum > 0 AND NOT a.attisdropped
                                       AND coalesce(pg_get_expr(d.adbin, d.adrelid), '') NOT LIKE '%now()%'
                                       AND a.attname NOT IN ('geladen_op', 'geregistreerd_van', 'geregistreerd_tot')
                                       AND ('$t', a.attname) <> ('bv_klic_levering', 'sha256')")
            printf '%s %s\n' "$t" "$(sql "$1" -At -c "SELECT count(*) || ' ' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM (SELECT $cols FROM $t) x")"
        done
}

newdb bv_upgrade_fresh
sql bv_upgrade_fresh -c "SET client_min_messages = warning" -c "CREATE EXTENSION bodemvisie CASCADE"
load bv_upgrade_fresh
check "fresh $current install with the sample data" $? ""
# the stored map layers are dumped tables: compared below, after a refresh
# on both sides
sql bv_upgrade_fresh -At -c "SELECT count(*) FROM bv_kaart_verversen()" >/dev/null
sql bv_upgrade_fresh -At -f "$root/test/upgrade/fingerprint.sql" > "$work/fresh.fp"
rows bv_upgrade_fresh > "$work/fresh.rows"
sql bv_upgrade_fresh -At -v klic="$klic" -f "$root/test/hostile/workload.sql" > "$work/fresh.out" 2>&1

for frozen in "$root"/upgrade/bodemvisie--*.sql; do
    v=$(basename "$frozen" .sql); v=${v#bodemvisie--}
    case "$v" in *--*) continue ;; esac
    db=bv_upgrade_from_${v//./_}
    newdb "$db"
    sql "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION postgis" \
              -c "CREATE EXTENSION bodemvisie VERSION '$v'"
    check "install $v" $? ""
    load "$db" "$v"
    check "load the sample data into $v" $? ""
    rows "$db" > "$work/$v.before"
    out=$(sql "$db" -c "SET client_min_messages = warning" -c "ALTER EXTENSION bodemvisie UPDATE" 2>&1)
    check "ALTER EXTENSION bodemvisie UPDATE from $v" $? "$out"
    got=$(sql "$db" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'bodemvisie'")
    check "$v updated to $current" "$([ "$got" = "$current" ]; echo $?)" "version $got"
    rows "$db" > "$work/$v.after"
    # the counts per table here; the values, migrated, are compared with a
    # fresh install just below
    # (tables new in this version are compared with a fresh install below)
    d=$(diff <(cut -d' ' -f1,2 "$work/$v.before") \
             <(grep -F -f <(cut -d' ' -f1 "$work/$v.before" | sed 's/$/ /') "$work/$v.after" | cut -d' ' -f1,2))
    check "$v: every row kept by the update ($(wc -l < "$work/$v.after") tables)" "$([ -z "$d" ]; echo $?)" "$d"
    # the update leaves the map layers filled from the kept data, and current
    got=$(sql "$db" -At -c "SELECT string_agg(l.kaartlaag || ':' || l.n || ':' || (l.n = l.view_n AND l.n > 0)::text
                                              || ':' || a.toelichting, ' ' ORDER BY l.kaartlaag)
                              FROM (SELECT 'bv_kaart_wko_bellen_m' AS kaartlaag, (SELECT count(*) FROM bv_kaart_wko_bellen_m) AS n,
                                           (SELECT count(*) FROM bv_kaart_wko_bellen) AS view_n
                                    UNION ALL SELECT 'bv_kaart_pluimen_m', (SELECT count(*) FROM bv_kaart_pluimen_m),
                                           (SELECT count(*) FROM bv_kaart_pluimen)
                                    UNION ALL SELECT 'bv_kaart_interferentie_gebied_m', (SELECT count(*) FROM bv_kaart_interferentie_gebied_m),
                                           (SELECT count(*) FROM bv_kaart_interferentie_gebied)
                                    UNION ALL SELECT 'bv_kaart_bodemenergie_m', (SELECT count(*) FROM bv_kaart_bodemenergie_m),
                                           (SELECT count(*) FROM bv_kaart_bodemenergie)) l
                              JOIN bv_kaart_actualiteit a USING (kaartlaag)")
    echo "$got" | tr ' ' '\n' | awk -F: '$3 != "true" || $4 != "actueel" { bad = 1 } END { exit bad || NR != 4 }'
    check "$v: the update filled the 4 map layers as their views, current" $? "$got"
    # the sample data that needs this version (status of policy areas)
    for f in "$root"/data/assen/*.sql; do
        if [ "$v" = 0.1.0 ] && head -n 1 "$f" | grep -q 'bodemvisie >= 0.2.0'; then
            sql "$db" -f "$f" || check "load $(basename "$f") after the update" 1 ""
        fi
    done
    sql "$db" -At -c "SELECT count(*) FROM bv_kaart_verversen()" >/dev/null
    rows "$db" > "$work/$v.after"
    d=$(diff "$work/fresh.rows" "$work/$v.after")
    check "$v: the rows equal those of a fresh install" "$([ -z "$d" ]; echo $?)" "$d"
    sql "$db" -At -f "$root/test/upgrade/fingerprint.sql" > "$work/$v.fp"
    d=$(diff "$work/$v.fp" "$work/fresh.fp" | head -n 40)
    check "$v: updated extension = fresh install ($(grep -c "" "$work/fresh.fp") catalog lines)" "$([ -z "$d" ] && [ -s "$work/fresh.fp" ]; echo $?)" "$d"
    sql "$db" -At -v klic="$klic" -f "$root/test/hostile/workload.sql" > "$work/$v.out" 2>&1
    d=$(diff "$work/$v.out" "$work/fresh.out" | head -n 40)
    check "$v: every check answers as on a fresh install" "$([ -z "$d" ]; echo $?)" "$d"

    # a user's view on a map layer: the update stops, names it, changes nothing
    db2=bv_upgrade_blocked_${v//./_}
    newdb "$db2"
    sql "$db2" -c "SET client_min_messages = warning" -c "CREATE EXTENSION postgis" \
               -c "CREATE EXTENSION bodemvisie VERSION '$v'" \
               -c "CREATE VIEW mijn_laag AS SELECT id, geom FROM bv_kaart_wko_bellen_m"
    out=$(sql "$db2" -c "ALTER EXTENSION bodemvisie UPDATE" 2>&1)
    echo "$out" | grep -q "mijn_laag" && echo "$out" | grep -q "HINT"
    check "$v: a user's view on a layer stops the update with its name and a hint" $? "$out"
    got=$(sql "$db2" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'bodemvisie'")
    check "$v: the stopped update changed nothing" "$([ "$got" = "$v" ]; echo $?)" "version $got"
done
[ "$fails" -eq 0 ]
