import { BACKUP_FILE_FORMAT } from '../../../../shared/briefing/file-format';
import { fromB64, toB64, type Lock } from '../../../crypto/file-envelope';

/*
 * Backup format 4: a stream of chunks, one per line, so neither making nor restoring a backup
 * ever holds the whole of it as one string. Line 1 is the header (plain JSON: what made the
 * file and how its chunks are locked); every other line is one chunk: a page of rows, one
 * document's state, or a piece of one paper's file; the last chunk ('end') carries the counts.
 *
 * Encrypted, a chunk line is base64 of [12-byte IV][AES-256-GCM ciphertext + tag] of the
 * chunk's JSON, with the header line and the chunk's index as additional data: a chunk moved,
 * dropped, repeated or taken from another file fails to open, and a file cut short has no 'end'.
 */
export const STREAMED_BACKUP_VERSION = 5;
/**
 * Format 5 adds the continuation record ('documentPiece'): a document state too large for one
 * line is split across several. A file of format 4 has none and restores as before; an app of
 * format 4 meets a file of format 5 and says it is from a newer app.
 */
export const OLDEST_STREAMED_BACKUP_VERSION = 4;
/** Characters of a document's (base64) state per continuation record: a line stays far below MAX_LINE_CHARS, encrypted too. */
export const DOCUMENT_PIECE_CHARS = 2 * 1024 * 1024;
/** Rows per chunk: small enough that a chunk is a few hundred kilobytes. */
export const ROWS_PER_CHUNK = 500;
/** Bytes of a paper's file per chunk (before base64). */
export const FILE_PIECE_BYTES = 2 * 1024 * 1024;
/** A line longer than this is refused before it is parsed (a piece of a file is about 2.7 MB). */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;
/**
 * The largest backup file the app writes or restores. A restore writes everything in one
 * IndexedDB transaction and the papers' files go through the browser's blob storage; 2 GiB is
 * well past a delegation's year of work (papers are at most 200 MB each) and within what both
 * hold on a delegate's laptop. A larger file is refused before anything is read or written.
 */
export const MAX_STREAMED_BACKUP_BYTES = 2 * 1024 * 1024 * 1024;

export type StreamProtection = { kind: 'plain' } | Lock;

export interface StreamHeader {
  format: typeof BACKUP_FILE_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  protection: StreamProtection;
  /** Encrypted files: a known text sealed under the chunks' key, so a wrong key is told apart from a damaged chunk. */
  keyCheck?: string;
}

const KEY_CHECK = 'asean-delegate/backup-key-check/v1';

export async function sealKeyCheck(key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(KEY_CHECK)));
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(sealed, 12);
  return toB64(out);
}

export async function keyChecks(key: CryptoKey, check: string): Promise<boolean> {
  try {
    const bytes = fromB64(check);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
    return new TextDecoder().decode(plain) === KEY_CHECK;
  } catch {
    return false;
  }
}

export const ROW_PARTS = ['briefings', 'sections', 'settings', 'documents', 'papers', 'versions', 'texts', 'annotations'] as const;
export type RowPart = (typeof ROW_PARTS)[number];

export type ChunkBody =
  | { part: RowPart; rows: unknown[] }
  | { part: 'file'; versionId: string; type: string; piece: number; last: boolean; data: string }
  /** One piece of one document's state (`state` split at DOCUMENT_PIECE_CHARS); the document is whole at `last`. */
  | { part: 'documentPiece'; briefingId: string; docPart?: 'comments' | 'control'; piece: number; last: boolean; state: string }
  | { part: 'end'; counts: Record<string, number> };

/** A chunk's additional data: the exact header line and where the chunk stands in the file. */
const chunkAad = (headerLine: string, index: number) => new TextEncoder().encode(`${headerLine}\n${index}`);

/** Turns chunks into lines: plain JSON, or sealed under `key`. */
export class ChunkSealer {
  private index = 0;
  constructor(
    private readonly headerLine: string,
    private readonly key: CryptoKey | undefined,
  ) {}

  async line(body: ChunkBody): Promise<string> {
    const json = JSON.stringify(body);
    const index = this.index++;
    if (!this.key) return json;
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: chunkAad(this.headerLine, index) }, this.key, new TextEncoder().encode(json)));
    const out = new Uint8Array(12 + sealed.byteLength);
    out.set(iv);
    out.set(sealed, 12);
    return toB64(out);
  }
}

/** A chunk line that cannot be opened: wrong key (at the first chunk) or a damaged, reordered or foreign chunk. */
export class ChunkUnreadable extends Error {
  constructor(readonly index: number) {
    super(`Chunk ${index} of the backup cannot be read.`);
    this.name = 'ChunkUnreadable';
  }
}

/** Lines back into chunk bodies (their JSON parsed, not yet checked). */
export class ChunkOpener {
  constructor(
    private readonly headerLine: string,
    private readonly key: CryptoKey | undefined,
  ) {}

  async open(line: string, index: number): Promise<unknown> {
    try {
      if (!this.key) return JSON.parse(line) as unknown;
      const bytes = fromB64(line);
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: chunkAad(this.headerLine, index) }, this.key, bytes.subarray(12));
      return JSON.parse(new TextDecoder().decode(plain)) as unknown;
    } catch {
      throw new ChunkUnreadable(index);
    }
  }
}

/** The header if `line` is one of a streamed backup (any format version from 4 on), else undefined. */
export function parseHeader(line: string): StreamHeader | undefined {
  try {
    const value = JSON.parse(line) as Partial<StreamHeader> | null;
    if (value?.format !== BACKUP_FILE_FORMAT || typeof value.formatVersion !== 'number' || value.formatVersion < OLDEST_STREAMED_BACKUP_VERSION) return undefined;
    if (typeof value.protection !== 'object' || value.protection === null) return undefined;
    return value as StreamHeader;
  } catch {
    return undefined;
  }
}

/** The lines of a file, read as a stream: at most one line (and one read) in memory at a time. */
export async function* linesOf(file: Blob, onBytes?: (read: number) => void): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      read += value.byteLength;
      buffered += decoder.decode(value, { stream: true });
      onBytes?.(read);
    }
    if (done) buffered += decoder.decode();
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      yield buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
    if (buffered.length > MAX_LINE_CHARS) throw new LineTooLong();
    if (done) break;
  }
  if (buffered !== '') yield buffered;
}

export class LineTooLong extends Error {
  constructor() {
    super('A line of the backup is longer than any this app writes.');
    this.name = 'LineTooLong';
  }
}

/** Up to the first newline of the file's first 64 KiB: a streamed backup's header, or undefined (an older backup, one JSON text). */
export async function sniffHeader(file: Blob): Promise<{ header: StreamHeader; headerLine: string } | undefined> {
  const start = await file.slice(0, 64 * 1024).text();
  const newline = start.indexOf('\n');
  if (newline < 0) return undefined;
  const headerLine = start.slice(0, newline);
  const header = parseHeader(headerLine);
  return header ? { header, headerLine } : undefined;
}
