// The JavaScript API as a host uses it: typed options and their errors, what `loadText` reports,
// and a host calling anything from any of the explorer's events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, sweep } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

const OTHER_ZONE = readFileSync(new URL('../fixtures/other-zone.json', import.meta.url), 'utf8');
const EMBEDDED = readFileSync(new URL('../../data/technopolis-moscow.json', import.meta.url), 'utf8');

/** A host page with its two elements started. */
async function host() {
  const page = await app.open('fixtures/host.html', {}, null);
  await page.waitForFunction(() => ['#one', '#two'].every((s) => document.querySelector(s).explorer));
  return page;
}

test('options are typed: a wrong one throws a TypeError or RangeError naming it, its value and what is allowed, and nothing changes', async () => {
  const page = await host();
  const result = await page.evaluate(async () => {
    const explorer = await window.mountChart({ view: 'sites', lang: 'en' });
    const label = () => window.apiRoot.querySelector('canvas').getAttribute('aria-label');
    const before = [label(), JSON.stringify(explorer.state())];
    const errors = [];
    for (const options of [{ viwe: 'plan' }, { view: 'pie' }, { sort: 3 }, { period: '2025-H3' }, { labels: 'maybe' }, { select: 'site' }, 'view=plan']) {
      try {
        explorer.set(options);
        errors.push(null);
      } catch (error) {
        errors.push([error.constructor.name, error.message]);
      }
    }
    const after = [label(), JSON.stringify(explorer.state())];
    explorer.set({ view: 'plan', period: 2025, labels: false });
    const typed = explorer.state();
    let refused = null;
    try {
      await window.mountChart({ view: 'timeline', lang: 'de' });
    } catch (error) {
      refused = [error.constructor.name, error.message];
    }
    return { before, after, errors, typed, refused, alert: window.apiRoot.querySelector('[role=alert]').textContent };
  });
  assert.deepEqual(result.after, result.before, 'the chart and the state stay as they were');
  const [unknown, view, sort, period, labels, select, notObject] = result.errors;
  assert.equal(unknown[0], 'TypeError');
  assert.match(unknown[1], /unknown option "viwe"; the options are "view", "measure"/);
  assert.deepEqual(view, ['RangeError', 'technopolis-explorer: option "view" must be one of "sites", "sectors", "companies", "timeline", "plan"; got "pie"']);
  assert.deepEqual(sort, ['TypeError', 'technopolis-explorer: option "sort" must be a string; got 3']);
  assert.equal(period[0], 'RangeError');
  assert.match(period[1], /option "period" must be a year \(2025\), a date .*; got "2025-H3"/);
  assert.equal(labels[0], 'RangeError');
  assert.match(labels[1], /option "labels" must be "on", "off", true or false; got "maybe"/);
  assert.equal(select[0], 'RangeError');
  assert.equal(notObject[0], 'TypeError');
  assert.deepEqual(result.typed, { view: 'plan', lang: 'en', period: '2025', labels: 'off' }, 'a number for the period and a boolean for the labels are taken');
  assert.deepEqual(result.refused, ['RangeError', 'technopolis-explorer: option "lang" must be one of "ru", "en"; got "de"']);
  assert.equal(result.alert, '', 'an API error is thrown to the caller, not shown to the reader');
  assert.deepEqual(page.problems, []);
});

test('loadText reports each problem as an object with its path and message, in the chart\'s language', async () => {
  const page = await host();
  const result = await page.evaluate(async (good) => {
    const explorer = await window.mountChart({ view: 'sites', lang: 'en' });
    const broken = JSON.parse(good);
    broken.observations[0].value = -5;
    broken.observations[0].qualifier = 'roughly';
    const problems = explorer.loadText(JSON.stringify(broken), 'broken.json');
    const csv = explorer.loadText('id,measure,zone,value,qualifier,source_outlet,source_url,wording\na1,people_employed,Зона|Zone,lots,exact,X,https://x.org/,w\n', 'x.csv');
    explorer.set({ lang: 'ru' });
    const russian = explorer.loadText(JSON.stringify(broken), 'broken.json');
    return { problems, csv, russian: russian[0], shown: explorer.loadText(good, 'good.json') };
  }, OTHER_ZONE);
  assert.deepEqual(result.problems, [
    { path: '$.observations[0].value', message: 'the value must not be negative (-5)' },
    { path: '$.observations[0].qualifier', message: 'value not allowed: «roughly»; allowed: exact, more_than, almost, about, up_to, at_least, range' },
  ]);
  assert.deepEqual(result.csv, [{ path: 'line 2, column «value»', message: 'expected a number, found «lots»' }]);
  assert.deepEqual(result.russian, { path: '$.observations[0].value', message: 'значение не может быть отрицательным (-5)' });
  assert.deepEqual(result.shown, [], 'a valid dataset has no problems and is shown');
});

test('a host may call state, set, loadText and destroy from the ready and statechange events', async () => {
  const page = await host();
  const result = await page.evaluate(async (data) => {
    const seen = [];
    const make = (attributes, onReady) => {
      const element = document.createElement('technopolis-chart');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.addEventListener('ready', () => onReady(element));
      document.body.append(element);
      return element;
    };
    const settled = (element) => new Promise((resolve) => element.addEventListener('ready', () => setTimeout(resolve, 50)));
    const first = make({ view: 'sites', lang: 'en' }, (element) => {
      seen.push(['ready', element.explorer.state().view]);
      element.explorer.set({ view: 'timeline' });
      seen.push(['problems', element.explorer.loadText(data, 'other.json').length]);
    });
    first.addEventListener('statechange', (event) => {
      seen.push(['statechange', event.detail.view, first.explorer.state().view]);
      if (event.detail.view === 'timeline') first.explorer.set({ sort: 'value-desc', view: 'plan' });
    });
    await settled(first);
    const gone = make({ view: 'sectors' }, (element) => element.explorer.destroy());
    await settled(gone);
    const label = first.shadowRoot.querySelector('canvas').getAttribute('aria-label');
    const alerts = [...document.querySelectorAll('technopolis-chart')].map((e) => e.shadowRoot.querySelector('[role=alert]')?.textContent ?? '');
    return { seen, label, state: first.explorer.state(), alerts, goneChildren: gone.shadowRoot.querySelector('div').childElementCount };
  }, EMBEDDED);
  assert.deepEqual(result.seen, [
    ['ready', 'sites'],
    ['statechange', 'timeline', 'timeline'],
    ['statechange', 'plan', 'plan'],
    ['problems', 0],
  ]);
  assert.deepEqual(result.state, { view: 'plan', lang: 'en', sort: 'value-desc' });
  assert.match(result.label, /now and planned/);
  assert.deepEqual(result.alerts.filter((text) => text !== ''), [], 'no explorer shows an error');
  assert.equal(result.goneChildren, 0, 'destroy from ready emptied its element');
  assert.deepEqual(page.problems, []);
});

test('two explorers on one page can drive each other through their events', async () => {
  const page = await host();
  await page.evaluate(() => {
    const [one, two] = ['#one', '#two'].map((s) => document.querySelector(s));
    one.addEventListener('statechange', (event) => two.explorer.set({ view: event.detail.view, sort: event.detail.sort ?? '' }));
    two.addEventListener('statechange', (event) => one.explorer.set({ view: event.detail.view, sort: event.detail.sort ?? '' }));
  });
  const button = (id, name) => page.locator(id).getByRole('button', { name });
  await button('#one', 'Во времени').click();
  await page.waitForFunction(() => document.querySelector('#two').explorer.state().view === 'timeline');
  await button('#two', 'Companies').click();
  await page.locator('#two').getByLabel('Order').selectOption('name-asc');
  const states = await page.evaluate(() => ['#one', '#two'].map((s) => document.querySelector(s).explorer.state()));
  assert.deepEqual(states.map((s) => [s.view, s.sort]), [['companies', 'name-asc'], ['companies', 'name-asc']]);
  const alerts = await page.evaluate(() => ['#one', '#two'].map((s) => document.querySelector(s).shadowRoot.querySelector('[role=alert]').textContent));
  assert.deepEqual(alerts, ['', '']);
  // Still usable: the pointer finds figures in both.
  for (const id of ['#one', '#two']) {
    const canvas = page.locator(`${id} canvas`);
    const box = await canvas.boundingBox();
    let shown = false;
    for (let y = 10; y < box.height && !shown; y += 8) {
      await page.mouse.move(box.x + 300, box.y + y);
      shown = await page.locator(`${id} [role=tooltip]`).isVisible();
    }
    assert.ok(shown, `${id} answers the pointer`);
  }
  assert.deepEqual(page.problems, []);
});

test('an attribute the element does not take is named in its alert; the chart starts with the others', async () => {
  const page = await host();
  const result = await page.evaluate(async () => {
    const element = document.createElement('technopolis-chart');
    element.setAttribute('lang', 'en');
    element.setAttribute('view', 'pie');
    const ready = new Promise((resolve) => element.addEventListener('ready', resolve));
    document.body.append(element);
    await ready;
    const shadow = element.shadowRoot;
    const before = shadow.querySelector('[role=alert]').textContent;
    element.setAttribute('sort', 'random');
    return { before, after: shadow.querySelector('[role=alert]').textContent, label: shadow.querySelector('canvas').getAttribute('aria-label'), state: element.explorer.state() };
  });
  assert.match(result.before, /option "view" must be one of "sites", .*; got "pie"/);
  assert.match(result.after, /option "sort" must be one of "natural", .*; got "random"/);
  assert.match(result.label, /^People employed — by site/, 'the chart is drawn, in English');
  assert.deepEqual(result.state, { view: 'sites', lang: 'en' });
});

test('destroy() between a resize and the frame it asked for leaves nothing behind to be called', async () => {
  const page = await app.open('fixtures/host.html', {}, null);
  const left = await page.evaluate(async () => {
    const { mount } = await import('/technopolis-chart.js');
    const root = document.createElement('div');
    document.body.append(root);
    const explorer = await mount(root, { lang: 'en' });
    await new Promise((done) => {
      // Observers are told in the order they were made: the explorer's first, which asks for the
      // next frame to fit the chart; then this one, which destroys the explorer before that frame.
      new ResizeObserver((_, observer) => {
        observer.disconnect();
        explorer.destroy();
        done();
      }).observe(root);
      root.style.width = '500px';
    });
    await new Promise((later) => requestAnimationFrame(() => requestAnimationFrame(later)));
    return root.childElementCount;
  });
  assert.equal(left, 0, 'the explorer is gone');
  assert.deepEqual(page.problems, []);
});

test('the element and mount() work inside an iframe srcdoc and on a blob: page', async () => {
  const page = await app.open('fixtures/host.html', {}, null);
  const markup = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inside</title>
    <script type="module" src="${app.base}technopolis-chart.js"></script></head>
    <body><technopolis-chart view="plan" lang="en"></technopolis-chart></body></html>`;
  await page.evaluate((html) => {
    const frame = document.createElement('iframe');
    frame.title = 'srcdoc chart';
    frame.srcdoc = html;
    frame.style.width = '900px';
    frame.style.height = '900px';
    document.body.append(frame);
  }, markup);
  const inFrame = page.frameLocator('iframe[title="srcdoc chart"]');
  await inFrame.locator('technopolis-chart canvas[aria-label]').waitFor();
  assert.match(await inFrame.locator('technopolis-chart canvas').getAttribute('aria-label'), /now and planned/);
  const blob = await page.evaluate((html) => URL.createObjectURL(new Blob([html.replace('</body>', '<div id="api"></div></body>')], { type: 'text/html' })), markup);
  await page.goto(blob);
  // Once the full build has taken over: the first-chart build's canvas goes with it.
  await page.waitForFunction(() => document.querySelector('technopolis-chart').explorer);
  assert.ok((await sweep(page, 300)).length >= 1, 'the element answers the pointer on the blob: page');
  const mounted = await page.evaluate(async (base) => {
    const { mount } = await import(`${base}technopolis-chart.js`);
    const root = document.getElementById('api');
    const explorer = await mount(root, { view: 'timeline', lang: 'en' });
    return [root.querySelector('canvas').getAttribute('aria-label'), explorer.state().view];
  }, app.base);
  assert.match(mounted[0], /Jobs in the zone over time/);
  assert.equal(mounted[1], 'timeline');
  assert.deepEqual(page.problems, []);
});
