#!/usr/bin/env bash
# Run .ci/run in a brand-new minimal Debian 12 (debootstrap) as CI would on a
# fresh machine: only what the project's own scripts install is there.
# Needs root and the Debian mirror; not part of the test suite.
# Usage: test/fresh-machine.sh [DIR]   (DIR is created and removed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d /var/tmp/bodemvisie-fresh.XXXXXX)}
[ "$(id -u)" -eq 0 ] || { echo "fresh-machine: run as root" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
cleanup() {
    for m in dev/pts dev proc sys; do umount "$dir/$m" 2>/dev/null || true; done
    rm -rf "$dir"
}
trap cleanup EXIT
chmod 755 "$dir"      # mktemp makes it 0700; the postgres user must reach /
# the mirror this machine's apt uses (first URIs line of its sources)
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
debootstrap --variant=minbase bookworm "$dir" "$mirror" >/dev/null
# the host's sources (with security updates) instead of debootstrap's own
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$dir/etc/apt/sources.list.d/"
    rm -f "$dir/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$dir/etc/"
mount -t proc proc "$dir/proc"; mount --bind /dev "$dir/dev"
mount --bind /dev/pts "$dir/dev/pts"; mount -t sysfs sys "$dir/sys"
mkdir -p "$dir/work"
git clone -q "$root" "$dir/work/main"
[ -d "$root/../shared" ] && cp -r "$root/../shared" "$dir/work/shared"
chroot "$dir" /bin/bash -c 'cd /work/main && CI=true bash .ci/run'
