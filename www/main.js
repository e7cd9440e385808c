// The explorer's own page (and its iframe): the prerendered chart at once, then the explorer in
// #explorer, its state in the URL.
import { startFirstChart } from './first-chart.js';
import { showPrerendered } from './prerendered.js';

const root = document.getElementById('explorer');
const params = new URLSearchParams(location.search);
showPrerendered(root, (name) => params.get(name));
startFirstChart(root);
