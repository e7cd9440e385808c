// Writes dist/technopolis-explorer.html: the explorer in one file (wasm with its embedded dataset,
// JS, CSS, icon and the loading worker inlined) that works opened straight from disk with no
// network at all. It opens with the explorer page's prerendered chart, shown while the wasm is
// read; other states show the loading state (there is nothing to fetch them from).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const out = fileURLToPath(new URL('../dist/', import.meta.url));
const read = (file) => readFileSync(www + file);
const base64 = (bytes) => Buffer.from(bytes).toString('base64');

const module = (file) => `data:text/javascript;base64,${base64(read(file))}`;
const prerendered = /<main id="explorer" class="tx-explorer">([\s\S]*)<\/main>/.exec(read('index.html').toString())[1];
const html = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Технополис Москва — рабочие места · Technopolis Moscow jobs</title>
<link rel="icon" href="data:image/svg+xml;base64,${base64(read('favicon.svg'))}">
<style>
${read('style.min.css')}
</style>
<script>${read('first-paint.min.js')}</script>
</head>
<body>
<main id="explorer" class="tx-explorer">${prerendered}</main>
<script type="module">
const wasm = Uint8Array.from(atob("${base64(read('pkg/technopolis_explorer_bg.wasm'))}"), (c) => c.charCodeAt(0));
const { start } = await import("${module('start.js')}");
const explorer = await import("${module('pkg/technopolis_explorer.js')}");
await start(document.getElementById('explorer'), explorer, wasm);
// The worker that reads a reader's own dataset, from this file too (there is no site to fetch it from).
const worker = Uint8Array.from(atob("${base64(read('load-worker.min.js'))}"), (c) => c.charCodeAt(0));
explorer.setLoader(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
</script>
</body>
</html>
`;
mkdirSync(out, { recursive: true });
writeFileSync(out + 'technopolis-explorer.html', html);
console.log(`offline file: dist/technopolis-explorer.html (${html.length} bytes)`);
