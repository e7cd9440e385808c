// Starts an explorer page in `root` from the wasm package's module; any failure to start is shown
// in the page (role="alert"), never only in the console. `wasm` may give the module's bytes.
export async function start(root, explorer, wasm) {
  try {
    await explorer.default(wasm ? { module_or_path: wasm } : undefined);
    return explorer.explore(root);
  } catch (error) {
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.className = 'tx-alert';
    alert.textContent = `Не удалось запустить график / The chart could not start: ${error?.message ?? error}`;
    root.append(alert);
    console.error(error);
    return null;
  }
}
