import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPickedFile } from '../../electron/files/read-picked-file';

/*
 * The main-process reader for files the delegate picks: regular files only, decided on the
 * opened handle, and never more than the cap read, whatever the file claims or becomes.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'read-picked-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('readPickedFile', () => {
  it('reads a regular file whole', async () => {
    const file = path.join(dir, 'bundle.json');
    await writeFile(file, 'x'.repeat(3 * 1024 * 1024 + 5)); // more than one read chunk
    const result = await readPickedFile(file, 4 * 1024 * 1024);
    expect(result.status).toBe('read');
    expect(result.status === 'read' && result.bytes.byteLength).toBe(3 * 1024 * 1024 + 5);
  });

  it('reads an empty file and a file exactly at the cap', async () => {
    const empty = path.join(dir, 'empty.json');
    const edge = path.join(dir, 'edge.json');
    await writeFile(empty, '');
    await writeFile(edge, new Uint8Array(1024));
    expect(await readPickedFile(empty, 1024)).toEqual({ status: 'read', bytes: new Uint8Array(0) });
    expect((await readPickedFile(edge, 1024)).status).toBe('read');
  });

  it('refuses a file over the cap from its size before reading', async () => {
    const file = path.join(dir, 'big.json');
    await writeFile(file, new Uint8Array(1025));
    expect(await readPickedFile(file, 1024)).toEqual({ status: 'too-large', size: 1025, limit: 1024 });
  });

  it('refuses a folder', async () => {
    expect(await readPickedFile(dir, 1024)).toEqual({ status: 'not-a-file', kind: 'folder' });
  });

  it.skipIf(!posix || !existsSync('/dev/zero'))('refuses a device, even behind a symbolic link with an innocent name', async () => {
    const link = path.join(dir, 'zero.json');
    await symlink('/dev/zero', link);
    expect(await readPickedFile(link, 1024)).toEqual({ status: 'not-a-file', kind: 'device' });
  });

  it.skipIf(!posix)('refuses a named pipe at once, without waiting for a writer or reading from one', async () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    // Without a writer, a blocking open would never return: the test would time out.
    expect(await readPickedFile(fifo, 1024)).toEqual({ status: 'not-a-file', kind: 'named pipe' });
    // With a writer pouring bytes in (the 600 MiB case), still refused, and nothing read.
    const writer = spawn('sh', ['-c', `exec yes > "${fifo}"`], { stdio: 'ignore' });
    try {
      expect(await readPickedFile(fifo, 1024)).toEqual({ status: 'not-a-file', kind: 'named pipe' });
    } finally {
      writer.kill();
    }
  });

  it.skipIf(!existsSync('/proc/cpuinfo'))('counts the bytes it reads: a file whose size says 0 but holds more is stopped at the cap', async () => {
    // /proc files are regular files that report size 0: only the byte counter can stop them, as
    // it stops a file that grows between the fstat and the read.
    const result = await readPickedFile('/proc/cpuinfo', 100);
    expect(result).toEqual({ status: 'too-large', size: 101, limit: 100 });
  });
});
