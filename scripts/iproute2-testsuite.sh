#!/usr/bin/env bash
# Runs iproute2 6.1's own `ip` tests (testsuite/tests/ip/**.t) against the real
# /usr/sbin/ip and against rnet, each test in a fresh sandbox, and prints both
# verdicts side by side. Exits 1 if any test that passes with ip fails with rnet.
#
#   scripts/iproute2-testsuite.sh [path/to/rnet]
#
# The testsuite comes from Debian's source package iproute2 6.1.0 (the machine's
# apt sources list binary packages only, so a private deb-src list is used),
# cached under target/iproute2-6.1.0 after the first run. Needs root, or
# unprivileged user namespaces.
set -euo pipefail
cd "$(dirname "$0")/.."
RNET=$(realpath "${1:-target/release/rnet}")
[ -x "$RNET" ] || { echo "no rnet binary at $RNET (cargo build --release)" >&2; exit 2; }
CACHE=$PWD/target/iproute2-6.1.0
SUITE=$CACHE/src/testsuite

fetch_testsuite() {
    local apt=$CACHE/apt
    mkdir -p "$apt/lists/partial" "$apt/sources" "$CACHE/src"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$apt/sources/debian.sources"
    local opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$apt/sources"
                -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" -qq)
    apt-get "${opts[@]}" update
    (cd "$CACHE" && apt-get "${opts[@]}" source --download-only iproute2=6.1.0-3)
    tar -xf "$CACHE"/iproute2_6.1.0.orig.tar.* -C "$CACHE/src" --strip-components=1
}
[ -d "$SUITE/tests/ip" ] || fetch_testsuite

prefix=(unshare --net --mount --pid --fork --propagation private)
[ "$(id -u)" = 0 ] || prefix=(unshare --user --map-root-user --net --mount --pid --fork --propagation private)

# One test in a sandbox; prints PASS, FAIL or SKIP.
run_test() {
    local ip=$1 test=$2 work
    work=$(mktemp -d)
    "${prefix[@]}" sh -c '
        mount -t tmpfs tmpfs /run && mkdir -p /run/netns
        cd "$0" && mkdir -p "$4/results"
        IP=$1 TC=/bin/false SS=/bin/false BRIDGE=/bin/false DEV=lo \
        ERRF=$4/results/err STD_ERR=$4/stderr STD_OUT=$4/stdout \
        sh "$2" >"$4/log" 2>&1
        echo $? > "$4/rc"' "$SUITE" "$ip" "$test" unused "$work" || true
    if [ "$(cat "$work/rc" 2>/dev/null)" = 127 ]; then
        echo SKIP
    elif [ -e "$work/results/err" ]; then
        echo FAIL
    else
        echo PASS
    fi
    rm -rf "$work"
}

regressions=0 passed=0 not_applicable=0
printf '%-45s %-6s %-6s\n' test ip rnet
while IFS= read -r test; do
    name=${test#tests/}
    with_ip=$(run_test /usr/sbin/ip "$test")
    with_rnet=$(run_test "$RNET" "$test")
    mark=
    if [ "$with_ip" = PASS ] && [ "$with_rnet" != PASS ]; then
        mark='  <- regression'
        regressions=$((regressions + 1))
    fi
    [ "$with_rnet" = PASS ] && passed=$((passed + 1))
    [ "$with_ip" != PASS ] && [ "$with_rnet" != PASS ] && not_applicable=$((not_applicable + 1))
    printf '%-45s %-6s %-6s%s\n' "$name" "$with_ip" "$with_rnet" "$mark"
done < <(cd "$SUITE" && find tests/ip -name '*.t' | sort)
echo "tests that pass with ip but not with rnet: $regressions"
# Passed with rnet, failed with rnet where ip passes, and skipped because
# they fail with ip too on this kernel (dummy, bareudp, xfrm, a netlink blob).
echo "testsuite: $passed passed, $regressions failed, $not_applicable skipped"
[ "$regressions" = 0 ]
