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
file is refused with a message and leaves the database as it was. Files of
any size: the file is read as a stream (progress on stderr for long ones).
A zip entry that cannot be extracted is named; the zip's other deliveries
are still imported (exit status 1). Needs psql and Debian's python3.
Runs as whoever PGUSER names; warns when that is a superuser (a role with
only the KLIC table rights is enough: doc/klic.md, doc/security.md). Importing
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
# Debian's python3 (standard library only: zipfile, expat), not whatever
# python3 comes first on PATH.
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3 2>/dev/null) \
    || bv_die "klic-import: python3 not found (apt-get install python3)"
stream="$BV_ROOT/bin/klic-stream.py"

# KLIC data is not public: whatever we write (extracted entries, transcoded
# files, messages) is for our user only.
umask 077

# Root has no database role of its own: unless told otherwise, talk to the
# local server as the postgres system user, like 'sudo -u postgres psql'.
# That is a superuser; see the warning below and doc/security.md.
psql_cmd=(psql)
if [ "$(id -u)" -eq 0 ] && [ -z "${PGUSER:-}" ] && [ -z "${PGHOST:-}" ] && id postgres >/dev/null 2>&1; then
    psql_cmd=(runuser -u postgres -- psql)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bv-klic.XXXXXX")
chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
# The postgres system user (runuser above) never reads our files: the bytes
# reach it through psql's standard input.

# Classify psql's stderr ($1) after a failure.  Prints a category:
# noconnect (never connected), lost (connection lost mid-way), other.
psql_failure() {
    if grep -qE 'server closed the connection unexpectedly|connection to server was lost|terminating connection|no connection to the server|SSL SYSCALL error|could not receive data from server|could not send data to server' "$1"; then
        echo lost
    elif grep -qE '^psql: error:|could not connect|connection to server .* failed|role .* does not exist|database .* does not exist|password authentication failed' "$1" \
            && ! grep -q '^ERROR:  KLIC\|^psql:.*ERROR:  KLIC' "$1"; then
        echo noconnect
    else
        echo other
    fi
}

# Warn when the import runs as a superuser: it needs none (doc/security.md).
if [ "$quiet" -eq 0 ] && super=$("${psql_cmd[@]}" -X -q -A -t -c "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user" 2>/dev/null) \
        && [ "$super" = t ]; then
    echo "bodemvisie klic-import: warning: importing as a database superuser; a role with only the KLIC table rights is enough (doc/security.md, 'The KLIC importer')" >&2
fi

# The IMKL files of one DELIVERY argument: "<path>\0<source name>\0" each.
xml_files() {
    local d=$1 rc=0
    if [ -d "$d" ]; then
        local found=0 f
        while IFS= read -r -d '' f; do found=1; printf '%s\0%s\0' "$f" "$(basename "$f")"; done \
            < <(find "$d" -maxdepth 3 -type f -iname 'GI_gebiedsinformatielevering_*.xml' -print0 | sort -z)
        if [ "$found" -eq 0 ]; then
            while IFS= read -r -d '' f; do found=1; printf '%s\0%s\0' "$f" "$(basename "$f")"; done \
                < <(find "$d" -maxdepth 3 -type f -iname '*.xml' -print0 | sort -z)
        fi
        [ "$found" -eq 1 ] || { echo "bodemvisie klic-import: $d: no GI_gebiedsinformatielevering_*.xml in this folder" >&2; return 1; }
    elif [ -f "$d" ]; then
        case "$d" in
            *.zip|*.ZIP)
                # entries by their exact name (python's zipfile: no wildcard
                # patterns), each into a file of its own numbered name
                local out
                out=$(mktemp -d "$tmp/zip.XXXXXX")
                "$py" "$stream" zip "$d" "$out" || rc=$?
                return $rc ;;
            *) printf '%s\0%s\0' "$d" "$(basename "$d")" ;;
        esac
    else
        echo "bodemvisie klic-import: $d: no such file or folder" >&2
        return 1
    fi
}

import_one() {
    local xml=$1 name=$2 out rc kind
    [ -r "$xml" ] || { echo "bodemvisie klic-import: $xml: cannot read" >&2; return 1; }
    [ -s "$xml" ] || { echo "bodemvisie klic-import: $name: empty file, refused" >&2; return 1; }
    # The file is split into its features while it is read (klic-stream.py)
    # and streamed with COPY into a temporary table; one SQL function maps
    # them onto the tables.  One transaction: all or nothing.
    local st
    set +e
    BV_KLIC_PROGRESS_FD=$([ "$quiet" -eq 1 ] || echo 3) "$py" "$stream" stream "$xml" "$name" "$tmp" 3>&2 2>"$tmp/perr" \
        | "${psql_cmd[@]}" -X -q -A -t -v ON_ERROR_STOP=1 >"$tmp/out" 2>"$tmp/err"
    st=("${PIPESTATUS[@]}")
    set -e
    out=$(cat "$tmp/out")
    if [ "${st[1]}" -eq 0 ] && [ "${st[0]}" -eq 0 ]; then
        grep -i 'warning' "$tmp/err" | sed -e 's/^psql:[^:]*:[0-9]*: //' >&2 || true
        [ "$quiet" -eq 1 ] || printf '%s\n' "$out"
        return 0
    fi
    kind=other
    [ "${st[1]}" -ne 0 ] && kind=$(psql_failure "$tmp/err")
    if [ "$kind" = noconnect ]; then
        sed -e 's/^psql: error: //' "$tmp/err" | head -n 2 >&2
        echo "bodemvisie klic-import: cannot reach the database; set PGHOST, PGPORT, PGUSER, PGDATABASE" >&2
        return 1
    elif [ "$kind" = lost ]; then
        sed -e 's/^psql:[^:]*:[0-9]*: //' "$tmp/err" | grep -E '^(FATAL|ERROR|server|connection)' | head -n 3 >&2 || true
        echo "bodemvisie klic-import: the server connection was lost during the import of $name (server crash, restart or terminated session); the database is unchanged (the transaction was not committed). Check the server log, then import the file again." >&2
        return 1
    elif grep -q 'bv_klic_extension_missing' "$tmp/err"; then
        echo "bodemvisie klic-import: the database has no bodemvisie extension (run CREATE EXTENSION bodemvisie CASCADE)" >&2
    elif grep -q '^KLIC: ' "$tmp/perr"; then
        grep '^KLIC: ' "$tmp/perr" >&2
    else
        sed -e 's/^psql:[^:]*:[0-9]*: //' "$tmp/err" | grep -E '^(ERROR|DETAIL|HINT|FATAL|WARNING):|^psql|^could not|connection' >&2 || true
        grep -v '^KLIC' "$tmp/perr" | head -n 5 >&2 || true
    fi
    echo "bodemvisie klic-import: $name refused; the database is unchanged" >&2
    return 1
}

status=0
for d in "${files[@]}"; do
    rc=0
    xml_files "$d" > "$tmp/list" || rc=$?
    [ "$rc" -eq 0 ] || status=1
    while IFS= read -r -d '' xml && IFS= read -r -d '' name; do
        import_one "$xml" "$name" || status=1
    done < "$tmp/list"
done
exit $status
