#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine, skipping what is already
# there: Chromium and its driver, the wasm target, the pinned nightly Rust of the first-chart
# build, wasm-pack, the wasm-bindgen CLI matching Cargo.lock, and the npm tools (wasm-opt from
# binaryen, playwright-core). See ../shared/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchains.sh

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -i dejavu >/dev/null; then
  say "installing Chromium, ChromeDriver and fonts (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-dejavu-core fonts-liberation >/dev/null
fi
if dpkg -s binaryen >/dev/null 2>&1; then
  # Debian's wasm-opt (108) writes wasm that Chromium refuses to start; ours comes from npm.
  say "warning: Debian's binaryen is installed; node_modules/.bin/wasm-opt is used ahead of it"
fi

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
first_chart_parts=$(rustup component list --toolchain "$FIRST_CHART_TOOLCHAIN" --installed 2>/dev/null || true)
if ! grep -q '^rust-src' <<<"$first_chart_parts" || ! grep -q '^rust-std-wasm32-unknown-unknown' <<<"$first_chart_parts"; then
  say "installing Rust $FIRST_CHART_TOOLCHAIN with its sources, for the first-chart build"
  rustup toolchain install "$FIRST_CHART_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install wasm-pack --locked --version "$WASM_PACK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2.5 minutes)"
  # Not --locked: its lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
