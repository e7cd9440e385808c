import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, tableText } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

/** The tooltip and the live region for each figure of the chart, reached with the arrow keys. */
async function walk(page, count = 40) {
  await page.locator('canvas').focus();
  await page.keyboard.press('Home');
  const seen = [];
  for (let i = 0; i < count; i++) {
    const tooltip = (await page.locator('[role=tooltip]').innerText()).replace(/\s+/g, ' ');
    const live = await page.locator('.tx-live').innerText();
    if (seen.some((s) => s.tooltip === tooltip)) break;
    seen.push({ tooltip, live });
    await page.keyboard.press('ArrowRight');
  }
  return seen;
}

for (const [lang, repost, media] of [['en', 'a repost only', 'regional or trade media'], ['ru', 'только перепечатка', 'региональное или отраслевое СМИ']]) {
  test(`the tooltip and the screen reader say how reliable each source is (${lang})`, async () => {
    const page = await app.open(`?view=timeline&lang=${lang}`);
    const seen = await walk(page);
    const reposts = seen.filter((s) => s.tooltip.includes(repost));
    assert.ok(reposts.length >= 2, `figures resting on a repost: ${seen.map((s) => s.tooltip).join('\n')}`);
    assert.ok(reposts.every((s) => s.live.includes(repost)), 'the live region says it too');
    const graded = seen.filter((s) => s.tooltip.includes(media));
    assert.ok(graded.length >= 2 && graded.every((s) => !s.live.includes(repost)), 'other figures name their grade and are not called reposts');
    assert.deepEqual(page.problems, []);
  });
}

test('the data table has a column for the source grade, and the chart in words names the figures resting on a repost', async () => {
  const page = await app.open('?view=timeline&lang=en');
  const table = await tableText(page);
  const [, header, ...rows] = table.split('\n');
  assert.match(header, /Source grade$/);
  assert.ok(rows.some((r) => /\tf27\t|^f27\t/.test(r) && r.endsWith('a repost only (a mirror or aggregator); the original was not found')), table);
  assert.ok(rows.some((r) => r.startsWith('f35\t') && r.endsWith('official source')), table);
  const summary = await page.locator('canvas').evaluate((c) => c.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.match(summary, /Resting on a repost only \(a mirror or aggregator\), the original not found: figures [^.]*f27/, summary);
});

test('the details offer a citation to paste, copied with one click, with a warning for a repost', async () => {
  const page = await app.open('?view=sites&lang=en&select=site:alabushevo', { permissions: ['clipboard-read', 'clipboard-write'] });
  const details = page.locator('.tx-details');
  await details.waitFor();
  const items = details.locator('li');
  const f85 = items.filter({ hasText: 'Figure id: f85' });
  assert.equal(await f85.count(), 1);
  assert.match(await f85.innerText(), /a repost only \(a mirror or aggregator\)/);
  const sentence = await f85.locator('.tx-cite-copy').getAttribute('data-citation');
  assert.match(sentence, /^Alabushevo, ~autumn 2024 [^.]*\. Enterprises \(all companies\): 32 enterprises\. In the source's words: «32 компании со статусом резидента» \(news\.myseldon\.com, a repost — the original was not found, date not shown, https:\/\/news\.myseldon\.com\//, sentence);
  await f85.getByRole('button', { name: 'Copy the citation' }).click();
  await assert.doesNotReject(f85.locator('.tx-cite-status', { hasText: 'Copied.' }).waitFor({ timeout: 5000 }));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sentence, 'the clipboard holds the sentence');

  // By keyboard: the button is reached with Tab and pressed with Enter.
  const other = items.filter({ hasNotText: 'Figure id: f85' }).first();
  await other.locator('.tx-cite-copy').focus();
  await page.keyboard.press('Enter');
  await other.locator('.tx-cite-status', { hasText: 'Copied.' }).waitFor({ timeout: 5000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await other.locator('.tx-cite-copy').getAttribute('data-citation'));
  assert.doesNotMatch(copied, /repost/, 'a graded source gets no warning');
  assert.deepEqual(page.problems, []);
});

test('where the browser refuses the clipboard, the citation is selected for the reader to copy', async () => {
  const page = await app.open('?view=sites&lang=ru&select=site:alabushevo');
  await page.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } }); });
  const first = page.locator('.tx-details li').first();
  await first.getByRole('button', { name: 'Скопировать цитату' }).click();
  await first.locator('.tx-cite-status', { hasText: 'Не удалось скопировать' }).waitFor({ timeout: 5000 });
  const selected = await page.evaluate(() => String(getSelection()));
  assert.ok(selected.length > 40 && selected.startsWith('Как цитировать: '), selected);
  assert.deepEqual(page.problems, []);
});
