// Hostile and oversized input through the page itself, and use at 320 CSS pixels (200% zoom).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, sweep, tableText } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

const corpus = (name) => fileURLToPath(new URL(`../corpus/${name}`, import.meta.url));

/** Records the longest main-thread task from now on. */
const watchLongTasks = (page) => page.evaluate(() => {
  window.longest = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.longest = Math.max(window.longest, e.duration); })).observe({ type: 'longtask', buffered: false });
});

test('names with markup are shown as text everywhere, never run', async () => {
  const page = await app.open('?view=sites&lang=en');
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.locator('input[type=file]').setInputFiles(corpus('html-in-names.json'));
  await page.waitForFunction(() => /Test zone/.test(document.querySelector('.tx-summary').textContent));
  const tip = (await sweep(page)).find((t) => t.text.includes('<img src=x onerror=alert(1)>'));
  assert.ok(tip, 'the name is in the tooltip, as text');
  await page.mouse.click(tip.x, tip.y);
  assert.match(await page.locator('.tx-details h2').innerText(), /^<img src=x onerror=alert\(1\)> — every figure/);
  const table = await tableText(page);
  const markup = await page.evaluate(() => document.querySelectorAll('.tx-explorer script, .tx-explorer img, .tx-explorer b').length);
  assert.equal(markup, 0, 'no element was made from a name');
  assert.match(table, /<b>bold<\/b> &amp;/);
  const csv = await page.evaluate(() => document.querySelector('.tx-summary').textContent);
  assert.match(csv, /<img src=x onerror=alert\(1\)>/);
  assert.equal(dialogs, 0);
});

test('oversized and malformed files get their message fast and the page stays responsive', async () => {
  const page = await app.open('?view=sites&lang=en');
  const dir = mkdtempSync(join(tmpdir(), 'technopolis-'));
  const huge = join(dir, 'over-the-limit.json');
  writeFileSync(huge, Buffer.alloc(200 * 1024 * 1024 + 1, ' '));
  const sites = Array.from({ length: 100000 }, (_, i) => `{"id":"s${i}","name":{"ru":"С${i}","en":"S${i}"}}`).join(',');
  const many = join(dir, 'many-sites.json');
  writeFileSync(many, `{"format":"sez-jobs","version":1,"zone":{"id":"z","name":{"ru":"З","en":"Z"}},"sites":[${sites}],"sectors":[],"companies":[],"measures":[],"sources":[],"observations":[]}`);
  await watchLongTasks(page);
  const input = page.locator('input[type=file]');
  await input.setInputFiles(huge);
  await page.waitForFunction(() => /too large/.test(document.querySelector('[role=alert]').textContent));
  assert.match(await page.getByRole('alert').innerText(), /over-the-limit\.json: the file is too large \(200\.0 MB, at most 200\.0 MB\): split it into smaller files or leave out what you do not need/);
  await input.setInputFiles(many);
  await page.waitForFunction(() => /too many items/.test(document.querySelector('[role=alert]').textContent));
  assert.match(await page.getByRole('alert').innerText(), /\$\.sites: too many items \(100000, the limit is 10000\): split the dataset into smaller ones/);
  const expected = { 'invalid-utf8.json': 'not UTF-8', 'nested-a-little-too-deep.json': 'nested too deeply', 'csv-open-quote.csv': 'not well-formed CSV', 'truncated.json': 'ends too early' };
  for (const [name, message] of Object.entries(expected)) {
    await input.setInputFiles(corpus(name));
    await page.waitForFunction((m) => document.querySelector('[role=alert]').textContent.includes(m), message);
  }
  const longest = await page.evaluate(() => window.longest);
  console.log(`longest main-thread task while refusing: ${Math.round(longest)} ms`);
  assert.ok(longest < 1000, `the page froze for ${longest} ms`);
  assert.match(await page.locator('.tx-summary').innerText(), /^SEZ Technopolis Moscow/, 'the embedded data stayed on screen');
  await page.getByRole('button', { name: 'By sector' }).click();
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /by sector/, 'and the page still works');
});

test('at 320 CSS pixels, as at 200% zoom, nothing needs sideways scrolling and every control works', async () => {
  for (const [width, scale] of [[320, 1], [640, 2]]) {
    // 640 device-independent pixels at 200% zoom leave 320 CSS pixels, as a phone has.
    const page = await app.open('?view=companies&lang=ru', { viewport: { width, height: 700 }, deviceScaleFactor: scale });
    if (scale === 2) await page.evaluate(() => document.documentElement.style.setProperty('zoom', '2'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${overflow}px of sideways scrolling at ${width}px`);
    await page.getByRole('button', { name: 'Во времени' }).click();
    assert.match(await page.locator('canvas').getAttribute('aria-label'), /во времени/);
  }
});
