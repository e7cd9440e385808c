#!/usr/bin/env bash
# Builds the explorer into www/: the prerendered charts (drawn natively by the crate), the two
# release wasm packages with wasm-pack (which runs binaryen's wasm-opt from node_modules, never
# Debian's, with the flags in Cargo.toml): the full build into www/pkg (the JavaScript API, the
# element, the offline file) and the first-chart build into www/pkg-first (the explorer page and
# its iframe start with it, and hand over to the full build when a reader asks for their own
# data or an export); then the pages' scripts and stylesheet, minified, the pages with their
# prerendered first paint (scripts/prerender.mjs), the offline file, and every file a reader
# downloads precompressed beside itself (.br, .gz), dist/site/, the files a host deploys
# (scripts/site.mjs, docs/HOSTING.md), and the npm package (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
charts=target/prerender
rm -rf "$charts" www/snapshots
cargo run --quiet --release --bin prerender -- "$charts"
mkdir -p www/snapshots
cp "$charts/snapshots.css" www/snapshots/
build() { # out-dir, then cargo's arguments
  local out=$1
  shift
  wasm-pack --quiet build --release --target web --out-dir "$out" --no-pack -- "$@"
  # Readers download the generated glue minified (its types stay in the .d.ts, and so does the
  # comment that points TypeScript at them).
  terser "$out/technopolis_explorer.js" --module --compress --mangle --comments '/@ts-self-types/' \
    --output "$out/technopolis_explorer.js"
}
# The full build comes with a reader's first tool use and parses their datasets, so it is built
# for speed (see docs/PERFORMANCE.md); the first-chart build, which every reader waits for, for size.
build www/pkg --config 'profile.release.opt-level=3'
build www/pkg-first --no-default-features
# The pages' own script with the first-chart glue, the script that runs before the page is drawn
# (a classic one), and the stylesheet, minified: readers download these, not the commented sources
# beside them. The full build stays apart, loaded when asked for.
esbuild www/main.js --bundle --minify --charset=utf8 --format=esm --log-level=warning \
  --external:./pkg/* --outfile=www/main.min.js
# The element and mount(), bundled into the one module a host's page names, so that its first
# paint waits for one round trip, not one per module it imports; the builds stay apart.
esbuild www/element.js --bundle --minify --charset=utf8 --format=esm --log-level=warning \
  --external:./pkg/* --external:./pkg-first/* --outfile=www/technopolis-chart.js
esbuild www/first-paint.js --bundle --minify --charset=utf8 --format=iife --log-level=warning --outfile=www/first-paint.min.js
# The worker that reads a reader's own datasets, with the full build's glue in it: a classic
# script, which a page opened from disk may start from a blob (the glue's own address is the
# worker's, and only its default wasm path, never taken there, asks for it).
esbuild www/load-worker.js --bundle --minify --charset=utf8 --format=iife --define:import.meta.url=self.location.href \
  --log-level=warning --outfile=www/load-worker.min.js
esbuild www/style.css --bundle --minify --charset=utf8 --log-level=warning --outfile=www/style.min.css
node scripts/prerender.mjs "$charts"
node scripts/offline.mjs
node scripts/compress.mjs
node scripts/site.mjs
node scripts/package.mjs
