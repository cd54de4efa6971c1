import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { mimeTypeFor } from './mime-types';

/** Sent with every response: the bundle needs nothing from outside itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // WebAssembly only (Argon2id for the passphrase, hash-wasm); no JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin and relative URLs; secure: treated like https (IndexedDB, crypto.subtle);
    // supportFetchAPI: the renderer fetches dataset files from the bundle.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type BundleLookup = { kind: 'file'; filePath: string } | { kind: 'refused' } | { kind: 'not-found' };

// A `.` or `..` segment, whichever separator surrounds it.
const DOT_SEGMENT = /(?:^|[/\\])\.{1,2}(?:[/\\]|$)/;

function decodePath(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Maps an app:// URL to a file under `rendererRoot`, refusing anything that could step outside
 * it. The raw string is checked as well as the parsed one because the URL parser silently
 * resolves `..`; a URL that tries is refused rather than quietly re-rooted.
 */
export function lookUpBundlePath(rendererRoot: string, rawUrl: string): BundleLookup {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port || url.username || url.password) {
    return { kind: 'not-found' };
  }
  const rawPath = decodePath(rawUrl.replace(/[?#].*$/, ''));
  const pathname = decodePath(url.pathname);
  if (rawPath === undefined || pathname === undefined) return { kind: 'refused' };
  if (DOT_SEGMENT.test(rawPath) || DOT_SEGMENT.test(pathname) || /[\\\0]/.test(pathname)) {
    return { kind: 'refused' };
  }
  const root = path.resolve(rendererRoot);
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const filePath = path.resolve(root, relative);
  // Belt and braces for what the checks above cannot foresee (drive letters on Windows).
  if (!filePath.startsWith(root + path.sep)) return { kind: 'refused' };
  return { kind: 'file', filePath };
}

type AppProtocolRequest = Pick<Request, 'url' | 'method'>;

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

async function readIfFile(filePath: string): Promise<Buffer | undefined> {
  try {
    return (await stat(filePath)).isFile() ? await readFile(filePath) : undefined;
  } catch {
    return undefined;
  }
}

/** Serves dist/renderer over app://bundle/. */
export function createAppProtocolHandler(rendererRoot: string): (request: AppProtocolRequest) => Promise<Response> {
  return async (request) => {
    const headOnly = request.method === 'HEAD';
    if (request.method !== 'GET' && !headOnly) return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');

    const lookup = lookUpBundlePath(rendererRoot, request.url);
    if (lookup.kind === 'refused') return respond(403, 'Forbidden', 'text/plain; charset=utf-8');
    if (lookup.kind === 'not-found') return respond(404, 'Not found', 'text/plain; charset=utf-8');

    let filePath = lookup.filePath;
    let body = await readIfFile(filePath);
    // Client-side routes (/meetings/asean-36) have no file: give them the app shell. Paths with
    // an extension are real asset requests, and a missing asset is a 404, not HTML.
    if (body === undefined && path.extname(filePath) === '') {
      filePath = path.join(path.resolve(rendererRoot), 'index.html');
      body = await readIfFile(filePath);
    }
    if (body === undefined) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    return respond(200, headOnly ? null : new Uint8Array(body), mimeTypeFor(filePath));
  };
}

export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
