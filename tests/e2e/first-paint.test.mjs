// The prerendered first paint: what a reader sees before the wasm has arrived, and how the live
// chart takes its place. The wasm is held back until the test lets it through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { audit, start } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

/** Records, for every frame drawn, which snapshot is visible (key and background colour) and
 *  how many elements it has then, how many frames came while the page was still being read, and
 *  the layout shifts with what moved, from the very first frame. */
function watchFrames() {
  window.framesSeen = new Set();
  window.snapshotSizes = new Set();
  window.framesWhileReading = 0;
  window.layoutShift = 0;
  window.moved = [];
  const named = (node) => (node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement)?.getAttribute('class') ?? String(node?.nodeName);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.layoutShift += entry.value;
      window.moved.push(...entry.sources.map((source) => named(source.node)));
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const visible = (element) => element.checkVisibility();
  const frame = () => {
    if (document.readyState === 'loading') window.framesWhileReading++;
    for (const snap of document.querySelectorAll('.tx-snap')) {
      if (!visible(snap)) continue;
      window.framesSeen.add(`${snap.closest('.tx-prerendered').dataset.snapshot}/${getComputedStyle(snap.querySelector('rect')).fill}`);
      window.snapshotSizes.add(snap.getElementsByTagName('*').length);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The layout shifts since the page began, and what moved: none, for a page that keeps still. */
const shifts = (page) => page.evaluate(() => ({ total: window.layoutShift, moved: window.moved }));
const NO_SHIFT = { total: 0, moved: [] };

/** A page whose wasm waits until `release()` is called. */
async function held(path, options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.addInitScript(watchFrames);
  let release;
  const wasm = new Promise((done) => { release = done; });
  await page.route('**/*.wasm', async (route) => { await wasm; await route.continue(); });
  await page.goto(app.base + path);
  page.release = async () => {
    release();
    await page.locator('canvas[aria-label]').first().waitFor();
    await page.evaluate(() => new Promise(requestAnimationFrame));
  };
  return page;
}

/** The visible snapshot: its key, width, background, box, accessible name and the figure's words. */
const shownSnapshot = (page) => page.evaluate(() => {
  const snap = [...document.querySelectorAll('.tx-snap')].find((s) => s.checkVisibility());
  if (!snap) return null;
  const image = snap.closest('[role=img]');
  return {
    key: snap.closest('.tx-prerendered').dataset.snapshot,
    width: Number(snap.dataset.width),
    background: getComputedStyle(snap.querySelector('rect')).fill,
    box: snap.querySelector('svg').getBoundingClientRect().toJSON(),
    name: image.getAttribute('aria-label'),
    summary: snap.closest('figure').querySelector('figcaption').textContent,
  };
});

const liveChart = (page) => page.evaluate(() => {
  const canvas = document.querySelector('canvas');
  return { box: canvas.getBoundingClientRect().toJSON(), name: canvas.getAttribute('aria-label'), summary: canvas.closest('figure').querySelector('figcaption').textContent };
});

/** The share of pixels of two same-sized screenshots that differ by more than a little,
 *  decoded by the browser. */
async function differing(page, a, b) {
  // A blank page: the explorer's Content-Security-Policy refuses data: addresses.
  const blank = await page.context().newPage();
  return blank.evaluate(async (images) => {
    const [x, y] = await Promise.all(images.map(async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    }));
    // Canvas and SVG text may round a glyph's edge to the next pixel: a pixel has changed when
    // no pixel of the other image within one pixel of it is close to it.
    const close = (i, j) => [0, 1, 2].every((c) => Math.abs(x.data[i + c] - y.data[j + c]) <= 48);
    let count = 0;
    for (let row = 1; row < x.height - 1; row++) {
      for (let column = 1; column < x.width - 1; column++) {
        const i = (row * x.width + column) * 4;
        const near = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => i + (dy * x.width + dx) * 4));
        if (!near.some((j) => close(i, j))) count++;
      }
    }
    return count / (x.width * x.height);
  }, [a.toString('base64'), b.toString('base64')]);
}

test('the default page shows its chart before the wasm, and the live chart takes its place with nothing moving', async (t) => {
  const page = await held('');
  const first = await shownSnapshot(page);
  assert.equal(first.key, 'sites-ru-auto');
  assert.equal(first.background, 'rgb(255, 255, 255)');
  assert.equal(first.width, 976, 'the snapshot drawn for a 1000 px window');
  assert.match(first.name, /^Численность работающих — по площадкам\./);
  assert.match(first.summary, /18\u00a0600/);
  assert.equal(await page.locator('canvas').count(), 0, 'no live chart yet');
  const before = await page.screenshot({ clip: { x: 0, y: 0, width: 1000, height: 900 } });
  await page.release();
  const live = await liveChart(page);
  assert.deepEqual(live.box, first.box, 'the same size and place');
  assert.equal(live.name, first.name);
  assert.equal(live.summary, first.summary);
  const after = await page.screenshot({ clip: { x: 0, y: 0, width: 1000, height: 900 } });
  const changed = await differing(page, before, after);
  t.diagnostic(`${(changed * 100).toFixed(3)}% of the window's pixels changed when the live chart came`);
  assert.ok(changed < 0.004, `${(changed * 100).toFixed(2)}% of the pixels changed`);
  assert.deepEqual(await shifts(page), NO_SHIFT, 'CLS');
  assert.deepEqual([...(await page.evaluate(() => [...window.framesSeen]))], ['sites-ru-auto/rgb(255, 255, 255)']);
  assert.equal(await page.title(), 'Рабочие места в ОЭЗ «Технополис Москва» — По площадкам');
  assert.deepEqual(page.problems, []);
});

/** A server in front of the explorer's that sends its pages as a slow line does, so that the
 *  browser paints them half-read: the first `slowly` bytes (the heading and the controls) in pieces
 *  of `small` bytes, the rest in pieces of `large`, `pause` ms apart. Other files go at once. */
async function trickling({ slowly = 24 * 1024, small = 256, large = 4096, pause = 20 } = {}) {
  const hopByHop = ['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'];
  const server = createServer(async (request, response) => {
    const upstream = await fetch(new URL(request.url, app.base), { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await upstream.arrayBuffer());
    const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !hopByHop.includes(name)));
    response.writeHead(upstream.status, headers);
    const page = headers['content-type']?.startsWith('text/html');
    for (let at = 0; at < body.length;) {
      const step = !page ? body.length : at < slowly ? small : large;
      response.write(body.subarray(at, at + step));
      at += step;
      if (page) await new Promise((done) => setTimeout(done, pause));
    }
    response.end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

test('a page that arrives in pieces is never shown half-built: nothing moves while it is read, and its chart shows whole', async (t) => {
  const server = await trickling();
  // Closed even when an assertion fails, or the test's process would wait on it.
  t.after(() => server.close());
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(watchFrames);
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('canvas[aria-label]').first().waitFor();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const whole = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch('./')).text(), 'text/html');
    return served.querySelector('.tx-snap[data-width="976"]').getElementsByTagName('*').length;
  });
  const seen = await page.evaluate(() => ({ frames: window.framesWhileReading, keys: [...window.framesSeen], sizes: [...window.snapshotSizes] }));
  assert.ok(seen.frames >= 10, `${seen.frames} frames were drawn while the page was read`);
  assert.deepEqual(seen.keys, ['sites-ru-auto/rgb(255, 255, 255)'], 'the snapshot was shown');
  assert.deepEqual(await shifts(page), NO_SHIFT, 'CLS');
  assert.deepEqual(seen.sizes, [whole], 'in every frame it was shown, with all its elements');
  await context.close();
});

/** What the chart shows under the pointer at each of `points` (CSS pixels from the top left of
 *  the visible chart, the snapshot's or the live one's): the tooltip's words and box, and how many
 *  highlights are drawn on a snapshot. */
async function answers(page, points) {
  const chart = page.locator('canvas, .tx-snap:visible > svg').first();
  const box = await chart.boundingBox();
  const tooltip = page.locator('[role=tooltip]');
  const seen = [];
  for (const [x, y] of points) {
    await page.mouse.move(box.x + x, box.y + y);
    const shown = await tooltip.isVisible();
    seen.push(shown ? { at: [x, y], text: await tooltip.innerText(), box: await tooltip.boundingBox() } : { at: [x, y], text: null });
  }
  return seen;
}

/** A point on mark `index`'s bar in the visible snapshot inside `scope`, in the window's pixels. */
const onBar = (page, index, scope = '') => page.locator(`${scope} .tx-snap:visible`).evaluate((snap, index) => {
  const [x, y, , h] = snap.querySelectorAll('.tx-lit')[index].dataset.bar.split(' ').map(Number);
  const box = snap.querySelector('svg').getBoundingClientRect();
  const scale = box.width / Number(snap.dataset.width);
  return [box.left + (x + 2) * scale, box.top + (y + h / 2) * scale];
}, index);

/** Points down the chart at `x`, every `step` px. */
const down = (height, x, step = 6) => Array.from({ length: Math.floor(height / step) }, (_, i) => [x, 2 + i * step]);

test('before the wasm, the snapshot answers a pointer as the live chart does, and the live chart keeps the mark shown', async () => {
  const page = await held('');
  const { height } = await page.locator('.tx-snap:visible > svg').boundingBox();
  const points = [...down(height, 40), ...down(height, 400, 9)];
  const before = await answers(page, points);
  const tips = new Set(before.map((a) => a.text).filter(Boolean));
  assert.equal(tips.size, 8, 'every bar answers');
  assert.ok([...tips].some((text) => /почти 18\u00a0600 человек[\s\S]*CNews, 09\.09\.2025[\s\S]*f01/.test(text)), 'the figure, its source and id');
  const resting = before.find((a) => a.text?.includes('f01'));
  const chart = await page.locator('.tx-snap:visible > svg').boundingBox();
  await page.mouse.move(chart.x + resting.at[0], chart.y + resting.at[1]);
  assert.equal(await page.locator('.tx-lit.tx-on').count(), 1, 'one highlight');
  assert.ok(await page.locator('.tx-lit.tx-on').evaluate((lit) => lit.checkVisibility()), 'drawn over the chart');
  const tooltipId = await page.locator('[role=tooltip]').getAttribute('id');
  assert.match(await page.getByRole('img').first().getAttribute('aria-describedby'), new RegExp(`^${tooltipId} `), 'the image is described by its tooltip');
  await page.release();
  assert.equal(await page.locator('[role=tooltip]').isVisible(), true, 'the live chart keeps the tooltip shown');
  assert.match(await page.locator('[role=tooltip]').innerText(), /f01/);
  assert.deepEqual(await answers(page, points), before, 'the same tooltip, in the same place, at every point');
  await page.mouse.move(1, 1);
  assert.equal(await page.locator('[role=tooltip]').isVisible(), false);
  assert.deepEqual(page.problems, []);
});

test('on a time axis, where hit areas meet, the snapshot answers with the nearest point, as the live chart does', async () => {
  const page = await held('?view=timeline&lang=en');
  await page.locator('.tx-prerendered[data-snapshot="timeline-en-auto"]').waitFor();
  // Each point's centre, and the places between two points whose hit areas overlap.
  const points = await page.locator('.tx-snap:visible').evaluate((snap) => {
    const marks = [...snap.querySelectorAll('.tx-lit')].map((lit) => {
      const [band, bar] = ['band', 'bar'].map((name) => lit.dataset[name].split(' ').map(Number));
      return { band, centre: [bar[0] + bar[2] / 2, bar[1] + bar[3] / 2] };
    });
    const overlap = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    const found = marks.map((m) => m.centre);
    marks.forEach((a, i) => marks.slice(i + 1).filter((b) => overlap(a.band, b.band)).forEach((b) => {
      for (const t of [0.35, 0.5, 0.65]) found.push([0, 1].map((k) => Math.round(a.centre[k] + (b.centre[k] - a.centre[k]) * t)));
    }));
    return found;
  });
  assert.ok(points.length > 20, `${points.length} points`);
  const before = await answers(page, points);
  assert.ok(before.every((a) => a.text), 'every point answers');
  await page.release();
  const after = await answers(page, points);
  assert.deepEqual(after.map((a) => a.text), before.map((a) => a.text));
});

test('on a phone, a tap on the snapshot shows the tooltip the live chart shows for that tap', async () => {
  const page = await held('?lang=en', { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
  await page.locator('.tx-prerendered[data-snapshot="sites-en-auto"]').waitFor();
  const tapped = await onBar(page, 3);
  await page.touchscreen.tap(...tapped);
  const tooltip = page.locator('[role=tooltip]');
  assert.equal(await tooltip.isVisible(), true);
  const shown = { text: await tooltip.innerText(), box: await tooltip.boundingBox() };
  await page.touchscreen.tap(5, 5);
  assert.equal(await tooltip.isVisible(), false, 'a tap elsewhere hides it');
  await page.release();
  await page.touchscreen.tap(...tapped);
  assert.deepEqual({ text: await tooltip.innerText(), box: await tooltip.boundingBox() }, shown);
});

test('another view, language and theme show their own snapshot, fetched beside the wasm, never the default one', async () => {
  const page = await held('?view=timeline&lang=en&theme=dark');
  await page.locator('.tx-prerendered[data-snapshot="timeline-en-dark"]').waitFor();
  const first = await shownSnapshot(page);
  assert.deepEqual([first.key, first.background], ['timeline-en-dark', 'rgb(22, 22, 22)']);
  assert.match(first.name, /over time/i);
  assert.equal(await page.title(), 'Jobs in the SEZ Technopolis Moscow — Over time');
  await page.release();
  assert.deepEqual((await liveChart(page)).box, first.box);
  assert.deepEqual([...(await page.evaluate(() => [...window.framesSeen]))], ['timeline-en-dark/rgb(22, 22, 22)']);
  assert.deepEqual(await shifts(page), NO_SHIFT, 'CLS');
});

test('a state that is not prerendered, and own data, show a labelled loading state and no chart until the live one', async () => {
  for (const [path, words] of [['?sort=value-desc', 'Загружаем график…'], ['?lang=en&select=site:rudnevo', 'Loading the chart…'], ['?lang=en&data=/fixtures/other-zone.json', 'Loading the data…']]) {
    const page = await held(path);
    await page.waitForTimeout(300);
    assert.equal(await shownSnapshot(page), null, path);
    assert.equal((await page.getByRole('status').filter({ hasText: /\S/ }).first().innerText()).trim(), words, path);
    await page.release();
    assert.deepEqual([...(await page.evaluate(() => [...window.framesSeen]))], [], `${path}: no snapshot was ever drawn`);
    await page.context().close();
  }
});

test('a phone gets the snapshot drawn for its width, and a dark system the dark one', async () => {
  const page = await held('?lang=en', { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  await page.locator('.tx-prerendered[data-snapshot="sites-en-auto"]').waitFor();
  const first = await shownSnapshot(page);
  assert.deepEqual([first.width, first.background], [388, 'rgb(22, 22, 22)']);
  await page.release();
  assert.deepEqual((await liveChart(page)).box, first.box);
  assert.deepEqual(await shifts(page), NO_SHIFT, 'CLS');
});

test('without JavaScript the page shows the default chart, its words and its data table', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(app.base);
  const image = page.getByRole('img', { name: /^Численность работающих — по площадкам/ });
  assert.ok(await image.isVisible());
  assert.ok(await page.locator('figcaption').isVisible());
  const table = page.locator('table').filter({ has: page.locator('td') });
  assert.ok(await table.isVisible());
  assert.ok((await table.locator('tr').count()) > 10);
  assert.match(await table.innerText(), /18\u00a0600/);
  assert.equal(await page.getByRole('button', { name: 'По отраслям' }).isVisible(), false, 'no controls that do nothing');
  await context.close();
});

test('the element shows its snapshot at once and its live chart in the same place', async () => {
  const page = await held('fixtures/host.html');
  // A figure width prerendered: 796 px (an 820 px element less its padding).
  await page.evaluate(() => { for (const chart of document.querySelectorAll('technopolis-chart')) chart.style.width = '820px'; });
  const two = page.locator('#two .tx-prerendered[data-snapshot="sectors-en-dark"]');
  await two.waitFor();
  const snapshotBox = await page.locator('#two .tx-snap:visible > svg').boundingBox();
  assert.equal(await page.locator('#two [aria-controls$="-embed"]').isVisible(), false, 'no embed button in a host');
  await page.mouse.move(...(await onBar(page, 0, '#one')));
  const tooltip = page.locator('#one [role=tooltip]');
  assert.equal(await tooltip.isVisible(), true, 'the snapshot answers a pointer in the element too');
  const shown = await tooltip.innerText();
  assert.match(shown, /\d/);
  await page.release();
  // Once the full build has taken over from the first-chart build, in both elements.
  await page.waitForFunction(() => ['one', 'two'].every((id) => document.getElementById(id).explorer));
  assert.deepEqual(await page.locator('#two canvas').boundingBox(), snapshotBox);
  assert.equal(await tooltip.innerText(), shown, 'and the live chart keeps it');
});

test('axe finds nothing on the prerendered page, before the wasm', async () => {
  for (const path of ['', '?view=timeline&lang=en&theme=dark']) {
    const page = await held(path, { bypassCSP: true });
    await page.locator('.tx-snap').filter({ visible: true }).waitFor();
    assert.deepEqual(await audit(page), [], path);
    await page.context().close();
  }
});
