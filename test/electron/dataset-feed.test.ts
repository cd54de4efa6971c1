import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { fetchFeed, isAllowedFeedUrl } from '../../electron/feed-fetch';
import { registerIpcHandlers } from '../../electron/ipc';
import { fakeElectron, invokeEventFrom } from './fake-electron';

/** What /trickle sends, one byte every 50 ms. */
const TRICKLE_BYTES = 40;

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);
// Main resolves every feed host; here names resolve to what each test says, never through real DNS.
const dns = vi.hoisted(() => ({ answers: new Map<string, string[]>() }));
vi.mock('node:dns/promises', () => ({
  lookup: vi.fn(async (name: string) => (dns.answers.get(name) ?? ['93.184.216.34']).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))),
}));

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
    } else if (url === '/trickle') {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const timer = setInterval(() => {
        res.write(' ');
        if (++sent === TRICKLE_BYTES) {
          clearInterval(timer);
          res.end();
        }
      }, 50);
      res.on('close', () => clearInterval(timer));
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
beforeEach(() => {
  fakeElectron.reset();
  dns.answers.clear();
  delete process.env.DELEGATE_TEST_LOOPBACK_FEEDS;
});

const nodeFetch = (url: string, init: RequestInit) => fetch(url, init);

describe('isAllowedFeedUrl', () => {
  it.each([
    ['https://data.asean.example/feed.json', true],
    ['https://203.0.114.5/feed.json', true],
    ['https://[2606:4700::1]/feed.json', true],
    ['http://data.asean.example/feed.json', false],
    // Private, loopback, link-local and unique-local hosts, by name or address.
    ['https://127.0.0.1/feed.json', false],
    ['http://127.0.0.1:8080/feed.json', false],
    ['https://localhost/feed.json', false],
    ['https://[::1]/feed.json', false],
    ['https://10.0.0.5/feed.json', false],
    ['https://172.16.4.4/feed.json', false],
    ['https://192.168.1.10/feed.json', false],
    ['https://169.254.169.254/latest/meta-data/', false],
    ['https://[fe80::1]/feed.json', false],
    ['https://[fd00::1]/feed.json', false],
    ['https://[::ffff:192.168.0.1]/feed.json', false],
    ['https://100.64.0.1/feed.json', false],
    ['https://nas.local/feed.json', false],
    ['https://router.home.arpa/feed.json', false],
    ['https://0x7f.1/feed.json', false],
    ['https://intranet/feed.json', false],
    ['https://user:pass@data.asean.example/feed.json', false],
    ['http://127.0.0.1.evil.example/feed.json', false],
    ['ftp://127.0.0.1/feed.json', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedFeedUrl(url)).toBe(allowed);
  });

  it.each([
    ['http://127.0.0.1:8080/feed.json', true],
    ['https://127.0.0.1/feed.json', true],
    ['http://localhost:8080/feed.json', false],
    ['http://[::1]:8080/feed.json', false],
    ['http://127.0.0.2/feed.json', false],
    ['http://192.168.1.10/feed.json', false],
  ])('with the tests\' loopback option: %s → %s', (url, allowed) => {
    expect(isAllowedFeedUrl(url, { allowLoopback: true })).toBe(allowed);
  });
});

describe('fetchFeed', () => {
  const loopback = { fetch: nodeFetch, allowLoopback: true };

  it('returns the bundle bytes from a loopback feed when the tests ask for loopback', async () => {
    const result = await fetchFeed(`${base}/bundle.json`, loopback);
    expect(result).toEqual({ ok: true, bytes: new Uint8Array(BODY), url: `${base}/bundle.json` });
  });

  it('refuses the same loopback feed without the option, without fetching', async () => {
    const spy = vi.fn(nodeFetch);
    const result = await fetchFeed(`${base}/bundle.json`, { fetch: spy });
    expect(result).toMatchObject({ ok: false, code: 'not-https' });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each(['http://data.asean.example/feed.json', 'https://192.168.1.1/feed.json', 'https://[fd12::1]/feed.json', 'https://169.254.169.254/'])(
    'refuses %s without fetching',
    async (url) => {
      const spy = vi.fn(nodeFetch);
      const result = await fetchFeed(url, { fetch: spy });
      expect(result).toMatchObject({ ok: false, code: 'not-https' });
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it('follows a few redirects and reports where the bundle came from', async () => {
    const result = await fetchFeed(`${base}/hop/2`, { ...loopback, maxRedirects: 5 });
    expect(result).toMatchObject({ ok: true, url: `${base}/bundle.json` });
  });

  it('gives up after too many redirects', async () => {
    const result = await fetchFeed(`${base}/hop/6`, { ...loopback, maxRedirects: 5 });
    expect(result).toMatchObject({ ok: false, code: 'network' });
  });

  it('does not follow a redirect to plain http elsewhere', async () => {
    const spy = vi.fn(nodeFetch);
    const result = await fetchFeed(`${base}/to-remote-http`, { ...loopback, fetch: spy });
    expect(result).toMatchObject({ ok: false, code: 'not-https' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it.each(['https://10.1.1.1/admin', 'https://[fe80::1]/', 'https://localhost/feed.json', 'https://169.254.169.254/latest/meta-data/'])(
    'checks every hop: a public feed redirecting to %s is refused before that hop is fetched',
    async (target) => {
      const fetchSpy = vi.fn(async (url: string) =>
        url === 'https://data.asean.example/feed.json' ? new Response(null, { status: 302, headers: { location: target } }) : new Response(BODY),
      );
      const result = await fetchFeed('https://data.asean.example/feed.json', { fetch: fetchSpy });
      expect(result).toMatchObject({ ok: false, code: 'not-https' });
      expect(result.ok === false && result.message).toContain(target);
      expect(fetchSpy).toHaveBeenCalledTimes(1);
    },
  );

  it('refuses a public name that resolves into the local network, at any hop', async () => {
    const fetchSpy = vi.fn(async () => new Response(null, { status: 302, headers: { location: 'https://rebound.example/feed.json' } }));
    const resolveHost = vi.fn(async (name: string) => (name === 'rebound.example' ? ['93.184.216.34', '10.0.0.7'] : ['93.184.216.34']));
    const result = await fetchFeed('https://data.asean.example/feed.json', { fetch: fetchSpy, resolveHost });
    expect(result).toMatchObject({ ok: false, code: 'not-https' });
    expect(result.ok === false && result.message).toMatch(/rebound\.example points to 10\.0\.0\.7/);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(resolveHost.mock.calls.map(([name]) => name)).toEqual(['data.asean.example', 'rebound.example']);
  });

  it('reports the HTTP status of a failed answer', async () => {
    const result = await fetchFeed(`${base}/missing`, loopback);
    expect(result).toMatchObject({ ok: false, code: 'http-status', status: 404 });
  });

  it('refuses from Content-Length alone when it declares more than the cap', async () => {
    const result = await fetchFeed(`${base}/declared-big`, { ...loopback, maxBytes: 1024, idleTimeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    const result = await fetchFeed(`${base}/chunked-big`, { ...loopback, maxBytes: 10_000 });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    const fits = await fetchFeed(`${base}/chunked-big`, { ...loopback, maxBytes: 64 * 1024 });
    expect(fits.ok && fits.bytes.byteLength).toBe(64 * 1024);
  });

  it('times out on a server that stops sending (the idle limit)', async () => {
    const result = await fetchFeed(`${base}/slow`, { ...loopback, idleTimeoutMs: 200 });
    expect(result).toEqual({ ok: false, code: 'timeout', message: 'the feed sent nothing for 200 ms' });
  });

  it('lets a slow but steady download run past the idle limit, until the total limit', async () => {
    // /trickle sends a byte every 50 ms for 2 s: longer in all than the 1 s idle limit, yet never
    // idle for it (twenty times the gap between bytes, so a loaded machine's late timers do not count).
    const finished = await fetchFeed(`${base}/trickle`, { ...loopback, idleTimeoutMs: 1000 });
    expect(finished.ok && finished.bytes.byteLength).toBe(TRICKLE_BYTES);
    const cut = await fetchFeed(`${base}/trickle`, { ...loopback, idleTimeoutMs: 1000, totalTimeoutMs: 400 });
    expect(cut).toMatchObject({ ok: false, code: 'timeout', message: expect.stringMatching(/did not finish within/) });
  });

  it('reports a connection that fails as a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await fetchFeed(`http://127.0.0.1:${port}/feed.json`, loopback);
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

  it('refuses a feed host whose name resolves to a private address', async () => {
    dns.answers.set('data.asean.example', ['192.168.0.20']);
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:fetch-feed', invokeEventFrom(APP_PAGE), { url: 'https://data.asean.example/feed.json' })) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'not-https', message: expect.stringContaining('points to 192.168.0.20') } });
    expect(fakeElectron.net.fetch).not.toHaveBeenCalled();
  });

  it('leaves a name this machine cannot resolve to net.fetch (behind a proxy only the proxy resolves)', async () => {
    const { lookup } = await import('node:dns/promises');
    vi.mocked(lookup).mockRejectedValueOnce(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    fakeElectron.net.fetch.mockImplementation(async () => new Response(BODY, { status: 200 }));
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:fetch-feed', invokeEventFrom(APP_PAGE), { url: 'https://data.asean.example/feed.json' })) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('allows 127.0.0.1 only to an unpackaged app started for tests', async () => {
    fakeElectron.net.fetch.mockImplementation(async () => new Response(BODY, { status: 200 }));
    registerIpcHandlers();
    const ask = () => fakeElectron.ipcMain.invoke('dataset:fetch-feed', invokeEventFrom(APP_PAGE), { url: 'http://127.0.0.1:9/feed.json' }) as Promise<IpcResult<unknown>>;
    expect(await ask()).toMatchObject({ ok: true, value: { ok: false, code: 'not-https' } });
    process.env.DELEGATE_TEST_LOOPBACK_FEEDS = '1';
    expect(await ask()).toMatchObject({ ok: true, value: { ok: true } });
    fakeElectron.app.isPackaged = true;
    expect(await ask()).toMatchObject({ ok: true, value: { ok: false, code: 'not-https' } });
    expect(fakeElectron.net.fetch).toHaveBeenCalledTimes(1);
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
