// Starts the explorer page (or its iframe) with the first-chart build, which shows the embedded
// dataset and every view but carries no dataset reader and no exports. When the reader asks for
// one of those, it sends `tx-tools`; the full build is then loaded and takes over the element
// from the same state (the page's URL) and does what was asked: opens "Your own data", takes a
// dropped file, or makes the export.
import * as firstChart from './pkg-first/technopolis_explorer.js';
import { showFailure, start } from './start.js';

const FULL = './pkg/technopolis_explorer.js';
const EMBED = '[aria-controls$="-embed"]';

export async function startFirstChart(root) {
  // A dataset address (`data=`, or `src=` as the element calls it) needs the full build's
  // reader from the start.
  const params = new URLSearchParams(location.search);
  if (params.get('data') || params.get('src')) return start(root, await import(FULL));
  const explorer = await start(root, firstChart);
  if (!explorer) return null;
  const handOver = async (event) => {
    root.removeEventListener('tx-tools', handOver);
    let full;
    try {
      // Its wasm is fetched and compiled before the first chart goes.
      full = await import(FULL);
      await full.default();
    } catch (error) {
      // The first chart stays, and the next request tries again.
      root.addEventListener('tx-tools', handOver);
      root.querySelector('[role=status]')?.replaceChildren();
      showFailure(root.querySelector('[role=alert]'), 'Не удалось загрузить инструменты / The tools could not be loaded', error);
      return;
    }
    // The panels the reader had open (the data table, the embed snippets) stay open.
    const openPanels = [...root.querySelectorAll('details[open]')].map((panel) => panel.className);
    const embedOpen = root.querySelector(`${EMBED}[aria-expanded=true]`) !== null;
    explorer.destroy();
    if (!(await start(root, full))) return;
    for (const name of openPanels) root.querySelector(`details.${name}`)?.toggleAttribute('open', true);
    if (embedOpen) root.querySelector(EMBED).click();
    // For the benchmark: how long a reader waits for the tools the first time.
    performance.mark('technopolis:handover');
    redo(root, event.detail);
  };
  root.addEventListener('tx-tools', handOver);
  return explorer;
}

/** Does in the full build what the reader asked the first-chart build for. */
function redo(root, { tool, files }) {
  if (files?.length) {
    const input = root.querySelector('.tx-data input[type=file]');
    input.files = files;
    input.dispatchEvent(new Event('change'));
  } else if (tool === 'data') {
    const panel = root.querySelector('.tx-data');
    panel.open = true;
    panel.querySelector('summary').focus();
  } else {
    const button = root.querySelector(`[data-export="${tool}"]`);
    button?.focus();
    button?.click();
  }
}
