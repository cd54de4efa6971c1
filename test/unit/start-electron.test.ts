import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadHost, downloadRefusal, installerErrorLine, webModeLine } from '../../scripts/start/electron-runtime';
import { startApp, type StartOptions } from '../../scripts/start/start-app';

/*
 * `npm start` against a copy of the electron package and an Electron mirror on 127.0.0.1: the
 * real installer (install.js and @electron/get) downloads a small fake Electron zip, checks it
 * against the mirror's SHASUMS256.txt, extracts it and writes path.txt; then the start script
 * runs the fake executable, which records that it was started. A mirror that answers 404, a
 * port that refuses, a checksum that does not match and a mirror that stalls all end in web
 * mode with one line saying why.
 */

const realElectron = path.resolve('node_modules/electron');
const { version } = JSON.parse(readFileSync(path.join(realElectron, 'package.json'), 'utf8')) as { version: string };
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

/** Answers `--version` like Electron; any other start is written to $FAKE_ELECTRON_LOG. */
const FAKE_EXECUTABLE = `#!/bin/sh
if [ "$1" = "--version" ]; then echo "v${version}"; exit 0; fi
echo "started $* in $(pwd)" >> "$FAKE_ELECTRON_LOG"
`;

function fakeElectronZip(): Buffer {
  const executable = strToU8(FAKE_EXECUTABLE);
  // Unix mode 0755 in the entry's external attributes, as Electron's own zips have it.
  const zip = zipSync({ electron: [executable, { os: 3, attrs: (0o100755 << 16) >>> 0 }], version: strToU8(version) });
  return Buffer.from(zip);
}

type MirrorMode = 'serve' | 'not-found' | 'bad-checksum' | 'stall';

let mirror: http.Server;
let mirrorUrl: string;
let mode: MirrorMode = 'serve';
const requested: string[] = [];
const zip = fakeElectronZip();

beforeAll(async () => {
  mirror = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    if (mode === 'stall') return; // accepts, then says nothing
    if (mode === 'not-found') return void res.writeHead(404).end('no such release');
    if (req.url === `/v${version}/${zipName}`) return void res.writeHead(200, { 'content-length': zip.length }).end(zip);
    if (req.url === `/v${version}/SHASUMS256.txt`) {
      const digest = mode === 'bad-checksum' ? '0'.repeat(64) : createHash('sha256').update(zip).digest('hex');
      return void res.writeHead(200).end(`${digest} *${zipName}\n`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  mirror.closeAllConnections();
  await new Promise((resolve) => mirror.close(resolve));
});

let work: string;
let packageDir: string;
let logFile: string;

/** A copy of the electron package (never the shared node_modules one) that finds @electron/get. */
function copyElectronPackage(into: string): string {
  const modules = path.join(into, 'node_modules');
  const dir = path.join(modules, 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json']) copyFileSync(path.join(realElectron, file), path.join(dir, file));
  for (const scope of ['@electron', '@electron-internal']) symlinkSync(path.resolve('node_modules', scope), path.join(modules, scope), 'dir');
  return dir;
}

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'start-electron-'));
  packageDir = copyElectronPackage(work);
  logFile = path.join(work, 'electron-started.log');
  mode = 'serve';
  requested.length = 0;
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  lines: string[];
  webStarts: string[][];
  progress: number[];
}

/** Real processes, except that web mode is recorded instead of served. */
function options(env: Record<string, string | undefined>, run: Run, extra: Partial<StartOptions> = {}): StartOptions {
  const spawnOrRecord = (command: string, args: readonly string[], spawnOptions: SpawnOptions): ChildProcess => {
    if (args[0]?.endsWith('serve-web.mjs')) {
      run.webStarts.push([...args]);
      return new EventEmitter() as ChildProcess;
    }
    return spawn(command, args, spawnOptions);
  };
  return {
    root: work,
    packageDir,
    env: { PATH: process.env.PATH, HOME: work, FAKE_ELECTRON_LOG: logFile, electron_config_cache: path.join(work, 'cache'), ...env },
    spawn: spawnOrRecord,
    spawnSync,
    log: (line) => run.lines.push(line),
    onProgress: (bytes) => run.progress.push(bytes),
    ...extra,
  };
}

const mirrorEnv = () => ({ ELECTRON_MIRROR: mirrorUrl, electron_use_remote_checksums: '1' });
const newRun = (): Run => ({ lines: [], webStarts: [], progress: [] });
const exited = (child: ChildProcess) => new Promise((resolve) => child.on('exit', resolve));

describe.skipIf(process.platform === 'win32')('npm start with no Electron runtime yet', () => {
  it('downloads the runtime from the mirror, checks it, and starts Electron', async () => {
    const run = newRun();
    const { started, child } = await startApp(options(mirrorEnv(), run));
    expect(started).toMatchObject({ mode: 'electron', version: `v${version}` });
    await exited(child);
    expect(readFileSync(logFile, 'utf8')).toBe(`started . in ${work}\n`);
    // What @electron/get asked the mirror for: the platform's zip, then the checksums.
    expect(requested).toEqual([`/v${version}/${zipName}`, `/v${version}/SHASUMS256.txt`]);
    expect(readFileSync(path.join(packageDir, 'path.txt'), 'utf8')).toBe('electron');
    expect(run.lines[0]).toMatch(/^Downloading the Electron runtime/);
    expect(run.lines.at(-1)).toBe(`Starting ASEAN Delegate Briefing in Electron v${version}`);
    expect(run.webStarts).toEqual([]);
  });

  it('starts the runtime already there without asking the mirror', async () => {
    await exited((await startApp(options(mirrorEnv(), newRun()))).child);
    requested.length = 0;
    const { started, child } = await startApp(options(mirrorEnv(), newRun()));
    await exited(child);
    expect(started.mode).toBe('electron');
    expect(requested).toEqual([]);
    expect(readFileSync(logFile, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });

  it.each([
    ['not-found', /^the Electron runtime could not be downloaded from 127\.0\.0\.1:\d+: HTTPError: Response code 404 \(Not Found\)/],
    ['bad-checksum', /^the Electron runtime could not be downloaded from 127\.0\.0\.1:\d+: .*checksum/i],
  ] as const)('falls back to web mode in one line when the mirror answers %s', async (mirrorMode, reason) => {
    mode = mirrorMode;
    const run = newRun();
    const { started } = await startApp(options({ ...mirrorEnv(), PORT: '5999' }, run));
    expect(started.mode).toBe('web');
    const line = run.lines.at(-1)!;
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^Electron runtime not available on this machine \(.+\); starting web mode instead at http:\/\/127\.0\.0\.1:5999$/);
    expect((started as { reason: string }).reason).toMatch(reason);
    expect(run.webStarts).toHaveLength(1);
    expect(existsSync(path.join(packageDir, 'path.txt'))).toBe(false);
    expect(existsSync(logFile)).toBe(false);
  });

  it('falls back when the mirror refuses connections', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = newRun();
    const { started } = await startApp(options({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_use_remote_checksums: '1' }, run));
    expect(started).toEqual({ mode: 'web', reason: `the Electron runtime could not be downloaded from 127.0.0.1:${port}: TypeError: fetch failed` });
  });

  it('gives up on a mirror that stops sending, after the idle limit', async () => {
    mode = 'stall';
    const run = newRun();
    const { started } = await startApp(options(mirrorEnv(), run, { idleMs: 1000 }));
    expect(started.mode).toBe('web');
    expect((started as { reason: string }).reason).toMatch(/^no data from 127\.0\.0\.1:\d+ for 1 s$/);
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const run = newRun();
    const { started } = await startApp(options({ ...mirrorEnv(), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, run));
    expect(started).toEqual({ mode: 'web', reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron runtime is not downloaded' });
    expect(requested).toEqual([]);
  });

  it('uses the cache folder named by electron_config_cache, then needs no mirror', async () => {
    await exited((await startApp(options(mirrorEnv(), newRun()))).child);
    // As after a fresh `npm ci`: the package has no runtime, the cache still has the zip.
    rmSync(path.join(packageDir, 'dist'), { recursive: true });
    rmSync(path.join(packageDir, 'path.txt'));
    mode = 'not-found';
    requested.length = 0;
    // Checked against the package's own checksums.json this time (the default), so the fake zip's digest goes there.
    writeFileSync(path.join(packageDir, 'checksums.json'), JSON.stringify({ [zipName]: createHash('sha256').update(zip).digest('hex') }));
    const { started, child } = await startApp(options({ ELECTRON_MIRROR: mirrorUrl }, newRun()));
    await exited(child);
    expect(started.mode).toBe('electron');
    expect(requested).toEqual([]);
  });
});

describe('start-up decisions', () => {
  it('honours the electron package settings that forbid a download', () => {
    expect(downloadRefusal({})).toBeUndefined();
    expect(downloadRefusal({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBeUndefined();
    expect(downloadRefusal({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(downloadRefusal({ npm_config_electron_skip_binary_download: '1' })).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(downloadRefusal({ ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(downloadRefusal({}, 'aix')).toBe('Electron publishes no runtime for aix');
  });

  it('names the host it downloads from', () => {
    expect(downloadHost({})).toBe('github.com');
    expect(downloadHost({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toBe('npmmirror.com');
    expect(downloadHost({ npm_config_electron_mirror: 'http://127.0.0.1:8080/', ELECTRON_MIRROR: 'https://x.example/' })).toBe('127.0.0.1:8080');
  });

  it('reduces the installer stack trace to its error line', () => {
    const stack = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x.js:46:30)\n';
    expect(installerErrorLine(stack)).toBe('TypeError: fetch failed');
    expect(installerErrorLine('Downloading...\nsomething odd happened\n')).toBe('something odd happened');
    expect(installerErrorLine('')).toBeUndefined();
  });

  it('says why in one line', () => {
    expect(webModeLine('no network', '5173')).toBe('Electron runtime not available on this machine (no network); starting web mode instead at http://127.0.0.1:5173');
  });
});
