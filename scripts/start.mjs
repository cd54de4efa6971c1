// `npm start`: build, then run the desktop app in Electron, or — where no Electron runtime is
// installed (offline machines, CI, containers) — serve the same renderer as a web app.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';
const VERSION_TIMEOUT_MS = 5000;

function run(command, args) {
  // npm is npm.cmd on Windows, which only a shell can start.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Where the Electron binary is, or why there is none. This repeats the lookup in the electron
 * package's index.js instead of calling require('electron'), because that call starts a
 * download when the binary is missing — exactly what must not happen offline.
 */
function findElectronRuntime() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary;
  if (override) binary = path.join(override, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  else return { reason: 'the electron package has no downloaded binary: node_modules/electron/path.txt is missing' };

  if (!existsSync(binary)) return { reason: `${binary} does not exist` };
  try {
    if (!isWindows) accessSync(binary, constants.X_OK);
  } catch {
    return { reason: `${binary} is not executable` };
  }
  const probe = spawnSync(binary, ['--version'], { timeout: VERSION_TIMEOUT_MS, encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error?.code === 'ETIMEDOUT' ? 'timed out' : (probe.error?.message ?? `exit code ${probe.status}`);
    return { reason: `${binary} --version failed (${why})` };
  }
  return { binary, version: probe.stdout.trim() };
}

/** Runs a child in the foreground: Ctrl+C reaches it, and its exit code becomes ours. */
function foreground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

run('npm', ['run', 'build']);

const runtime = findElectronRuntime();
if (runtime.binary) {
  console.log(`Starting ASEAN Delegate Briefing in Electron ${runtime.version}`);
  foreground(runtime.binary, ['.']);
} else {
  const port = process.env.PORT || '5173';
  console.log(
    `Electron runtime not available on this machine (${runtime.reason}); starting web mode instead at http://127.0.0.1:${port}`,
  );
  foreground(process.execPath, [path.join(root, 'scripts', 'serve-web.mjs')], { ...process.env, PORT: port });
}
