#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine, skipping what is already
# there: Chromium and its driver, Firefox ESR with geckodriver, WebKitGTK's MiniBrowser with
# WebKitWebDriver and Xvfb (the tests run in all three engines), nginx with brotli (for the
# hosting test), the Rust toolchain of rust-toolchain.toml with its wasm target, wasm-pack, the
# wasm-bindgen CLI matching Cargo.lock, and the npm tools of package-lock.json (wasm-opt from
# binaryen, playwright-core, selenium-webdriver, esbuild, terser, TypeScript, Chart.js).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# nginx with its brotli module runs docs/HOSTING.md's configuration in the tests; RUNLEVEL=1
# keeps the package from starting a server of its own.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -i dejavu >/dev/null \
  || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null \
  || ! command -v nginx >/dev/null || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  say "installing Chromium, ChromeDriver, Firefox ESR, WebKitGTK's WebDriver, Xvfb, fonts and nginx (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq chromium chromium-driver fonts-dejavu-core fonts-liberation \
    firefox-esr webkit2gtk-driver xvfb nginx-light libnginx-mod-http-brotli-static >/dev/null
fi
if dpkg -s binaryen >/dev/null 2>&1; then
  # Debian's wasm-opt (108) writes wasm that Chromium refuses to start; wasm-pack gets binaryen's
  # own from node_modules/.bin, which build.sh puts first on the PATH.
  say "warning: Debian's binaryen is installed; node_modules/.bin/wasm-opt is used ahead of it"
fi

# rust-toolchain.toml names the toolchain, its wasm target and clippy; rustup installs what is missing.
if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "installing the Rust toolchain of rust-toolchain.toml with the wasm32-unknown-unknown target"
  rustup toolchain install
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

if [ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about a minute)"
  cargo install geckodriver --locked --version "$GECKODRIVER_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/selenium-webdriver ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
