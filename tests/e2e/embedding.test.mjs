import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { address, start, countPixels, dropFile, tableText } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const EMBEDDED = readFileSync(new URL('../../data/technopolis-moscow.json', import.meta.url), 'utf8');

/** The aria-label of the canvas inside a <technopolis-chart>, once it has one. */
async function chartLabel(page, selector) {
  const label = () => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('canvas')?.getAttribute('aria-label') ?? '', selector);
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('canvas[aria-label]'), selector);
  return label();
}

test('two <technopolis-chart> elements on one page work independently and react to attributes', async () => {
  const page = await app.open('fixtures/host.html', {}, null);
  assert.match(await chartLabel(page, '#one'), /^Численность работающих — по площадкам/);
  assert.match(await chartLabel(page, '#two'), /^Jobs created, cumulative — by sector/);
  await page.evaluate(() => document.querySelector('#one').setAttribute('view', 'timeline'));
  await page.waitForFunction(() => /во времени/.test(document.querySelector('#one').shadowRoot.querySelector('canvas').getAttribute('aria-label')));
  assert.match(await chartLabel(page, '#two'), /by sector/, 'the other chart is untouched');
  await page.evaluate(() => document.querySelector('#two').setAttribute('lang', 'ru'));
  await page.waitForFunction(() => /по отраслям/.test(document.querySelector('#two').shadowRoot.querySelector('canvas').getAttribute('aria-label')));
  assert.equal(new URL(await address(page)).search, '', 'an element never writes the page URL');
  assert.deepEqual(page.problems, []);
});

test("the element's styles and the host's cannot reach each other", async () => {
  const page = await app.open('fixtures/host.html', {}, null);
  await chartLabel(page, '#one');
  const inside = await page.evaluate(() => {
    const shadow = document.querySelector('#two').shadowRoot;
    const canvas = getComputedStyle(shadow.querySelector('canvas'));
    const button = getComputedStyle(shadow.querySelector('button[aria-pressed="true"]'));
    return { border: canvas.borderTopWidth, button: button.backgroundColor, accent: getComputedStyle(shadow.querySelector('.tx-explorer')).getPropertyValue('--tx-accent').trim() };
  });
  assert.equal(inside.border, '0px', 'the host rule for canvas does not apply inside');
  assert.equal(inside.button, 'rgb(138, 43, 226)', 'the host sets the accent through --tx-accent');
  const outside = await page.evaluate(() => ({
    heading: getComputedStyle(document.querySelector('h1.tx-heading')).fontSize,
    alert: getComputedStyle(document.querySelector('p.tx-alert')).borderTopStyle,
  }));
  assert.deepEqual(outside, { heading: '11px', alert: 'none' }, 'the chart stylesheet does not apply outside');
  const height = await page.evaluate(() => document.querySelector('#two').shadowRoot.querySelector('.tx-explorer').getBoundingClientRect().height);
  assert.ok(height <= 421, `height="420px" bounds the element (${height})`);
});

test('mount() returns a handle that changes the view, reads the state, exports and destroys', async () => {
  const page = await app.open('fixtures/host.html', {}, null);
  await page.waitForFunction(() => window.mountChart);
  const result = await page.evaluate(async () => {
    const explorer = await window.mountChart({ view: 'timeline', lang: 'en' });
    const events = [];
    window.apiRoot.addEventListener('statechange', (e) => events.push(e.detail.view));
    const first = explorer.state();
    explorer.set({ view: 'plan', sort: 'value-desc' });
    const label = window.apiRoot.querySelector('canvas').getAttribute('aria-label');
    const csv = explorer.exportCsv();
    const json = explorer.exportJson();
    const name = explorer.fileName('csv');
    explorer.destroy();
    return { first, second: explorer.state(), events, label, csvLines: csv.trim().split('\n').length, json: JSON.parse(json).observations.length, name, left: window.apiRoot.childElementCount };
  });
  assert.deepEqual(result.first, { view: 'timeline', lang: 'en' });
  assert.deepEqual(result.second, { view: 'plan', lang: 'en', sort: 'value-desc' });
  assert.deepEqual(result.events, ['plan']);
  assert.match(result.label, /^People employed now and planned/);
  assert.ok(result.csvLines > 3);
  assert.equal(result.json, JSON.parse(EMBEDDED).observations.length, 'the whole embedded dataset');
  assert.match(result.name, /^technopolis-plan-en-\d{4}-\d\d-\d\d\.csv$/);
  assert.equal(result.left, 0, 'destroy empties the element');
});

test('the iframe embed tells its host its height', async () => {
  const page = await app.open('fixtures/frame-host.html', {}, null);
  const frame = page.locator('iframe');
  await page.waitForFunction(() => document.querySelector('iframe').clientHeight > 400);
  const inner = await page.frameLocator('iframe').locator('html').evaluate((html) => html.getBoundingClientRect().height);
  const outer = await frame.evaluate((f) => f.clientHeight);
  assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer}px for a document of ${inner}px`);
  assert.match(await page.frameLocator('iframe').locator('canvas').getAttribute('aria-label'), /by company/);
});

test('the Embed control shows the tag and the iframe for the exact current state', async () => {
  const page = await app.open('?view=companies&lang=en&sort=name-asc');
  await page.getByRole('button', { name: 'Embed' }).click();
  const tag = await page.getByLabel('Element for a page (script and tag)').inputValue();
  assert.match(tag, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/technopolis-chart\.js"><\/script>/);
  assert.match(tag, /<technopolis-chart view="companies" lang="en" sort="name-asc"><\/technopolis-chart>/);
  const frame = await page.getByLabel('Or an iframe that sets its own height').inputValue();
  assert.match(frame, /embed\.html\?view=companies&amp;lang=en&amp;sort=name-asc/);
  assert.match(frame, /technopolis-explorer:height/);
});

test('a picked file, a CSV, pasted text and a dropped file each replace the data; broken ones do not', async () => {
  const page = await app.open('?view=sites&lang=en');
  const label = () => page.locator('.tx-summary').innerText();
  const input = page.locator('input[type=file]');
  await input.setInputFiles(fixture('broken.json'));
  await page.waitForFunction(() => document.querySelector('[role=alert]').textContent.length > 0);
  assert.match(await page.getByRole('alert').innerText(), /\$\.observations\[0\]\.value: expected a number/);
  assert.match(await label(), /^SEZ Technopolis Moscow, people/, 'the previous data stays on screen');
  await input.setInputFiles(fixture('broken.csv'));
  await page.waitForFunction(() => /line 3/.test(document.querySelector('[role=alert]').textContent));
  assert.match(await page.getByRole('alert').innerText(), /line 3, column «value»: expected a number, found «много»/);
  assert.match(await page.getByRole('alert').innerText(), /line 3, column «date»: invalid date «2026-02-30»/);
  await input.setInputFiles(fixture('other-zone.csv'));
  await page.waitForFunction(() => /Spreadsheet zone/.test(document.querySelector('.tx-summary').textContent));
  assert.equal(await page.locator('[role=alert]').textContent(), '');
  assert.match(await tableText(page), /more than 2,500 people/);
  await page.getByText('Your own data: JSON or CSV').click();
  await page.getByLabel('Or paste JSON or CSV text').fill(readFileSync(fixture('other-zone.json'), 'utf8'));
  await page.getByRole('button', { name: 'Check and show' }).click();
  await page.waitForFunction(() => /Test zone/.test(document.querySelector('.tx-summary').textContent));
  await dropFile(page, EMBEDDED, 'dropped.json');
  await page.waitForFunction(() => /SEZ Technopolis Moscow/.test(document.querySelector('.tx-summary').textContent));
  assert.deepEqual(page.problems, []);
});

/** Saves what a click downloads and returns its name and bytes. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('exports: PNG at twice the size, SVG with text, CSV of the view, the dataset as JSON', async () => {
  const page = await app.open('?view=sites&lang=en');
  const [cssWidth, cssHeight] = await page.locator('canvas').evaluate((c) => [c.clientWidth, c.clientHeight]);
  const png = await download(page, 'PNG');
  assert.match(png.name, /^technopolis-sites-en-\d{4}-\d\d-\d\d\.png$/);
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [cssWidth * 2, cssHeight * 2]);
  const svg = await download(page, 'SVG');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent.trim());
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, texts, rects: doc.querySelectorAll('rect').length };
  }, svg.bytes.toString());
  assert.deepEqual([parsed.root, parsed.error], ['svg', false]);
  assert.ok(parsed.texts.includes('People employed — by site'), 'the title is text');
  assert.ok(parsed.texts.some((t) => t.startsWith('≈ 18,600')), 'so are the values');
  assert.ok(parsed.texts.some((t) => t.startsWith('Sources:')));
  const csv = await download(page, 'CSV');
  const rows = csv.bytes.toString().replace(/^\uFEFF/, '').trim().split('\n');
  const figures = (await tableText(page)).split('\n').filter((line) => /^f\d+\t/.test(line)).length;
  assert.equal(rows.length - 1, figures, 'one CSV row per figure in the view');
  assert.match(rows[0], /^id,covers,measure,unit,qualifier,value,max,date_or_period,source_outlet/);
  assert.ok(rows.some((r) => r.startsWith('f01,Pechatniki + Alabushevo + Rudnevo,People employed,people,almost,18600,')));
  const json = await download(page, 'JSON');
  assert.deepEqual(JSON.parse(json.bytes.toString()), JSON.parse(EMBEDDED));
});

test('themes: dark, light, and auto following prefers-color-scheme', async () => {
  const dark = await app.open('?view=sites&theme=dark');
  assert.ok((await countPixels(dark, [0x16, 0x16, 0x16])) > 10000, 'a dark background');
  const auto = await app.open('?view=sites', { colorScheme: 'dark' });
  assert.ok((await countPixels(auto, [0x16, 0x16, 0x16])) > 10000, 'auto follows the system');
  await auto.getByRole('button', { name: 'Светлое' }).click();
  assert.match(await address(auto), /theme=light/);
  assert.ok((await countPixels(auto, [0xff, 0xff, 0xff])) > 10000);
});

test('the offline file works from file:// with no network request, every view and an export included', async () => {
  const path = fileURLToPath(new URL('../../dist/technopolis-explorer.html', import.meta.url));
  const page = await app.open(`file://${path}?lang=en`);
  for (const view of ['By sector', 'Companies', 'Over time', '2030 plan', 'By site']) {
    await page.getByRole('button', { name: view }).click();
    assert.ok((await page.locator('canvas').getAttribute('aria-label')).length > 20, view);
  }
  const csv = await download(page, 'CSV');
  assert.match(csv.bytes.toString(), /f01,/);
  assert.deepEqual(page.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')), []);
  assert.deepEqual(page.problems, []);
});

test('the offline file opens with its prerendered chart, which shows without JavaScript too', async () => {
  const path = fileURLToPath(new URL('../../dist/technopolis-explorer.html', import.meta.url));
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`file://${path}`);
  assert.ok(await page.getByRole('img', { name: /^Численность работающих — по площадкам\./ }).isVisible());
  assert.match(await page.locator('table').filter({ has: page.locator('td') }).innerText(), /18\u00a0600/);
  await context.close();
});

test('under the strict Content-Security-Policy nothing is blocked and no request leaves the site', async () => {
  // The pages allow their inline stylesheet and first script by their hashes, nothing else inline.
  const policy = (await fetch(app.base)).headers.get('content-security-policy');
  assert.match(policy, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[\w+/]+=*'; style-src 'self' 'sha256-[\w+/]+=*'$/);
  assert.equal((await fetch(`${app.base}technopolis-chart.js`)).headers.get('content-security-policy'), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  const page = await app.open('?view=sites&lang=en');
  await page.mouse.move(60, 300);
  for (const view of ['By sector', 'Companies', 'Over time', '2030 plan']) await page.getByRole('button', { name: view }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  await download(page, 'SVG');
  const host = await app.open('fixtures/host.html', {}, null);
  await chartLabel(host, '#two');
  for (const p of [page, host]) {
    assert.deepEqual(await p.evaluate(() => window.violations), []);
    assert.ok(p.requests.every((url) => url.startsWith(app.base) || url.startsWith('blob:') || url.startsWith('data:')), p.requests.join('\n'));
  }
});
