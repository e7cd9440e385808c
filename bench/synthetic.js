// Synthetic datasets in the explorer's format for the benchmark, in the page (scale.js) and in
// Node (scripts/bench.mjs writes them as files): `observations` figures of people employed,
// spread over `sites` sites, a day apart per site.
export function synthetic(observations, sites) {
  const name = (ru, en) => ({ ru, en });
  const day = Date.UTC(1990, 0, 1);
  const parts = [];
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
