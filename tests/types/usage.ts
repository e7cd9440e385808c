// Compiled by tests/e2e/types.test.mjs against the declarations a host gets (www/*.d.ts and the
// generated www/pkg/technopolis_explorer.d.ts): the API as the README documents it must type-check,
// and each `@ts-expect-error` line must be refused.
import { mount, TechnopolisChart } from '../../www/technopolis-chart.js';
import type { DatasetProblem, Explorer, ExplorerOptions, ExplorerState, ExplorerTimings } from '../../www/technopolis-chart.js';

export async function host(root: HTMLElement): Promise<string> {
  const explorer: Explorer = await mount(root, { view: 'timeline', lang: 'en', period: 2025, labels: false });
  explorer.set({ view: 'plan', sort: 'value-desc', period: '2025-H1', labels: 'on', theme: 'dark', select: 'zone' });
  explorer.set({ view: '', measure: null });
  const state: ExplorerState = explorer.state();
  const view: 'sites' | 'sectors' | 'companies' | 'timeline' | 'plan' = state.view;
  const problems: DatasetProblem[] = explorer.loadText('{}', 'data.json');
  const where: string[] = problems.map((p) => `${p.path}: ${p.message}`);
  const timings: ExplorerTimings = explorer.timings();
  const png: Blob = await explorer.exportPng();
  const texts: string[] = [explorer.exportSvg(), explorer.exportCsv(), explorer.exportJson(), explorer.fileName('png')];
  explorer.destroy();
  const element = document.querySelector('technopolis-chart');
  const handle: Explorer | null = element instanceof TechnopolisChart ? element.explorer : null;
  const options: ExplorerOptions = { src: '/data.csv' };
  // @ts-expect-error: no such view
  explorer.set({ view: 'pie' });
  // @ts-expect-error: no such option
  explorer.set({ viwe: 'plan' });
  // @ts-expect-error: a sort is a string
  explorer.set({ sort: 3 });
  // @ts-expect-error: problems are objects, not strings
  const wrong: string[] = explorer.loadText('', '');
  return [view, where, timings.parse, png.size, texts, handle, options, wrong].join();
}
