// Writes the npm package: dist/technopolis-explorer-<version>.tgz, made by `npm pack` from
// target/npm/. It holds what npm/package.json lists: the element and mount() (www/), the full
// wasm-pack build (www/pkg/), the stylesheet, the prerendered charts and npm/README.md; its
// version is the crate's (Cargo.toml).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}target/npm/`;
const manifest = JSON.parse(readFileSync(`${root}npm/package.json`, 'utf8'));
manifest.version = /^version = "([^"]+)"/m.exec(readFileSync(`${root}Cargo.toml`, 'utf8'))[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of manifest.files.filter((f) => f !== 'README.md')) {
  cpSync(`${root}www/${file}`, out + file, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
}
cpSync(`${root}npm/README.md`, `${out}README.md`);
writeFileSync(`${out}package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
mkdirSync(`${root}dist`, { recursive: true });
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', `${root}dist`], { cwd: out, encoding: 'utf8' }));
console.log(`npm package: dist/${packed.filename} (${packed.size} bytes, ${packed.entryCount} files)`);
