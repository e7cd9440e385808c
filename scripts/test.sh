#!/usr/bin/env bash
# Sets everything up and runs every test: native Rust tests, wasm tests in headless Chromium,
# then end-to-end tests of the served explorer with Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== native tests (cargo test)"
cargo test --quiet

echo "== wasm tests in headless Chromium (wasm-pack test)"
wasm-pack test --headless --chrome --test browser

echo "== release build"
bash scripts/build.sh
node scripts/size.mjs --check

echo "== end-to-end tests (Playwright + Chromium)"
node --test --test-concurrency=1 tests/e2e/
