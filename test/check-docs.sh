#!/usr/bin/env bash
# Every function of the extension that a user can call has a reference entry
# doc/reference/<name>.md, every view of the extension is described in doc/
# somewhere, and every SQL example of doc/ prints what its page shows
# (test/doc-examples.py; the convention is in doc/developing.md).  Runs inside
# the suite's cluster.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=bv_check_docs
trap 'dropdb --if-exists "$db" 2>/dev/null || true' EXIT
dropdb --if-exists "$db" 2>/dev/null || true
createdb "$db"
export PGDATABASE=$db
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION bodemvisie CASCADE"
missing=0
functions=$(psql -X -At -c "
    SELECT DISTINCT p.proname FROM pg_proc p
      JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
      JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
     WHERE p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype) ORDER BY 1")
for f in $functions; do
    if [ -f "$root/doc/reference/$f.md" ]; then echo "  ok   $f"; else echo "  FAIL $f: no doc/reference/$f.md"; missing=$((missing + 1)); fi
done
views=$(psql -X -At -c "
    SELECT c.relname FROM pg_class c
      JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
      JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bodemvisie'
     WHERE c.relkind IN ('v', 'm') ORDER BY 1")
for v in $views; do
    if grep -rqw "$v" "$root/doc"; then echo "  ok   view $v"; else echo "  FAIL view $v: not in doc/"; missing=$((missing + 1)); fi
done
# a synopsis is a signature, not runnable SQL: it is not tagged sql
for f in "$root"/doc/reference/*.md; do
    if awk '/^## Synopsis/ { s = 1; next } /^## / { s = 0 } s && /^```sql/ { bad = 1 } END { exit !bad }' "$f"; then
        echo "  FAIL ${f#$root/}: the Synopsis block is tagged sql (it is a signature, not runnable SQL)"; missing=$((missing + 1))
    fi
done
echo "  examples of doc/ (test/doc-examples.py)"
examples=0
python3 "$root/test/doc-examples.py" || examples=1
[ -n "$functions" ] && [ "$missing" -eq 0 ] && [ "$examples" -eq 0 ]
