#!/usr/bin/env bash
# Builds the two release wasm packages with wasm-opt and terser from node_modules (never
# Debian's wasm-opt): the full build into www/pkg (the JavaScript API, the element, the offline
# file) and the first-chart build into www/pkg-first (the explorer page and its iframe start with
# it, and hand over to the full build when a reader asks for their own data or an export).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchains.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# What wasm-opt may assume of the browsers we support, and what it drops, for both builds.
WASM_OPT_FLAGS=(--converge --low-memory-unused --strip-debug --strip-producers --enable-bulk-memory
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)
build() { # out-dir, wasm-opt's optimisation passes, cargo arguments; $toolchain, if set, names the Rust toolchain
  local out=$1 passes=$2
  shift 2
  ${toolchain:+rustup run "$toolchain"} wasm-pack --quiet build --release --no-opt --target web --out-dir "$out" --no-pack -- "$@"
  # shellcheck disable=SC2086 # $passes is a list of flags
  wasm-opt $passes "${WASM_OPT_FLAGS[@]}" "$out/technopolis_explorer_bg.wasm" -o "$out/technopolis_explorer_bg.wasm"
  # The wasm's imports get short names, in the wasm and its glue alike (5 KB gzipped off).
  node scripts/minify-imports.mjs "$out"
  # The generated glue is written to be read; readers download it minified (its types stay in
  # the .d.ts, and so does the comment that points TypeScript at them).
  terser "$out/technopolis_explorer.js" --module --compress --mangle --comments '/@ts-self-types/' \
    --output "$out/technopolis_explorer.js"
}
# The full build comes only with a reader's first tool use, so it is built for speed: at
# opt-level 3 it parsed 10^5 observations in 176-202 ms against 254-294 ms at "z", for 22 KB
# more gzipped. The first-chart build is what every reader waits for, so it is built for size.
build www/pkg -Oz --config 'profile.release.opt-level=3'
# The first-chart build rebuilds the standard library for size (its optimize_for_size code, one
# more minute of building) with panic=immediate-abort: a panic traps at once, without the panic
# machinery and its messages (first-chart.js tells the reader), and panics carry no file names.
# 8.1 KB gzipped off the first chart. Its own target directory keeps the two toolchains' builds
# from replacing each other's. wasm-opt's -O2 before -Os gives 0.5 KB less than -Oz alone here,
# and --generate-global-effects first tells them which calls have no side effects (0.1 KB).
toolchain=$FIRST_CHART_TOOLCHAIN RUSTFLAGS='-Cpanic=immediate-abort -Zunstable-options -Zlocation-detail=none' \
  build www/pkg-first '--generate-global-effects -O2 -Os' --no-default-features --target-dir target/first-chart \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
# The pages' own scripts with the first-chart glue, one bundle per page, and their stylesheet,
# minified: readers download these, not the commented sources beside them (1.9 KB gzipped less
# for the first chart, and one request less). The full build stays apart, loaded when asked for.
esbuild www/main.js www/embed.js --bundle --minify --charset=utf8 --format=esm --log-level=warning \
  --external:./pkg/* --outdir=www --out-extension:.js=.min.js
esbuild www/style.css --minify --charset=utf8 --log-level=warning --outfile=www/style.min.css
node scripts/offline.mjs
