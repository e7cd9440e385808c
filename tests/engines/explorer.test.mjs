// The explorer in every engine: one list of cases, run in Chromium, Firefox and WebKit over
// WebDriver (./harness.mjs), against the served pages under the strict policy. What the engines
// do differently is fixed in the product, not here; a case that must differ says why.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthetic } from '../../bench/synthetic.js';
import { Browser, Key, engines } from './harness.mjs';

const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const EMBEDDED = readFileSync(fileURLToPath(new URL('../../data/technopolis-moscow.json', import.meta.url)), 'utf8');
const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

const VIEWS = ['sites', 'sectors', 'companies', 'timeline', 'plan'];
const HEADING = { ru: 'Рабочие места в ОЭЗ «Технополис Москва»', en: 'Jobs in the SEZ Technopolis Moscow' };

// Run in the page: the explorer's parts, in the page or in an element's shadow root.
function part(selector, within = null) {
  const root = within ? document.querySelector(within).shadowRoot : document;
  return root.querySelector(selector);
}

/** What the page shows of its chart: the canvas's box, accessible name, and how many of its
 *  pixels are neither the background nor white (the marks and text drawn). */
function chartState(within) {
  const root = within ? document.querySelector(within).shadowRoot : document;
  const canvas = root.querySelector('.tx-figure canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < data.length; i += 16) if (Math.abs(data[i] - data[i + 1]) > 40 || data[i] < 100) inked++;
  const box = canvas.getBoundingClientRect();
  return { box: { x: box.x, y: box.y, width: box.width, height: box.height }, name: canvas.getAttribute('aria-label'), inked, backing: [canvas.width, canvas.height] };
}

/** The tooltip's words if it shows, else null. */
function tooltipText(within) {
  const root = within ? document.querySelector(within).shadowRoot : document;
  const tooltip = root.querySelector('[role=tooltip]');
  return tooltip && !tooltip.hidden ? tooltip.innerText.replace(/\s+/g, ' ') : null;
}

/** Where (x, y) of the chart's canvas is in the viewport, scrolled into it first if need be. */
function onChart(x, y, within) {
  const root = within ? document.querySelector(within).shadowRoot : document;
  const canvas = root.querySelector('.tx-figure canvas');
  let box = canvas.getBoundingClientRect();
  if (box.y + y < 4 || box.y + y > innerHeight - 4) {
    scrollBy(0, box.y + y - innerHeight / 2);
    box = canvas.getBoundingClientRect();
  }
  return [box.x + x, box.y + y];
}

/** A mouse move to (x, y) of the chart's canvas. */
async function moveOnChart(browser, x, y, within = null) {
  await browser.move(...(await browser.run(onChart, x, y, within)));
}

/** Moves the mouse down the whole chart at `x` and gives each distinct tooltip with where it
 *  showed, in the canvas's pixels. */
async function sweep(browser, within = null, x = 40) {
  const { box } = await browser.run(chartState, within);
  const seen = new Map();
  for (let y = 3; y < box.height; y += 7) {
    await moveOnChart(browser, x, y, within);
    const text = await browser.run(tooltipText, within);
    if (text && !seen.has(text)) seen.set(text, { x, y, text });
  }
  return [...seen.values()];
}

/** Keeps what the explorer offers as downloads (the Blob and the name) instead of saving it. */
function keepDownloads() {
  window.downloads = [];
  const created = URL.createObjectURL;
  const blobs = new Map();
  URL.createObjectURL = (blob) => {
    const url = created.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function keep() {
    window.downloads.push({ name: this.download, blob: blobs.get(this.href) });
  };
}

/** The last download's name and bytes (base64). */
async function lastDownload() {
  const { name, blob } = window.downloads.at(-1);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { name, base64: btoa(binary) };
}

const CASES = {
  async 'every view draws its chart in both languages'(browser) {
    for (const view of VIEWS) {
      for (const lang of ['ru', 'en']) {
        await browser.open(`index.html?view=${view}&lang=${lang}`);
        const state = await browser.run(chartState);
        assert.ok(state.name.length > 20, `${view} ${lang}: the canvas is named`);
        assert.ok(state.inked > 500, `${view} ${lang}: marks and text are drawn (${state.inked})`);
        assert.equal(await browser.run(() => document.querySelector('h1').textContent), HEADING[lang]);
        const summary = await browser.run(() => document.querySelector('.tx-summary').textContent);
        assert.ok(summary.length > 40, `${view} ${lang}: the chart is said in words`);
        assert.equal(/[а-яё]/i.test(state.name), lang === 'ru', `${view} ${lang}: named in its language: ${state.name}`);
      }
    }
  },

  async 'hovering a bar shows its exact figure, date and source'(browser) {
    await browser.open('index.html?view=sites&lang=ru');
    const tips = await sweep(browser);
    assert.ok(tips.length >= 8, `${tips.length} tooltips`);
    const combined = tips.find((t) => /почти 18\s600 человек/.test(t.text));
    assert.ok(combined, JSON.stringify(tips.map((t) => t.text)));
    assert.match(combined.text, /на 09\.09\.2025.*CNews, 09\.09\.2025.*Номер цифры: f01/);
    await browser.move(...(await browser.run(onChart, 400, 4)));
    assert.equal(await browser.run(tooltipText), null, 'a place with no figure hides it');
  },

  async 'a tap shows the tooltip, a second tap selects, a tap on empty space clears'(browser) {
    await browser.open('index.html?view=sites&lang=en');
    const [first] = (await sweep(browser)).filter((t) => /f01/.test(t.text));
    await browser.move(2, 2);
    const at = await browser.run(onChart, first.x, first.y);
    await browser.tap(...at);
    assert.match(await browser.run(tooltipText) ?? '', /f01/, 'the first tap shows the tooltip');
    assert.equal(await browser.run(() => document.querySelector('.tx-details').hidden), true, 'and selects nothing');
    await browser.tap(...at);
    await browser.until(() => /select=site/.test(location.search) && !document.querySelector('.tx-details').hidden);
    await browser.tap(...(await browser.run(onChart, 400, 4)));
    await browser.until(() => !/select=/.test(location.search));
  },

  async 'the keyboard roves over the figures and the live region says each'(browser) {
    await browser.open('index.html?view=sites&lang=en');
    // The control before the chart, then Tab: the chart gets the keyboard's focus.
    await browser.run(() => document.querySelector('.tx-data summary').focus());
    await browser.press(Key.TAB);
    assert.equal(await browser.run(() => document.activeElement?.tagName), 'CANVAS');
    const said = [];
    for (const key of [Key.HOME, Key.ARROW_DOWN, Key.ARROW_DOWN, Key.END]) {
      await browser.press(key);
      said.push(await browser.run(() => [document.querySelector('[aria-live=polite]').textContent, document.querySelector('[role=tooltip]').hidden]));
    }
    assert.ok(said.every(([text, hidden]) => text.length > 10 && !hidden), JSON.stringify(said));
    assert.equal(new Set(said.map(([text]) => text)).size, 4, 'each key says another figure');
    await browser.press(Key.ENTER);
    await browser.until(() => /select=/.test(location.search));
    assert.match(await browser.run(() => document.querySelector('.tx-details h2').textContent), /\S/);
    await browser.press(Key.ESCAPE);
    await browser.until(() => !/select=/.test(location.search));
  },

  async 'a click on a bar selects it, with its sources in the details and the URL'(browser) {
    await browser.open('index.html?view=sites&lang=en');
    const rudnevo = (await sweep(browser)).find((t) => /more than 3,400 people/.test(t.text));
    await browser.click(...(await browser.run(onChart, rudnevo.x, rudnevo.y)));
    await browser.until(() => /select=site%3Arudnevo|select=site:rudnevo/.test(location.search));
    const details = await browser.run(() => document.querySelector('.tx-details').innerText);
    assert.match(details, /Rudnevo/);
    assert.match(details, /360\.ru/);
  },

  async 'a part of the prerendered chart is shown once the part after it has begun, as a slow page is read'(browser) {
    await browser.open('index.html?lang=en');
    // The parts are added one by one, as the parser adds them, and each time whether each is shown.
    const shown = await browser.run(() => {
      const block = Object.assign(document.createElement('div'), { className: 'tx-prerendered' });
      document.body.append(block);
      const seen = [];
      for (const tag of ['h1', 'div', 'figure', 'noscript']) {
        block.append(document.createElement(tag));
        const parts = [...block.children].filter((part) => part.localName !== 'noscript');
        seen.push(parts.map((part) => getComputedStyle(part).display !== 'none'));
      }
      block.remove();
      return seen;
    });
    // The page's last part is its <noscript>, which the rule leaves alone: the figure before it
    // is shown once it has begun.
    assert.deepEqual(shown, [[false], [true, false], [true, true, false], [true, true, true]]);
  },

  async 'the element draws, answers a pointer and a host drives it'(browser) {
    await browser.open('fixtures/host.html', { within: '#one' });
    await browser.until(drawnIn, ['#two']);
    // Once the full build has taken over from the first-chart build, and the host has its handles.
    await browser.until(() => ['#one', '#two'].every((id) => document.querySelector(id).explorer));
    const tips = await sweep(browser, '#one');
    assert.ok(tips.some((t) => /почти 18\s600 человек/.test(t.text)), 'the element answers a pointer');
    // The element's stylesheet applies in its shadow root under the host's strict policy.
    const position = await browser.run(() => getComputedStyle(document.querySelector('#one').shadowRoot.querySelector('[role=tooltip]')).position);
    assert.equal(position, 'absolute', 'the element is styled');
    const state = await browser.run(() => document.querySelector('#one').explorer.state());
    assert.deepEqual(state, { view: 'sites', lang: 'ru' });
    await browser.run(() => document.querySelector('#one').explorer.set({ view: 'timeline' }));
    await browser.until(() => /во времени/.test(document.querySelector('#one').shadowRoot.querySelector('canvas').getAttribute('aria-label')));
    assert.match((await browser.run(chartState, '#two')).name, /by sector/);
  },

  async "the iframe, as the README writes it, fits its host's column under a strict policy"(browser) {
    writeHostPage(browser.host);
    await browser.open('host/frame.html', { live: false });
    const frame = await browser.element('iframe');
    await browser.until(() => document.querySelector('iframe').clientHeight > 400);
    // What the frame's page reports to its window from now on, while the host's window changes.
    await browser.driver.switchTo().frame(frame);
    await browser.until(() => document.querySelector('canvas')?.height > 150);
    await browser.run(() => { window.reported = []; addEventListener('error', (e) => window.reported.push(e.message)); });
    await browser.driver.switchTo().defaultContent();
    for (const width of [640, 1000, 420, 900]) {
      await browser.driver.manage().window().setRect({ width, height: 900 });
      await browser.until(fitsItsFrame);
    }
    const column = await browser.run(() => [document.querySelector('iframe').getBoundingClientRect().width, document.body.clientWidth]);
    assert.equal(column[0], column[1], 'the frame is as wide as its column');
    await browser.driver.switchTo().frame(frame);
    assert.deepEqual(await browser.run(() => window.reported), [], 'nothing went wrong inside the frame');
    await browser.driver.switchTo().defaultContent();
  },

  async 'own data: a hostile file is refused with each problem named, and the chart stays'(browser) {
    await browser.open('index.html?view=sites&lang=en');
    const before = (await browser.run(chartState)).name;
    // The input is found anew each time: the full build, which reads the file, takes over the page.
    const input = () => browser.driver.findElement({ css: 'input[type=file]' });
    await (await input()).sendKeys(fixture('broken.json'));
    await browser.until(() => /\$\.observations\[0\]\.value: expected a number/.test(document.querySelector('[role=alert]').textContent));
    assert.equal((await browser.run(chartState)).name, before, 'the chart on screen stays');
    await (await input()).sendKeys(fixture('other-zone.csv'));
    await browser.until(() => /Spreadsheet zone/.test(document.querySelector('.tx-summary').textContent));
    assert.equal(await browser.run(() => document.querySelector('[role=alert]').textContent), '');
  },

  async 'own data is read in the loading worker, with its progress, and Cancel leaves the chart as it was'(browser) {
    await browser.open('index.html?view=sites&lang=en');
    const input = () => browser.driver.findElement({ css: 'input[type=file]' });
    await browser.run(watchProgress);
    await (await input()).sendKeys(syntheticFile(20_000));
    await browser.until(() => /^Synthetic zone/.test(document.querySelector('.tx-summary').textContent), [], 60_000);
    const progress = await browser.run(() => window.progressSeen);
    assert.ok(progress.some((p) => p.startsWith('Figures checked: 20,000 / 20,000')), JSON.stringify(progress));
    const before = (await browser.run(chartState)).name;
    // Cancel at the first progress report, from the page itself: a click over WebDriver came,
    // once in WebKit, after the whole file had been read.
    await browser.run(() => {
      const progress = document.querySelector('.tx-progress');
      new MutationObserver((_, observer) => {
        if (progress.hidden) return;
        observer.disconnect();
        progress.querySelector('button').click();
      }).observe(progress, { attributes: true, attributeFilter: ['hidden'] });
    });
    await (await input()).sendKeys(syntheticFile(300_000));
    await browser.until(() => /Loading cancelled/.test(document.querySelector('[role=status]').textContent), [], 60_000);
    await new Promise((later) => setTimeout(later, 4000));
    assert.equal((await browser.run(chartState)).name, before, 'the chart stays as it was');
  },

  async 'the four exports: PNG at twice the size, SVG with text, CSV of the view, the dataset'(browser) {
    await browser.open('index.html?view=sites&lang=en');
    await browser.run(keepDownloads);
    const { backing } = await browser.run(chartState);
    const button = (name) => browser.driver.findElement({ css: `[data-export=${name}]` });
    // The first tool brings the full build, which takes over and then makes the export.
    await (await button('png')).click();
    await browser.until(() => window.downloads.length === 1 && document.querySelector('canvas'));
    const png = Buffer.from((await browser.run(lastDownload)).base64, 'base64');
    const canvas = (await browser.run(chartState)).backing;
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [canvas[0] * 2, canvas[1] * 2], `the PNG is twice the canvas (${canvas}, before ${backing})`);
    await (await button('svg')).click();
    const svg = Buffer.from((await browser.run(lastDownload)).base64, 'base64').toString();
    assert.match(svg, /^<svg[^>]* width="\d+"/);
    assert.match(svg, /<text[^>]*>\s*People employed — by site\s*<\/text>/);
    await (await button('csv')).click();
    const csv = Buffer.from((await browser.run(lastDownload)).base64, 'base64').toString();
    assert.match(csv, /^\uFEFFid,covers,measure,unit,qualifier,value/);
    assert.match(csv, /\nf01,Pechatniki \+ Alabushevo \+ Rudnevo,People employed,people,almost,18600,/);
    await (await button('json')).click();
    const json = await browser.run(lastDownload);
    assert.match(json.name, /^technopolis-sites-en-\d{4}-\d\d-\d\d\.json$/);
    assert.deepEqual(JSON.parse(Buffer.from(json.base64, 'base64').toString()), JSON.parse(EMBEDDED));
  },

  async 'in the dark theme the controls are painted dark, their words light'(browser) {
    await browser.open('index.html?view=sites&lang=en&theme=dark');
    const boxes = await browser.run(() => [...document.querySelectorAll('.tx-select select')].filter((s) => s.checkVisibility()).map((s) => {
      const box = s.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height, ink: getComputedStyle(s).color };
    }));
    assert.ok(boxes.length >= 3, `${boxes.length} lists`);
    const pixels = await browser.pixels();
    for (const box of boxes) {
      // Just inside the border, at mid height: the list's own background.
      const background = pixels.at(box.x + 4, box.y + box.height / 2);
      const ink = box.ink.match(/\d+/g).slice(0, 3).map(Number);
      const ratio = contrast(background, ink);
      assert.ok(ratio >= 4.5, `a list's words at ${ratio.toFixed(2)}:1 on its painted background ${background} (ink ${ink})`);
    }
  },
};

/** Records each distinct progress report the page shows from now on. Run in the page. */
function watchProgress() {
  window.progressSeen = [];
  new MutationObserver(() => {
    const words = document.querySelector('.tx-progress:not([hidden]) span')?.textContent;
    if (words && window.progressSeen.at(-1) !== words) window.progressSeen.push(words);
  }).observe(document.querySelector('.tx-explorer'), { subtree: true, childList: true, characterData: true, attributes: true });
}

const syntheticFiles = new Map();
/** A file of `observations` synthetic figures, written once. */
function syntheticFile(observations) {
  if (!syntheticFiles.has(observations)) {
    const path = join(mkdtempSync(join(tmpdir(), 'technopolis-engines-')), `synthetic-${observations}.json`);
    writeFileSync(path, synthetic(observations, 100));
    syntheticFiles.set(observations, path);
  }
  return syntheticFiles.get(observations);
}

/** Whether the iframe is as tall as its page's content, no taller and no shorter. Run in the
 *  host's page. */
function fitsItsFrame() {
  const frame = document.querySelector('iframe');
  const inner = frame.contentDocument?.documentElement.getBoundingClientRect().height;
  return inner > 400 && Math.abs(frame.clientHeight - inner) <= 2;
}

function drawnIn(within) {
  return document.querySelector(within)?.shadowRoot?.querySelector('canvas')?.height > 150;
}

/** WCAG contrast of two sRGB colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b2] = rgb.map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** A host's page with the README's iframe snippet: the frame as written, the script in a file
 *  of its own, as the README says a host under a strict policy does. */
function writeHostPage(folder) {
  const block = /```html\n(<iframe[\s\S]*?)```/.exec(README)[1];
  const [, frame, script] = /^(<iframe[\s\S]*?<\/iframe>)\s*<script>([\s\S]*?)<\/script>/.exec(block);
  writeFileSync(`${folder}/frame.js`, script);
  writeFileSync(`${folder}/frame.html`, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host</title><link rel="icon" href="/favicon.svg"><script src="frame.js"></script></head>
<body>${frame.replace('https://YOUR-HOST/', '/')}</body></html>`);
}

for (const engine of engines()) {
  describe(engine, () => {
    let browser;
    before(async () => { browser = await Browser.start(engine); });
    after(async () => { await browser?.stop(); });
    for (const [name, run] of Object.entries(CASES)) {
      test(name, async () => {
        await run(browser);
        // A report of a blocked thing may come a moment after it.
        await new Promise((later) => setTimeout(later, 150));
        assert.deepEqual(browser.blocked(), [], 'nothing was blocked by the strict policy');
      });
    }
  });
}
