// <technopolis-chart>: the explorer as a custom element, in its own shadow DOM so that its styles
// and the host page's cannot reach each other. Attributes: view, measure, period, sort, labels,
// select, lang, theme, src (a same-origin dataset address) and height (a CSS length).
// Also exports mount(element, options), which resolves to an Explorer handle (see the README).
// Both show the prerendered chart for their state at once, answering a pointer, while the wasm
// loads.
import { LOADING, wanted } from './snapshot-key.js';
import { showPrerendered } from './prerendered.js';
import { answerPointer } from './snapshot-pointer.js';

// Imported, not waited for: the element and its first paint need none of it.
const glue = import('./pkg/technopolis_explorer.js').then(async (explorer) => {
  await explorer.default();
  // A reader's own dataset is read in this worker, beside this script.
  explorer.setLoader(new URL('./load-worker.min.js', import.meta.url).href);
  return explorer;
});
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
  if (empty) showFirst(element, (name) => (typeof options[name] === 'string' ? options[name] : null));
  try {
    return (await glue).mount(element, options);
  } catch (error) {
    if (empty) element.replaceChildren();
    throw error;
  }
}

export class TechnopolisChart extends HTMLElement {
  static observedAttributes = [...OPTIONS, 'height'];
  #root;
  #styled;
  #explorer = null;

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
    if (this.#explorer) return;
    showFirst(this.#root, (name) => this.getAttribute(name), this.#styled);
    const explorer = await glue;
    if (!this.isConnected || this.#explorer) return;
    const options = Object.fromEntries(OPTIONS.filter((name) => this.hasAttribute(name)).map((name) => [name, this.getAttribute(name)]));
    try {
      this.#explorer = explorer.mount(this.#root, options);
    } catch {
      // An attribute the explorer does not take: the chart starts with the others, and the
      // alert names each one it could not apply.
      this.#explorer = explorer.mount(this.#root, {});
      for (const [name, value] of Object.entries(options)) this.#set({ [name]: value });
    }
    this.#applyHeight();
    this.dispatchEvent(new CustomEvent('ready', { detail: this.#explorer.state() }));
  }

  disconnectedCallback() {
    this.#explorer?.destroy();
    this.#explorer = null;
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
