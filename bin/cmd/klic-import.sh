#!/usr/bin/env bash
# summary: import KLIC deliveries (IMKL GML: Levering_*.zip, a folder or GI_*.xml) into the database
set -euo pipefail
source "$BV_ROOT/bin/lib.sh"

usage() {
    cat <<'USAGE'
usage: bin/bodemvisie klic-import [-q] DELIVERY...

Imports KLIC deliveries of the Kadaster (IMKL 1.2.1, 2.0 or 3.0 GML) into the
database named by the libpq environment variables (PGHOST, PGPORT, PGUSER,
PGDATABASE, ...), which must have the bodemvisie extension:
    CREATE EXTENSION bodemvisie CASCADE;

DELIVERY is one of
  Levering_*.zip                       a delivery as downloaded
  a folder                             an unpacked delivery
  GI_gebiedsinformatielevering_*.xml   the IMKL file itself
  any other IMKL GML file              e.g. an operator's network submission

Each file is imported in one transaction: a damaged, truncated or non-IMKL
file is refused with a message and leaves the database as it was. Importing
the same delivery again changes nothing; the same KLIC number and sequence
number with other content replaces the earlier import. Links to ids missing
from the file are reported (table bv_klic_melding), not fatal.

options:
  -q, --quiet   print only errors
  -h, --help    this text

Exit status: 0 when every delivery was imported (or already present),
1 when any was refused.
USAGE
}

quiet=0
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        -q|--quiet) quiet=1 ;;
        --) shift; files+=("$@"); break ;;
        -*) echo "bodemvisie klic-import: unknown option '$1'" >&2; usage >&2; exit 2 ;;
        *) files+=("$1") ;;
    esac
    shift
done
[ ${#files[@]} -gt 0 ] || { usage >&2; exit 2; }

command -v psql >/dev/null 2>&1 || bv_die "klic-import: psql not found (install postgresql-client)"
command -v base64 >/dev/null 2>&1 || bv_die "klic-import: base64 not found (coreutils)"

# Root has no database role of its own: unless told otherwise, talk to the
# local server as the postgres system user, like 'sudo -u postgres psql'.
psql_cmd=(psql)
if [ "$(id -u)" -eq 0 ] && [ -z "${PGUSER:-}" ] && [ -z "${PGHOST:-}" ] && id postgres >/dev/null 2>&1; then
    psql_cmd=(runuser -u postgres -- psql)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bv-klic.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

# The IMKL files of one DELIVERY argument, one per line.
xml_files() {
    local d=$1
    if [ -d "$d" ]; then
        local found
        found=$(find "$d" -maxdepth 3 -type f -iname 'GI_gebiedsinformatielevering_*.xml' | sort)
        [ -n "$found" ] || found=$(find "$d" -maxdepth 3 -type f -iname '*.xml' | sort)
        [ -n "$found" ] || { echo "bodemvisie klic-import: $d: no GI_gebiedsinformatielevering_*.xml in this folder" >&2; return 1; }
        printf '%s\n' "$found"
    elif [ -f "$d" ]; then
        case "$d" in
            *.zip|*.ZIP)
                command -v unzip >/dev/null 2>&1 \
                    || { echo "bodemvisie klic-import: unzip not found (apt-get install unzip)" >&2; return 1; }
                local list entry n=0 out
                list=$(unzip -Z1 "$d" 2>/dev/null) \
                    || { echo "bodemvisie klic-import: $d: not a readable zip file (truncated download?)" >&2; return 1; }
                while IFS= read -r entry; do
                    case "$(basename "$entry")" in
                        GI_gebiedsinformatielevering_*.xml|GI_gebiedsinformatielevering_*.XML)
                            n=$((n + 1))
                            out="$tmp/$n-$(basename "$entry")"
                            unzip -p "$d" "$entry" > "$out" \
                                || { echo "bodemvisie klic-import: $d: cannot extract $entry" >&2; return 1; }
                            chmod 644 "$out"
                            printf '%s\n' "$out" ;;
                    esac
                done <<< "$list"
                [ "$n" -gt 0 ] || { echo "bodemvisie klic-import: $d: no GI_gebiedsinformatielevering_*.xml in this zip" >&2; return 1; } ;;
            *) printf '%s\n' "$d" ;;
        esac
    else
        echo "bodemvisie klic-import: $d: no such file or folder" >&2
        return 1
    fi
}

import_one() {
    local xml=$1 name out
    name=$(basename "$xml" | sed 's/^[0-9]*-//')
    [ -r "$xml" ] || { echo "bodemvisie klic-import: $xml: cannot read" >&2; return 1; }
    [ -s "$xml" ] || { echo "bodemvisie klic-import: $name: empty file, refused" >&2; return 1; }
    # The bytes travel base64-encoded through COPY (no quoting, no size limit
    # of a psql variable) and are decoded by the encoding the XML declares.
    if ! out=$({
            printf '%s\n' \
                "SET client_min_messages = warning;" \
                "BEGIN;" \
                "DO \$\$BEGIN IF to_regprocedure('bv_klic_import_bestand(bytea,text)') IS NULL THEN" \
                "  RAISE EXCEPTION 'bv_klic_extension_missing'; END IF; END\$\$;"
            printf '%s\n' \
                "CREATE TEMP TABLE bv_klic_bestand (b text) ON COMMIT DROP;" \
                "COPY bv_klic_bestand FROM STDIN;"
            base64 -w0 "$xml"
            printf '\n\\.\n'
            printf '%s\n' \
                "SELECT coalesce(i.klic_meldnummer || '-' || i.leveringsvolgnummer, :'bron') || ': ' || i.status" \
                "       || ', ' || i.kabels_leidingen || ' kabels/leidingen, ' || i.diepten || ' diepten, '" \
                "       || i.voorzorgsgebieden || ' voorzorgsgebieden, ' || i.meldingen || ' meldingen (levering ' || i.levering_id || ')'" \
                "  FROM bv_klic_import_bestand((SELECT decode(b, 'base64') FROM bv_klic_bestand), :'bron') i;" \
                "COMMIT;"
        } | "${psql_cmd[@]}" -X -q -A -t -v ON_ERROR_STOP=1 -v bron="$name" 2>"$tmp/err"); then
        if grep -q 'connection to server\|could not connect\|role .* does not exist\|database .* does not exist' "$tmp/err" \
                && ! grep -q '^ERROR:  KLIC' "$tmp/err"; then
            sed -e 's/^psql: error: //' "$tmp/err" | head -n 2 >&2
            echo "bodemvisie klic-import: cannot reach the database; set PGHOST, PGPORT, PGUSER, PGDATABASE" >&2
            return 1
        elif grep -q 'bv_klic_extension_missing' "$tmp/err"; then
            echo "bodemvisie klic-import: the database has no bodemvisie extension (run CREATE EXTENSION bodemvisie CASCADE)" >&2
        else
            sed -e 's/^psql:[^:]*:[0-9]*: //' "$tmp/err" | grep -E '^(ERROR|DETAIL|HINT|FATAL|WARNING):|^psql|^could not|connection' >&2 || true
        fi
        echo "bodemvisie klic-import: $name refused; the database is unchanged" >&2
        return 1
    fi
    grep -i 'warning' "$tmp/err" | sed -e 's/^psql:[^:]*:[0-9]*: //' >&2 || true
    [ "$quiet" -eq 1 ] || printf '%s\n' "$out"
}

status=0
for d in "${files[@]}"; do
    if ! list=$(xml_files "$d"); then
        status=1
        continue
    fi
    while IFS= read -r xml; do
        import_one "$xml" || status=1
    done <<< "$list"
done
exit $status
