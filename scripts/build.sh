#!/usr/bin/env bash
# Builds the release wasm package into www/pkg with wasm-opt and terser from node_modules (never
# Debian's wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --release --target web --out-dir www/pkg --no-pack
# The generated glue is written to be read; readers download it minified (its types stay in the
# .d.ts, and so does the comment that points TypeScript at them).
terser www/pkg/technopolis_explorer.js --module --compress --mangle --comments '/@ts-self-types/' \
  --output www/pkg/technopolis_explorer.js
node scripts/offline.mjs
