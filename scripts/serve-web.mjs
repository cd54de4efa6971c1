// Serves the built renderer (dist/renderer) on 127.0.0.1 as the app's web mode.
// Client-side routes fall back to index.html; the port comes from PORT (default 5173).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.env.WEB_ROOT ?? 'dist/renderer');
const port = Number(process.env.PORT ?? 5173);
const host = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Feeds: https to public hosts (shared/feed-rules.ts decides which); http on 127.0.0.1 for the tests' feed servers.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' https: http://127.0.0.1:* wss: ws://127.0.0.1:* ws://localhost:*; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

if (!existsSync(join(root, 'index.html'))) {
  console.error(`web mode: ${root}/index.html is missing; run "npm run build:web" first (npm run web does both).`);
  process.exit(1);
}

/** Maps a URL path to a file inside root, or undefined for anything that would leave it. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return path;
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  let path = fileFor(url.pathname);
  if (path === undefined) {
    res.writeHead(400).end('Bad request');
    return;
  }
  const isFile = existsSync(path) && statSync(path).isFile();
  if (!isFile) {
    // Assets that do not exist are real 404s; every other address is a client-side route.
    if (url.pathname.startsWith('/assets/') || extname(url.pathname) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    path = join(root, 'index.html');
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const immutable = path.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path).pipe(res);
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`ASEAN Delegate Briefing (web mode): http://${host}:${actual}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
