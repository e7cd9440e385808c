// Writes each file of www/ that a reader downloads beside itself compressed, as .br and .gz, for
// hosts that serve precompressed files (nginx's brotli_static and gzip_static, docs/HOSTING.md)
// and for scripts/serve.mjs.
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS } from './serve.mjs';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const SERVED = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg']);

const files = readdirSync(www, { recursive: true }).map(String).filter((file) => SERVED.has(extname(file)) && !file.startsWith('pages/'));
let written = 0;
for (const file of files) {
  const body = readFileSync(join(www, file));
  for (const { suffix, compress } of ENCODINGS) {
    rmSync(join(www, file + suffix), { force: true });
    writeFileSync(join(www, file + suffix), compress(body));
    written++;
  }
}
console.log(`compressed: ${written} files (.br and .gz of ${files.length})`);
