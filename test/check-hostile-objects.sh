#!/usr/bin/env bash
# A less-privileged user must never get code run as the caller (issue 13).
#
# The database is owned by an ordinary role (bv_mallory), so in PostgreSQL 15
# that role may create objects in schema public, where PostGIS and bodemvisie
# live.  It plants views named like every relation the extension's bodies
# mention, overloads one implicit cast away from every function they call,
# and such operators (test/hostile/plant.sql).  Then a superuser runs every
# import, check, analysis and map function (test/hostile/workload.sql and
# bin/bodemvisie klic-import):
#   1. after the planting, on the installed extension;
#   2. with the extension installed (and the data restored) while the hostile
#      objects already exist, so that what the install script binds at
#      creation (views, defaults, CHECKs) is tested too.
# Pass: the output equals the run before the planting, no planted object ran
# (no "PWNED" warning, no row in public.bv_pwned), bv_mallory is no superuser.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"           # the server reads the KLIC file from here
db=bv_check_hostile_$$
attacker=bv_mallory
su=$(psql -X -At -d postgres -c "SELECT current_user")
as_root_rm() { rm -f "$1" 2>/dev/null || runuser -u postgres -- rm -f "$1" 2>/dev/null || true; }
cleanup() {
    dropdb --if-exists "$db" 2>/dev/null || true
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS $attacker" 2>/dev/null || true
    rm -rf "$work"
    as_root_rm "/tmp/bv_pwned_$db"
}
trap cleanup EXIT
cleanup; work=$(mktemp -d); chmod 755 "$work"
source "$root/test/lib.sh"

klic="$work/GI_gebiedsinformatielevering_07G000123_1.xml"
cp "$root/test/fixtures/klic/GI_gebiedsinformatielevering_07G000123_1.xml" "$klic"
chmod 644 "$klic"

set -e
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE ROLE $attacker LOGIN PASSWORD 'x'"
createdb -O "$attacker" "$db"
export PGDATABASE=$db
as_su() { psql -X -v ON_ERROR_STOP=1 "$@"; }
as_attacker() { PGUSER=$attacker PGPASSWORD=x psql -X -v ON_ERROR_STOP=1 "$@"; }

as_su -q -c "SET client_min_messages = warning" -c "CREATE EXTENSION bodemvisie CASCADE"
for f in "$root"/data/assen/*.sql; do as_su -q -f "$f"; done
# Keep the data to restore it into the reinstalled extension (COPY only: no
# function of anyone runs while restoring).
pg_dump -a -t 'bv_*' -f "$work/data.sql" "$db"
set +e

workload() { as_su -At -v klic="$klic" -f "$root/test/hostile/workload.sql" > "$1" 2>&1; }
klic_import() {
    as_su -q -c "SET client_min_messages = warning" -c "TRUNCATE bv_klic_levering RESTART IDENTITY CASCADE"
    PGUSER=$su "$root/bin/bodemvisie" klic-import "$klic" > "$1" 2>&1
}
bro_import() {   # the import command (bin/importers/bro.py -> bv_bro_import)
    as_su -q -c "SET client_min_messages = warning" -c "DELETE FROM bv_wko_systeem WHERE register_id LIKE 'GUF%'" -c "TRUNCATE bv_monitoringsput"
    PGUSER=$su "$root/bin/bodemvisie" import "$root/test/fixtures/bro/guf-meerdere-installaties-en-beeindigd.xml" \
        "$root/test/fixtures/bro/gmw-drie-filters.xml" > "$1" 2>&1
    local rc=$?
    # the workload runs on the sample data only
    as_su -q -c "DELETE FROM bv_wko_systeem WHERE register_id LIKE 'GUF%'" -c "TRUNCATE bv_monitoringsput"
    return $rc
}
compare() {   # name, file before, file after
    local d
    d=$(diff "$2" "$3" | head -n 20)
    check "$1: same output as before the planting" "$([ -z "$d" ]; echo $?)" "$d"
    ! grep -q PWNED "$3"
    check "$1: no planted object ran" $? "$(grep -m 3 PWNED "$3")"
}

workload "$work/w0" && ! grep -q ERROR "$work/w0"
check "the workload runs" $? "$(tail -n 5 "$work/w0")"
klic_import "$work/k0"
check "klic-import runs" $? "$(cat "$work/k0")"
bro_import "$work/b0"
check "import (BRO) runs" $? "$(cat "$work/b0")"

as_attacker -q -f "$root/test/hostile/plant.sql" > "$work/plant.log" 2>&1
check "the attacker planted objects in public" $? "$(grep -m 1 -A 3 ERROR "$work/plant.log")"
echo "  $(grep -o 'planted [0-9]* [a-z]*' "$work/plant.log" | paste -sd, | sed 's/,/, /g')"

workload "$work/w1" || true
compare "installed extension, workload" "$work/w0" "$work/w1"
klic_import "$work/k1" || true
compare "installed extension, klic-import" "$work/k0" "$work/k1"
bro_import "$work/b1" || true
compare "installed extension, import (BRO)" "$work/b0" "$work/b1"

# The extension (re)installed while the hostile objects exist.
as_su -q -c "SET client_min_messages = warning" -c "SET bodemvisie.verwijder_gegevens = aan" \
         -c "DROP EXTENSION bodemvisie CASCADE" \
         -c "CREATE EXTENSION bodemvisie" > "$work/reinstall.log" 2>&1
check "reinstall beside the planted objects" $? "$(tail -n 5 "$work/reinstall.log")"
as_su -q -f "$work/data.sql" > "$work/restore.log" 2>&1
check "restore the data" $? "$(tail -n 5 "$work/restore.log")"
! grep -q PWNED "$work/reinstall.log" "$work/restore.log"
check "reinstall and restore: no planted object ran" $? "$(grep -h -m 3 PWNED "$work/reinstall.log" "$work/restore.log")"
workload "$work/w2" || true
compare "reinstalled extension, workload" "$work/w0" "$work/w2"
klic_import "$work/k2" || true
compare "reinstalled extension, klic-import" "$work/k0" "$work/k2"
bro_import "$work/b2" || true
compare "reinstalled extension, import (BRO)" "$work/b0" "$work/b2"

n=$(as_su -At -c "SELECT count(*) FROM public.bv_pwned WHERE als <> '$attacker'")
check "public.bv_pwned has no row of another role" "$([ "$n" = 0 ]; echo $?)" "$n rows: $(as_su -At -c "SELECT string_agg(DISTINCT wat || ' in: ' || opdracht, '; ') FROM public.bv_pwned")"
! [ -e "/tmp/bv_pwned_$db" ]
check "no file written by planted code" $? "$(cat "/tmp/bv_pwned_$db" 2>/dev/null)"
s=$(as_su -At -c "SELECT rolsuper FROM pg_roles WHERE rolname = '$attacker'")
check "$attacker is still no superuser" "$([ "$s" = f ]; echo $?)" "rolsuper = $s"
[ "$fails" -eq 0 ]
