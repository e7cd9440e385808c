// The benchmark's scale page: synthetic datasets in our format, loaded through the public API
// (`loadText`), with the explorer's own timings of each phase.
import init, { mount } from '/pkg/technopolis_explorer.js';
import { synthetic } from './synthetic.js';

await init();
const explorer = mount(document.getElementById('explorer'), { view: 'sites', lang: 'en', sort: 'value-desc' });

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
