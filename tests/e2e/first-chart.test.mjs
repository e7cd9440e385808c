// The explorer page starts with the first-chart build and hands over to the full build, in
// place and from the same state, when a reader asks for their own data or an export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { address, dropFile, start, sweep, tableText } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

const FULL_WASM = '/pkg/technopolis_explorer_bg.wasm';
const FIRST_WASM = '/pkg-first/technopolis_explorer_bg.wasm';
const fetched = (page, path) => page.requests.some((url) => new URL(url).pathname === path);
const OTHER_ZONE = readFileSync(new URL('../fixtures/other-zone.json', import.meta.url), 'utf8');

test('the first chart and everything in its views come from the first-chart build alone', async () => {
  const page = await app.open('?view=sectors&lang=en&sort=value-desc');
  assert.ok(fetched(page, FIRST_WASM));
  assert.ok((await sweep(page, 120)).length >= 3, 'hover shows tooltips');
  for (const view of ['By site', 'Companies', 'Over time', '2030 plan']) {
    await page.getByRole('button', { name: view }).click();
    assert.ok((await page.locator('canvas').getAttribute('aria-label')).length > 20, view);
  }
  await page.keyboard.press('Tab');
  assert.equal(fetched(page, FULL_WASM), false, 'the full build is not downloaded');
  assert.deepEqual(page.problems, []);
});

test('an export hands over to the full build in place: same state, open panels, focus on the same button, one explorer', async () => {
  const page = await app.open('?view=sectors&lang=en&sort=value-desc');
  const label = await page.locator('canvas').getAttribute('aria-label');
  await page.locator('details.tx-table > summary').click();
  await page.getByRole('button', { name: 'Embed' }).click();
  const search = new URL(await address(page)).search;
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  assert.match(file.suggestedFilename(), /^technopolis-sectors-en-\d{4}-\d\d-\d\d\.csv$/);
  const rows = readFileSync(await file.path()).toString().replace(/^\uFEFF/, '').trim().split('\n');
  assert.match(rows[0], /^id,covers,measure,unit,qualifier,value/);
  assert.ok(fetched(page, FULL_WASM));
  assert.equal(await page.locator('canvas').count(), 1);
  assert.equal(await page.locator('canvas').getAttribute('aria-label'), label);
  assert.equal(new URL(await address(page)).search, search);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.export), 'csv');
  assert.equal(await page.locator('[role=status]').textContent(), '', 'no "loading" left behind');
  assert.ok(await page.locator('details.tx-table').evaluate((d) => d.open), 'the data table stays open');
  assert.ok(await page.locator('.tx-embed').isVisible(), 'so do the embed snippets');
  assert.match(await page.locator('.tx-embed textarea').first().inputValue(), /<technopolis-chart view="sectors"/);
  const figures = (await tableText(page)).split('\n').filter((line) => /^f\d+\t/.test(line));
  assert.deepEqual(rows.slice(1).map((r) => r.split(',')[0]), figures.map((f) => f.split('\t')[0]), 'the figures of the view');
  assert.deepEqual(page.problems, []);
});

test('"Your own data" opens at once and stays open with the focus on it; a paste and a dropped file reach the full build', async () => {
  const page = await app.open('?view=sites&lang=en');
  await page.getByText('Your own data: JSON or CSV').click();
  assert.ok(await page.locator('.tx-data').evaluate((d) => d.open));
  await page.waitForFunction(() => performance.getEntriesByName('technopolis:handover').length > 0);
  assert.ok(await page.locator('.tx-data').evaluate((d) => d.open));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Your own data: JSON or CSV');
  assert.equal(await page.locator('.tx-data').count(), 1);
  // Text pasted and shown while the full build is still on its way is carried over to it.
  const pasted = await app.open('?view=sites&lang=en');
  await pasted.route(`**${FULL_WASM}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return route.continue();
  });
  await pasted.getByText('Your own data: JSON or CSV').click();
  await pasted.getByLabel('Or paste JSON or CSV text').fill(OTHER_ZONE);
  await pasted.getByRole('button', { name: 'Check and show' }).click();
  assert.equal(fetched(pasted, '/pkg/technopolis_explorer.js'), true);
  assert.equal(await pasted.locator('[role=status]').textContent(), 'Loading the tools…', 'typed into the first-chart build');
  await pasted.waitForFunction(() => /Test zone/.test(document.querySelector('.tx-summary').textContent));
  assert.equal(await pasted.locator('.tx-paste textarea').inputValue(), OTHER_ZONE);
  const dropped = await app.open('?view=sites&lang=en');
  await dropFile(dropped, OTHER_ZONE, 'other-zone.json');
  await dropped.waitForFunction(() => /Test zone/.test(document.querySelector('.tx-summary').textContent));
  assert.ok(fetched(dropped, FULL_WASM));
  assert.deepEqual([...page.problems, ...pasted.problems, ...dropped.problems], []);
});

test('if the full build cannot be loaded, the first chart says so, stays usable, and tries again', async () => {
  const page = await app.open('?view=sites&lang=en');
  let refused = 0;
  await page.route(`**${FULL_WASM}`, async (route) => {
    if (refused++ === 0) return route.abort();
    // Slow enough the second time to see what the reader is told meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return route.continue();
  });
  await page.getByRole('button', { name: 'SVG' }).click();
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[role=alert]').textContent));
  assert.equal(await page.locator('[role=status]').textContent(), '');
  assert.ok((await sweep(page)).length >= 3, 'the chart still answers the pointer');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG' }).click();
  assert.equal(await page.locator('[role=status]').textContent(), 'Loading the tools…');
  assert.match(readFileSync(await (await downloaded).path(), 'utf8'), /^<svg /);
  assert.equal(refused, 2);
});

test('a dataset address starts the full build at once', async () => {
  for (const param of ['data', 'src']) {
    const page = await app.open(`?view=sites&lang=en&${param}=/fixtures/other-zone.json`);
    await page.waitForFunction(() => /Test zone/.test(document.querySelector('.tx-summary').textContent));
    assert.ok(fetched(page, FULL_WASM));
    assert.deepEqual(page.problems, []);
  }
});
