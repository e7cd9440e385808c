// The explorer inside an iframe: its state is the iframe's URL (same parameters as the explorer),
// and it tells the host page its height whenever that changes:
//   { type: 'technopolis-explorer:height', height: <CSS pixels> }
import { startFirstChart } from './first-chart.js';

const tellHeight = () => parent.postMessage({ type: 'technopolis-explorer:height', height: document.documentElement.scrollHeight }, '*');
await startFirstChart(document.getElementById('explorer'));
new ResizeObserver(tellHeight).observe(document.documentElement);
tellHeight();
