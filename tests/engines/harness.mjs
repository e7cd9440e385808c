// One harness for the cases that run in every engine (tests/engines/explorer.test.mjs): a server
// for www/ (and the fixtures) that collects what the strict policy blocks, and a browser of the
// engine asked for, driven over WebDriver, with the few things the cases do to a page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Key, until } from 'selenium-webdriver';
import { Pointer } from 'selenium-webdriver/lib/input.js';
import { PNG } from 'pngjs';
import { serve } from '../../scripts/serve.mjs';
import { ENGINES, launch } from './drivers.mjs';

export { Key };

/** The engines to run in: all three, or those named in ENGINES (comma-separated). */
export const engines = () => (process.env.ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((e) => e.trim()).filter(Boolean);

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

export class Browser {
  /** Starts the server and `engine`'s browser. A folder of the test's own is served at /host/. */
  static async start(engine) {
    const violations = [];
    const host = mkdtempSync(join(tmpdir(), 'technopolis-host-'));
    const server = await serve(0, { '/fixtures/': fixtures, '/host/': host }, undefined, { violations });
    const driver = await launch(engine);
    await driver.manage().window().setRect({ width: 1000, height: 900 });
    return new Browser(engine, driver, server, violations, host);
  }

  constructor(engine, driver, server, violations, host) {
    Object.assign(this, { engine, driver, server, violations, host });
    this.base = `http://127.0.0.1:${server.address().port}/`;
  }

  async stop() {
    await this.driver.stop();
    this.server.close();
  }

  /** Runs `fn` in the page with `args`, and gives back what it returns (a promise is awaited). */
  run(fn, ...args) {
    return this.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, [...arguments].slice(0, -1))).then(done, (e) => done({ thrown: String(e?.stack ?? e) }));`, ...args)
      .then((result) => {
        if (result?.thrown) throw new Error(`in the page: ${result.thrown}`);
        return result;
      });
  }

  /** Waits until `fn` (run in the page) gives something true, and gives it back. */
  async until(fn, args = [], timeout = 20_000) {
    let last;
    await this.driver.wait(async () => (last = await this.run(fn, ...args)), timeout, `waited for ${fn}`);
    return last;
  }

  /** Opens a page of the server and waits for its live chart (a canvas drawn on) in the page or,
   *  with `within`, in that element's shadow root. */
  async open(path, { within = null, live = true } = {}) {
    await this.driver.get(this.base + path);
    if (live) await this.until(drawnChart, [within]);
  }

  /** A pointer (mouse) move to (x, y) of the viewport, in CSS pixels. */
  async move(x, y) {
    await this.driver.actions().move({ x: Math.round(x), y: Math.round(y), duration: 0 }).perform();
  }

  /** A mouse click at (x, y). */
  async click(x, y) {
    await this.driver.actions().move({ x: Math.round(x), y: Math.round(y), duration: 0 }).press().release().perform();
  }

  /** A finger's tap at (x, y). WebKitWebDriver (WebKitGTK 2.50) delivers a touch action as a
   *  mouse's (pointerType "mouse", no touch events): in WebKit the finger's pointer events are
   *  dispatched in the page instead, as a touch screen gives them. */
  async tap(x, y) {
    if (this.engine === 'webkit') {
      await this.run(tapInPage, Math.round(x), Math.round(y));
      return;
    }
    const finger = new Pointer('finger', Pointer.Type.TOUCH);
    await this.driver.actions().insert(finger, finger.move({ x: Math.round(x), y: Math.round(y), duration: 0 }), finger.press(), finger.release()).perform();
  }

  /** Keys pressed on whatever has the focus. */
  async press(...keys) {
    await this.driver.actions().sendKeys(...keys).perform();
  }

  /** What the policy blocked since the last call. */
  blocked() {
    return this.violations.splice(0);
  }

  /** The pixels of the viewport as the engine painted them: { width, height, at(x, y) -> [r, g, b] }. */
  async pixels() {
    const png = PNG.sync.read(Buffer.from(await this.driver.takeScreenshot(), 'base64'));
    const at = (x, y) => {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    };
    return { width: png.width, height: png.height, at };
  }

  /** Waits for the element `selector` (in the page, not a frame) to be there. */
  element(selector) {
    return this.driver.wait(until.elementLocated({ css: selector }), 20_000);
  }
}

/** Whether the live chart is drawn: a canvas of the page (or of `within`'s shadow root) with a
 *  backing store the layout sized. Run in the page. */
function drawnChart(within) {
  const root = within ? document.querySelector(within)?.shadowRoot : document;
  const canvas = root?.querySelector('.tx-figure canvas[aria-label]');
  return Boolean(canvas && canvas.height > 150);
}

/** A finger's pointer events at (x, y), then its click, after what a scroll just now sends the
 *  mouse resting elsewhere (WebKit moves it over what scrolled under it, a frame later). Run in
 *  the page. */
async function tapInPage(x, y) {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  let target = document.elementFromPoint(x, y);
  while (target?.shadowRoot?.elementFromPoint(x, y) && target.shadowRoot.elementFromPoint(x, y) !== target) target = target.shadowRoot.elementFromPoint(x, y);
  const init = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true, pointerType: 'touch', isPrimary: true, pointerId: 2 };
  for (const type of ['pointerdown', 'pointerup']) target.dispatchEvent(new PointerEvent(type, init));
  target.dispatchEvent(new PointerEvent('click', init));
}
