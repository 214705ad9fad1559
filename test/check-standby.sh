#!/usr/bin/env bash
# A hot standby answers every read-only check as the primary does, and the
# write functions say on a standby that they must run on the primary
# (issues 10 and 14).  Starts its own standby of the suite's cluster:
# pg_basebackup over loopback, a second postmaster on a free port, removed
# at the end.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(${PG_CONFIG:-pg_config} --bindir)
db=bv_check_standby
work=$(mktemp -d)
chmod 755 "$work"
as_owner() {        # the standby runs as the user that runs PostgreSQL here
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
port=$((PGPORT + 1))
while pg_isready -q -h localhost -p "$port" 2>/dev/null || ss -ltn 2>/dev/null | grep -q ":$port "; do port=$((port + 1)); done
cleanup() {
    as_owner "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
    dropdb --if-exists "$db" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
source "$root/test/lib.sh"
klic="$work/levering.xml"
cp "$root/test/fixtures/klic/GI_gebiedsinformatielevering_07G000123_1.xml" "$klic"
chmod 644 "$klic"

# the primary: sample data, a KLIC delivery, refreshed layers (committed)
dropdb --if-exists "$db" 2>/dev/null
createdb "$db" || exit 1
export PGDATABASE=$db
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION bodemvisie CASCADE" || exit 1
for f in "$root"/data/assen/*.sql; do psql -X -q -v ON_ERROR_STOP=1 -f "$f" || exit 1; done
psql -X -q -v ON_ERROR_STOP=1 -c "SELECT FROM bv_klic_import_bestand(pg_read_binary_file('$klic'), 'standby-test')" \
     -c "SELECT FROM bv_kaart_verversen(false)" || exit 1

# the standby
out=$(as_owner env PGPASSWORD="${PGPASSWORD:-}" "$bindir/pg_basebackup" -h localhost -p "$PGPORT" -U "$PGUSER" \
      -D "$work/data" -R -X stream -c fast 2>&1)
check "pg_basebackup of the primary" $? "$out"
as_owner sh -c "cat > '$work/data/postgresql.conf' <<CONF
port = $port
listen_addresses = 'localhost'
unix_socket_directories = '$work'
hot_standby = on
hba_file = '$work/data/pg_hba.conf'
ident_file = '$work/data/pg_ident.conf'
shared_buffers = 64MB
# what doc/scaling.md recommends, and a short delay so that a refresh that
# would cancel readers does so within the test
hot_standby_feedback = on
max_standby_streaming_delay = 1s
# files in the data directory, not /dev/shm: a chroot or container may share
# /dev/shm with another PostgreSQL under another uid
dynamic_shared_memory_type = mmap
CONF
printf '%s\n' 'host all all 127.0.0.1/32 scram-sha-256' 'host all all ::1/128 scram-sha-256' > '$work/data/pg_hba.conf'
: > '$work/data/pg_ident.conf'"
out=$(as_owner "$bindir/pg_ctl" -D "$work/data" -l "$work/standby.log" -w -t 60 start 2>&1)
check "the standby starts" $? "$out $(tail -n 5 "$work/standby.log" 2>/dev/null)"
standby() { PGPORT=$port psql -X "$@"; }
# wait until the standby has replayed everything the primary wrote
lsn=$(psql -X -At -c "SELECT pg_current_wal_lsn()")
for _ in $(seq 1 60); do
    [ "$(standby -At -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" 2>/dev/null)" = t ] && break
    sleep 0.5
done
r=$(standby -At -c "SELECT pg_is_in_recovery()")
check "the standby is in recovery and caught up" "$([ "$r" = t ]; echo $?)" "pg_is_in_recovery = $r"

psql -X -At -v klic="$klic" -v alleen_lezen=1 -f "$root/test/hostile/workload.sql" > "$work/primair.out" 2>&1
standby -At -v klic="$klic" -v alleen_lezen=1 -f "$root/test/hostile/workload.sql" > "$work/standby.out" 2>&1
! grep -q ERROR "$work/primair.out"
check "every read-only check runs on the primary ($(grep -c '' "$work/primair.out") lines)" $? "$(grep -m 3 ERROR "$work/primair.out")"
d=$(diff "$work/primair.out" "$work/standby.out" | head -n 20)
check "the standby answers every read-only check as the primary" "$([ -z "$d" ]; echo $?)" "$d"

# refreshing the map layers on the primary while the standby reads them:
# the default (concurrent) refresh leaves the reader alone; a plain one
# (gelijktijdig false) takes an ACCESS EXCLUSIVE lock whose replay cancels it
wait_replay() {
    local lsn
    lsn=$(psql -X -At -c "SELECT pg_current_wal_lsn()")
    for _ in $(seq 1 60); do
        [ "$(standby -At -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" 2>/dev/null)" = t ] && return 0
        sleep 0.5
    done
}
read_during_refresh() {   # $1: argument of bv_kaart_verversen; prints the reader's output
    standby -At -c "SELECT count(*) FROM bv_kaart_pluimen_m WHERE pg_sleep(0.4) IS NOT NULL" > "$work/lezer.out" 2>&1 &
    local pid=$!
    sleep 1
    psql -X -q -At -c "SELECT count(*) FROM bv_kaart_verversen($1)" >/dev/null 2>&1
    wait "$pid"
    cat "$work/lezer.out"
    wait_replay
}
out=$(read_during_refresh "")
[ "$out" = "$(psql -X -At -c "SELECT count(*) FROM bv_kaart_pluimen_m")" ]
check "a standby reader of a layer is not cancelled by the default (concurrent) refresh" $? "$out"
out=$(read_during_refresh "false")
echo "$out" | grep -q "conflict with recovery"
check "... while a plain refresh (gelijktijdig false) cancels it" $? "$out"

# write functions on the standby: our own message and hint, SQLSTATE 25006
for call in "SELECT * FROM bv_kaart_verversen(false)" \
            "SELECT * FROM bv_klic_import_bestand(pg_read_binary_file('$klic'), 'standby-test'::text)"; do
    out=$(standby -At -v VERBOSITY=verbose -c "$call" 2>&1)
    echo "$out" | grep -q "25006" && echo "$out" | grep -q "standby" && echo "$out" | grep -q "primary"
    check "on the standby: ${call%%(*}(...) says to run it on the primary" $? "$out"
done
out=$(PGPORT=$port "$root/bin/bodemvisie" klic-import "$klic" 2>&1)
r=$?
[ "$r" -ne 0 ] && echo "$out" | grep -q "standby" && echo "$out" | grep -q "primary"
check "on the standby: bin/bodemvisie klic-import says to run it on the primary" $? "exit $r: $out"
[ "$fails" -eq 0 ]
