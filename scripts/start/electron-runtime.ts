import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { spawnSync as nodeSpawnSync } from 'node:child_process';

/*
 * Where the Electron runtime is, and whether `npm start` may fetch it. These repeat the lookup
 * in the electron package's index.js instead of calling require('electron'), because that call
 * downloads without a time limit and throws an unhelpful error when it cannot.
 */

export type Env = Record<string, string | undefined>;

export type RuntimeLookup = { binary: string; version: string } | { reason: string };

const VERSION_TIMEOUT_MS = 5000;

/** The executable's path inside the package's dist folder, as install.js writes it to path.txt. */
export function platformExecutable(platform: string): string | undefined {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return undefined;
  }
}

/** The binary the electron package would run, by its own rules (path.txt, ELECTRON_OVERRIDE_DIST_PATH). */
export function runtimePath(packageDir: string, env: Env): { binary: string } | { reason: string } {
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return { binary: path.join(override, relative || 'electron') };
  if (relative) return { binary: path.join(packageDir, 'dist', relative) };
  return { reason: 'the Electron runtime has not been downloaded yet (node_modules/electron/path.txt is missing)' };
}

/** The installed runtime and its version, or why it cannot be run. */
export function findInstalledRuntime(
  packageDir: string,
  { env, spawnSync, platform = process.platform }: { env: Env; spawnSync: typeof nodeSpawnSync; platform?: NodeJS.Platform },
): RuntimeLookup {
  const located = runtimePath(packageDir, env);
  if (!('binary' in located)) return located;
  const { binary } = located;
  if (!existsSync(binary)) return { reason: `${binary} does not exist` };
  try {
    if (platform !== 'win32') accessSync(binary, constants.X_OK);
  } catch {
    return { reason: `${binary} is not executable` };
  }
  const probe = spawnSync(binary, ['--version'], { timeout: VERSION_TIMEOUT_MS, encoding: 'utf8', env });
  if (probe.error || probe.status !== 0) {
    const why = (probe.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' ? 'timed out' : (probe.error?.message ?? `exit code ${probe.status}`);
    return { reason: `${binary} --version failed (${why})` };
  }
  return { binary, version: String(probe.stdout).trim() };
}

/** A setting is on when it is set to anything but empty, 0 or false (as the electron package reads it). */
function isOn(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * Why the runtime must not be downloaded now, or undefined when it may be. Honours the electron
 * package's own settings: ELECTRON_SKIP_BINARY_DOWNLOAD (also as an npm config), and an override
 * path, which install.js never fills.
 */
export function downloadRefusal(env: Env, platform: string = process.platform): string | undefined {
  if (isOn(env.ELECTRON_SKIP_BINARY_DOWNLOAD) || isOn(env.npm_config_electron_skip_binary_download)) {
    return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron runtime is not downloaded';
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return `ELECTRON_OVERRIDE_DIST_PATH (${env.ELECTRON_OVERRIDE_DIST_PATH}) holds no Electron runtime`;
  }
  if (platformExecutable(env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform) === undefined) {
    return `Electron publishes no runtime for ${platform}`;
  }
  return undefined;
}

/** Where the installer downloads from, for messages: the mirror's host, or GitHub's. */
export function downloadHost(env: Env): string {
  const mirror = env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || env.npm_package_config_electron_mirror || env.ELECTRON_MIRROR;
  if (!mirror) return 'github.com';
  try {
    return new URL(mirror).host;
  } catch {
    return mirror;
  }
}

/**
 * One line from the installer's error output: the first "SomethingError: message" line of the
 * stack it prints, or its last non-empty line.
 */
export function installerErrorLine(stderr: string): string | undefined {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const error = lines.find((line) => /^[A-Za-z]*Error\b.*?:/.test(line));
  return error ?? lines[lines.length - 1];
}

/** The one line `npm start` prints before serving web mode. */
export function webModeLine(reason: string, port: string): string {
  return `Electron runtime not available on this machine (${reason}); starting web mode instead at http://127.0.0.1:${port}`;
}
