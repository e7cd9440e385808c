// <technopolis-chart>: the explorer as a custom element, in its own shadow DOM so that its styles
// and the host page's cannot reach each other. Attributes: view, measure, period, sort, labels,
// select, lang, theme, src (a same-origin dataset address) and height (a CSS length).
// Also exports mount(element, options), which resolves to an Explorer handle (see the README).
// Both start as the explorer page does: the prerendered chart for their state at once, answering
// a pointer; the live chart from the first-chart build as soon as its smaller wasm has come; then
// the full build, fetched once that wasm has come, takes over in place with what the reader
// changed, opened and focused meanwhile, and only then is the handle given (`ready`, mount's
// promise), because its loadText and exports answer at once. Hosts load it bundled with the
// modules it imports, as technopolis-chart.js (scripts/build.sh), beside the two builds.
import { LOADING, wanted } from './snapshot-key.js';
import { showPrerendered } from './prerendered.js';
import { answerPointer } from './snapshot-pointer.js';
import { leave, redo, restore } from './handover.js';
import { showToolsFailure } from './start.js';

// Each wasm named here, not left to its glue: bundled, both glues would look for theirs under
// one name beside the bundle.
const FIRST_WASM = new URL('./pkg-first/technopolis_explorer_bg.wasm', import.meta.url);
const FULL_WASM = new URL('./pkg/technopolis_explorer_bg.wasm', import.meta.url);
// Imported, not waited for: the element and its first paint need none of it. The wasm is asked
// for beside its glue, not once the glue has come, so that both take one round trip.
const firstWasm = fetch(FIRST_WASM);
firstWasm.catch(() => {}); // met where the glue starts with it: the full build then starts alone
const firstGlue = import('./pkg-first/technopolis_explorer.js').then(async (glue) => {
  await glue.default({ module_or_path: firstWasm });
  return glue;
});
let fullGlue = null;
// The full build's files, asked for ahead of full() (see askFullWhenFirstHasCome).
let fullAhead = null;

/** Asks for the full build's glue and wasm. */
const askFull = () => ({ glue: import('./pkg/technopolis_explorer.js'), wasm: fetch(FULL_WASM) });

/** The full build, from its files as asked for ahead or asked for now; asked again after a
 *  failure. */
function full() {
  fullGlue ??= (async () => {
    const { glue, wasm } = fullAhead ?? askFull();
    fullAhead = null;
    const module = await glue;
    await module.default({ module_or_path: wasm });
    // A reader's own dataset is read in this worker, beside this script.
    module.setLoader(new URL('./load-worker.min.js', import.meta.url).href);
    return module;
  })().catch((error) => {
    fullGlue = null;
    throw error;
  });
  return fullGlue;
}

let watching = false;
/** Asks for the full build's files as soon as the first-chart wasm has been downloaded, not once
 *  its chart is live, so that the two wasm files do not share a slow line and yet the second
 *  downloads while the first build compiles, starts and draws. The browser's resource timing
 *  says when that download has ended; where it says nothing, the first build's start does. */
function askFullWhenFirstHasCome() {
  if (watching) return;
  watching = true;
  const ask = () => {
    if (fullGlue || fullAhead) return;
    fullAhead = askFull();
    // A failure here is met again, and said to the reader, when full() takes these.
    for (const part of Object.values(fullAhead)) part.catch(() => {});
  };
  firstGlue.then(ask, () => {});
  if (typeof PerformanceObserver !== 'function') return;
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((entry) => entry.name === FIRST_WASM.href)) return;
    observer.disconnect();
    ask();
  });
  try {
    observer.observe({ type: 'resource', buffered: true });
  } catch {
    // An engine without resource entries: the first build's start asks.
  }
}

/** Options as the URL query the first-chart build reads: text, numbers and booleans as the URL
 *  writes them; a value it does not know keeps its default until the full build says why. */
function query(options) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(options)) {
    if (typeof value === 'string' || typeof value === 'number') params.set(name, String(value));
    else if (typeof value === 'boolean') params.set(name, value ? 'on' : 'off');
  }
  return params.toString();
}

/** The first-chart build's live chart in `root`, from `options`; null when the options name a
 *  dataset address (the full build reads it), when that build cannot start (the full build then
 *  starts alone), or when `alive()` no longer wants it by the time it has come. */
async function startFirstChart(root, options, alive = () => true) {
  if (options === null || typeof options !== 'object' || options.src || options.data) return null;
  askFullWhenFirstHasCome();
  try {
    const glue = await firstGlue;
    return alive() ? glue.mountFirstChart(root, query(options)) : null;
  } catch (error) {
    console.error(error);
    return null;
  }
}

/** What differs between two states, as options: the new value, or '' for one back at its default. */
function changes(before, after) {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries([...names].filter((name) => before[name] !== after[name]).map((name) => [name, after[name] ?? '']));
}

/** Hands `root` over from `light`, the first-chart build's explorer (or none), to the full build
 *  once it has come: `mountFull(glue, changed)` builds and returns the full build's explorer with
 *  what the reader changed meanwhile; what they had open, typed and focused, and a tool they asked
 *  for (`asked`, or a request meanwhile), go over to it. Null if `alive()` no longer wants it. */
async function handOver(root, light, alive, mountFull, asked = null) {
  const before = light?.state();
  const ask = (event) => {
    asked = event.detail;
  };
  root.addEventListener('tx-tools', ask);
  try {
    const glue = await full();
    if (!alive()) return null;
    const changed = light ? changes(before, light.state()) : {};
    const kept = light && leave(root, light);
    const explorer = mountFull(glue, changed);
    if (kept) restore(root, kept);
    if (asked) redo(root, asked);
    return explorer;
  } finally {
    root.removeEventListener('tx-tools', ask);
  }
}

const STYLESHEET = new URL('./style.min.css', import.meta.url).href;
const OPTIONS = ['view', 'measure', 'period', 'sort', 'labels', 'select', 'lang', 'theme', 'src'];

/** Shows in `root`, an explorer's element, the loading state and the prerendered chart for the
 *  settings `get` gives; `styled` resolves when its stylesheet applies. */
function showFirst(root, get, styled) {
  const { lang, theme, key } = wanted(get);
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.classList.add('tx-explorer');
  root.lang = lang;
  root.dataset.theme = dark ? 'dark' : 'light';
  const loading = document.createElement('p');
  loading.className = 'tx-loading';
  loading.setAttribute('role', 'status');
  loading.dataset.shown = '';
  loading.textContent = LOADING[key === 'data' ? 'data' : 'chart'][lang];
  root.replaceChildren(loading);
  answerPointer(root);
  return showPrerendered(root, get, styled).then(() => {
    // An element has no embed snippets to offer: the live explorer hides its button too.
    const embed = root.querySelector('.tx-prerendered [aria-controls$="-embed"]');
    if (embed) embed.hidden = true;
  });
}

/** Builds an explorer inside `element` (which must have style.min.css applied); resolves to its
 *  handle, or rejects with a TypeError or RangeError for an option it does not take. */
export async function mount(element, options = {}) {
  // Into an empty element only: one that shows an explorer keeps it if the options are refused.
  const empty = element.childElementCount === 0;
  let light = null;
  try {
    if (empty) {
      showFirst(element, (name) => (typeof options?.[name] === 'string' ? options[name] : null));
      light = await startFirstChart(element, options);
    }
    const withChanges = (changed) => (Object.keys(changed).length ? { ...options, ...changed } : options);
    return await handOver(element, light, () => true, (glue, changed) => glue.mount(element, withChanges(changed)));
  } catch (error) {
    light?.destroy();
    if (empty) element.replaceChildren();
    throw error;
  }
}

export class TechnopolisChart extends HTMLElement {
  static observedAttributes = [...OPTIONS, 'height'];
  #root;
  #styled;
  #explorer = null;
  // The first-chart build's explorer until the full build takes over, and the starts begun.
  #light = null;
  #runs = 0;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = STYLESHEET;
    this.#styled = new Promise((done) => {
      style.addEventListener('load', done, { once: true });
      style.addEventListener('error', done, { once: true });
    });
    this.#root = document.createElement('div');
    shadow.append(style, this.#root);
  }

  /** The Explorer handle once the chart has started, else null. */
  get explorer() {
    return this.#explorer;
  }

  async connectedCallback() {
    if (this.#explorer || this.#light) return;
    const run = ++this.#runs;
    const alive = () => run === this.#runs && this.isConnected;
    showFirst(this.#root, (name) => this.getAttribute(name), this.#styled);
    const light = await startFirstChart(this.#root, this.#options(), alive);
    if (!alive()) {
      light?.destroy();
      return;
    }
    this.#light = light;
    this.#handOver(alive);
  }

  disconnectedCallback() {
    this.#runs++;
    this.#light?.destroy();
    this.#light = null;
    this.#explorer?.destroy();
    this.#explorer = null;
  }

  /** The attributes the explorer takes, as options. */
  #options() {
    return Object.fromEntries(OPTIONS.filter((name) => this.hasAttribute(name)).map((name) => [name, this.getAttribute(name)]));
  }

  /** Gives the chart to the full build, then says `ready`. If that build cannot be loaded, the
   *  first chart stays, says so, and the reader's next request for a tool tries again. */
  async #handOver(alive, asked = null) {
    let explorer;
    try {
      explorer = await handOver(this.#root, this.#light, alive, (glue, changed) => this.#mountFull(glue, changed), asked);
    } catch (error) {
      if (!alive()) return;
      showToolsFailure(this.#root, error);
      this.#root.addEventListener('tx-tools', (event) => alive() && this.#handOver(alive, event.detail), { once: true });
      return;
    }
    if (!explorer) return;
    this.#light = null;
    this.#applyHeight();
    this.dispatchEvent(new CustomEvent('ready', { detail: explorer.state() }));
  }

  /** The full build's explorer, from the attributes and what the reader changed in the first. */
  #mountFull(glue, changed) {
    const options = this.#options();
    try {
      this.#explorer = glue.mount(this.#root, { ...options, ...changed });
    } catch {
      // An attribute the explorer does not take: the chart starts with the others, and the
      // alert names each one it could not apply.
      this.#explorer = glue.mount(this.#root, changed);
      for (const [name, value] of Object.entries(options)) if (!(name in changed)) this.#set({ [name]: value });
    }
    return this.#explorer;
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'height') this.#applyHeight();
    else if (this.#explorer) this.#set({ [name]: value ?? '' });
  }

  /** Applies options; one the explorer refuses is said in its alert, and the chart stays. */
  #set(options) {
    try {
      this.#explorer.set(options);
    } catch (error) {
      console.error(error);
      const alert = this.#root.querySelector('[role=alert]');
      if (alert) alert.textContent = error.message;
    }
  }

  #applyHeight() {
    const height = this.getAttribute('height');
    this.#root.style.setProperty('max-height', height ?? '');
    this.#root.style.setProperty('overflow', height ? 'auto' : '');
  }
}

if (!customElements.get('technopolis-chart')) customElements.define('technopolis-chart', TechnopolisChart);
