// Writes each file of www/ that a reader downloads beside itself compressed, as .br and .gz, for
// hosts that serve precompressed files (nginx's brotli_static and gzip_static, docs/HOSTING.md)
// and for scripts/serve.mjs.
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS } from './serve.mjs';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const SERVED = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg']);

/** Writes `path`'s .br and .gz beside it. */
export function compressBeside(path) {
  const body = readFileSync(path);
  for (const { suffix, compress } of ENCODINGS) {
    rmSync(path + suffix, { force: true });
    writeFileSync(path + suffix, compress(body));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = readdirSync(www, { recursive: true }).map(String).filter((file) => SERVED.has(extname(file)) && !file.startsWith('pages/'));
  for (const file of files) compressBeside(join(www, file));
  console.log(`compressed: ${files.length} files, each as .br and .gz`);
}
