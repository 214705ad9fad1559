#!/usr/bin/env bash
# summary: run the whole policy on the Assen sample data and write layers, report and map to ./out/
set -euo pipefail
source "$BV_ROOT/bin/lib.sh"

case "${1:-}" in
    -h|--help)
        cat <<'USAGE'
usage: bin/bodemvisie demo [OUTDIR]

On a fresh Debian 12 machine: installs the missing Debian packages, builds and
installs the extension, starts a throwaway PostgreSQL cluster, loads the
illustrative Assen sample data (data/assen/), runs the analyses and writes to
OUTDIR (default ./out/):
  <layer>.geojson   one GeoJSON file per derived map layer (RD New, EPSG:28992)
  report.md         a readable summary: interference, masterplan areas, plume
                    approaches and three example soil-energy checks
  map.png           a map of the derived layers rendered by MapServer
  bodemvisie.map    the MapServer map file that rendered it
The cluster is removed afterwards; the files stay.
USAGE
        exit 0 ;;
esac

out=${1:-out}
mkdir -p "$out"
out=$(cd "$out" && pwd)

started=$(date +%s)
bv_ensure_packages
bv_lock
bv_build_install
bv_say "starting a throwaway PostgreSQL cluster"
bv_in_cluster bash "$BV_ROOT/demo/run.sh" "$out"
bv_say "done in $(( $(date +%s) - started )) s; results in $out"
ls -l "$out"
