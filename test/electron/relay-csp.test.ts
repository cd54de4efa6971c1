import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { fakeElectron, invokeEventFrom } from './fake-electron';
import { createAppProtocolHandler } from '../../electron/app-protocol';
import { registerIpcHandlers } from '../../electron/ipc';
import { contentSecurityPolicy, RelayOrigins, relayConnectSources, relayOrigins } from '../../electron/relay-csp';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const dir = mkdtempSync(path.join(tmpdir(), 'adb-relay-csp-'));
const root = path.join(dir, 'renderer');
mkdirSync(root);
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src'))!.split(' ').slice(1);
const APP_PAGE = 'app://bundle/index.html';

beforeEach(() => {
  fakeElectron.reset();
  relayOrigins.load(path.join(dir, `origins-${Math.random()}.json`));
});

describe('relay sources for connect-src', () => {
  it('allows each relay’s WebSocket origin and its members API over https, and nothing else', () => {
    expect(relayConnectSources(['wss://relay.kln.gov.my/collab', 'ws://127.0.0.1:8765', 'wss://relay.kln.gov.my:443/other'])).toEqual([
      'http://127.0.0.1:8765',
      'https://relay.kln.gov.my',
      'ws://127.0.0.1:8765',
      'wss://relay.kln.gov.my',
    ]);
    expect(relayConnectSources(['ws://relay.example.org', 'https://relay.example.org', "wss://x.org; script-src 'unsafe-inline'", 'javascript:alert(1)'])).toEqual([]);
    expect(connectSrc(contentSecurityPolicy())).toEqual(["'self'"]);
  });
});

describe('relay:set-origins', () => {
  it('puts the configured relay only in the app page’s CSP, and keeps it across restarts', async () => {
    registerIpcHandlers();
    const handler = createAppProtocolHandler(root);
    const before = await handler({ url: APP_PAGE, method: 'GET' });
    expect(connectSrc(before.headers.get('content-security-policy')!)).toEqual(["'self'"]);

    const result = (await fakeElectron.ipcMain.invoke('relay:set-origins', invokeEventFrom(APP_PAGE), { urls: ['wss://relay.kln.gov.my'] })) as IpcResult<{ changed: boolean }>;
    expect(result).toEqual({ ok: true, value: { changed: true } });
    const after = await handler({ url: APP_PAGE, method: 'GET' });
    expect(connectSrc(after.headers.get('content-security-policy')!)).toEqual(["'self'", 'https://relay.kln.gov.my', 'wss://relay.kln.gov.my']);

    // The same list again changes nothing (no reload needed).
    const again = (await fakeElectron.ipcMain.invoke('relay:set-origins', invokeEventFrom(APP_PAGE), { urls: ['wss://relay.kln.gov.my'] })) as IpcResult<{ changed: boolean }>;
    expect(again).toEqual({ ok: true, value: { changed: false } });

    const file = path.join(dir, 'kept.json');
    const kept = new RelayOrigins();
    kept.load(file);
    await kept.set(['wss://relay.kln.gov.my', 'ws://127.0.0.1:9000']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(['wss://relay.kln.gov.my', 'ws://127.0.0.1:9000']);
    const restarted = new RelayOrigins();
    restarted.load(file);
    expect(restarted.sources).toEqual(kept.sources);
  });

  it.each([
    ['plain ws:// to another machine', { urls: ['ws://relay.example.org'] }],
    ['an https address', { urls: ['https://relay.example.org'] }],
    ['a CSP injection', { urls: ["wss://relay.example.org; script-src 'unsafe-inline'"] }],
    ['too many relays', { urls: Array.from({ length: 51 }, (_, i) => `wss://r${i}.example.org`) }],
    ['a bare string', 'wss://relay.example.org'],
  ])('refuses %s and leaves the CSP as it was', async (_what, payload) => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('relay:set-origins', invokeEventFrom(APP_PAGE), payload)) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-payload');
    expect(connectSrc(relayOrigins.policy)).toEqual(["'self'"]);
  });

  it('refuses a sender that is not the app page', async () => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('relay:set-origins', invokeEventFrom('https://evil.example/'), { urls: ['wss://evil.example'] })) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    expect(relayOrigins.sources).toEqual([]);
  });
});
