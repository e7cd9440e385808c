// Writes dist/site/: the explorer as a host deploys it (docs/HOSTING.md). Everything the pages
// load goes into one folder named by a hash of its contents, v/<hash>/, which can be cached for
// a year: a new build is a new folder. Only the entry points keep their names and are
// revalidated: index.html, embed.html, favicon.svg and technopolis-chart.js (a one-line module
// that loads the element from the hashed folder). Each file has its .br and .gz beside it: a
// file copied as it is keeps the build's (scripts/compress.mjs), one written here is compressed.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressBeside } from './compress.mjs';
import { ENCODINGS } from './serve.mjs';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const site = fileURLToPath(new URL('../dist/site/', import.meta.url));

/** What the pages and the element load, from www/, as the folder's contents. */
const ASSETS = ['style.min.css', 'main.min.js', 'embed-height.js', 'load-worker.min.js', 'technopolis-chart.js',
  'pkg-first/technopolis_explorer.js', 'pkg-first/technopolis_explorer_bg.wasm', 'pkg/technopolis_explorer.js', 'pkg/technopolis_explorer_bg.wasm'];
const assets = [...ASSETS, ...readdirSync(`${www}snapshots`).filter((f) => f.endsWith('.html')).map((f) => `snapshots/${f}`)];

const hash = createHash('sha256');
for (const file of assets) hash.update(file).update(readFileSync(www + file));
const folder = `v/${hash.digest('hex').slice(0, 12)}/`;

rmSync(site, { recursive: true, force: true });
let count = 0;
const write = (file, body) => {
  mkdirSync(dirname(site + file), { recursive: true });
  writeFileSync(site + file, body);
  compressBeside(site + file);
  count++;
};
/** Copies a file of www/ with its compressed copies. */
const copy = (from, to) => {
  mkdirSync(dirname(site + to), { recursive: true });
  for (const suffix of ['', ...ENCODINGS.map((e) => e.suffix)]) cpSync(www + from + suffix, site + to + suffix);
  count++;
};
for (const file of assets) copy(file, folder + file);
// The pages name what they load from the hashed folder.
for (const page of ['index.html', 'embed.html']) {
  const html = readFileSync(www + page, 'utf8').replace(/(href|src)="(?!favicon\.svg)([^"#:]+\.(?:css|js|wasm))"/g, `$1="${folder}$2"`);
  write(page, html);
}
copy('favicon.svg', 'favicon.svg');
// The pages' policy, with the hashes of their inline stylesheet and first script, for
// scripts/serve.mjs and as an nginx variable for docs/HOSTING.md's configuration to include.
const { page: policy } = JSON.parse(readFileSync(`${www}csp.json`, 'utf8'));
writeFileSync(`${site}csp.json`, JSON.stringify({ page: policy }));
writeFileSync(`${site}csp.conf`, `set $csp_page "${policy}";\n`);
write('technopolis-chart.js', `export * from './${folder}technopolis-chart.js';\n`);
cpSync(`${www}pkg/technopolis_explorer.d.ts`, `${site}${folder}pkg/technopolis_explorer.d.ts`);
console.log(`site: dist/site/ with ${count} files, the assets in ${folder}`);
