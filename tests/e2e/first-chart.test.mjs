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

/** A host page whose full build is held back until `release()` (or answered by `serve`),
 *  recording what reached it and when its scripts asked for what (`window.asked`). */
async function heldHost(serve = null) {
  const page = await app.open('fixtures/host.html', {}, null);
  await page.close();
  const context = page.context();
  const held = await context.newPage();
  held.problems = [];
  held.requests = [];
  held.on('pageerror', (e) => held.problems.push(e.message));
  held.on('console', (m) => m.type() === 'error' && held.problems.push(m.text()));
  held.on('request', (r) => held.requests.push(r.url()));
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await held.route(`**${FULL_WASM}`, serve ?? (async (route) => {
    await released;
    return route.continue();
  }));
  await held.addInitScript(() => {
    window.asked = [];
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      const live = [...document.querySelectorAll('technopolis-chart')].filter((chart) => chart.shadowRoot?.querySelector('canvas'));
      window.asked.push([String(input instanceof Request ? input.url : input), performance.now(), live.length]);
      return fetch.call(this, input, init);
    };
    window.heard = [];
    for (const name of ['ready', 'statechange']) {
      document.addEventListener(name, (event) => window.heard.push([name, event.target.id, JSON.stringify(event.detail)]), true);
    }
  });
  await held.goto(`${app.base}fixtures/host.html`);
  held.release = release;
  return held;
}

/** Where the pointer, moved down the chart in `scope`, first shows a tooltip (the mouse stays there). */
async function onMark(page, scope) {
  const box = await page.locator(`${scope} canvas`).boundingBox();
  for (let y = 4; y < box.height; y += 6) {
    await page.mouse.move(box.x + 60, box.y + y);
    if (await page.locator(`${scope} [role=tooltip]`).isVisible()) return [box.x + 60, box.y + y];
  }
  throw new Error(`no tooltip in ${scope}`);
}

const ready = (page, id) => page.waitForFunction((id) => document.getElementById(id).explorer !== null, id);

test('the element starts as the page does: the live chart from the first-chart build, then the full build takes over and says ready', async () => {
  const page = await heldHost();
  const live = page.locator('#one canvas[aria-label]');
  await live.waitFor();
  assert.ok(fetched(page, FIRST_WASM));
  // The first wasm is asked for beside its glue; the full build's once the first has come,
  // while that build starts.
  const [[, askedAt, liveCharts], firstWasm, firstGlue] = await page.evaluate((paths) => [
    window.asked.find(([url]) => new URL(url).pathname === paths[0]),
    ...paths.slice(1).map((path) => performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === path).toJSON()),
  ], [FULL_WASM, FIRST_WASM, '/pkg-first/technopolis_explorer.js']);
  assert.ok(firstWasm.startTime <= firstGlue.startTime, `the first wasm asked at ${firstWasm.startTime} ms, its glue at ${firstGlue.startTime} ms`);
  assert.equal(liveCharts, 0, 'the full wasm is asked for before a live chart is drawn');
  assert.ok(askedAt >= firstWasm.responseEnd, `not beside the first wasm: asked at ${askedAt} ms, the first came at ${firstWasm.responseEnd} ms`);
  assert.equal(await page.evaluate(() => document.getElementById('one').explorer), null, 'no handle before the full build');
  // What the reader does meanwhile goes over to the full build: a view, a panel, the focus.
  await page.locator('#one').getByRole('button', { name: 'План 2030' }).click();
  await page.locator('#one details.tx-table > summary').click();
  const label = await live.getAttribute('aria-label');
  assert.match(label, /по плану/);
  await onMark(page, '#one');
  const shown = await page.locator('#one [role=tooltip]').innerText();
  assert.match(shown, /\d/);
  assert.deepEqual(await page.evaluate(() => window.heard), [], 'the host hears nothing before ready');
  page.release();
  await ready(page, 'one');
  await ready(page, 'two');
  assert.ok(fetched(page, FULL_WASM));
  assert.equal(await page.locator('#one canvas').count(), 1);
  assert.equal(await page.locator('#one canvas').getAttribute('aria-label'), label);
  assert.ok(await page.locator('#one details.tx-table').evaluate((d) => d.open), 'the data table stays open');
  assert.equal(await page.locator('#one [role=tooltip]').innerText(), shown, 'the tooltip stays');
  const heard = await page.evaluate(() => window.heard);
  assert.deepEqual(heard.find(([name, id]) => name === 'ready' && id === 'one'), ['ready', 'one', JSON.stringify({ view: 'plan', lang: 'ru' })]);
  assert.deepEqual(heard.filter(([name]) => name === 'statechange'), []);
  assert.match(await page.evaluate(() => document.getElementById('one').explorer.exportCsv()), /^\uFEFF?id,covers/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a tool asked for in the element before the full build has come is done by it; mount() starts light too', async () => {
  const page = await heldHost();
  await page.locator('#two canvas[aria-label]').waitFor();
  const downloaded = page.waitForEvent('download');
  await page.locator('#two').getByRole('button', { name: 'SVG' }).click();
  assert.equal(await page.locator('#two [role=status]').textContent(), 'Loading the tools…');
  const mounted = page.evaluate(() => window.mountChart({ view: 'timeline', lang: 'en', period: 2025 }).then((explorer) => explorer.state()));
  await page.locator('#api canvas[aria-label]').waitFor();
  assert.match(await page.locator('#api canvas').getAttribute('aria-label'), /over time/);
  page.release();
  assert.match(readFileSync(await (await downloaded).path(), 'utf8'), /^<svg /);
  assert.deepEqual(await mounted, { view: 'timeline', lang: 'en', period: '2025' });
  assert.equal(await page.locator('#api canvas').count(), 1);
  // Options the full build refuses: mount() rejects and leaves the element empty, as before.
  const refused = await page.evaluate(async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const { mount } = await import('/technopolis-chart.js');
    return mount(element, { view: 'pie' }).then(() => 'mounted', (error) => `${error.name} ${element.childElementCount}`);
  });
  assert.equal(refused, 'RangeError 0');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("if the element's full build cannot be loaded, its live chart stays and says so, and its next tool tries again", async () => {
  let attempts = 0;
  const page = await heldHost((route) => (++attempts === 1 ? route.abort() : route.continue()));
  const alert = page.locator('#one [role=alert]');
  await alert.filter({ hasText: 'The tools could not be loaded' }).waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('one').explorer), null, 'no handle');
  await onMark(page, '#one');
  assert.match(await page.locator('#one [role=tooltip]').innerText(), /\d/, 'the live chart still answers');
  const downloaded = page.waitForEvent('download');
  await page.locator('#one').getByRole('button', { name: 'SVG' }).click();
  assert.match(readFileSync(await (await downloaded).path(), 'utf8'), /^<svg /);
  await ready(page, 'one');
  assert.equal(attempts, 2, 'asked again, not answered from the failed attempt');
  assert.equal(await page.locator('#one canvas').count(), 1);
  await page.context().close();
});
