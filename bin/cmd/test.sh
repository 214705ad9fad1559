#!/usr/bin/env bash
# summary: run the whole test suite (pg_regress and the check scripts) on a throwaway cluster
set -euo pipefail
source "$BV_ROOT/bin/lib.sh"

case "${1:-}" in
    -h|--help)
        cat <<'USAGE'
usage: bin/bodemvisie test

Installs missing Debian packages, builds and installs the extension, starts a
throwaway PostgreSQL cluster (pg_virtualenv) and runs:
  - the pg_regress suite (sql/*.sql against expected/*.out, make installcheck)
  - every test/check-*.sh script (each one a test; exit 0 = pass)
It ends with the line "N passed, N failed" and exits non-zero on any failure.
USAGE
        exit 0 ;;
esac

bv_ensure_packages "${BV_TEST_PACKAGES[@]}"
bv_lock
bv_build_install
bv_say "running the test suite on a throwaway cluster"
bv_in_cluster bash "$BV_ROOT/test/run-suite.sh"
