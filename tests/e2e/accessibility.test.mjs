// axe-core audits every view in both languages and both themes, with the details panel, the
// embed panel and the data tools open: zero violations, no rule switched off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { audit, start } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

for (const view of ['sites', 'sectors', 'companies', 'timeline', 'plan']) {
  for (const lang of ['ru', 'en']) {
    for (const theme of ['light', 'dark']) {
      test(`axe finds nothing in the ${view} view (${lang}, ${theme})`, async () => {
        // axe is injected as a script, which the strict policy would rightly block.
        const page = await app.open(`?view=${view}&lang=${lang}&theme=${theme}`, { bypassCSP: true });
        assert.deepEqual(await audit(page), []);
      });
    }
  }
}

test('axe finds nothing with the details panel, the embed panel, the data tools and the table open', async () => {
  const page = await app.open('?view=sites&lang=en&select=site:pechatniki', { bypassCSP: true });
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.getByText('Your own data: JSON or CSV').click();
  await page.getByText('Data table of the chart').click();
  await page.mouse.move(60, 420);
  assert.equal(await page.locator('.tx-details').isVisible(), true);
  assert.deepEqual(await audit(page), []);
  const dark = await app.open('?view=companies&lang=ru&theme=dark&select=company:renera', { bypassCSP: true });
  await dark.getByRole('button', { name: 'Встроить' }).click();
  await dark.getByText('Таблица данных графика').click();
  assert.deepEqual(await audit(dark), []);
});

test('changes of view, sort and data are announced in the live region; the chart is described by its summary', async () => {
  const page = await app.open('?view=sites&lang=en');
  const live = page.locator('[aria-live=polite]');
  const canvas = page.locator('canvas');
  const described = await canvas.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${described}"]`).innerText(), /Largest: Pechatniki \+ Alabushevo \+ Rudnevo: almost 18,600 people/);
  await page.getByRole('button', { name: 'Over time' }).click();
  assert.match(await live.textContent(), /^Jobs in the zone over time\. /);
  await page.getByRole('button', { name: 'By sector' }).click();
  await page.getByLabel('Order').selectOption('name-asc');
  assert.match(await live.textContent(), /^Jobs created, cumulative — by sector\. Figures in the chart: \d+/);
  await page.getByText('Your own data: JSON or CSV').click();
  await page.getByLabel('Or paste JSON or CSV text').fill('{"format": 1}');
  await page.getByRole('button', { name: 'Check and show' }).click();
  assert.match(await page.getByRole('alert').innerText(), /failed validation/, 'an alert is announced by its role');
});
