// Prints the bytes a reader downloads for the first chart, raw and gzipped (level 9).
// The dataset is compiled into the wasm, so it is counted there.
// With --check it fails when the gzipped total passes BUDGET: the size of the first chart when the
// guard was set plus 5% (README, "Tests"; docs/PERFORMANCE.md), a guard against growth unnoticed.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
export const FIRST_CHART_FILES = [
  'index.html', 'style.min.css', 'main.min.js', 'favicon.svg',
  'pkg-first/technopolis_explorer_bg.wasm',
];

/** What the page fetches on a reader's first tool use (their own data, an export). */
export const FULL_BUILD_FILES = ['pkg/technopolis_explorer.js', 'pkg/technopolis_explorer_bg.wasm'];

/** The first chart's guard, gzipped: 165,780 B measured on 2026-12-03, plus 5%. */
export const BUDGET = 174_069;

export function fileBytes(files = FIRST_CHART_FILES) {
  return files.map((file) => {
    const body = readFileSync(www + file);
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = fileBytes();
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log('bytes for the first chart (raw / gzip -9):');
  for (const r of [...rows, { file: 'total', ...total }]) {
    console.log(`  ${r.file.padEnd(36)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)}`);
  }
  console.log(`gzip total ${total.gzip} B: budget ${BUDGET} B, ${BUDGET - total.gzip} B to spare`);
  if (process.argv.includes('--check') && total.gzip > BUDGET) {
    console.error(`FAIL: the first chart is ${total.gzip} B gzipped, more than its budget of ${BUDGET} B`);
    process.exit(1);
  }
}
