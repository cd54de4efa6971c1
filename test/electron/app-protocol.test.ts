import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fake-electron';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  lookUpBundlePath,
  registerAppScheme,
} from '../../electron/app-protocol';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const SECRET = 'root:x:0:0:secret';
const INDEX = '<!doctype html><title>ASEAN Delegate Briefing</title>';
let base: string;
let root: string;
let serve: ReturnType<typeof createAppProtocolHandler>;

/** A request as Electron hands it over; a plain object can carry a URL the parser never saw. */
function get(url: string, method = 'GET') {
  return serve({ url, method });
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
  root = path.join(base, 'dist', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  writeFileSync(path.join(base, 'dist', 'secret.txt'), SECRET);
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'inter.woff2'), 'font');
  writeFileSync(path.join(root, 'assets', 'bodies.json'), '[]');
  serve = createAppProtocolHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => fakeElectron.reset());

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetchable, without bypassing CSP', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('Content-Security-Policy', () => {
  it('is the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it.each([
    ['a page', 'app://bundle/index.html', 200],
    ['a script', 'app://bundle/assets/app.js', 200],
    ['a missing asset', 'app://bundle/assets/missing.js', 404],
    ['a refused path', 'app://bundle/../secret.txt', 403],
  ])('is sent with %s', async (_what, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('allows no inline or eval script and no plugins', async () => {
    const policy = directives((await get('app://bundle/index.html')).headers.get('content-security-policy')!);
    // WebAssembly compilation only (Argon2id for the passphrase); JavaScript eval stays refused.
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain("'unsafe-inline'");
    }
  });
});

describe('serving files', () => {
  it.each([
    ['app://bundle/', 'text/html; charset=utf-8', INDEX],
    ['app://bundle/index.html', 'text/html; charset=utf-8', INDEX],
    ['app://bundle/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://bundle/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://bundle/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://bundle/assets/inter.woff2', 'font/woff2', 'font'],
    ['app://bundle/assets/bodies.json?v=2#top', 'application/json; charset=utf-8', '[]'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await get('app://bundle/meetings/asean-36');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX);
  });

  it('answers 404, not HTML, for a missing asset', async () => {
    const response = await get('app://bundle/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toContain('html');
  });

  it('answers 404 for any host other than the bundle', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://bundle:8080/index.html')).status).toBe(404);
    expect((await get('app://user@bundle/index.html')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  });
});

describe('path traversal', () => {
  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/../secret.txt',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%5c..%5csecret.txt',
    'app://bundle/..\\secret.txt',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A', // malformed escape
  ])('refuses %s with 403', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('never serves a file outside the bundle, even after the URL parser has resolved the dots', async () => {
    // new Request() normalises app://bundle/../secret.txt to app://bundle/secret.txt.
    const response = await serve(new Request('app://bundle/../secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('maps every accepted URL to a path inside the renderer root', () => {
    for (const url of ['app://bundle/', 'app://bundle/assets/app.js', 'app://bundle/a/b/c']) {
      const lookup = lookUpBundlePath(root, url);
      expect(lookup.kind).toBe('file');
      if (lookup.kind === 'file') expect(lookup.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});
