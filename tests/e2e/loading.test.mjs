// A reader's own dataset read in the loading worker: progress as it goes, Cancel, the limits,
// and the page's thread free meanwhile; in the page, the element and the offline file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start } from './harness.mjs';
import { synthetic } from '../../bench/synthetic.js';

let app;
const folder = mkdtempSync(join(tmpdir(), 'technopolis-loading-'));
const file = (observations) => {
  const path = join(folder, `synthetic-${observations}.json`);
  writeFileSync(path, synthetic(observations, 100));
  return path;
};
let large;
let small;
before(async () => {
  app = await start();
  large = file(500_000);
  small = file(20_000);
});
after(async () => { await app.stop(); });

/** Records, from now on, each distinct progress report shown, and the longest gap between two
 *  animation frames (a frame the page's thread could not give while it worked). */
function watchLoad() {
  window.load = { progress: [], longestGap: 0 };
  let last = performance.now();
  const frame = (now) => {
    window.load.longestGap = Math.max(window.load.longestGap, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    const words = document.querySelector('.tx-progress:not([hidden]) span')?.textContent;
    if (words && window.load.progress.at(-1) !== words) window.load.progress.push(words);
  }).observe(document.querySelector('.tx-explorer'), { subtree: true, childList: true, characterData: true, attributes: true });
}

const summary = (page) => page.locator('.tx-summary').innerText();

test('a large file is read off the page\'s thread: the progress moves through each stage and the chart follows', async () => {
  const page = await app.open('?lang=en');
  await page.evaluate(watchLoad);
  await page.locator('input[type=file]').setInputFiles(large);
  await page.waitForFunction(() => /^Synthetic zone/.test(document.querySelector('.tx-summary').textContent), null, { timeout: 120_000 });
  const { progress, longestGap } = await page.evaluate(() => window.load);
  const stages = ['Reading:', 'Parsing the JSON…', 'Figures checked:', 'Handing over to the chart:'];
  for (const stage of stages) assert.ok(progress.some((p) => p.startsWith(stage)), `"${stage}" among ${JSON.stringify(progress)}`);
  assert.ok(progress.includes('Figures checked: 500,000 / 500,000'), 'every figure checked, counted');
  assert.ok(progress.filter((p) => p.startsWith('Figures checked:')).length >= 3, 'the count moves');
  const [, read, size] = /^Reading: ([\d.]+) \/ ([\d.]+) MB$/.exec(progress.filter((p) => p.startsWith('Reading:')).at(-1));
  assert.equal(read, size, 'every byte read');
  assert.ok(Math.abs(Number(size) - statSync(large).size / 1048576) < 0.06, `${size} MB for ${statSync(large).size} bytes`);
  assert.ok(longestGap < 1000, `the page's frames went on (longest gap ${Math.round(longestGap)} ms)`);
  assert.equal(await page.locator('.tx-progress').isVisible(), false, 'the bar goes when it is done');
  assert.match(await page.getByRole('status').innerText(), /Showing the loaded data: Synthetic zone/);
  assert.doesNotMatch(await page.evaluate(() => location.search), /data=/);
  assert.deepEqual(page.problems, []);
});

test('Cancel stops the work and leaves the chart as it was', async () => {
  const page = await app.open('?lang=en');
  const before = await summary(page);
  await page.locator('input[type=file]').setInputFiles(large);
  await page.getByRole('button', { name: 'Cancel' }).waitFor();
  await page.waitForFunction(() => /^Reading: [1-9]/.test(document.querySelector('.tx-progress span')?.textContent ?? ''));
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('.tx-progress').isVisible(), false);
  assert.match(await page.getByRole('status').innerText(), /Loading cancelled; the data shown before stays\./);
  // Longer than the whole load took in the test before: nothing arrives after the cancel.
  await page.waitForTimeout(8000);
  assert.equal(await summary(page), before, 'the chart is as it was');
  assert.equal(await page.locator('[role=alert]').innerText(), '');
  // And it still works: another file after it.
  await page.locator('input[type=file]').setInputFiles(small);
  await page.waitForFunction(() => /^Synthetic zone/.test(document.querySelector('.tx-summary').textContent));
});

test('a browser that gives no more memory gets a message saying so and what to do, and the chart stays', async () => {
  // A browser whose wasm memories may not pass 256 MB: the file needs more in the worker.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--wasm-max-mem-pages=4096'],
  });
  const page = await browser.newPage();
  await page.goto(`${app.base}?lang=en`);
  await page.locator('canvas[aria-label]').waitFor();
  const before = await summary(page);
  await page.locator('input[type=file]').setInputFiles(large);
  await page.waitForFunction(() => document.querySelector('[role=alert]').textContent.length > 0, null, { timeout: 120_000 });
  assert.match(await page.getByRole('alert').innerText(), /synthetic-500000\.json: the browser gave no more memory to read this dataset \(\d+\.\d MB\): close other tabs, or split it into smaller files/);
  assert.equal(await summary(page), before);
  assert.equal(await page.locator('.tx-progress').isVisible(), false);
  await browser.close();
});

test('a file of too many figures is refused with the limit and what to do', async () => {
  const page = await app.open('?lang=en');
  const head = JSON.parse(synthetic(1, 1).replace(/,"observations":.*$/, '}'));
  const many = `${JSON.stringify(head).slice(0, -1)},"observations":[${'{},'.repeat(1_000_000)}{}]}`;
  const path = join(folder, 'too-many.json');
  writeFileSync(path, many);
  await page.locator('input[type=file]').setInputFiles(path);
  await page.waitForFunction(() => document.querySelector('[role=alert]').textContent.length > 0, null, { timeout: 60_000 });
  assert.match(await page.getByRole('alert').innerText(), /\$\.observations: too many items \(1000001, the limit is 1000000\): split the dataset into smaller ones/);
  assert.match(await summary(page), /^SEZ Technopolis Moscow/);
});

test('the element reads a file in the worker too, and so does the offline file from disk', async () => {
  const page = await app.open('fixtures/host.html', {}, null);
  // Once the full build has taken over (a file picked before is handed to it: first-chart.test.mjs).
  await page.waitForFunction(() => document.querySelector('#one').explorer);
  await page.locator('#one input[type=file]').setInputFiles(small);
  await page.waitForFunction(() => /^Синтетическая зона/.test(document.querySelector('#one').shadowRoot.querySelector('.tx-summary').textContent), null, { timeout: 60_000 });
  const offline = fileURLToPath(new URL('../../dist/technopolis-explorer.html', import.meta.url));
  const disk = await app.open(`file://${offline}?lang=en`);
  await disk.evaluate(watchLoad);
  await disk.locator('input[type=file]').setInputFiles(small);
  await disk.waitForFunction(() => /^Synthetic zone/.test(document.querySelector('.tx-summary').textContent), null, { timeout: 60_000 });
  assert.ok((await disk.evaluate(() => window.load.progress)).some((p) => p.startsWith('Figures checked:')), 'with the worker\'s progress');
  assert.deepEqual(disk.problems, []);
});
