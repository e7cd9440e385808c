#!/usr/bin/env bash
# Sets everything up and runs every test: native Rust tests, wasm tests in headless Chromium,
# end-to-end tests of the served explorer with Playwright (Chromium), then the cases that run in
# every engine over WebDriver: Chromium, Firefox ESR and WebKitGTK (ENGINES=firefox,webkit picks).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== native tests (cargo test)"
cargo test --quiet

echo "== wasm tests in headless Chromium (wasm-pack test)"
# wasm-bindgen-test-runner gives chromedriver a few seconds to start; on a busy machine it can
# give up first ("driver failed to bind port during startup"). Only that failure is retried, once.
wasm_log="$(mktemp)"
if ! wasm-pack test --headless --chrome --test browser 2>&1 | tee "$wasm_log"; then
  grep -q "driver failed to bind port" "$wasm_log" || exit 1
  echo "== chromedriver did not start in time; running the wasm tests again"
  wasm-pack test --headless --chrome --test browser
fi
rm -f "$wasm_log"

echo "== release build"
bash scripts/build.sh
node scripts/size.mjs --check

echo "== end-to-end tests (Playwright + Chromium)"
node --test --test-concurrency=1 tests/e2e/

echo "== the same explorer in every engine (WebDriver: Chromium, Firefox, WebKit)"
node --test --test-concurrency=1 tests/engines/
