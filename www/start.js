// Starts an explorer page in `root` from a wasm package's module; any failure to start is shown
// in the page (role="alert"), never only in the console. `wasm` may give the module's bytes or
// its address.
export async function start(root, explorer, wasm) {
  try {
    await explorer.default(wasm ? { module_or_path: wasm } : undefined);
    return explorer.explore(root);
  } catch (error) {
    showFailure(newAlert(root), 'Не удалось запустить график / The chart could not start', error);
    return null;
  }
}

/** An alert of its own at the end of `root`. */
function newAlert(root) {
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = 'tx-alert';
  return root.appendChild(alert);
}

/** Says in the first chart's alert (or one of its own, if no explorer has started in `root`) that
 *  the full build could not be loaded; the first chart stays. */
export function showToolsFailure(root, error) {
  root.querySelector('[role=status]')?.replaceChildren();
  showFailure(root.querySelector(':scope > [role=alert]') ?? newAlert(root), 'Не удалось загрузить инструменты / The tools could not be loaded', error);
}

/** Says in `alert` what failed, and why. */
function showFailure(alert, what, error) {
  alert.textContent = `${what}: ${error?.message ?? error}`;
  console.error(error);
}
