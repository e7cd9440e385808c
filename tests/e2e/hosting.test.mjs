// The deployment of docs/HOSTING.md, for real: dist/site/ served by nginx with the configuration
// that document gives (read from it), then the headers a reader's browser gets, and the explorer
// working from there in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, sweep } from './harness.mjs';

const site = fileURLToPath(new URL('../../dist/site/', import.meta.url));
const hosting = readFileSync(new URL('../../docs/HOSTING.md', import.meta.url), 'utf8');
const folder = `v/${readdirSync(join(site, 'v'))[0]}/`;

const freePort = () => new Promise((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => done(port));
  });
});

/** The answer to a GET, with its headers and its body as sent (not decompressed). */
const get = (port, path, headers = {}) => new Promise((done, fail) => {
  request({ host: '127.0.0.1', port, path, headers }, (response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
  }).on('error', fail).end();
});

let nginx;
let port;
let app;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'technopolis-nginx-'));
  port = await freePort();
  const server = /```nginx\n([\s\S]*?)```/.exec(hosting)[1]
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('/srv/technopolis-explorer', site.replace(/\/$/, ''));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name};`).join(' ');
  // Its workers run as the user running the tests, who can read the checkout wherever it is.
  writeFileSync(join(dir, 'nginx.conf'), `daemon off; user ${userInfo().username}; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {}
http { access_log off; ${temp}
${server}
}
`);
  nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  for (let tries = 0; ; tries++) {
    try {
      await get(port, '/');
      break;
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  app = await start();
});
after(async () => {
  nginx?.kill();
  await app?.stop();
});

test('the prerendered files name their elements by state, not by chance, so that the same sources deploy the same files and folder', () => {
  const pages = ['index.html', 'embed.html'].map((name) => [name, 'sites-ru-auto', readFileSync(join(site, name), 'utf8')]);
  const snapshots = readdirSync(join(site, folder, 'snapshots')).filter((name) => name.endsWith('.html'))
    .map((name) => [name, name.replace(/\.html$/, ''), readFileSync(join(site, folder, 'snapshots', name), 'utf8')]);
  assert.ok(snapshots.length >= 20, `${snapshots.length} snapshots`);
  for (const [name, key, html] of [...pages, ...snapshots]) {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id);
    assert.ok(ids.length >= 5, `${name}: ${ids.length} ids`);
    assert.deepEqual(ids.filter((id) => !id.startsWith(`tx-${key}-`) && id !== 'explorer'), [], name);
  }
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The pages' policy: the same, with the hashes of their inline stylesheet and first script. */
const PAGE_CSP = JSON.parse(readFileSync(join(site, 'csp.json'), 'utf8')).page;

test('nginx with the documented configuration sends each file precompressed, typed, under the CSP, cached as documented', async () => {
  const page = await get(port, '/', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(page.headers['content-encoding'], 'br');
  assert.deepEqual(page.body, readFileSync(join(site, 'index.html.br')), 'the build\'s own brotli copy');
  assert.equal(page.headers['content-security-policy'], PAGE_CSP);
  assert.match(PAGE_CSP, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[\w+/]+=*'; style-src 'self' 'sha256-[\w+/]+=*'$/);
  assert.equal(page.headers['cache-control'], 'no-cache');
  assert.equal((await get(port, '/csp.conf')).status, 404, 'the policy file is not served');
  const again = await get(port, '/', { 'accept-encoding': 'br', 'if-none-match': page.headers.etag });
  assert.equal(again.status, 304, 'an entry point is revalidated, not downloaded again');

  const wasm = await get(port, `/${folder}pkg-first/technopolis_explorer_bg.wasm`, { 'accept-encoding': 'gzip' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['content-encoding'], 'gzip');
  assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers['content-security-policy'], CSP);
  const plain = await get(port, `/${folder}style.min.css`);
  assert.equal(plain.headers['content-encoding'], undefined, 'a client that takes no encoding gets the file itself');
  assert.equal(plain.headers['content-type'], 'text/css; charset=utf-8');
  const element = await get(port, '/technopolis-chart.js', { 'accept-encoding': 'br' });
  assert.equal(element.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(element.headers['cache-control'], 'no-cache');
});

test('from the deployed site the explorer draws, answers a hover, fetches its snapshot, and stays on its own origin', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const snapshot = page.waitForResponse((r) => r.url().endsWith(`/${folder}snapshots/plan-en-auto.html`));
  await page.goto(`http://127.0.0.1:${port}/?view=plan&lang=en`);
  assert.equal((await snapshot).status(), 200, 'the snapshot is fetched from the hashed folder');
  const body = await (await snapshot).text();
  assert.match(body, /<template class="tx-tips">/, 'with its tooltips');
  assert.doesNotMatch(body, /<noscript>/, 'and no data table for readers without JavaScript: only a script puts it in');
  await page.locator('canvas[aria-label]').waitFor();
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /^People employed now and planned\./);
  const tips = await sweep(page);
  assert.ok(tips.length >= 2, `${tips.length} tooltips`);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`http://127.0.0.1:${port}/`)), []);
  assert.ok(requests.every((url) => url.endsWith('/') || url.includes('?') || url.includes(`/${folder}`) || url.endsWith('favicon.svg')), 'everything else from the hashed folder');
  assert.deepEqual(violations, []);
  await context.close();
});
