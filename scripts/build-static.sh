#!/usr/bin/env bash
# Builds a fully static rnet: with the musl target when it is installed,
# otherwise glibc with crt-static. Prints the path of the binary.
#
#   scripts/build-static.sh
#
# The result needs no shared library at all, so it can be copied into a
# distroless or scratch container (it only needs /proc, and /sys for netns exec).
set -euo pipefail
cd "$(dirname "$0")/.."
if rustup target list --installed 2>/dev/null | grep -qx x86_64-unknown-linux-musl; then
    target=x86_64-unknown-linux-musl
    cargo build --release --quiet --target "$target" --target-dir target/static
else
    target=x86_64-unknown-linux-gnu
    RUSTFLAGS='-C target-feature=+crt-static' \
        cargo build --release --quiet --target "$target" --target-dir target/static
fi
echo "$PWD/target/static/$target/release/rnet"
