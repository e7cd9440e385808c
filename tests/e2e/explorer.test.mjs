import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { address, start, hoverAll, countPixels, tableText, BAR_BLUE } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

const matching = (texts, pattern) => texts.find((t) => pattern.test(t));

test('the sites view draws a labelled chart, sharp at devicePixelRatio 2', async () => {
  const page = await app.open('?view=sites', { deviceScaleFactor: 2 });
  const canvas = page.locator('canvas');
  assert.match(await canvas.getAttribute('aria-label'), /по площадкам/);
  const [width, height, cssWidth, cssHeight] = await canvas.evaluate((c) => [c.width, c.height, c.clientWidth, c.clientHeight]);
  assert.equal(width, Math.round(cssWidth * 2));
  assert.equal(height, Math.round(cssHeight * 2));
  assert.ok((await countPixels(page, BAR_BLUE)) > 2000, 'bars are drawn in the series colour');
  assert.deepEqual(page.problems, []);
});

test('hovering a bar shows its exact value, qualifier, date and source', async () => {
  const page = await app.open('?view=sites&lang=ru');
  const tips = await hoverAll(page);
  const combined = matching(tips, /почти 18\s600 человек/);
  assert.ok(combined, `no tooltip for f01 among ${JSON.stringify(tips)}`);
  assert.match(combined, /Печатники \+ Алабушево \+ Руднево/);
  assert.match(combined, /на 09\.09\.2025/);
  assert.match(combined, /CNews, 09\.09\.2025/);
  assert.match(combined, /«трудятся почти 18,6 тыс\. высокооплачиваемых специалистов»/);
  assert.match(combined, /Номер цифры: f01/);
  const rudnevo = matching(tips, /более 3\s400 человек/);
  assert.match(rudnevo, /27\.08\.2025/);
  assert.match(rudnevo, /360\.ru/);
  await page.mouse.move(1, 1);
  assert.equal(await page.locator('[role=tooltip]').isVisible(), false, 'leaving the bars hides the tooltip');
  assert.deepEqual(page.problems, []);
});

test('lang=en switches every text and the number format', async () => {
  const en = await app.open('?view=sites&lang=en&measure=jobs_created_cumulative');
  assert.equal(await en.locator('h1').innerText(), 'Jobs in the SEZ Technopolis Moscow');
  assert.match(await en.locator('canvas').getAttribute('aria-label'), /Jobs created.*by site/);
  const zone = matching(await hoverAll(en), /more than 30,000 jobs/);
  assert.ok(zone, 'the zone bar shows its latest figure');
  assert.match(zone, /> 27,400 · as of 9 Sep 2025 \(CNews\)/, 'and the seed article\'s figure among the others');
  const ru = await app.open('?view=sites&lang=ru&measure=jobs_created_cumulative');
  assert.match(matching(await hoverAll(ru), /более 30\s000/), /> 27\s400 · на 09\.09\.2025 \(CNews\)/);
  await ru.getByRole('button', { name: 'EN' }).click();
  assert.match(await address(ru), /lang=en/);
  assert.match(await tableText(ru), /more than 30,000 jobs/);
});

test('the sectors view groups figures by period and names the companies', async () => {
  const page = await app.open('?view=sectors&lang=en&measure=jobs_created_period');
  const table = await tableText(page);
  assert.match(table, /f03\s+Lithium-ion batteries · RENERA\s+Jobs created in a period\s+153 jobs\s+H1 2025/);
  const tips = await hoverAll(page);
  assert.ok(matching(tips, /210 jobs/), JSON.stringify(tips));
  assert.ok(matching(tips, /115 jobs.*since the start of the year/), JSON.stringify(tips));
  await page.getByRole('button', { name: 'By site' }).click();
  assert.match(await address(page), /view=sites/);
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /by site/);
});

test('the measure can be switched and is kept in the URL', async () => {
  const page = await app.open('?view=sites&lang=en');
  await page.getByLabel('Measure').selectOption('enterprises');
  assert.match(await address(page), /measure=enterprises/);
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /^Enterprises/i);
  assert.match(await tableText(page), /more than 130 enterprises/);
});

test('a broken dataset given with data= is listed in the alert with JSON paths, and the chart stays', async () => {
  const page = await app.open('?view=sites&lang=en&data=/fixtures/broken.json');
  const alert = await page.getByRole('alert').innerText();
  assert.match(alert, /failed validation \(3\)/);
  assert.match(alert, /\$\.observations\[0\]\.value: expected a number, found a string/);
  assert.match(alert, /\$\.observations\[2\]\.qualifier: value not allowed: «roughly»/);
  assert.match(alert, /\$\.observations\[5\]\.date: invalid date «2025-02-30»/);
  assert.ok((await countPixels(page, BAR_BLUE)) > 500, 'the embedded data is still charted');
  assert.deepEqual(page.problems.filter((p) => !/404/.test(p)), []);
});

test('a valid dataset given with data= replaces the embedded one', async () => {
  const page = await app.open('?view=sites&lang=en&data=/fixtures/other-zone.json');
  assert.equal(await page.locator('[role=alert]').textContent(), '', 'no problem is reported');
  assert.match(await page.locator('.tx-summary').innerText(), /^Test zone, people\./);
  const tips = await hoverAll(page);
  assert.deepEqual(tips.length, 1);
  assert.match(tips[0], /North about 1,234 people .* Test fixture, 1 Jan 2026/);
  await page.getByRole('button', { name: 'By sector' }).click();
  assert.equal(await page.locator('.tx-empty').innerText(), 'This dataset has no figures for this chart view.');
  assert.equal(await page.locator('canvas').isVisible(), false);
  assert.match(await address(page), /data=%2Ffixtures%2Fother-zone\.json/, 'the dataset stays in the URL');
});

test('a truncated, a missing and a foreign dataset each get a plain message', async () => {
  const truncated = await app.open('?lang=en&data=/fixtures/truncated.json');
  assert.match(await truncated.getByRole('alert').innerText(), /the file ends too early/);
  const missing = await app.open('?lang=ru&data=/fixtures/nothing-here.json');
  assert.match(await missing.getByRole('alert').innerText(), /Не удалось загрузить набор данных\. Показан встроенный набор данных\.\s+\/fixtures\/nothing-here\.json: HTTP 404/);
  const foreign = await app.open('?lang=en&data=https://example.org/data.json');
  assert.match(await foreign.getByRole('alert').innerText(), /Could not load the dataset\. Showing the embedded dataset instead\.\s+https:\/\/example\.org\/data\.json: only addresses on this same site are allowed/);
  assert.ok(foreign.requests.every((url) => url.startsWith(app.base)), 'no request leaves the site');
});

test('tapping a bar on a phone shows its tooltip, tapping elsewhere hides it, and the page still scrolls', async () => {
  const page = await app.open('?view=sites', { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  const canvas = page.locator('canvas');
  assert.equal(await canvas.evaluate((c) => getComputedStyle(c).touchAction), 'pan-y');
  const box = await canvas.boundingBox();
  const tooltip = page.locator('[role=tooltip]');
  let tapped = null;
  for (let y = 60; y < box.height && !tapped; y += 8) {
    await page.touchscreen.tap(box.x + 20, box.y + y);
    if (await tooltip.isVisible()) tapped = await tooltip.innerText();
  }
  assert.match(tapped ?? '', /человек|рабочих мест/, 'a tap on a bar shows a figure');
  await page.touchscreen.tap(box.x + 20, box.y + 5);
  assert.equal(await tooltip.isVisible(), false);
  const [width, cssWidth] = await canvas.evaluate((c) => [c.width, c.clientWidth]);
  assert.ok(cssWidth <= 390 && width === Math.round(cssWidth * 3));
});

test('the chart follows its container width without a resize loop', async () => {
  const page = await app.open('?view=sectors');
  const canvas = page.locator('canvas');
  const wide = await canvas.evaluate((c) => c.clientWidth);
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction((w) => {
    const c = document.querySelector('canvas');
    return c.clientWidth < w && c.width === Math.round(c.clientWidth * devicePixelRatio);
  }, wide);
  const sizes = [];
  for (let i = 0; i < 3; i++) {
    sizes.push(await canvas.evaluate((c) => `${c.width}x${c.height}`));
    await page.waitForTimeout(150);
  }
  assert.equal(new Set(sizes).size, 1, `the canvas keeps resizing: ${sizes}`);
  assert.ok((await canvas.evaluate((c) => c.clientWidth)) <= 600);
});
