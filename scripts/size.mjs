// Prints the bytes a reader downloads, raw and gzipped (level 9): before the first chart is
// visible (the page, with its prerendered chart, its stylesheet and the script that runs before
// it is drawn, all inline), and for the whole interactive explorer (the page, its script with the
// glue, and the wasm, which holds the dataset).
// With --check it fails when a gzipped total passes its budget (docs/PERFORMANCE.md).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
export const FIRST_PAINT_FILES = ['index.html'];
export const INTERACTIVE_FILES = [...FIRST_PAINT_FILES, 'main.min.js', 'pkg-first/technopolis_explorer_bg.wasm'];

/** Gzipped budgets (docs/PERFORMANCE.md): the first paint's, 30 KB; the interactive explorer's
 *  is a guard against growth unnoticed, at its size when the prerendered chart came to answer the
 *  pointer (193,327 B on 2026-12-06) plus 5%. */
export const BUDGETS = [
  { name: 'first chart visible', files: FIRST_PAINT_FILES, gzip: 30 * 1024 },
  { name: 'interactive explorer', files: INTERACTIVE_FILES, gzip: 202_993 },
];

export function fileBytes(files) {
  return files.map((file) => {
    const body = readFileSync(www + file);
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

export const total = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const budget of BUDGETS) {
    const rows = fileBytes(budget.files);
    const sum = total(rows);
    console.log(`bytes for the ${budget.name} (raw / gzip -9):`);
    for (const r of [...rows, { file: 'total', ...sum }]) {
      console.log(`  ${r.file.padEnd(36)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)}`);
    }
    console.log(`  gzip total ${sum.gzip} B: budget ${budget.gzip} B, ${budget.gzip - sum.gzip} B to spare`);
    if (sum.gzip > budget.gzip) {
      console.error(`FAIL: the ${budget.name} is ${sum.gzip} B gzipped, more than its budget of ${budget.gzip} B`);
      failed = true;
    }
  }
  if (process.argv.includes('--check') && failed) process.exit(1);
}
