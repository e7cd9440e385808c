#!/usr/bin/env bash
# Builds the release wasm package into www/pkg with wasm-opt from node_modules (never Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --release --target web --out-dir www/pkg --no-pack
node scripts/offline.mjs
