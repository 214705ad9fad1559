# Shared shell functions of bin/bodemvisie's subcommands (sourced, not run).

# Debian 12 packages the project needs to build, test and run its demo.
BV_PACKAGES=(
    make gcc postgresql-common postgresql-15 postgresql-server-dev-15
    postgresql-15-postgis-3 libgeos-dev
    gdal-bin mapserver-bin cgi-mapserver fonts-dejavu-core unzip zip file
    python3
    chromium poppler-utils
)
# Only the test suite needs these (the libFuzzer target, test/check-fuzz.sh;
# PyQGIS and QGIS Server for test/check-ows.sh, which loads the QGIS project
# headless and serves it over WMS and WFS).
BV_TEST_PACKAGES=(clang libclang-rt-14-dev python3-qgis qgis-server-bin qgis-server-wms qgis-server-wfs)
BV_PG_VERSION=15
export PG_CONFIG=/usr/lib/postgresql/$BV_PG_VERSION/bin/pg_config

bv_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
bv_die() { printf 'bodemvisie: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, else through sudo.
bv_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        bv_die "need root for: $* (run as root or install sudo)"
    fi
}

# Install whatever of BV_PACKAGES is missing (apt is the only network use).
bv_ensure_packages() {
    local missing=() p
    for p in "${BV_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        bv_say "installing Debian packages: ${missing[*]}"
        bv_as_root apt-get update -qq
        bv_as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# Build with PGXS and install into the PostgreSQL of BV_PG_VERSION.
bv_build_install() {
    [ -n "${BV_INSTALLED:-}" ] && return 0      # a parent script did it
    bv_say "building bodemvisie"
    make -C "$BV_ROOT" -s PG_CONFIG="$PG_CONFIG" >/dev/null
    bv_say "installing bodemvisie into PostgreSQL $BV_PG_VERSION"
    bv_as_root make -C "$BV_ROOT" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
    export BV_INSTALLED=1
}

# As root, pg_virtualenv always names its cluster $BV_PG_VERSION/regress and
# refuses to start when one exists.  A run that was killed leaves its cluster
# behind: drop it when it is ours (pg_virtualenv marks it) and not running.
bv_drop_stale_cluster() {
    local conf=/etc/postgresql/$BV_PG_VERSION/regress
    [ "$(id -u)" -eq 0 ] && [ -f "$conf/.by_pg_virtualenv" ] || return 0
    if pg_ctlcluster "$BV_PG_VERSION" regress status >/dev/null 2>&1; then
        bv_die "another test cluster ($BV_PG_VERSION/regress) is running; wait for it to finish"
    fi
    bv_say "dropping the cluster a killed run left behind ($BV_PG_VERSION/regress)"
    pg_dropcluster "$BV_PG_VERSION" regress 2>/dev/null || true
    rm -rf "$conf"          # what pg_dropcluster leaves: the marker file
}

# Run "$@" against a throwaway cluster (pg_virtualenv sets PGHOST, PGPORT,
# PGUSER, PGPASSWORD, PGDATABASE), unless we are already inside one.
bv_in_cluster() {
    if [ -n "${BV_IN_CLUSTER:-}" ]; then
        "$@"
    else
        bv_drop_stale_cluster
        BV_IN_CLUSTER=1 pg_virtualenv -v "$BV_PG_VERSION" \
            -o max_parallel_workers_per_gather=2 -o shared_buffers=256MB \
            -o work_mem=64MB -o maintenance_work_mem=256MB -- "$@"
    fi
}

# One install-and-test at a time on this machine: the extension is installed
# into the shared PostgreSQL directories, so two concurrent runs would test
# each other's build.  Held until the calling script exits.
bv_lock() {
    local lock="${TMPDIR:-/tmp}/bodemvisie-install-$(id -u).lock"
    [ -n "${BV_LOCK_HELD:-}" ] && return 0      # a parent script holds it
    export BV_LOCK_HELD=1
    exec 9>>"$lock"
    if ! flock -n 9; then
        bv_say "waiting for another bodemvisie build/test on this machine"
        flock 9
    fi
}

# For scripts that need the extension on a database (benchmarks): unless the
# libpq variables already point at one, install what is missing, build and
# install under the lock, and run the calling script again inside a throwaway
# cluster.  Usage: bv_needs_cluster "$0" "$@"   (returns only when inside one)
bv_needs_cluster() {
    [ -n "${BV_IN_CLUSTER:-}" ] || [ -n "${PGHOST:-}" ] && return 0
    bv_ensure_packages
    bv_lock
    bv_build_install
    bv_in_cluster bash "$@"
    exit
}
