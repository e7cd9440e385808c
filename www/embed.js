// The explorer inside an iframe: its state is the iframe's URL (same parameters as the explorer),
// and it tells the host page its height whenever that changes:
//   { type: 'technopolis-explorer:height', height: <CSS pixels> }
import init, { explore } from './pkg/technopolis_explorer.js';

const root = document.getElementById('explorer');
const tellHeight = () => parent.postMessage({ type: 'technopolis-explorer:height', height: document.documentElement.scrollHeight }, '*');
try {
  await init();
  explore(root);
} catch (error) {
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = 'tx-alert';
  alert.textContent = `Не удалось запустить график / The chart could not start: ${error?.message ?? error}`;
  root.append(alert);
}
new ResizeObserver(tellHeight).observe(document.documentElement);
tellHeight();
