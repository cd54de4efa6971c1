import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the web-mode server (scripts/serve-web.mjs) on a free loopback port. */
export async function startWebServer(root = resolve(process.env.WEB_OUT_DIR ?? 'dist/renderer')): Promise<WebServer> {
  const child: ChildProcess = spawn(process.execPath, [resolve('scripts/serve-web.mjs')], {
    env: { ...process.env, PORT: '0', WEB_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
