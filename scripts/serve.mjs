// Serves www/ on 127.0.0.1 with the right MIME types and a strict Content-Security-Policy.
// Usage: node scripts/serve.mjs [port]   (port 0 picks a free one; the chosen URL is printed)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../www', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Serves `root` at `/`, and each extra `mounts` entry (URL prefix -> folder) beside it.
export function serve(port = 0, mounts = {}) {
  const folders = Object.entries({ ...mounts, '/': ROOT }).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const [prefix, root] = folders.find(([p]) => path.startsWith(p));
    const inside = path.slice(prefix.length - 1);
    const file = normalize(join(root, inside.endsWith('/') ? `${inside}index.html` : inside));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'Cache-Control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`Technopolis Explorer: http://127.0.0.1:${server.address().port}/`);
}
