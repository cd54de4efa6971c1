import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchFeedInPage } from '../../renderer/features/sync/feed-settings';

/*
 * Web mode's feed download: the same address rules as main (shared/feed-rules.ts), the idle
 * and total limits, and no redirect followed, since a page cannot see where one leads.
 */

let server: http.Server;
let base: string;
const BODY = '{"manifest":"{}"}';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/feed.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(BODY);
    if (req.url === '/moved') return void res.writeHead(302, { location: '/feed.json' }).end();
    if (req.url === '/stalls') return void res.writeHead(200).write('{');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchFeedInPage (web mode)', () => {
  it('fetches a loopback feed only when the tests ask for it', async () => {
    expect(await fetchFeedInPage(`${base}/feed.json`, { allowLoopback: true })).toEqual({ ok: true, bytes: new TextEncoder().encode(BODY), url: `${base}/feed.json` });
    const spy = vi.fn(fetch);
    expect(await fetchFeedInPage(`${base}/feed.json`, { allowLoopback: false, fetch: spy })).toMatchObject({ ok: false, code: 'not-https' });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each(['https://192.168.0.1/feed.json', 'https://[fd00::5]/feed.json', 'https://localhost/feed.json', 'http://data.asean.example/feed.json'])(
    'refuses %s without fetching',
    async (url) => {
      const spy = vi.fn(fetch);
      expect(await fetchFeedInPage(url, { fetch: spy })).toMatchObject({ ok: false, code: 'not-https' });
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it('does not follow a redirect, which it could not check', async () => {
    const result = await fetchFeedInPage(`${base}/moved`, { allowLoopback: true });
    expect(result).toMatchObject({ ok: false, code: 'not-https', message: expect.stringMatching(/redirects/) });
  });

  it('answers a browser opaque redirect the same way', async () => {
    // What a browser hands a page for a redirect it was told not to follow: no status, no Location.
    const opaque = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => ({ type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null }) as unknown as Response);
    expect(await fetchFeedInPage('https://data.asean.example/feed.json', { fetch: opaque })).toMatchObject({ ok: false, code: 'not-https' });
    const [, init] = opaque.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.redirect).toBe('manual');
    expect(init.credentials).toBe('omit');
  });

  it('gives up on a feed that stops sending', async () => {
    expect(await fetchFeedInPage(`${base}/stalls`, { allowLoopback: true, idleTimeoutMs: 200 })).toEqual({ ok: false, code: 'timeout', message: 'the feed sent nothing for 200 ms' });
  });

  it('says cancelled when the delegate cancels', async () => {
    const controller = new AbortController();
    const pending = fetchFeedInPage(`${base}/stalls`, { allowLoopback: true, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, code: 'network', message: 'cancelled' });
  });
});
