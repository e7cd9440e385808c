// Starts the explorer in #explorer. Any failure to start is shown in the page, never only in the console.
import init, { explore } from './pkg/technopolis_explorer.js';

const root = document.getElementById('explorer');
try {
  await init();
  explore(root);
} catch (error) {
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = 'tx-alert';
  alert.textContent = `Не удалось запустить график / The chart could not start: ${error?.message ?? error}`;
  root.append(alert);
  console.error(error);
}
