#!/usr/bin/env bash
# Write a MapServer map file for database $1 (libpq variables give host, port,
# user, password) to $2.  Usage: demo/mapfile.sh DBNAME OUTPUT.map
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=$1
out=$2
conn="dbname=$db host=${PGHOST:-localhost} port=${PGPORT:-5432} user=${PGUSER:-$(id -un)}"
[ -n "${PGPASSWORD:-}" ] && conn="$conn password=$PGPASSWORD"
sed -e "s|@CONNECTION@|$conn|g" -e "s|@DEMO_DIR@|$here|g" -e "s|@MAPFILE@|$out|g" \
    "$here/bodemvisie.map.in" > "$out"
