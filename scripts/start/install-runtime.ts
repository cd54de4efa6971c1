import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadHost, installerErrorLine, type Env } from './electron-runtime';

/*
 * Runs the electron package's own installer (node_modules/electron/install.js: @electron/get
 * downloads the zip, checks it against SHASUMS256, extracts it and writes path.txt) under two
 * limits: an idle one (no new bytes for a while: a blocked host, a dead link) and a generous
 * total one, so a slow hotel link can still fetch 100 MB. Progress is the size of the download
 * so far: the installer gets a temporary folder of its own, and the zip grows inside it.
 */

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface InstallOptions {
  packageDir: string;
  env: Env;
  spawn: Spawn;
  /** No new bytes for this long stops the download. */
  idleMs?: number;
  /** The whole download and extraction. */
  totalMs?: number;
  /** How often the download's size is looked at. */
  pollMs?: number;
  /** Bytes downloaded so far. */
  onProgress?: (bytes: number) => void;
}

export type InstallResult = { ok: true } | { ok: false; reason: string };

export const INSTALL_IDLE_MS = 30_000;
export const INSTALL_TOTAL_MS = 20 * 60_000;

/** Bytes in all files under `dir` (the installer's temporary download folder). */
function bytesUnder(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(full);
    else if (entry.isFile()) {
      try {
        total += statSync(full).size;
      } catch {
        // Moved into the cache between the listing and the stat.
      }
    }
  }
  return total;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function installRuntime(options: InstallOptions): Promise<InstallResult> {
  const idleMs = options.idleMs ?? INSTALL_IDLE_MS;
  const totalMs = options.totalMs ?? INSTALL_TOTAL_MS;
  const host = downloadHost(options.env);
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'electron-install-'));
  // TMPDIR on POSIX, TEMP/TMP on Windows: where @electron/get makes its download folder.
  const env = { ...options.env, TMPDIR: tempDir, TEMP: tempDir, TMP: tempDir };
  const child = options.spawn(process.execPath, [path.join(options.packageDir, 'install.js')], {
    cwd: options.packageDir,
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // Keep the end only: the error is what matters, not megabytes of output.
    stderr = (stderr + chunk).slice(-16_384);
  });

  return new Promise<InstallResult>((resolve) => {
    const started = Date.now();
    let lastBytes = 0;
    let lastActivity = -1;
    let lastGrowth = started;
    const distDir = path.join(options.packageDir, 'dist');
    let stopped: string | undefined;
    const stop = (reason: string) => {
      stopped = reason;
      child.kill();
    };
    const timer = setInterval(() => {
      const now = Date.now();
      const bytes = bytesUnder(tempDir);
      if (bytes > lastBytes) {
        lastBytes = bytes;
        options.onProgress?.(bytes);
      }
      // Activity is the download growing, or the zip moving to the cache, or the extraction.
      const activity = bytes + bytesUnder(distDir);
      if (activity !== lastActivity) {
        lastActivity = activity;
        lastGrowth = now;
      }
      if (now - started > totalMs) stop(`the download from ${host} took longer than ${seconds(totalMs)}`);
      else if (now - lastGrowth > idleMs) stop(`no data from ${host} for ${seconds(idleMs)}`);
    }, options.pollMs ?? 500);

    const finish = (result: InstallResult) => {
      clearInterval(timer);
      rmSync(tempDir, { recursive: true, force: true });
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: `the Electron installer could not start (${error.message})` }));
    child.on('close', (code, signal) => {
      if (stopped) return finish({ ok: false, reason: stopped });
      if (code === 0) return finish({ ok: true });
      const why = installerErrorLine(stderr) ?? (signal ? `stopped by ${signal}` : `exit code ${code}`);
      finish({ ok: false, reason: `the Electron runtime could not be downloaded from ${host}: ${why}` });
    });
  });
}
