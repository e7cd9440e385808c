// Prints the bytes a reader downloads for the first chart, raw and gzipped (level 9).
// The dataset is compiled into the wasm, so it is counted there.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
export const FIRST_CHART_FILES = [
  'index.html', 'style.css', 'main.js', 'start.js', 'favicon.svg',
  'pkg/technopolis_explorer.js', 'pkg/technopolis_explorer_bg.wasm',
];

export function firstChartBytes() {
  return FIRST_CHART_FILES.map((file) => {
    const body = readFileSync(www + file);
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = firstChartBytes();
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log('bytes for the first chart (raw / gzip -9):');
  for (const r of [...rows, { file: 'total', ...total }]) {
    console.log(`  ${r.file.padEnd(36)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)}`);
  }
}
