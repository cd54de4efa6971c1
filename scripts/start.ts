// `npm start`: build, then run the desktop app in Electron (fetching its runtime on first use),
// or — where no runtime can be had (offline machines, CI, containers) — serve the same renderer
// as a web app. The decisions are in scripts/start/.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './start/start-app';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function electronPackageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** "12.3 MB" on one line that rewrites itself on a terminal; every 10 MB otherwise. */
function progressPrinter(): (bytes: number) => void {
  let lastPrinted = 0;
  return (bytes) => {
    const text = `Downloading the Electron runtime: ${(bytes / 1e6).toFixed(1)} MB`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}`);
    else if (bytes - lastPrinted >= 10e6) {
      lastPrinted = bytes;
      console.error(text);
    }
  };
}

// npm is npm.cmd on Windows, which only a shell can start.
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: isWindows });
if (build.status !== 0) process.exit(build.status ?? 1);

const progress = progressPrinter();
const { child } = await startApp({
  root,
  packageDir: electronPackageDir(),
  env: process.env,
  spawn,
  spawnSync,
  log: (line) => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    console.log(line);
  },
  onProgress: progress,
});
// Runs in the foreground: Ctrl+C reaches the child, and its exit code becomes ours.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
