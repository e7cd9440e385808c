// The benchmark: bytes, first paint, interaction latency, memory and scale, with Chart.js doing
// the same work in the same run. Prints a table (Markdown) on stdout. Run by scripts/bench.sh,
// which builds the release first. Timings are printed, never asserted.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { FULL_BUILD_FILES, fileBytes } from './size.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const MOVES = Number(process.env.BENCH_MOVES ?? 300);
const VIEWPORT = { width: 1000, height: 900 };
const run = mkdtempSync(join(tmpdir(), 'technopolis-bench-'));
const server = await serve(0, { '/bench/': here('../bench/'), '/chartjs/': here('../node_modules/chart.js/dist/'), '/bench-run/': run });
const base = `http://127.0.0.1:${server.address().port}/`;
const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let browser = await launch();

const ours = { url: 'index.html?lang=en', mark: 'technopolis:first-chart', canvas: '.tx-figure canvas' };
const theirs = { url: 'bench/chartjs.html', mark: 'chartjs:first-chart', canvas: '#chart' };

// The wasm instance's memory, kept by the page for the benchmark to read.
const keepMemory = () => {
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      window.wasmMemory = (result.instance ?? result).exports?.memory;
      return result;
    };
  }
};

async function open(target, dpr, options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: dpr, ...options });
  const page = await context.newPage();
  await page.addInitScript(keepMemory);
  await page.goto(base + target.url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, target.mark, { timeout: 120_000 });
  return page;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, min: sorted[0], p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/**
 * Navigation to the first chart painted, over fresh contexts (nothing cached). Our loads and
 * Chart.js's alternate, so that a machine busier at one moment than another weighs on both.
 */
async function firstPaints(dpr) {
  const samples = new Map([[ours, []], [theirs, []]]);
  for (let i = 0; i < LOADS; i++) {
    for (const [target, times] of samples) {
      const page = await open(target, dpr);
      times.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, target.mark));
      await page.context().close();
    }
  }
  return { paintOurs: stats(samples.get(ours)), paintTheirs: stats(samples.get(theirs)) };
}

/**
 * A click on an export in a freshly loaded page, to the full build in place (its wasm fetched and
 * compiled, the explorer rebuilt), over fresh contexts: what a reader waits the first time.
 */
async function handOver(dpr) {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await open(ours, dpr);
    samples.push(await page.evaluate(() => new Promise((resolve) => {
      const clicked = performance.now();
      new PerformanceObserver((list, observer) => {
        const mark = list.getEntriesByName('technopolis:handover')[0];
        if (!mark) return;
        observer.disconnect();
        resolve(mark.startTime - clicked);
      }).observe({ type: 'mark' });
      document.querySelector('[data-export=svg]').click();
    })));
    await page.context().close();
  }
  return stats(samples);
}

/**
 * Runs `count` interactions in the page and times each: the event's handlers, plus the work of
 * the next animation frame up to the end of its callbacks (Chart.js handles pointer events in
 * a frame callback). Waiting for the frame itself is not counted.
 */
function interact(page, kind, count, selector) {
  return page.evaluate(async ({ kind, count, selector }) => {
    const canvas = document.querySelector(selector);
    const box = canvas.getBoundingClientRect();
    const frame = () => new Promise((resolve) => requestAnimationFrame((start) => resolve([start, performance.now()])));
    const tooltip = () => window.benchChart?.tooltip.getActiveElements()[0]?.index ?? document.querySelector('[role=tooltip]:not([hidden])')?.textContent;
    const views = [...document.querySelectorAll('.tx-group')[0]?.querySelectorAll('button') ?? []];
    const sort = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'value-desc'));
    const act = {
      move(i) {
        // Down and up the chart, 9 px a step, a third of the way across.
        const steps = Math.floor(box.height / 9);
        const step = i % (2 * steps);
        const y = box.top + 4 + 9 * (step < steps ? step : 2 * steps - step - 1);
        const init = { clientX: box.left + box.width / 3, clientY: y, bubbles: true, pointerType: 'mouse', isPrimary: true, pointerId: 1 };
        canvas.dispatchEvent(new PointerEvent('pointermove', init));
        canvas.dispatchEvent(new MouseEvent('mousemove', init));
      },
      key(i) {
        canvas.focus();
        const key = Math.floor(i / 8) % 2 ? 'ArrowUp' : 'ArrowDown';
        canvas.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      },
      sort(i) {
        sort.value = ['value-desc', 'name-asc', 'value-asc', 'natural'][i % 4];
        sort.dispatchEvent(new Event('change', { bubbles: true }));
      },
      view(i) {
        views[(i + 1) % views.length].click();
      },
    }[kind];
    const samples = [];
    const seen = new Set();
    for (let i = 0; i < count; i++) {
      await frame();
      const t0 = performance.now();
      act(i);
      const t1 = performance.now();
      const [start, end] = await frame();
      samples.push(t1 - t0 + Math.max(0, end - Math.max(start, t1)));
      seen.add(tooltip());
    }
    return { samples, distinct: seen.size };
  }, { kind, count, selector });
}

const memory = (page) => page.evaluate(() => window.wasmMemory?.buffer.byteLength ?? 0);

/** Our chart's bars, for Chart.js to draw the same: labels and values of the first view. */
async function writeBars(page) {
  await page.locator('details.tx-table summary').click();
  await page.locator('.tx-table caption').waitFor();
  const bars = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('.tx-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent));
    const canvas = document.querySelector('.tx-figure canvas');
    return { rows, title: document.querySelector('.tx-figure canvas').getAttribute('aria-label').split('.')[0], w: canvas.clientWidth, h: canvas.clientHeight };
  });
  // Columns: id, what it is about, measure, figure ("more than 3,400 people"), ...
  const value = (figure) => Number(/\d[\d,]*(\.\d+)?/.exec(figure)?.[0].replaceAll(',', '') ?? NaN);
  const kept = bars.rows.map((cells) => [cells[1], value(cells[3])]).filter(([, v]) => Number.isFinite(v));
  writeFileSync(join(run, 'bars.json'), JSON.stringify({ title: bars.title, labels: kept.map(([l]) => l), values: kept.map(([, v]) => v) }));
  return { w: bars.w, h: bars.h, count: kept.length };
}

const results = { dpr: {} };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

// Bytes.
const ourFiles = fileBytes();
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
const offline = readFileSync(here('../dist/technopolis-explorer.html'));
const chartjsFiles = ['../bench/chartjs.html', '../bench/chartjs.css', '../bench/chartjs.js', '../node_modules/chart.js/dist/chart.umd.min.js'].map((f) => {
  const body = readFileSync(here(f));
  return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
});

for (const dpr of [1, 2]) {
  const first = await open(ours, dpr);
  const size = await writeBars(first);
  const loaded = await memory(first);
  theirs.url = `bench/chartjs.html?w=${size.w}&h=${size.h}`;
  const chartjs = await open(theirs, dpr);
  const r = { size };
  r.moveOurs = await interact(first, 'move', MOVES, ours.canvas);
  r.moveTheirs = await interact(chartjs, 'move', MOVES, theirs.canvas);
  r.key = await interact(first, 'key', MOVES, ours.canvas);
  r.sort = await interact(first, 'sort', 300, ours.canvas);
  r.view = await interact(first, 'view', 100, ours.canvas);
  r.memory = { loaded, after1000: await memory(first) };
  for (const kind of ['move', 'key', 'sort', 'view']) await interact(first, kind, 250, ours.canvas);
  r.memory.after2000 = await memory(first);
  await first.context().close();
  await chartjs.context().close();
  Object.assign(r, await firstPaints(dpr));
  r.handOver = await handOver(dpr);
  results.dpr[dpr] = r;
}

// Scale: synthetic datasets through the public API, each phase timed by the explorer. In a fresh
// browser: after the hundred-odd page loads above, the same parse of 10^5 observations measured
// up to 50% slower (337 against 219 ms), which is the browser's state, not the explorer's.
await browser.close();
browser = await launch();
const scalePage = await browser.newPage({ viewport: VIEWPORT });
await scalePage.goto(`${base}bench/scale.html`);
await scalePage.waitForFunction(() => window.scaleReady, null, { timeout: 60_000 });
const scale = [];
// Each case three times (the median of each phase), but 10^6 once: it takes seconds.
for (const [observations, sites] of [[1e3, 100], [1e4, 100], [1e5, 100], [1e6, 100], [10, 10], [100, 100], [1000, 1000], [1e4, 1e4]]) {
  const runs = [];
  for (let i = 0; i < (observations < 1e6 ? 3 : 1); i++) runs.push(await scalePage.evaluate(([o, s]) => window.runScale(o, s), [observations, sites]));
  const median = (phase) => stats(runs.map((r) => r.timings[phase])).p50;
  const timings = Object.fromEntries(['parse', 'query', 'layout', 'draw', 'call'].map((phase) => [phase, median(phase)]));
  scale.push({ observations, sites, runs: runs.length, bytes: runs[0].bytes, problems: runs[0].problems, timings });
}
await browser.close();
server.close();

// The table.
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
const ourTotal = sum(ourFiles);
const theirTotal = sum(chartjsFiles);
lines.push(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Chromium headless (--disable-gpu); ${new Date().toISOString().slice(0, 10)}.`, '');
lines.push('### Bytes', '');
row('What', 'raw', 'gzip -9', 'Chart.js raw', 'Chart.js gzip', 'gzip ratio');
row('---', '---:', '---:', '---:', '---:', '---:');
row('first chart (HTML, JS, wasm, CSS, data)', ourTotal.raw, ourTotal.gzip, theirTotal.raw, theirTotal.gzip, ratio(ourTotal.gzip, theirTotal.gzip));
for (const f of ourFiles) row(`  ${f.file}`, f.raw, f.gzip, '', '', '');
const full = sum(fileBytes(FULL_BUILD_FILES));
row('full build, fetched on the first tool use (JS, wasm)', full.raw, full.gzip, '', '', '');
row('offline file (everything, one HTML)', offline.length, gzipSync(offline, { level: 9 }).length, '', '', '');
lines.push('', 'Chart.js: chart.umd.min.js (the full build) and a page that draws the same bars; its data (the bars) is a few hundred bytes on top.', '');
for (const [dpr, r] of Object.entries(results.dpr)) {
  lines.push(`### devicePixelRatio ${dpr} (canvas ${r.size.w}×${r.size.h} CSS px, ${r.size.count} bars)`, '');
  row('Measure (ms)', 'ours p50', 'ours p95', 'Chart.js p50', 'Chart.js p95', 'p95 ratio');
  row('---', '---:', '---:', '---:', '---:', '---:');
  const both = (name, a, b) => row(name, ms(a.p50), ms(a.p95), b ? ms(b.p50) : '–', b ? ms(b.p95) : '–', b ? ratio(a.p95, b.p95) : '–');
  lines.push(`| first chart painted, ${r.paintOurs.n} loads (p50; max in the p95 column) | ${ms(r.paintOurs.p50)} | ${ms(r.paintOurs.max)} (min ${ms(r.paintOurs.min)}) | ${ms(r.paintTheirs.p50)} | ${ms(r.paintTheirs.max)} (min ${ms(r.paintTheirs.min)}) | ${ratio(r.paintOurs.p50, r.paintTheirs.p50)} (p50) |`);
  both(`pointer move → tooltip and highlight (${r.moveOurs.samples.length} moves; ${r.moveOurs.distinct} / ${r.moveTheirs.distinct} distinct tooltips)`, stats(r.moveOurs.samples), stats(r.moveTheirs.samples));
  both(`key press → next figure (${r.key.samples.length})`, stats(r.key.samples));
  both(`sort (${r.sort.samples.length})`, stats(r.sort.samples));
  both(`view switch (${r.view.samples.length})`, stats(r.view.samples));
  both(`first tool use: export click → full build in place, ${r.handOver.n} loads`, r.handOver);
  lines.push('', `wasm memory: ${kb(r.memory.loaded)} KB after load, ${kb(r.memory.after1000)} KB after 1,000 interactions, ${kb(r.memory.after2000)} KB after 2,000.`, '');
}
lines.push('### Scale (synthetic datasets, sites view, by value; ms as timed by the explorer, median of the runs; the whole call also copies the text into the wasm)', '');
row('observations', 'sites (rows)', 'runs', 'JSON bytes', 'parse + validate', 'query', 'layout', 'draw', 'whole loadText call', 'problems');
row('---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---');
for (const s of scale) {
  const t = s.timings;
  row(s.observations, s.sites, s.runs, s.bytes, ms(t.parse), ms(t.query), ms(t.layout), ms(t.draw), ms(t.call), s.problems.length ? s.problems.join('; ') : 'none');
}
console.log(lines.join('\n'));
