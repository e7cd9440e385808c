// Serves www/ on 127.0.0.1 as a host should (docs/HOSTING.md): the right MIME types, a strict
// Content-Security-Policy, and compressed bodies, brotli or gzip as the browser accepts them
// (the build's precompressed .br and .gz files where there are some, else compressed here once
// and kept), so that every test and benchmark sees what a reader's browser sees.
// Usage: node scripts/serve.mjs [port] [folder]   (port 0 picks a free one; the chosen URL is
// printed; the folder is www/ unless given, dist/site/ for what a host deploys)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

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

/** The pages' policy: the same, with the hashes of their inline stylesheet and first script,
 *  which the build writes into the served folder's csp.json. */
async function pagePolicy(root) {
  const written = await readFile(join(root, 'csp.json'), 'utf8').catch(() => null);
  return written ? JSON.parse(written).page : CSP;
}

/** The encodings served, best first, with how to make each. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br', compress: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) },
  { name: 'gzip', suffix: '.gz', compress: (body) => gzipSync(body, { level: 9 }) },
];

/** Bodies compressed here, by file, encoding and modification time. */
const compressed = new Map();

async function encoded(file, encoding, body, modified) {
  const precompressed = file + encoding.suffix;
  const made = await stat(precompressed).catch(() => null);
  if (made && made.mtimeMs >= modified) return readFile(precompressed);
  const key = `${file} ${encoding.name}`;
  const kept = compressed.get(key);
  if (kept?.modified === modified) return kept.body;
  const fresh = encoding.compress(body);
  compressed.set(key, { modified, body: fresh });
  return fresh;
}

/** The encoding a request accepts, if any (a q=0 refuses one). */
function accepted(request) {
  const offered = (request.headers['accept-encoding'] ?? '').split(',').map((part) => part.trim().split(';'));
  return ENCODINGS.find(({ name }) => offered.some(([coding, q]) => coding === name && q?.trim() !== 'q=0'));
}

/** How long a file may be cached: the content-hashed folder for a year, anything else revalidated. */
export const cacheControl = (path) => (path.startsWith('/v/') ? 'public, max-age=31536000, immutable' : 'no-cache');

/** Where a test's server asks browsers to report what the policy blocked (`report-uri`, which
 *  every engine sends). */
const REPORTS = '/csp-violations';

/** Reads a violation report's body into `violations`: the directive and what it blocked. */
function collect(request, response, violations) {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    const report = JSON.parse(body || '{}')['csp-report'] ?? {};
    violations.push(`${report['violated-directive'] ?? report['effective-directive']} ${report['blocked-uri'] ?? ''} on ${report['document-uri'] ?? ''}`);
    response.writeHead(204).end();
  });
}

/// Serves `root` at `/`, and each extra `mounts` entry (URL prefix -> folder) beside it. With
/// `violations` (an array), the policy asks browsers to report what it blocks, and the reports
/// are added to it: how tests that drive a browser over WebDriver see a violation.
export function serve(port = 0, mounts = {}, root = ROOT, { violations } = {}) {
  const folders = Object.entries({ ...mounts, '/': root }).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const reported = (policy) => (violations ? `${policy}; report-uri ${REPORTS}` : policy);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (violations && request.method === 'POST' && path === REPORTS) {
      collect(request, response, violations);
      return;
    }
    const [prefix, root] = folders.find(([p]) => path.startsWith(p));
    const inside = path.slice(prefix.length - 1);
    const file = normalize(join(root, inside.endsWith('/') ? `${inside}index.html` : inside));
    // The policy files are the server's to read, not a reader's (docs/HOSTING.md).
    if (!file.startsWith(root) || /^\/csp\.(conf|json)$/.test(path)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const [body, { mtimeMs }] = await Promise.all([readFile(file), stat(file)]);
      const type = TYPES[extname(file)];
      const encoding = type ? accepted(request) : undefined;
      const headers = {
        'Content-Type': type ?? 'application/octet-stream',
        'Content-Security-Policy': reported(type?.startsWith('text/html') ? await pagePolicy(root) : CSP),
        'Cache-Control': cacheControl(path),
        Vary: 'Accept-Encoding',
      };
      if (encoding) headers['Content-Encoding'] = encoding.name;
      response.writeHead(200, headers);
      response.end(encoding ? await encoded(file, encoding, body, mtimeMs) : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080), {}, process.argv[3] ?? ROOT);
  console.log(`Technopolis Explorer: http://127.0.0.1:${server.address().port}/`);
}
