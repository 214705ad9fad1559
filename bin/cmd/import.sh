#!/usr/bin/env bash
# summary: import register data (BRO GUF/GMW, KLIC, ...): files, zips as downloaded or folders
set -euo pipefail
source "$BV_ROOT/bin/lib.sh"

usage() {
    cat <<'USAGE'
usage: bin/bodemvisie import [-q] [--soort LABEL=kind]... [--soorten FILE] SOURCE...

Imports register data into the database named by the libpq environment
variables (PGHOST, PGPORT, PGUSER, PGDATABASE, ...), which must have the
bodemvisie extension. SOURCE is an XML file, a zip as downloaded (folders and
files of other kinds inside are skipped) or a folder (read recursively,
zips inside included). The format of every XML file is recognised by its
root element:
  BRO grondwatergebruiksysteem (GUF, dsguf/1.0)  -> bv_wko_systeem, bv_wko_put (doc/bro.md)
  BRO grondwatermonitoringput (GMW, dsgmw/1.1)   -> bv_monitoringsput, bv_monitoringsfilter
  KLIC delivery (IMKL GML FeatureCollection)     -> bin/bodemvisie klic-import (doc/klic.md)
  DSO/STOP geo-information object (GIO)          -> bv_beleidsgebied (doc/dso.md)
  BAG 2.0 extract (bagStand, VBO, PND, NUM, OPR, WPL files)
                                                 -> bv_verblijfsobject, bv_pand, bv_nummeraanduiding,
                                                    bv_openbare_ruimte, bv_woonplaats (doc/bag.md)

Each file is imported in one transaction: a damaged, truncated, foreign or
unknown file is refused with a message and leaves the database as it was.
One summary line per file; importing the same file again changes nothing
(the line says ongewijzigd); a newer version of an object replaces the
older. An XML file of an unknown format given by name is refused; inside a
zip or folder it is skipped with a message. Runs as whoever PGUSER names;
a role with only the table rights is enough (doc/import.md).

options:
  -q, --quiet            print only errors
  --soort LABEL=kind     a GIO's group label (or location name) LABEL is an area
                         of that kind of bv_gebiedssoort (repeatable); a label
                         that is a kind needs none; unmapped labels are refused
  --soorten FILE         the same, one LABEL=kind per line (# comments)
  -h, --help             this text

Exit status: 0 when every file was imported (or already present), 1 when
any file or source was refused, 2 on a usage error.
USAGE
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    "") usage >&2; exit 2 ;;
esac
command -v psql >/dev/null 2>&1 || bv_die "import: psql not found (install postgresql-client)"
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3 2>/dev/null) || bv_die "import: python3 not found (apt-get install python3)"
exec "$py" "$BV_ROOT/bin/bv-import.py" "$@"
