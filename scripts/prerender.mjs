// Puts the prerendered first paint into the pages (docs/ARCHITECTURE.md, "First paint").
// Usage: node scripts/prerender.mjs CHARTS_DIR   (the folder `prerender` drew the charts into)
//
// For each snapshot (view × language × theme choice) it opens the explorer page in Chromium and
// reads off the explorer's elements as the live explorer built them, with their state (the
// option chosen, the box ticked), and the tooltip of each mark; the canvas becomes the charts
// `prerender` drew natively with their marks' highlights, one per figure width, of which the
// stylesheet shows the one that fits, in the theme resolved. The tooltips go in a <template>, for
// www/snapshot-pointer.js to show before the wasm has come. Each is written to
// www/snapshots/{key}.html, which only a script ever puts in a page; the default one also into
// index.html and embed.html, inline, with the stylesheet, the first script and the data table in
// a <noscript>, for readers without JavaScript.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { CHOICES, INLINE_SNAPSHOT, LOADING } from '../www/snapshot-key.js';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const charts = process.argv[2];
/** The pages written from www/pages/page.html: the explorer's own, and the iframe's, which
 *  also tells its host its height. */
const PAGES = {
  'index.html': { scripts: '', body: '' },
  'embed.html': { scripts: '\n  <script src="embed-height.js" defer></script>', body: ' class="tx-embedded"' },
};
const MARKER = '<!-- prerendered -->';
const HEAD_MARKER = '<!-- inline style and first paint -->';

/** Each view's snapshots in each language: `sites-ru` -> [[width, html], …], narrowest first. */
function drawnCharts() {
  const drawn = new Map();
  for (const file of readdirSync(charts).filter((f) => f.endsWith('.html'))) {
    const [, viewLang, width] = file.match(/^(.+)-(\d+)\.html$/);
    if (!drawn.has(viewLang)) drawn.set(viewLang, []);
    drawn.get(viewLang).push([Number(width), readFileSync(`${charts}/${file}`, 'utf8').trim()]);
  }
  for (const widths of drawn.values()) widths.sort(([a], [b]) => a - b);
  return drawn;
}

/** The loading state a page shows for a state with no snapshot, in both languages. */
const loading = () => `<p class="tx-loading" role="status">${Object.entries(LOADING)
  .flatMap(([what, texts]) => Object.entries(texts).map(([lang, text]) => `<span data-for="${what}" lang="${lang}">${text}</span>`))
  .join('')}</p>`;

/** The stylesheet and the first script, inline in the pages' <head>, and the page policy that
 *  allows exactly these two by their hashes (www/csp.json, which scripts/serve.mjs sends). */
function inlineHead() {
  const style = readFileSync(`${www}style.min.css`, 'utf8').trim();
  const script = readFileSync(`${www}first-paint.min.js`, 'utf8').trim();
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const page = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(script)}; style-src 'self' ${hash(style)}`;
  writeFileSync(`${www}csp.json`, `${JSON.stringify({ page }, null, 2)}\n`);
  return `<style>${style}</style>\n  <script>${script}</script>`;
}

/** Writes the pages from www/pages/page.html with `inline` in the explorer's element. */
function writePages(inline, title) {
  const head = inlineHead();
  const template = readFileSync(`${www}pages/page.html`, 'utf8');
  for (const [page, { scripts, body }] of Object.entries(PAGES)) {
    let html = template.replace('{{scripts}}', scripts).replace('{{body}}', body).replace(MARKER, inline).replace(HEAD_MARKER, head);
    if (title) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`);
    writeFileSync(www + page, html);
  }
}

/** Reads the live explorer's elements off the page, with their state as attributes. */
function readExplorer() {
  const root = document.getElementById('explorer');
  const copy = root.cloneNode(true);
  const pairs = (selector) => [root, copy].map((r) => [...r.querySelectorAll(selector)]).reduce((live, copied) => live.map((l, i) => [l, copied[i]]));
  for (const [live, copied] of pairs('select')) [...copied.options].forEach((o, i) => o.toggleAttribute('selected', i === live.selectedIndex));
  for (const [live, copied] of pairs('input[type=checkbox]')) copied.toggleAttribute('checked', live.checked);
  // Text areas stay empty: the hidden embed snippets would name this build's own server, and the
  // live explorer fills them.
  const table = root.querySelector('details.tx-table table').outerHTML;
  const tableBox = copy.querySelector('details.tx-table');
  tableBox.removeAttribute('open');
  tableBox.querySelector('table').replaceChildren();
  // The controls do nothing until the live explorer takes over.
  copy.querySelector('.tx-controls').inert = true;
  const canvas = copy.querySelector('canvas');
  const snapshot = document.createElement('div');
  snapshot.className = 'tx-snapshot';
  for (const name of canvas.getAttributeNames().filter((n) => n === 'role' || n.startsWith('aria-'))) snapshot.setAttribute(name, canvas.getAttribute(name));
  snapshot.append(document.createComment('charts'));
  canvas.replaceWith(snapshot);
  const id = root.querySelector('[role=tooltip]').id.replace(/-tooltip$/, '');
  return { id, html: copy.innerHTML, lang: root.lang, title: document.title, table };
}

/** The tooltip of each of the live chart's `count` marks, in the scene's order (the order the
 *  arrow keys go through them), as the live explorer writes it. */
async function readTips(page, count) {
  const tooltip = page.locator('[role=tooltip]');
  const tips = [];
  await page.locator('canvas').focus();
  for (let mark = 0; mark < count; mark++) {
    await page.keyboard.press(mark === 0 ? 'Home' : 'ArrowDown');
    tips.push(await tooltip.innerHTML());
  }
  await page.keyboard.press('End');
  if (count && (tips.at(-1) !== (await tooltip.innerHTML()) || tips.at(-1) === tips.at(-2))) {
    throw new Error(`prerender: the live chart of ${page.url()} has other marks than its ${count} prerendered ones`);
  }
  return tips;
}

/** How many marks a view's snapshots have. */
const markCount = (drawn, key) => (drawn.get(viewLang(key))?.[0]?.[1].match(/class="tx-lit"/g) ?? []).length;
const viewLang = (key) => key.split('-').slice(0, 2).join('-');

async function readAll(base, drawn) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: 'light' });
  page.on('pageerror', (e) => console.error(`prerender: ${e.message}`));
  const read = new Map();
  for (const view of CHOICES.view) {
    for (const lang of CHOICES.lang) {
      for (const theme of CHOICES.theme) {
        await page.goto(`${base}index.html?view=${view}&lang=${lang}${theme === 'auto' ? '' : `&theme=${theme}`}`);
        await page.locator('canvas[aria-label]').waitFor();
        await page.locator('details.tx-table summary').click();
        await page.locator('details.tx-table table tr').first().waitFor();
        const key = `${view}-${lang}-${theme}`;
        const { id, html, ...explorer } = await page.evaluate(readExplorer);
        // The live explorer's ids are random, to keep a page's explorers apart; a snapshot's are
        // named by its state, so that the same sources build the same files (and asset folder).
        // Only the elements carry them, not the data table or the tooltips.
        const named = html.replaceAll(id, `tx-${key}`);
        read.set(key, { ...explorer, html: named, tips: await readTips(page, markCount(drawn, key)) });
      }
    }
  }
  await browser.close();
  return read;
}

const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

/** A snapshot's HTML; `inPage` adds the data table for readers without JavaScript, which a
 *  snapshot put in by a script would carry for nothing. */
function snapshotHtml(key, { html, lang, title, table, tips }, drawn, inPage = false) {
  const charts = (drawn.get(viewLang(key)) ?? []).map(([, snap]) => snap).join('');
  const tooltips = `<template class="tx-tips">${tips.map((tip) => `<div>${tip}</div>`).join('')}</template>`;
  const noscript = inPage ? `<noscript><div class="tx-table">${table}</div></noscript>` : '';
  return `<div class="tx-prerendered" data-snapshot="${key}" data-title="${escape(title)}" lang="${lang}">${html.replace('<!--charts-->', charts)}${tooltips}${noscript}</div>`;
}

const drawn = drawnCharts();
writePages(loading());
const server = await serve(0);
let read;
try {
  read = await readAll(`http://127.0.0.1:${server.address().port}/`, drawn);
} finally {
  server.close();
}
mkdirSync(`${www}snapshots`, { recursive: true });
for (const [key, explorer] of read) writeFileSync(`${www}snapshots/${key}.html`, snapshotHtml(key, explorer, drawn));
writePages(loading() + snapshotHtml(INLINE_SNAPSHOT, read.get(INLINE_SNAPSHOT), drawn, true), read.get(INLINE_SNAPSHOT).title);
console.log(`prerendered ${read.size} snapshots into www/snapshots/ and the default one into ${Object.keys(PAGES).join(', ')}`);
