// Shows the prerendered chart a state asks for until the live explorer draws in its place
// (docs/ARCHITECTURE.md, "First paint"). The page holds the default one inline; any other is
// fetched from snapshots/, beside the wasm, and shown if it arrives first. A state without a
// snapshot shows the loading state the page or the element put there.
import { INLINE_SNAPSHOT, wanted } from './snapshot-key.js';

const FOLDER = new URL('./snapshots/', import.meta.url);

/** `root` still shows what was there before the explorer: its loading state, or the page's
 *  default snapshot. Not once the live explorer has drawn there, nor after it was destroyed. */
const waiting = (root) => root.querySelector('canvas') === null && root.querySelector(':scope > :is(.tx-loading, .tx-prerendered)') !== null;

/** Fetches and shows in `root` the snapshot for the settings `get` gives, unless it is already
 *  there, or there is none, or the live explorer is first. `ready` resolves when the root's
 *  stylesheet applies (an element's, in its shadow root), so that nothing shows unstyled. */
export async function showPrerendered(root, get, ready = Promise.resolve()) {
  const { key } = wanted(get);
  if (!key || key === 'data' || root.querySelector(`.tx-prerendered[data-snapshot="${key}"]`)) return;
  if (key === INLINE_SNAPSHOT && root.querySelector('.tx-prerendered')) return;
  let text;
  try {
    const response = await fetch(new URL(`${key}.html`, FOLDER));
    if (!response.ok) return;
    text = await response.text();
    await ready;
  } catch {
    // The loading state stays until the live chart comes.
    return;
  }
  if (!waiting(root)) return;
  // The page's default one is for another state: it goes with the loading state.
  for (const other of root.querySelectorAll('.tx-loading, .tx-prerendered')) other.remove();
  root.insertAdjacentHTML('beforeend', text);
  const title = root.lastElementChild?.dataset.title;
  if (title && root.ownerDocument.getElementById('explorer') === root) root.ownerDocument.title = title;
}
