#!/usr/bin/env bash
# A short libFuzzer run (15 s) of the geometry input path (test/fuzz/):
# EWKB bytes -> the bridge's checks (src/ewkb_check.c) -> GEOS reader ->
# validity.  Fails on any crash, sanitizer finding, leak or broken invariant.
# The longer documented run is in doc/security.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../bin/lib.sh
source "$root/bin/lib.sh"
bv_ensure_packages "${BV_TEST_PACKAGES[@]}"
work=$(mktemp -d /tmp/bodemvisie-fuzz-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
BV_FUZZ_WORK=$work "$root/test/fuzz/run.sh" "${BV_FUZZ_SECONDS:-15}" 2>&1 | tail -n 8
