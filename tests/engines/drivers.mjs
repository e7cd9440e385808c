// The three engines the end-to-end cases run in, each driven over WebDriver (selenium-webdriver)
// through its own driver, started here on 127.0.0.1 only: Chromium with ChromeDriver, Firefox ESR
// with geckodriver (headless), and WebKitGTK's MiniBrowser with WebKitWebDriver, which has no
// headless mode and runs under xvfb-run. Setup installs all of them (scripts/setup.sh).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebDriver } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

/** How each engine's driver starts, and the capabilities of its session. */
export const ENGINES = {
  chromium: {
    command: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--window-size=1000,900'],
      },
    },
  },
  firefox: {
    command: (port) => [`${process.env.HOME}/.cargo/bin/geckodriver`, ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless', '--width=1000', '--height=900'] },
    },
  },
  webkit: {
    command: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1']],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
    },
  },
};

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Waits until the driver at `url` says it is ready. */
async function ready(url, driver) {
  for (let tries = 0; tries < 200; tries++) {
    if (driver.exitCode !== null) throw new Error(`the driver exited with ${driver.exitCode}`);
    const status = await fetch(`${url}/status`).then((r) => r.json()).catch(() => null);
    if (status?.value?.ready) return;
    await new Promise((later) => setTimeout(later, 100));
  }
  throw new Error(`the driver at ${url} did not get ready`);
}

/** Starts `engine`'s driver and a session in it. Resolves to the session, with `stop()`. */
export async function launch(engine) {
  const { command, capabilities } = ENGINES[engine];
  const port = await freePort();
  const [program, args] = command(port);
  // A process group of its own: xvfb-run's display and browser go with it.
  const driver = spawn(program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  driver.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  const stopDriver = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone already */ } };
  try {
    await ready(url, driver);
    const session = await WebDriver.createSession(new Executor(new HttpClient(url)), capabilities);
    session.stop = async () => {
      await session.quit().catch(() => {});
      stopDriver();
    };
    return session;
  } catch (error) {
    stopDriver();
    throw new Error(`${engine}: ${error.message}\n${log}`);
  }
}
