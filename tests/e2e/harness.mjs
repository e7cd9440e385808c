// Shared set-up for the end-to-end tests: a server for www/ (and tests/fixtures at /fixtures/),
// Debian's Chromium driven by playwright-core, and helpers that read what a reader would see.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

export async function start() {
  const server = await serve(0, { '/fixtures/': fixtures });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    base,
    browser,
    /** A page that records every console error, uncaught exception and request. */
    async open(path, options = {}, ready = 'canvas[aria-label]') {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1, ...options });
      const page = await context.newPage();
      // Every Content-Security-Policy violation the page reports is kept for the tests to read.
      await page.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
      });
      page.problems = [];
      page.requests = [];
      page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
      page.on('pageerror', (e) => page.problems.push(e.message));
      page.on('request', (r) => page.requests.push(r.url()));
      await page.goto(path.startsWith('file:') ? path : base + path);
      if (ready) {
        await page.locator(ready).first().waitFor();
        await page.waitForFunction(() => document.querySelector('canvas')?.height > 150);
      }
      return page;
    },
    async stop() {
      await browser.close();
      server.close();
    },
  };
}

/** Moves the mouse down the chart at `x` and returns where each distinct tooltip showed. */
export async function sweep(page, x = 40) {
  const box = await page.locator('canvas').boundingBox();
  const seen = new Map();
  for (let y = 2; y < box.height; y += 6) {
    await page.mouse.move(box.x + x, box.y + y);
    const tooltip = page.locator('[role=tooltip]');
    if (!(await tooltip.isVisible())) continue;
    const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
    if (!seen.has(text)) seen.set(text, { x: box.x + x, y: box.y + y, text });
  }
  return [...seen.values()];
}

/** Moves the mouse down the chart and returns each distinct tooltip text it showed. */
export async function hoverAll(page) {
  return (await sweep(page)).map((found) => found.text);
}

/** How many canvas pixels have exactly this colour. */
export function countPixels(page, [r, g, b]) {
  return page.evaluate(([r, g, b]) => {
    const canvas = document.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
    return n;
  }, [r, g, b]);
}

export const BAR_BLUE = [0x00, 0x72, 0xb2];

/** The data table's text, as a reader sees it after opening it. */
export async function tableText(page) {
  const details = page.locator('details.tx-table');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  // The table is built when it is opened.
  await page.locator('table caption').waitFor();
  return page.locator('table').innerText();
}

/** Drops a JSON file with `text` on the explorer, as a reader dragging it from their desktop. */
export async function dropFile(page, text, name) {
  const transfer = await page.evaluateHandle(([body, file]) => {
    const data = new DataTransfer();
    data.items.add(new File([body], file, { type: 'application/json' }));
    return data;
  }, [text, name]);
  await page.locator('.tx-explorer').dispatchEvent('drop', { dataTransfer: transfer });
}

/** The page's address as it is now. `page.url()` follows history changes only when Playwright
 *  hears of them, which can be after an assertion runs. */
export function address(page) {
  return page.evaluate(() => location.href);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations on the page as it is now, one line each. axe is injected as a script, which
 *  the strict policy would rightly block: open the page with `bypassCSP: true`. */
export async function audit(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1] ?? ''}`));
}
