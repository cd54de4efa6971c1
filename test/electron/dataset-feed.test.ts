import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { fetchFeed, isAllowedFeedUrl } from '../../electron/feed-fetch';
import { registerIpcHandlers } from '../../electron/ipc';
import { fakeElectron, invokeEventFrom } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

/*
 * A real HTTP server on 127.0.0.1, so that redirects, Content-Length and streaming are the
 * real thing rather than a mock's idea of them.
 */
let server: http.Server;
let base: string;
const BODY = Buffer.from('{"manifest":"{}","signatures":[],"payload":{}}');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/bundle.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
      res.end(BODY);
    } else if (url === '/chunked-big') {
      // No Content-Length: the cap must be enforced while counting.
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const push = () => {
        while (sent < 64 * 1024) {
          sent += 4096;
          if (!res.write(Buffer.alloc(4096, 0x20))) return void res.once('drain', push);
        }
        res.end();
      };
      push();
    } else if (url === '/declared-big') {
      res.writeHead(200, { 'content-length': 10_000_000 });
      res.write('x');
      // Never finishes: the declared size alone must be enough to refuse.
    } else if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      res.writeHead(302, { location: n === 0 ? '/bundle.json' : `/hop/${n - 1}` });
      res.end();
    } else if (url === '/to-remote-http') {
      res.writeHead(301, { location: 'http://example.com/bundle.json' });
      res.end();
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      // ...and nothing more.
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => fakeElectron.reset());

const nodeFetch = (url: string, init: RequestInit) => fetch(url, init);

describe('isAllowedFeedUrl', () => {
  it.each([
    ['https://data.asean.example/feed.json', true],
    ['http://127.0.0.1:8080/feed.json', true],
    ['http://localhost/feed.json', true],
    ['http://[::1]:9000/feed.json', true],
    ['http://data.asean.example/feed.json', false],
    ['http://192.168.1.10/feed.json', false],
    ['http://127.0.0.1.evil.example/feed.json', false],
    ['ftp://127.0.0.1/feed.json', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedFeedUrl(url)).toBe(allowed);
  });
});

describe('fetchFeed', () => {
  it('returns the bundle bytes from a loopback feed', async () => {
    const result = await fetchFeed(`${base}/bundle.json`, { fetch: nodeFetch });
    expect(result).toEqual({ ok: true, bytes: new Uint8Array(BODY), url: `${base}/bundle.json` });
  });

  it('refuses plain http to anywhere but loopback without fetching', async () => {
    const spy = vi.fn(nodeFetch);
    const result = await fetchFeed('http://data.asean.example/feed.json', { fetch: spy });
    expect(result).toMatchObject({ ok: false, code: 'not-https' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('follows a few redirects and reports where the bundle came from', async () => {
    const result = await fetchFeed(`${base}/hop/2`, { fetch: nodeFetch, maxRedirects: 5 });
    expect(result).toMatchObject({ ok: true, url: `${base}/bundle.json` });
  });

  it('gives up after too many redirects', async () => {
    const result = await fetchFeed(`${base}/hop/6`, { fetch: nodeFetch, maxRedirects: 5 });
    expect(result).toMatchObject({ ok: false, code: 'network' });
  });

  it('does not follow a redirect to plain http elsewhere', async () => {
    const spy = vi.fn(nodeFetch);
    const result = await fetchFeed(`${base}/to-remote-http`, { fetch: spy });
    expect(result).toMatchObject({ ok: false, code: 'not-https' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('reports the HTTP status of a failed answer', async () => {
    const result = await fetchFeed(`${base}/missing`, { fetch: nodeFetch });
    expect(result).toMatchObject({ ok: false, code: 'http-status', status: 404 });
  });

  it('refuses from Content-Length alone when it declares more than the cap', async () => {
    const result = await fetchFeed(`${base}/declared-big`, { fetch: nodeFetch, maxBytes: 1024, timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    const result = await fetchFeed(`${base}/chunked-big`, { fetch: nodeFetch, maxBytes: 10_000 });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    const fits = await fetchFeed(`${base}/chunked-big`, { fetch: nodeFetch, maxBytes: 64 * 1024 });
    expect(fits.ok && fits.bytes.byteLength).toBe(64 * 1024);
  });

  it('times out on a server that stops sending', async () => {
    const result = await fetchFeed(`${base}/slow`, { fetch: nodeFetch, timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
  });

  it('reports a connection that fails as a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await fetchFeed(`http://127.0.0.1:${port}/feed.json`, { fetch: nodeFetch });
    expect(result).toMatchObject({ ok: false, code: 'network' });
  });
});

describe('dataset:fetch-feed', () => {
  const APP_PAGE = 'app://bundle/index.html';

  it("fetches through Electron's net.fetch, without following redirects blindly", async () => {
    fakeElectron.net.fetch.mockImplementation(async () => new Response(BODY, { status: 200 }));
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:fetch-feed', invokeEventFrom(APP_PAGE), { url: 'https://data.asean.example/feed.json' })) as IpcResult<unknown>;
    expect(result).toEqual({ ok: true, value: { ok: true, bytes: new Uint8Array(BODY), url: 'https://data.asean.example/feed.json' } });
    const [url, init] = fakeElectron.net.fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://data.asean.example/feed.json');
    expect(init.redirect).toBe('manual');
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('answers not-https with a typed code, not a failure', async () => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:fetch-feed', invokeEventFrom(APP_PAGE), { url: 'http://data.asean.example/' })) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'not-https' } });
    expect(fakeElectron.net.fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['no payload', []],
    ['a number', [{ url: 1 }]],
    ['an empty url', [{ url: '' }]],
    ['an extra key', [{ url: 'https://a.example/', maxBytes: 1e12 }]],
  ])('rejects %s', async (_what, args) => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:fetch-feed', invokeEventFrom(APP_PAGE), ...args)) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(fakeElectron.net.fetch).not.toHaveBeenCalled();
  });
});
