import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/*
 * Reading a file the delegate picked in an open dialog (dataset bundles; attachments and
 * briefing files use it too). The file is opened first and everything is decided on the open
 * handle (fstat), so nothing can swap the path between a check and the read: only a regular
 * file is read — not a named pipe, a device (/dev/zero, /dev/urandom), a socket or a folder —
 * and a counter stops the read at the cap even if the file grows while it is read.
 */

export type PickedFileRead =
  | { status: 'read'; bytes: Uint8Array<ArrayBuffer> }
  | { status: 'too-large'; size: number; limit: number }
  | { status: 'not-a-file'; kind: string };

/** Opening a named pipe for reading waits for a writer; non-blocking, it returns at once (POSIX only). */
const OPEN_FLAGS = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK);
const CHUNK_BYTES = 1 << 20;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'special file';
}

export async function readPickedFile(filePath: string, maxBytes: number): Promise<PickedFileRead> {
  const handle = await open(filePath, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { status: 'not-a-file', kind: kindOf(stats) };
    if (stats.size > maxBytes) return { status: 'too-large', size: stats.size, limit: maxBytes };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // One byte more than the cap allows is enough to know it was passed.
      const want = Math.min(CHUNK_BYTES, maxBytes - total + 1);
      const chunk = new Uint8Array(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { status: 'too-large', size: total, limit: maxBytes };
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { status: 'read', bytes };
  } finally {
    await handle.close();
  }
}
