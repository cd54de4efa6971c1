import type { spawnSync as nodeSpawnSync } from 'node:child_process';
import path from 'node:path';
import { downloadRefusal, findInstalledRuntime, webModeLine, type Env } from './electron-runtime';
import { installRuntime, type Spawn } from './install-runtime';

/*
 * What `npm start` does once the app is built: run the installed Electron runtime; or, when
 * there is none, fetch it with the electron package's installer and run it; or, when that is
 * refused or fails, serve web mode, saying why in one line. Everything it touches is passed in,
 * so the tests run it against a copy of the electron package and a mirror on 127.0.0.1.
 */

export interface StartOptions {
  /** The repository: Electron runs it (`electron .`), web mode serves its dist/renderer. */
  root: string;
  /** node_modules/electron, or a copy of it. */
  packageDir: string | undefined;
  env: Env;
  spawn: Spawn;
  spawnSync: typeof nodeSpawnSync;
  log: (line: string) => void;
  /** Bytes of the runtime downloaded so far. */
  onProgress?: (bytes: number) => void;
  idleMs?: number;
  totalMs?: number;
}

export type Started = { mode: 'electron'; binary: string; version: string } | { mode: 'web'; reason: string };

/** The runtime to run, or why web mode it is. */
export async function resolveRuntime(options: StartOptions): Promise<{ binary: string; version: string } | { reason: string }> {
  const { packageDir, env } = options;
  if (packageDir === undefined) return { reason: 'the electron package is not installed' };
  const installed = findInstalledRuntime(packageDir, { env, spawnSync: options.spawnSync });
  if ('binary' in installed) return installed;
  const refusal = downloadRefusal(env);
  if (refusal) return { reason: refusal };
  options.log('Downloading the Electron runtime (first start only; about 100 MB)…');
  const result = await installRuntime({
    packageDir,
    env,
    spawn: options.spawn,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
    ...(options.totalMs !== undefined ? { totalMs: options.totalMs } : {}),
  });
  if (!result.ok) return { reason: result.reason };
  return findInstalledRuntime(packageDir, { env, spawnSync: options.spawnSync });
}

/** Starts Electron or web mode as a child of this process and answers which. */
export async function startApp(options: StartOptions): Promise<{ started: Started; child: ReturnType<Spawn> }> {
  const runtime = await resolveRuntime(options);
  if ('binary' in runtime) {
    options.log(`Starting ASEAN Delegate Briefing in Electron ${runtime.version}`);
    const child = options.spawn(runtime.binary, ['.'], { cwd: options.root, stdio: 'inherit', env: options.env });
    return { started: { mode: 'electron', ...runtime }, child };
  }
  const port = options.env.PORT || '5173';
  options.log(webModeLine(runtime.reason, port));
  const child = options.spawn(process.execPath, [path.join(options.root, 'scripts', 'serve-web.mjs')], {
    cwd: options.root,
    stdio: 'inherit',
    env: { ...options.env, PORT: port },
  });
  return { started: { mode: 'web', reason: runtime.reason }, child };
}
