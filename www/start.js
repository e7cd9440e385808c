// Starts an explorer page in `root` from a wasm package's module; any failure to start is shown
// in the page (role="alert"), never only in the console. `wasm` may give the module's bytes or
// its address.
export async function start(root, explorer, wasm) {
  try {
    await explorer.default(wasm ? { module_or_path: wasm } : undefined);
    return explorer.explore(root);
  } catch (error) {
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.className = 'tx-alert';
    root.append(alert);
    showFailure(alert, 'Не удалось запустить график / The chart could not start', error);
    return null;
  }
}

/** Says in `alert` what failed, and why. */
export function showFailure(alert, what, error) {
  alert.textContent = `${what}: ${error?.message ?? error}`;
  console.error(error);
}
