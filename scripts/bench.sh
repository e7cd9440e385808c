#!/usr/bin/env bash
# The benchmark: sets up, builds the release, then measures it beside Chart.js in headless
# Chromium and prints the table (see docs/PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bash scripts/build.sh >&2
node scripts/bench.mjs
