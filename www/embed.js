// The explorer inside an iframe: its state is the iframe's URL (same parameters as the explorer),
// and it tells the host page its height whenever that changes:
//   { type: 'technopolis-explorer:height', height: <CSS pixels> }
import { startPage } from './page.js';

const tellHeight = () => parent.postMessage({ type: 'technopolis-explorer:height', height: document.documentElement.scrollHeight }, '*');
new ResizeObserver(tellHeight).observe(document.documentElement);
await startPage();
tellHeight();
