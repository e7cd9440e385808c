// The explorer's loading worker: reads a reader's own dataset (a file, pasted text or a
// same-origin address) with the explorer's own wasm, the module the page compiled and posted
// here, and sends it to the page in pieces, saying how far it has come (src/web/reader.rs runs
// here, src/web/loading.rs on the page). The page ends the work by terminating the worker.
// Bundled with the explorer's glue into load-worker.min.js, a classic worker script, which the
// page starts from its own site (the strict policy's worker-src 'self'), or from a blob in the
// offline file.
import { initSync, DatasetReader } from './pkg/technopolis_explorer.js';

/** How often at most the page is told how far the work has come. */
const EVERY_MS = 50;
/** Pasted text is handed to the reader in parts of this many bytes, to tell how far it has come. */
const PART = 1 << 20;

let lastTold = 0;
/** Tells the page `report`, unless it was told something `EVERY_MS` ago or less (`always`: tell). */
function tell(report, always = false) {
  const now = performance.now();
  if (!always && now - lastTold < EVERY_MS) return;
  lastTold = now;
  postMessage(report);
}

/** The parts of what is to be read, as they come, and its size in bytes (0 when not known). */
async function opened({ file, text, address }) {
  if (file) return { parts: file.stream().getReader(), size: file.size };
  if (address !== undefined) {
    const response = await fetch(address);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // A compressed body's length is not the length read.
    const length = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length') ?? 0);
    return { parts: response.body.getReader(), size: length };
  }
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const parts = { read: async () => (at < bytes.length ? { value: bytes.subarray(at, (at += PART)), done: false } : { done: true }) };
  return { parts, size: bytes.length };
}

/** Whether the browser has no more memory to give the module: it cannot grow by 16 MB. */
function outOfMemory(memory) {
  try {
    memory.grow(256);
    return false;
  } catch {
    return true;
  }
}

onmessage = async ({ data }) => {
  let exports = null;
  let read = 0;
  try {
    exports = initSync({ module: data.module });
    const { parts, size } = await opened(data);
    const reader = new DatasetReader(data.name, size, data.lang);
    for (let part = await parts.read(); !part.done; part = await parts.read()) {
      reader.push(part.value);
      read += part.value.length;
      tell({ kind: 'read', read, size });
    }
    tell({ kind: 'read', read, size }, true);
    tell({ kind: 'parsing' }, true);
    const pieces = reader.finish((checked, total) => tell({ kind: 'checked', checked, total }, checked === total));
    postMessage({ kind: 'pieces', count: pieces.length });
    for (const piece of pieces) postMessage({ kind: 'piece', piece }, [piece.buffer]);
  } catch (error) {
    if (Number.isInteger(error?.count)) {
      postMessage({ kind: 'refused', count: error.count, problems: error.problems });
    } else {
      const memory = error instanceof WebAssembly.RuntimeError && exports !== null && outOfMemory(exports.memory);
      postMessage({ kind: 'failed', memory, bytes: read, message: String(error?.message ?? error) });
    }
  }
};
