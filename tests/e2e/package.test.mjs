// The npm package as a host uses it: installed from its tarball into an empty project, bundled
// with a standard bundler (esbuild) into a page, its files copied beside the bundle as its README
// says, and that page in Chromium: the element draws and answers a hover. Its types check too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { start } from './harness.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const tools = fileURLToPath(new URL('../../node_modules/.bin/', import.meta.url));
const version = /^version = "([^"]+)"/m.exec(readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8'))[1];
const tarball = join(dist, `technopolis-explorer-${version}.tgz`);

let project;
let server;
let app;
before(async () => {
  project = mkdtempSync(join(tmpdir(), 'technopolis-host-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-host', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project });
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src', 'main.js'), "import 'technopolis-explorer';\n");
  writeFileSync(join(project, 'src', 'typed.ts'), `import { mount, type Explorer, type ExplorerState } from 'technopolis-explorer';
const explorer: Explorer = await mount(document.createElement('div'), { view: 'plan', lang: 'en' });
const state: ExplorerState = explorer.state();
const chart = document.querySelector('technopolis-chart');
export const view: string | undefined = chart?.explorer?.state().view ?? state.view;
`);
  const publicDir = join(project, 'public');
  mkdirSync(publicDir);
  execFileSync(join(tools, 'esbuild'), ['src/main.js', '--bundle', '--format=esm', '--outfile=public/main.js', '--log-level=warning'], { cwd: project });
  // As the package's README says: the two wasm files in their folders, the stylesheet, the worker and the snapshots beside the bundle.
  const installed = join(project, 'node_modules', 'technopolis-explorer');
  for (const build of ['pkg', 'pkg-first']) {
    mkdirSync(join(publicDir, build));
    cpSync(join(installed, build, 'technopolis_explorer_bg.wasm'), join(publicDir, build, 'technopolis_explorer_bg.wasm'));
  }
  cpSync(join(installed, 'style.min.css'), join(publicDir, 'style.min.css'));
  cpSync(join(installed, 'load-worker.min.js'), join(publicDir, 'load-worker.min.js'));
  cpSync(join(installed, 'snapshots'), join(publicDir, 'snapshots'), { recursive: true });
  writeFileSync(join(publicDir, 'favicon.ico'), '');
  writeFileSync(join(publicDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host</title>
<script type="module" src="main.js"></script></head>
<body><h1>A host's page</h1><technopolis-chart view="sites" lang="en"></technopolis-chart></body></html>`);
  server = await serve(0, {}, publicDir);
  app = await start();
});
after(async () => {
  server?.close();
  await app?.stop();
});

test('the package installs from its tarball with the element, mount(), its types, a README and the version of the crate', () => {
  const installed = join(project, 'node_modules', 'technopolis-explorer');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.version, version);
  assert.ok(readdirSync(installed).includes('README.md'));
  assert.match(readFileSync(join(installed, 'README.md'), 'utf8'), /<technopolis-chart/);
  execFileSync(join(tools, 'tsc'), ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'esnext,dom', 'src/typed.ts'], { cwd: project });
});

test('a page bundled from the package shows the element, draws it and answers a hover', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const canvas = page.locator('technopolis-chart canvas[aria-label]');
  await canvas.waitFor();
  assert.match(await canvas.getAttribute('aria-label'), /^People employed — by site\./);
  const box = await canvas.boundingBox();
  let tooltip = '';
  for (let y = 4; y < box.height && !tooltip; y += 6) {
    await page.mouse.move(box.x + 40, box.y + y);
    if (await page.locator('technopolis-chart [role=tooltip]').isVisible()) tooltip = await page.locator('technopolis-chart [role=tooltip]').innerText();
  }
  assert.match(tooltip, /\d/, 'a tooltip with a figure');
  // The full build, from its own folder, takes over and gives the handle.
  const csv = await page.evaluate(() => new Promise((resolve) => {
    const chart = document.querySelector('technopolis-chart');
    const exported = () => resolve(chart.explorer.exportCsv());
    if (chart.explorer) exported();
    else chart.addEventListener('ready', exported, { once: true });
  }));
  assert.match(csv, /^\uFEFF?id,covers,measure/);
  assert.deepEqual(problems, []);
  await context.close();
});
