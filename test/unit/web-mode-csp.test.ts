import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/* The Content-Security-Policy web mode serves (scripts/serve-web.mjs), and the page's own copy. */

const EXPECTED =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' https: http://127.0.0.1:* wss: ws://127.0.0.1:* ws://localhost:*; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

let root: string;
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'web-mode-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  server = spawn(process.execPath, ['scripts/serve-web.mjs'], { env: { ...process.env, PORT: '0', WEB_ROOT: root }, stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`serve-web exited with ${code}`)));
  });
});
afterAll(() => {
  server.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('web mode Content-Security-Policy', () => {
  it.each(['/', '/meetings/asoen-36', '/assets/app.js'])('is sent, exactly, with %s', async (address) => {
    const response = await fetch(`${base}${address}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('allows no inline or eval script, no plugins, no framing, and plain http and ws only to loopback', () => {
    const policy = directives(EXPECTED);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain("'unsafe-inline'");
    }
    // WebAssembly may compile (Argon2id for the passphrase); JavaScript eval stays refused.
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')!.filter((source) => source.startsWith('http:'))).toEqual(['http://127.0.0.1:*']);
    // A delegation relay: wss anywhere, plain ws only on loopback (the relay address rules say the same).
    expect(policy.get('connect-src')!.filter((source) => source.startsWith('ws:'))).toEqual(['ws://127.0.0.1:*', 'ws://localhost:*']);
  });

  it('is repeated in the page itself, as far as a meta tag can say it (no frame-ancestors there)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    const served = directives(EXPECTED);
    served.delete('frame-ancestors');
    expect(directives(meta)).toEqual(served);
  });
});
