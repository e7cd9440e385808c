import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { address, start, sweep, countPixels, tableText, BAR_BLUE } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

const VIEWS = {
  sites: { figure: 'f10', ru: /более 3\s400 человек/, en: /more than 3,400 people/ },
  sectors: { figure: 'f17', ru: /более 10\s000 рабочих мест/, en: /more than 10,000 jobs/ },
  companies: { figure: 'f03', ru: /153 рабочих места|153 рабочих мест/, en: /153 jobs/ },
  timeline: { figure: 'f02', ru: /более 27\s400 рабочих мест/, en: /more than 27,400 jobs/ },
  plan: { figure: 'f52', ru: /21\s000 рабочих мест/, en: /21,000 jobs/ },
};

for (const [view, expected] of Object.entries(VIEWS)) {
  for (const lang of ['ru', 'en']) {
    test(`the ${view} view shows its sourced figures in ${lang}`, async () => {
      const page = await app.open(`?view=${view}&lang=${lang}`);
      assert.ok((await page.locator('canvas').getAttribute('aria-label')).length > 20);
      const table = await tableText(page);
      assert.match(table, new RegExp(`${expected.figure}\\s`), `${expected.figure} is in the table`);
      assert.match(table, expected[lang]);
      const said = await readByKeyboard(page);
      assert.ok(said.some((t) => expected[lang].test(t)), `read aloud and in a tooltip: ${said.join('\n')}`);
      assert.equal(await page.getByRole('button', { name: lang === 'ru' ? 'По площадкам' : 'By site' }).count(), 1);
      assert.deepEqual(page.problems, []);
    });
  }
}

/** The id of the first figure in the data table (after its caption and header row). */
const firstFigure = async (page) => (await tableText(page)).split('\n')[2].split('\t')[0];

/** What the live region and tooltip say for each figure, reached with the arrow keys. */
async function readByKeyboard(page) {
  await page.locator('canvas').focus();
  await page.keyboard.press('Home');
  const said = [];
  for (let i = 0; i < 60; i++) {
    const text = `${await page.locator('[aria-live=polite]').textContent()} | ${await page.locator('[role=tooltip]').innerText()}`;
    if (said.at(-1) === text) break;
    said.push(text.replace(/\s+/g, ' '));
    await page.keyboard.press('ArrowDown');
  }
  return said;
}

test('sorting reorders the figures, is kept in the URL and replaces the history entry', async () => {
  const page = await app.open('?view=sites&lang=en');
  const entries = await page.evaluate(() => history.length);
  await page.getByLabel('Order').selectOption('value-desc');
  assert.match(await address(page), /sort=value-desc/);
  assert.equal(await firstFigure(page), 'f01', 'the largest current figure comes first');
  await page.getByLabel('Order').selectOption('name-asc');
  assert.equal(await firstFigure(page), 'f44', 'Alabushevo comes first by name');
  assert.equal(await page.evaluate(() => history.length), entries, 'sorting adds no history entry');
});

test('value labels can be turned off and back on', async () => {
  const page = await app.open('?view=sectors&lang=en');
  const ink = [0x1a, 0x1a, 0x1a];
  const withLabels = await countPixels(page, ink);
  await page.getByLabel('Value labels').uncheck();
  assert.match(await address(page), /labels=off/);
  await page.waitForTimeout(400);
  assert.ok((await countPixels(page, ink)) < withLabels, 'fewer dark text pixels without the value labels');
});

test('the period control narrows a view to one date or period', async () => {
  const page = await app.open('?view=companies&lang=en');
  await page.getByLabel('Date or period', { exact: true }).selectOption('2025-H1');
  assert.match(await address(page), /period=2025-H1/);
  const table = await tableText(page);
  assert.match(table, /f03/);
  assert.doesNotMatch(table, /f32/, 'the 2023 figure is left out');
});

test('clicking a bar selects it: details with sources, the URL, and highlights in another view', async () => {
  const page = await app.open('?view=sites&lang=en');
  const pechatniki = (await sweep(page)).find((found) => /^Pechatniki about 25,000/.test(found.text));
  assert.ok(pechatniki, 'the Pechatniki plan bar is found');
  await page.mouse.click(pechatniki.x, pechatniki.y);
  assert.match(await address(page), /select=site%3Apechatniki/);
  const details = page.locator('.tx-details');
  assert.match(await details.locator('h2').innerText(), /^Pechatniki — every figure in the dataset \(13\)$/);
  const text = await details.innerText();
  assert.match(text, /153 jobs/, 'RENERA works at Pechatniki');
  assert.match(text, /CNews, 9 Sep 2025/);
  assert.match(text, /«создала 153 рабочих места»/);
  assert.match(text, /\(!\) Disagrees with f41: 25,000 jobs/);
  assert.equal(await details.getByRole('link', { name: /Масштабирование высокотехнологичных/ }).first().getAttribute('href'),
    'https://biz.cnews.ru/news/line/2025-09-09_masshtabirovanie_vysokotehnologichnye');

  const unselected = await app.open('?view=companies&lang=en');
  const pharmaBlueWithout = await countPixels(unselected, BAR_BLUE);
  await page.getByRole('button', { name: 'Companies' }).click();
  await page.waitForTimeout(400);
  assert.match(await address(page), /view=companies.*select=site%3Apechatniki|select=site%3Apechatniki.*view=companies/);
  assert.ok((await countPixels(page, [0xd5, 0x5e, 0x00])) > 500, 'RENERA (batteries) stays in full colour');
  assert.ok((await countPixels(page, BAR_BLUE)) < pharmaBlueWithout / 4, 'the unnamed pharma participant is dimmed');

  await page.locator('canvas').focus();
  await page.keyboard.press('Escape');
  assert.doesNotMatch(await address(page), /select=/);
  assert.equal(await details.isVisible(), false);
});

test('back and forward restore the exact state', async () => {
  const page = await app.open('?view=sites&lang=en');
  await page.getByRole('button', { name: 'Companies' }).click();
  await page.getByLabel('Order').selectOption('name-desc');
  await page.goBack();
  await page.waitForFunction(() => /view=sites/.test(location.search));
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /by site/);
  assert.equal(await page.getByRole('button', { name: 'By site' }).getAttribute('aria-pressed'), 'true');
  await page.goForward();
  await page.waitForFunction(() => /view=companies/.test(location.search));
  assert.match(await address(page), /sort=name-desc/);
  assert.equal(await page.getByLabel('Order').inputValue(), 'name-desc');
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /by company/);
});

test('unknown values in the URL fall back to the defaults without an error', async () => {
  const page = await app.open('?view=pie&sort=random&measure=nope&period=1999&select=site:atlantis&lang=de&theme=pink&labels=maybe');
  assert.match(await page.locator('canvas').getAttribute('aria-label'), /^Численность работающих — по площадкам/);
  assert.equal(await page.locator('[role=alert]').textContent(), '');
  assert.equal(await page.locator('.tx-details').isVisible(), false);
  assert.deepEqual(page.problems, []);
});

test('the whole explorer works from the keyboard alone', async () => {
  const page = await app.open('?view=sites&lang=en');
  const reached = [];
  for (let i = 0; i < 40 && !reached.some((r) => r.startsWith('CANVAS')); i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement.tagName + (document.activeElement.textContent?.slice(0, 12) ?? '')));
  }
  for (const control of ['BUTTONBy site', 'BUTTONCompanies', 'SELECT', 'INPUT', 'BUTTONEN']) {
    assert.ok(reached.some((r) => r.startsWith(control)), `${control} is reachable by Tab: ${reached}`);
  }
  assert.ok(reached.at(-1).startsWith('CANVAS'), 'the chart is reachable by Tab');
  const live = page.locator('[aria-live=polite]');
  assert.match(await live.textContent(), /^SEZ Technopolis Moscow: more than 11,000 people, by the start of 2022/, 'the second review left no later figure of people employed for the whole zone');
  await page.keyboard.press('ArrowDown');
  assert.match(await live.textContent(), /up to 90,000 jobs, target 2030/);
  assert.match(await page.locator('[role=tooltip]').innerText(), /up to 90,000 jobs/);
  await page.keyboard.press('End');
  assert.match(await live.textContent(), /^Alabushevo-2: more than 4,700 jobs/);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await address(page), /select=sites%3Apechatniki%2Calabushevo%2Crudnevo/);
  assert.match(await page.locator('.tx-details h2').innerText(), /^Pechatniki \+ Alabushevo \+ Rudnevo/);
  await page.keyboard.press('Escape');
  assert.doesNotMatch(await address(page), /select=/);
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'CANVAS', 'Tab leaves the chart');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Your own data: JSON or CSV', 'Shift+Tab goes back past the chart');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.tx-data').evaluate((d) => d.open), true, 'a control works with Enter');
});

test('a second tap on the same bar selects it on a phone', async () => {
  const page = await app.open('?view=sites&lang=en', { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const box = await page.locator('canvas').boundingBox();
  const tooltip = page.locator('[role=tooltip]');
  let y = 60;
  for (; y < box.height; y += 8) {
    await page.touchscreen.tap(box.x + 20, box.y + y);
    if (await tooltip.isVisible()) break;
  }
  assert.doesNotMatch(await address(page), /select=/, 'the first tap only shows the tooltip');
  await page.touchscreen.tap(box.x + 20, box.y + y);
  assert.match(await address(page), /select=/);
  assert.equal(await page.locator('.tx-details').isVisible(), true);
});

/** Distinct canvas images over the frames that follow a change. */
async function framesAfter(page, change) {
  await page.evaluate(() => {
    window.frames_ = [];
    const canvas = document.querySelector('canvas');
    const grab = () => { window.frames_.push(canvas.toDataURL()); if (window.frames_.length < 40) requestAnimationFrame(grab); };
    window.grab_ = grab;
  });
  await change();
  await page.evaluate(() => window.grab_());
  await page.waitForFunction(() => window.frames_.length >= 40);
  return page.evaluate(() => new Set(window.frames_).size);
}

test('changing the sort moves the bars over several frames, and at once under reduced motion', async () => {
  const page = await app.open('?view=sites&lang=en');
  const moving = await framesAfter(page, () => page.getByLabel('Order').selectOption('value-asc'));
  assert.ok(moving >= 3, `only ${moving} distinct frames`);
  const still = await app.open('?view=sites&lang=en', { reducedMotion: 'reduce' });
  const frames = await framesAfter(still, () => still.getByLabel('Order').selectOption('value-asc'));
  assert.equal(frames, 1, 'no animation under prefers-reduced-motion');
});

test('switching views on every frame draws the chart once a frame, however many transitions overlap', async () => {
  const page = await app.open('?view=sites&lang=en');
  const drawsPerFrame = await page.evaluate(async () => {
    // Every drawing of the chart starts by filling its background over the whole canvas.
    let draws = 0;
    const fillRect = CanvasRenderingContext2D.prototype.fillRect;
    CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
      if (x === 0 && y === 0 && w === this.canvas.width && h === this.canvas.height) draws++;
      return fillRect.call(this, x, y, w, h);
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const views = [...document.querySelectorAll('.tx-group')[0].querySelectorAll('button')];
    const counts = [];
    for (let i = 0; i < 30; i++) {
      await frame();
      draws = 0;
      views[(i + 1) % views.length].click();
      await frame();
      counts.push(draws);
    }
    return counts;
  });
  // The click's own layout may draw once, and the frame draws the transition once.
  assert.ok(Math.max(...drawsPerFrame) <= 2, `draws per switch: ${drawsPerFrame.join(' ')}`);
  assert.ok(drawsPerFrame.slice(-5).every((n) => n >= 1), `the chart is drawn: ${drawsPerFrame.join(' ')}`);
});

test('hovering draws a highlight over the row on the canvas, takes it off again, and never redraws the chart', async () => {
  const page = await app.open('?view=sites&lang=en', { deviceScaleFactor: 2 });
  const [found] = await sweep(page, 400);
  assert.ok(found, 'a bar under the pointer');
  await page.mouse.move(1, 1);
  await page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    window.unlit = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    // The chart's text is drawn with fillText; the highlight has none.
    window.texts = 0;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (...args) { window.texts++; return fillText.apply(this, args); };
  });
  const changed = () => page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    const now = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0, top = Infinity, bottom = -1;
    for (let i = 0; i < now.length; i += 4) {
      if (now[i] !== window.unlit[i] || now[i + 1] !== window.unlit[i + 1] || now[i + 2] !== window.unlit[i + 2]) {
        const y = Math.floor(i / 4 / canvas.width);
        count++;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    return { count, top: top / 2, bottom: bottom / 2 };
  });
  await page.mouse.move(found.x, found.y);
  const box = await page.locator('canvas').boundingBox();
  const lit = await changed();
  const y = found.y - box.y;
  assert.ok(lit.count > 1000, `the highlight is drawn on the canvas (${lit.count} pixels)`);
  assert.ok(lit.top <= y && y <= lit.bottom && lit.bottom - lit.top <= 40, `it covers the hovered row only: ${JSON.stringify({ lit, y })}`);
  assert.match(await page.locator('[role=tooltip]').innerText(), /\d/, 'and the tooltip shows');
  await page.mouse.move(1, 1);
  assert.equal((await changed()).count, 0, 'the chart is as it was once the pointer has gone');
  assert.equal(await page.evaluate(() => window.texts), 0, 'no text was drawn again: the chart was never redrawn');
});

test('more rows than fit are drawn in part, and the chart and table say how many', async () => {
  // Tall enough for the pointer to reach every drawn row.
  const page = await app.open('?view=sites&lang=en', { viewport: { width: 1000, height: 3200 } });
  const sites = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, name: { ru: `Площадка ${i}`, en: `Site ${i}` } }));
  const observations = sites.map((s, i) => ({ id: `o${i}`, measure: 'people_employed', scope: { sites: [s.id] }, value: i + 1, qualifier: 'exact', date: '2025-01-01', source: 'x', wording: 'w' }));
  const data = { format: 'sez-jobs', version: 1, zone: { id: 'z', name: { ru: 'З', en: 'Z' } }, sites, sectors: [], companies: [], measures: [{ id: 'people_employed', name: { ru: 'Работают', en: 'People employed' }, unit: { ru: 'чел.', en: 'people' }, time: 'date' }], sources: [{ id: 'x', outlet: 'Example', url: 'https://example.org/' }], observations };
  await page.getByText('Your own data: JSON or CSV').click();
  await page.getByLabel('Or paste JSON or CSV text').fill(JSON.stringify(data));
  await page.getByRole('button', { name: 'Check and show' }).click();
  await page.waitForFunction(() => /^Z\b/.test(document.querySelector('.tx-summary').textContent) || document.querySelector('[role=status]').textContent.endsWith(' Z'));
  const height = await page.locator('canvas').evaluate((c) => c.clientHeight);
  assert.ok(height < 60 * 40 + 700, `the canvas stays a readable height: ${height}`);
  assert.match(await page.locator('.tx-summary').textContent(), /The first 60 of 301 rows are drawn, in the chosen order; the data table lists them all\./);
  assert.equal((await tableText(page)).split('\n').filter((l) => /Site \d+/.test(l)).length, 300, 'the table lists every site');
  const tips = new Set((await sweep(page, 400)).map((t) => t.text));
  assert.ok(tips.size > 40 && tips.size <= 60, `${tips.size} bars can be hovered`);
});
