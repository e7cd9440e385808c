// <technopolis-chart>: the explorer as a custom element, in its own shadow DOM so that its styles
// and the host page's cannot reach each other. Attributes: view, measure, period, sort, labels,
// select, lang, theme, src (a same-origin dataset address) and height (a CSS length).
// Also exports mount(element, options), which resolves to an Explorer handle (see the README).
import init, { mount as mountNow } from './pkg/technopolis_explorer.js';

const ready = init();
const STYLESHEET = new URL('./style.css', import.meta.url).href;
const OPTIONS = ['view', 'measure', 'period', 'sort', 'labels', 'select', 'lang', 'theme', 'src'];

/** Builds an explorer inside `element` (which must have style.css applied); resolves to its
 *  handle, or rejects with a TypeError or RangeError for an option it does not take. */
export async function mount(element, options = {}) {
  await ready;
  return mountNow(element, options);
}

export class TechnopolisChart extends HTMLElement {
  static observedAttributes = [...OPTIONS, 'height'];
  #root;
  #explorer = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = STYLESHEET;
    this.#root = document.createElement('div');
    shadow.append(style, this.#root);
  }

  /** The Explorer handle once the chart has started, else null. */
  get explorer() {
    return this.#explorer;
  }

  async connectedCallback() {
    await ready;
    if (!this.isConnected || this.#explorer) return;
    const options = Object.fromEntries(OPTIONS.filter((name) => this.hasAttribute(name)).map((name) => [name, this.getAttribute(name)]));
    try {
      this.#explorer = mountNow(this.#root, options);
    } catch {
      // An attribute the explorer does not take: the chart starts with the others, and the
      // alert names each one it could not apply.
      this.#explorer = mountNow(this.#root, {});
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
