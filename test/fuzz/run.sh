#!/usr/bin/env bash
# Build the libFuzzer target for the geometry input path and run it.
#   test/fuzz/run.sh [seconds] [extra libFuzzer options...]   (default 15 s)
# Needs clang 14 with libFuzzer (Debian: clang, libclang-rt-14-dev; see
# BV_PACKAGES in bin/lib.sh).  The grown corpus and any crash reproducers go
# to $BV_FUZZ_WORK (default /tmp/bodemvisie-fuzz-$UID); exit status non-zero
# when libFuzzer found something.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-15}
shift || true
work=${BV_FUZZ_WORK:-/tmp/bodemvisie-fuzz-$(id -u)}
mkdir -p "$work/corpus" "$work/artifacts"
"$here/gen-seeds.sh" "$work/seeds"

geos_cflags=$(geos-config --cflags)
geos_libs=$(geos-config --clibs)
# shellcheck disable=SC2086
clang -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
      -fno-sanitize-recover=undefined -Wall -Wextra -Werror \
      -I"$root/src" $geos_cflags \
      "$here/fuzz_ewkb.c" "$root/src/ewkb_check.c" $geos_libs -lm \
      -o "$work/fuzz_ewkb"

# Two inputs a second per worker is plenty for 2 cores: one job, the
# machine is shared.  -max_len 4096: large enough for nested collections.
"$work/fuzz_ewkb" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$work/seeds"
