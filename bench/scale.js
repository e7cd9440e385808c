// The benchmark's scale page: synthetic datasets in our format, loaded through the public API
// (`loadText`), with the explorer's own timings of each phase.
import init, { mount } from '/pkg/technopolis_explorer.js';

await init();
const explorer = mount(document.getElementById('explorer'), { view: 'sites', lang: 'en', sort: 'value-desc' });

/** A dataset with `observations` figures of people employed, spread over `sites` sites. */
function synthetic(observations, sites) {
  const name = (ru, en) => ({ ru, en });
  const parts = [];
  const day = Date.UTC(1990, 0, 1);
  for (let i = 0; i < observations; i++) {
    const site = i % sites;
    const date = new Date(day + Math.floor(i / sites) * 86400000).toISOString().slice(0, 10);
    parts.push(`{"id":"o${i}","measure":"people_employed","scope":{"sites":["s${site}"]},"value":${(i * 7919) % 100000},"qualifier":"exact","date":"${date}","source":"src","wording":"w"}`);
  }
  const head = {
    format: 'sez-jobs',
    version: 1,
    zone: { id: 'synthetic', name: name('Синтетическая зона', 'Synthetic zone') },
    sites: Array.from({ length: sites }, (_, s) => ({ id: `s${s}`, name: name(`Площадка ${s}`, `Site ${s}`), status: 'active' })),
    sectors: [],
    companies: [],
    measures: [{ id: 'people_employed', name: name('Работают', 'People employed'), unit: name('человек', 'people'), time: 'date' }],
    sources: [{ id: 'src', outlet: 'Synthetic', date: '2025-01-01', url: 'https://example.org/' }],
  };
  return `${JSON.stringify(head).slice(0, -1)},"observations":[${parts.join(',')}]}`;
}

window.runScale = (observations, sites) => {
  const text = synthetic(observations, sites);
  // The whole call as a page sees it: the explorer's phases do not count copying the text into
  // the wasm.
  const start = performance.now();
  const problems = explorer.loadText(text, 'synthetic.json');
  const call = performance.now() - start;
  return { bytes: text.length, problems: problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`), timings: { ...explorer.timings(), call } };
};
window.scaleReady = true;
