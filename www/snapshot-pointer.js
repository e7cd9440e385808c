// The prerendered chart answers a pointer before the wasm has come (docs/ARCHITECTURE.md, "First
// paint"): the mark under a mouse, or under a tap, gets the live chart's highlight and tooltip.
// The build wrote both beside each snapshot: for every mark its highlight, drawn by the live
// chart's own code, with the areas that hit and place it (src/snapshot.rs), and its tooltip as
// the live explorer writes it (scripts/prerender.mjs). The live explorer, when it takes over,
// starts from the mark shown here (`data-active`). Nothing is laid out here: the two rules below
// follow the live chart's, and tests/e2e/first-paint.test.mjs holds them to it.

/** "x y width height" as a rectangle. */
function rect(text) {
  const [x, y, w, h] = text.split(' ').map(Number);
  return { x, y, w, h };
}

const contains = (r, x, y) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

/** The mark under (x, y), as `Scene::hit`: of those whose area holds the point, the one whose bar's
 *  centre is nearest. */
function hit(marks, x, y) {
  let best = null;
  let nearest = Infinity;
  marks.forEach(({ band, bar }, index) => {
    if (!contains(band, x, y)) return;
    const distance = (bar.x + bar.w / 2 - x) ** 2 + (bar.y + bar.h / 2 - y) ** 2;
    if (distance < nearest) [best, nearest] = [index, distance];
  });
  return best;
}

const within = (value, low, high) => Math.min(Math.max(value, low), high);

/** Each snapshot's marks (highlight, hit area, bar), read from its attributes once. */
const marksOf = new WeakMap();
function marks(snap) {
  if (!marksOf.has(snap)) {
    marksOf.set(snap, [...snap.querySelectorAll(':scope > .tx-lit')].map((lit) => ({ lit, band: rect(lit.dataset.band), bar: rect(lit.dataset.bar) })));
  }
  return marksOf.get(snap);
}

/** Where a tooltip of `w` × `h` goes beside `bar` in a figure of `width` × `height`, as
 *  `place_tooltip` (src/interaction.rs): right of it if it fits, else below, else above. */
function place(bar, w, h, width, height) {
  const GAP = 8;
  const right = bar.x + bar.w;
  const x = right + GAP + w <= width ? right + GAP : Math.max(bar.x, right - w);
  const below = bar.y + bar.h + GAP;
  const y = x > right ? bar.y + bar.h / 2 - h / 2 : below + h <= height ? below : bar.y - GAP - h;
  return [within(x, 0, Math.max(width - w, 0)), within(y, 0, Math.max(height - h, 0))];
}

/** The roots already answering. */
const answering = new WeakSet();

/** Answers pointers on the prerendered charts inside `root` (the page's document, or an element's
 *  root) until the live explorer has replaced them. */
export function answerPointer(root) {
  if (answering.has(root)) return;
  answering.add(root);
  let shown = null;
  const hide = () => {
    if (!shown) return;
    const { lit, image, tooltip } = shown;
    lit.classList.remove('tx-on');
    tooltip.hidden = true;
    tooltip.replaceChildren();
    image.removeAttribute('data-active');
    image.setAttribute('aria-describedby', image.getAttribute('aria-describedby').split(' ').filter((id) => id !== tooltip.id).join(' '));
    shown = null;
  };
  const show = (snap, lit, index, bar) => {
    const figure = snap.closest('figure');
    const tooltip = figure?.querySelector('[role=tooltip]');
    const tip = snap.closest('.tx-prerendered')?.querySelector('template.tx-tips')?.content.children[index];
    if (!tooltip || !tip) return;
    if (shown?.lit === lit) return;
    hide();
    const image = snap.closest('[role=img]');
    lit.classList.add('tx-on');
    tooltip.replaceChildren(...tip.cloneNode(true).childNodes);
    tooltip.hidden = false;
    image.dataset.active = index;
    image.setAttribute('aria-describedby', `${tooltip.id} ${image.getAttribute('aria-describedby')}`);
    const [x, y] = place(bar, tooltip.offsetWidth, tooltip.offsetHeight, figure.clientWidth, figure.clientHeight);
    tooltip.style.left = `${x}px`;
    tooltip.style.top = `${y}px`;
    shown = { lit, image, tooltip };
  };
  const answer = (event) => {
    if (root.querySelector('.tx-figure canvas')) {
      // The live explorer has taken over: it answers from now on.
      for (const [name, listener] of listeners) root.removeEventListener(name, listener);
      answering.delete(root);
      return;
    }
    const target = event.composedPath()[0];
    const snap = target instanceof Element ? target.closest('.tx-snap') : null;
    const chart = snap?.querySelector(':scope > svg');
    if (!chart) return hide();
    // The narrowest snapshot is drawn smaller on a narrower figure: back to its own pixels.
    const box = chart.getBoundingClientRect();
    const scale = box.width / Number(snap.dataset.width);
    const found = marks(snap);
    const index = hit(found, (event.clientX - box.left) / scale, (event.clientY - box.top) / scale);
    if (index === null) return hide();
    // The bar in the figure's pixels, where the tooltip is placed.
    const figure = snap.closest('figure')?.getBoundingClientRect() ?? box;
    const { x, y, w, h } = found[index].bar;
    show(snap, found[index].lit, index, { x: box.left - figure.left + x * scale, y: box.top - figure.top + y * scale, w: w * scale, h: h * scale });
  };
  const listeners = [
    // A mouse or a pen hovers; a finger has no hover, and a tap (a click) stands in for it.
    ['pointermove', (event) => event.pointerType !== 'touch' && answer(event)],
    ['click', answer],
    ['pointerout', (event) => !event.relatedTarget && hide()],
  ];
  for (const [name, listener] of listeners) root.addEventListener(name, listener);
}
