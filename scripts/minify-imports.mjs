// Shortens the names by which a wasm package's wasm imports its JavaScript functions, in the wasm
// and in its glue alike: `node scripts/minify-imports.mjs www/pkg`.
//
// wasm-bindgen names each import after the function and a 16-digit hash
// (`__wbg_createElement_1a2b…`), written in both files. About 160 such names cost some 5 KB
// gzipped, mostly hex digits that gzip cannot shrink. wasm-opt's --minify-imports renames only
// imports from the module "env", and its variant that renames modules renames the exports too,
// which the generated types and the JavaScript API name; so the imports are renamed here, with
// binaryen's own API.
import binaryen from 'binaryen';
import { readFileSync, writeFileSync } from 'node:fs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th short name: a … Z, then aa, ba, … */
function shortName(n) {
  let name = '';
  do {
    name += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return name;
}

/** Renames every function import of the wasm; gives the new name of each old one. */
function renameImports(wasm) {
  const imported = [];
  for (let i = 0; i < wasm.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(wasm.getFunctionByIndex(i));
    if (info.module) imported.push(info);
  }
  const renamed = new Map();
  for (const info of imported) {
    if (!renamed.has(info.base)) renamed.set(info.base, shortName(renamed.size));
    // Calls refer to the function by its internal name, which stays.
    wasm.removeFunction(info.name);
    wasm.addFunctionImport(info.name, info.module, renamed.get(info.base), info.params, info.results);
  }
  return renamed;
}

/** The glue with each import's key renamed; each must be named exactly once, as the key of the
 *  imports object, or the glue is not the shape this step knows and the build stops. */
function renameInGlue(js, renamed) {
  for (const [old, short] of renamed) {
    const pattern = new RegExp(`\\b${old}\\b`, 'g');
    const count = js.match(pattern)?.length ?? 0;
    if (count !== 1) throw new Error(`minify-imports: the glue names ${old} ${count} times, not once`);
    js = js.replace(pattern, short);
  }
  return js;
}

const dir = process.argv[2];
const wasmPath = `${dir}/technopolis_explorer_bg.wasm`;
const gluePath = `${dir}/technopolis_explorer.js`;
const wasm = binaryen.readBinary(readFileSync(wasmPath));
const renamed = renameImports(wasm);
if (!wasm.validate()) throw new Error('minify-imports: the renamed wasm does not validate');
const glue = renameInGlue(readFileSync(gluePath, 'utf8'), renamed);
writeFileSync(wasmPath, wasm.emitBinary());
writeFileSync(gluePath, glue);
wasm.dispose();
