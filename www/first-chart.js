// Starts the explorer page (or its iframe) with the first-chart build, which shows the embedded
// dataset and every view but carries no dataset reader and no exports. When the reader asks for
// one of those, it sends `tx-tools`; the full build is then loaded and takes over the element
// from the same state (the page's URL), with what the reader had open, typed and focused, and
// does what was asked: reads the file picked or dropped, shows the paste, or makes the export. A
// dataset address in the URL is asked for at once, before anything is shown.
import * as firstChart from './pkg-first/technopolis_explorer.js';
import { leave, redo, restore } from './handover.js';
import { showToolsFailure, start } from './start.js';

const FULL = './pkg/technopolis_explorer.js';
// Named here: bundled into the page's script, the glue would look for its wasm beside that script.
const FIRST_WASM = new URL('./pkg-first/technopolis_explorer_bg.wasm', import.meta.url);
// The worker the full build reads a reader's own datasets in.
const LOADER = new URL('./load-worker.min.js', import.meta.url).href;

export async function startFirstChart(root) {
  let explorer = null;
  // The reader's latest request while the full build loads is the one carried out.
  let asked = null;
  const handOver = async (event) => {
    const loading = asked !== null;
    asked = event.detail;
    if (loading) return;
    let full;
    try {
      // Its wasm is fetched and compiled before the first chart goes.
      full = await import(FULL);
      await full.default();
      full.setLoader(LOADER);
    } catch (error) {
      // The first chart stays, and the next request tries again.
      asked = null;
      showToolsFailure(root, error);
      return;
    }
    root.removeEventListener('tx-tools', handOver);
    const kept = leave(root, explorer);
    if (!(await start(root, full))) return;
    restore(root, kept);
    // For the benchmark: how long a reader waits for the tools the first time.
    performance.mark('technopolis:handover');
    redo(root, asked);
  };
  // Listening before the start: a dataset address in the URL is asked for while it starts.
  root.addEventListener('tx-tools', handOver);
  explorer = await start(root, firstChart, FIRST_WASM);
  return explorer;
}
