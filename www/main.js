// The explorer page: the explorer in #explorer, its state in the URL.
import { startFirstChart } from './first-chart.js';

startFirstChart(document.getElementById('explorer'));
