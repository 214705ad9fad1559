#!/usr/bin/env bash
# The whole test suite, run inside a cluster (bin/bodemvisie test sets one up).
# Counts every pg_regress test and every test/check-*.sh as one test.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
failures=()

echo "--- pg_regress (make installcheck)"
out=$(make -C "$root" -s installcheck PG_CONFIG="${PG_CONFIG:-pg_config}" 2>&1)
status=$?
echo "$out" | grep -E '^(test |     |ok |not ok |parallel group)|tests (passed|failed)' || true
ok=$(echo "$out" | grep -cE '(\.\.\. ok|^ok [0-9]+ )') || true
bad=$(echo "$out" | grep -cE '(\.\.\. FAILED|^not ok [0-9]+ )') || true
passed=$((passed + ok))
failed=$((failed + bad))
if [ "$status" -ne 0 ]; then
    if [ "$bad" -eq 0 ]; then
        failed=$((failed + 1))
        echo "$out" | tail -n 30
    fi
    failures+=("pg_regress")
    [ -f "$root/regression.diffs" ] && head -n 200 "$root/regression.diffs"
fi

for check in "$root"/test/check-*.sh; do
    [ -e "$check" ] || continue
    name=$(basename "$check" .sh)
    echo "--- $name"
    if bash "$check"; then
        echo "ok $name"
        passed=$((passed + 1))
    else
        echo "FAILED $name"
        failed=$((failed + 1))
        failures+=("$name")
    fi
done

echo
[ ${#failures[@]} -gt 0 ] && echo "failures: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
