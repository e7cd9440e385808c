// The benchmark's Chart.js page: the bars our explorer shows (labels and values, inline in the
// page, as a host would write them), drawn by Chart.js at the canvas size the explorer used
// (?w=&h=, CSS pixels) and the page's devicePixelRatio, with its tooltip on.
const params = new URLSearchParams(location.search);
const bars = JSON.parse(document.getElementById('bars').textContent);
const canvas = document.getElementById('chart');
window.benchChart = new Chart(canvas, {
  type: 'bar',
  data: { labels: bars.labels, datasets: [{ label: bars.title, data: bars.values, backgroundColor: '#0072b2' }] },
  options: {
    indexAxis: 'y',
    responsive: false,
    animation: false,
    // A row is hovered anywhere across it, as in the explorer.
    interaction: { mode: 'nearest', axis: 'y', intersect: false },
    plugins: { legend: { display: false }, title: { display: true, text: bars.title } },
  },
});
// responsive: false keeps the size given here, like the explorer's laid-out canvas.
window.benchChart.resize(Number(params.get('w')), Number(params.get('h')));
performance.mark('chartjs:first-chart');
