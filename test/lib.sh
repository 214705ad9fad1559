# Shared by the test/check-*.sh scripts (sourced, not run).

# check NAME STATUS DETAIL: one line "ok NAME" or "FAIL NAME: DETAIL";
# counts the failures in $fails.  A script ends with: [ "$fails" -eq 0 ]
fails=0
check() {
    if [ "$2" -eq 0 ]; then echo "  ok   $1"; else echo "  FAIL $1: $3"; fails=$((fails + 1)); fi
}

# For the scripts that state each result as they go: ok/bad print a line,
# bad counts in $fails as check does.
ok()  { echo "  ok   $*"; }
bad() { echo "  FAIL $*"; fails=$((fails + 1)); }
# q SQL: one statement, unaligned tuples only, stops at the first error
q()   { psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
# expect NAME ACTUAL EXPECTED
expect() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', expected '$3'"; fi
}

# fingerprint 'TABLE ORDER-BY' ...: an md5 of every row of the tables (in the
# given order) and of every bodemvisie sequence: what an import writes.
fingerprint() {
    local parts="" t
    for t in "$@"; do
        parts+="(SELECT string_agg(t::text, ',' ORDER BY ${t#* }) FROM ${t%% *} t), "
    done
    q "SELECT md5(concat_ws('|', $parts
        (SELECT string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' ORDER BY sequencename)
           FROM pg_sequences WHERE sequencename LIKE 'bv\_%')))"
}

# refused NAME PATTERN COMMAND...: COMMAND must exit with status 1, say
# PATTERN (grep), and leave the database as it was: the script's state
# function, and its counts function when it has one.
refused() {
    local name=$1 pat=$2 before after c1="" c2="" msg rc
    shift 2
    before=$(state); declare -F counts >/dev/null && c1=$(counts)
    msg=$("$@" 2>&1); rc=$?
    after=$(state); declare -F counts >/dev/null && c2=$(counts)
    if [ "$rc" -ne 1 ]; then bad "$name: exit status $rc, expected 1 ($msg)"
    elif [ "$c1" != "$c2" ]; then bad "$name: row counts changed $c1 -> $c2"
    elif [ "$before" != "$after" ]; then bad "$name: database changed"
    elif ! grep -q -- "$pat" <<< "$msg"; then bad "$name: message lacks '$pat': $msg"
    else ok "$name refused${c1:+, counts $c1 unchanged} ($(grep -m1 -v 'database is unchanged' <<< "$msg" | cut -c1-110))"; fi
}

# role_from_doc DOC MARKER ROLE: makes ROLE with the very statements of the
# documentation (the SQL block of DOC that starts with the comment line
# MARKER), with the password of the test cluster, and checks it is no
# superuser.
role_from_doc() {
    local doc=$1 marker=$2 role=$3 sql
    sql=$(sed -n "/^-- ${marker//\//\\/}/,/^\`\`\`/p" "$doc" | grep -v '^```')
    grep -q 'GRANT' <<< "$sql" || bad "$doc has no least-privilege GRANT block"
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role" 2>/dev/null
    psql -X -q -v ON_ERROR_STOP=1 -c "$sql" -c "ALTER ROLE $role PASSWORD '${PGPASSWORD:-x}'" \
        || bad "the GRANT statements of $doc fail"
    expect "$role is no superuser" "$(q "SELECT rolsuper FROM pg_roles WHERE rolname = '$role'")" "f"
}
