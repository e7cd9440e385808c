// What goes over from the first-chart build's explorer to the full build's when the full build
// takes over its element (the explorer page's, when a reader asks for a tool; the element's and
// mount()'s, once the full build has come): both builds build the same elements, so what the
// reader had open, typed and focused is found again by its place; a tool asked for meanwhile is
// then done by the full build.
const EMBED = '[aria-controls$="-embed"]';
const PASTE = '.tx-paste textarea';

/** Ends `light`, the first-chart build's explorer in `root`, keeping what the reader had open,
 *  typed, focused and shown there for `restore`; the mark whose tooltip showed is left where the
 *  full build reads it as it starts. */
export function leave(root, light) {
  const kept = keep(root);
  light.destroy();
  handOverShown(root, kept);
  return kept;
}

/** What the reader had open, typed and focused in `root`. */
function keep(root) {
  const place = [];
  // In a shadow root, the document's active element is the host's.
  for (let node = root.getRootNode().activeElement; node && node !== root && root.contains(node); node = node.parentElement) {
    place.unshift([...node.parentElement.children].indexOf(node));
  }
  return {
    shown: root.querySelector('[role=tooltip][data-mark]:not([hidden])')?.dataset.mark,
    panels: [...root.querySelectorAll('details[open]')].map((panel) => panel.className),
    embed: root.querySelector(`${EMBED}[aria-expanded=true]`) !== null,
    paste: root.querySelector(PASTE)?.value ?? '',
    place,
  };
}

/** Leaves in `root`, emptied by the first-chart build, the mark whose tooltip showed, in the
 *  stand-in the full build reads it from as it starts (as from the prerendered chart). */
function handOverShown(root, { shown }) {
  if (shown === undefined) return;
  const standIn = document.createElement('div');
  standIn.className = 'tx-snapshot';
  standIn.hidden = true;
  standIn.dataset.active = shown;
  root.append(standIn);
}

export function restore(root, { panels, embed, paste, place }) {
  for (const name of panels) root.querySelector(`details.${name}`)?.toggleAttribute('open', true);
  if (embed) root.querySelector(EMBED).click();
  root.querySelector(PASTE).value = paste;
  if (place.length) place.reduce((node, index) => node?.children[index], root)?.focus();
}

/** Does in the full build what the reader asked the first-chart build for. */
export function redo(root, { tool, files }) {
  if (files?.length) {
    const input = root.querySelector('.tx-data input[type=file]');
    input.files = files;
    input.dispatchEvent(new Event('change'));
  } else if (tool === 'paste') {
    root.querySelector('.tx-paste button').click();
  } else {
    // An export's button; "data" and "address" need nothing more than the hand-over itself.
    root.querySelector(`[data-export="${tool}"]`)?.click();
  }
}
