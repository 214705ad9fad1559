# Shared by the test/check-*.sh scripts (sourced, not run).

# check NAME STATUS DETAIL: one line "ok NAME" or "FAIL NAME: DETAIL";
# counts the failures in $fails.  A script ends with: [ "$fails" -eq 0 ]
fails=0
check() {
    if [ "$2" -eq 0 ]; then echo "  ok   $1"; else echo "  FAIL $1: $3"; fails=$((fails + 1)); fi
}
