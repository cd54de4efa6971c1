import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createSha256 } from './sha256-stream';
import { canonicalJsonFast } from './canonical';
import { MAX_JSON_DEPTH } from './json-depth';
import type { ByteReader } from './stream-parse';
import { PAYLOAD_LINE_KINDS, type BundlePayload, type PayloadLineKind } from './schema';

/**
 * The payload of a format-2 bundle: JSON lines, one record per line, each line a two-element
 * array `["meetings",{...record}]` (tombstones: `["removals",{"id":...,"kind":...}]`) ended by
 * "\n". The manifest's payloadSha256 is SHA-256 of exactly these bytes, so the signature can be
 * checked, and the bytes hashed as they stream by, before a single line is parsed.
 */

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** Bytes read at a time while hashing and parsing. */
const BLOCK_BYTES = 1024 * 1024;
/** Blocks asked for ahead of the one being hashed (readHashed). */
const READ_AHEAD = 4;

/** The payload's lines in the order this app writes them: kinds in RECORD_KINDS order, then removals; records canonical. */
export function* payloadLines(payload: BundlePayload): Generator<string> {
  const lists = payload as Partial<Record<PayloadLineKind, unknown[]>>;
  for (const kind of PAYLOAD_LINE_KINDS) {
    const prefix = `[${JSON.stringify(kind)},`;
    for (const item of lists[kind] ?? []) yield `${prefix}${canonicalJsonFast(item)}]\n`;
  }
}

/** SHA-256 and length of the payload's lines, encoded into one reused buffer, never built as one string. */
export function hashPayloadLines(payload: BundlePayload): { sha256: string; bytes: number } {
  const hasher = sha256.create();
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(3 * 65_536);
  let pending = '';
  let bytes = 0;
  const flush = () => {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (buffer.length < pending.length * 3) buffer = new Uint8Array(pending.length * 3);
    const { written } = encoder.encodeInto(pending, buffer);
    hasher.update(buffer.subarray(0, written));
    bytes += written;
    pending = '';
  };
  for (const line of payloadLines(payload)) {
    pending += line;
    if (pending.length >= 65_536) flush();
  }
  flush();
  return { sha256: bytesToHex(hasher.digest()), bytes };
}

/** Gives a fresh buffer's memory back at once (the reader's, or this parser's own). */
function release(reader: ByteReader, bytes: Uint8Array): void {
  if (reader.fresh && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) detach(bytes.buffer);
}

/**
 * Detaches a buffer we alone hold, so its memory goes back now rather than at the next full
 * collection. ArrayBuffer.prototype.transfer(0) frees it at once; where that is missing (Node 20,
 * which runs the publisher's tool) a transfer through structuredClone moves the memory to a new,
 * unreferenced buffer, freed at the next minor collection: the file's blocks, held while the
 * payload is hashed, are old by then and would otherwise stay beside the parsed records.
 */
function detach(buffer: ArrayBufferLike): void {
  const transfer = (buffer as { transfer?: (length: number) => unknown }).transfer;
  if (typeof transfer === 'function') transfer.call(buffer, 0);
  else if (typeof structuredClone === 'function' && buffer instanceof ArrayBuffer) {
    try {
      structuredClone(buffer, { transfer: [buffer] });
    } catch {
      // Not transferable (a WebAssembly memory's): left to the collector.
    }
  }
}

/** SHA-256 of bytes from..to of the file, read a block at a time: nothing is decoded or parsed. */
export async function hashRange(reader: ByteReader, from: number, to: number, blockBytes = BLOCK_BYTES): Promise<string> {
  const hasher = await createSha256();
  for (let at = from; at < to; at += blockBytes) {
    const block = await reader.read(at, Math.min(at + blockBytes, to));
    hasher.update(block);
    release(reader, block);
  }
  return bytesToHex(hasher.digest());
}

/**
 * Bytes from..to read once, a block at a time: their SHA-256, and a reader that hands the same
 * blocks to parsePayloadLines afterwards, each once, so the file is read a single time (hashing
 * and parsing were two passes over it). Nothing is decoded before the caller has compared the
 * digest with the signed one. The blocks are held until parsed, and each is let go as the parser
 * finishes with it, so the file's bytes shrink as its records grow.
 */
export async function readHashed(reader: ByteReader, from: number, to: number, blockBytes = BLOCK_BYTES): Promise<{ sha256: string; blocks: ByteReader; discard(): void }> {
  if (reader.reread) return hashedTwice(reader, from, to, blockBytes);
  const hasher = await createSha256();
  const held: (Uint8Array | undefined)[] = [];
  // A few reads are asked for ahead of the one being hashed: each read of a Blob is a round trip
  // to the browser's process, and awaiting them one after the other left the thread idle for
  // seconds on a loaded machine. Every block is held until parsed anyway, so reading ahead costs
  // no memory; a failed read still fails the whole call (the reads behind it are let go).
  const starts: number[] = [];
  for (let at = from; at < to; at += blockBytes) starts.push(at);
  const requested = new Map<number, Promise<Uint8Array>>();
  let next = 0;
  const requestUpTo = (last: number) => {
    for (; next <= last && next < starts.length; next++) {
      const read = reader.read(starts[next]!, Math.min(starts[next]! + blockBytes, to));
      read.catch(() => undefined);
      requested.set(next, read);
    }
  };
  for (let index = 0; index < starts.length; index++) {
    requestUpTo(index + READ_AHEAD);
    const block = await requested.get(index)!;
    requested.delete(index);
    hasher.update(block);
    held.push(block);
  }
  const blocks: ByteReader = {
    size: reader.size,
    ...(reader.fresh ? { fresh: true } : {}),
    read(start, end) {
      const index = (start - from) / blockBytes;
      const block = held[index];
      // Only the parser's own reads, in its own blocks, each once.
      if (!Number.isInteger(index) || block === undefined || end - start !== block.length) return Promise.reject(new Error('readHashed: a read outside the blocks read'));
      held[index] = undefined;
      return Promise.resolve(block);
    },
  };
  return {
    sha256: bytesToHex(hasher.digest()),
    blocks,
    discard() {
      for (const block of held) if (block) release(reader, block);
      held.length = 0;
    },
  };
}

/** A block read again did not have the digest it had when the payload was hashed: the file changed meanwhile. */
export class PayloadChangedError extends Error {
  constructor() {
    super('the payload changed while it was being read');
    this.name = 'PayloadChangedError';
  }
}

/**
 * readHashed for a reader that can read a range again cheaply (a file on disk): the payload is
 * hashed a block at a time and nothing is kept but each block's own SHA-256, so the file's bytes
 * are never held beside the records parsed from them. The parser's reads read each block again
 * and give it only if its digest is the one hashed (else PayloadChangedError, before a byte of it
 * is parsed): every byte parsed is still a byte the payload hash, checked against the signed one,
 * covered.
 */
async function hashedTwice(reader: ByteReader, from: number, to: number, blockBytes: number): Promise<{ sha256: string; blocks: ByteReader; discard(): void }> {
  const hasher = await createSha256();
  const block = await createSha256();
  const digests: (Uint8Array | undefined)[] = [];
  for (let at = from; at < to; at += blockBytes) {
    const bytes = await reader.read(at, Math.min(at + blockBytes, to));
    hasher.update(bytes);
    digests.push(block.init().update(bytes).digest().slice());
    release(reader, bytes);
  }
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
  const blocks: ByteReader = {
    size: reader.size,
    ...(reader.fresh ? { fresh: true } : {}),
    async read(start, end) {
      const index = (start - from) / blockBytes;
      const expected = digests[index];
      // Only the parser's own reads, in its own blocks, each once.
      if (!Number.isInteger(index) || expected === undefined || end !== Math.min(start + blockBytes, to)) throw new Error('readHashed: a read outside the blocks read');
      digests[index] = undefined;
      const bytes = await reader.read(start, end);
      if (bytes.length !== end - start || !same(block.init().update(bytes).digest(), expected)) throw new PayloadChangedError();
      return bytes;
    },
  };
  return { sha256: bytesToHex(hasher.digest()), blocks, discard: () => void (digests.length = 0) };
}

export interface LineProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  message: string;
}

export type ParsedLines = { ok: true; payload: Record<string, unknown[]> } | { ok: false; problems: LineProblem[] };

/**
 * Parses the payload lines in bytes from..to (already matched against the signed hash): each
 * line strictly decoded, its nesting depth checked before JSON.parse, and its shape
 * `["kind", value]` checked; values are grouped by kind, in file order. Records are not
 * validated here (validateRecordsInPlace does that).
 */
export async function parsePayloadLines(reader: ByteReader, from: number, to: number, firstLine = 2, maxDepth = MAX_JSON_DEPTH, blockBytes = BLOCK_BYTES): Promise<ParsedLines> {
  const payload: Record<string, unknown[]> = {};
  const problems: LineProblem[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = firstLine;
  let carry: Uint8Array = new Uint8Array(0);
  const problem = (message: string) => {
    if (problems.length < 100) problems.push({ line, message });
  };

  const take = (value: unknown) => {
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return problem('expected ["kind", record]');
    const kind = value[0];
    if (!(PAYLOAD_LINE_KINDS as readonly string[]).includes(kind)) return problem(`unknown kind "${kind.slice(0, 40)}"`);
    (payload[kind] ??= []).push(value[1]);
  };
  const parseLine = (bytes: Uint8Array, start: number, end: number, depth: number) => {
    if (end === start) return problem('empty line');
    if (depth > maxDepth) return problem(`nested ${depth} levels deep; at most ${maxDepth} are allowed`);
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(bytes.subarray(start, end)));
    } catch {
      return problem('not valid UTF-8 JSON');
    }
    take(value);
  };

  // The lines a block ends, parsed together: one decode and one JSON.parse of the lines joined
  // by commas into an array, instead of one of each per line (100k small strings, and their
  // garbage, for a 100k-record payload). Only lines the scan shows to be one whole value each
  // (not empty, not too deep, brackets balanced and never closed below zero, no string left
  // open) are joined, so the array holds one element per line, each what JSON.parse gives for
  // the line alone. Otherwise, or when the joined parse fails or gives another count, the lines
  // are parsed one by one, so that a problem is named by its own line as before.
  const starts: number[] = [];
  const ends: number[] = [];
  const depths: number[] = [];
  let joinable = true;
  const parseLines = (bytes: Uint8Array) => {
    const count = starts.length;
    let values: unknown[] | undefined;
    if (joinable && count > 1) {
      try {
        const parsed: unknown = JSON.parse(`[${decoder.decode(bytes.subarray(starts[0], ends[count - 1])).replaceAll('\n', ',')}]`);
        if (Array.isArray(parsed) && parsed.length === count) values = parsed;
      } catch {
        // Parsed line by line below, which names the line.
      }
    }
    const first = line;
    for (let k = 0; k < count; k++) {
      line = first + k;
      if (values) take(values[k]);
      else parseLine(bytes, starts[k]!, ends[k]!, depths[k]!);
    }
    line = first + count;
    starts.length = ends.length = depths.length = 0;
    joinable = true;
  };

  for (let at = from; at < to; at += blockBytes) {
    const read = await reader.read(at, Math.min(at + blockBytes, to));
    // A line cut by the block boundary is carried over, copied once.
    let bytes: Uint8Array = read;
    if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + read.length);
      bytes.set(carry);
      bytes.set(read, carry.length);
      release(reader, read);
    }
    let start = 0;
    let depth = 0;
    let deepest = 0;
    let below = false;
    let inString = false;
    let escaped = false;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const c = bytes[i]!;
      if (c === LF) {
        // A raw line feed cannot be inside a JSON string: it always ends the line.
        if (i === start || deepest > maxDepth || depth !== 0 || below || inString) joinable = false;
        starts.push(start);
        ends.push(i);
        depths.push(deepest);
        start = i + 1;
        depth = deepest = 0;
        below = inString = escaped = false;
      } else if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (++depth > deepest) deepest = depth;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--depth < 0) below = true;
      }
    }
    parseLines(bytes);
    carry = bytes.slice(start);
    if (bytes === read) release(reader, read);
    // A merged block is this parser's own: its memory goes back at once, not at the next collection.
    else detach(bytes.buffer);
    // A line longer than a few blocks is no record: stop before it takes the memory.
    if (carry.length > 4 * Math.max(blockBytes, BLOCK_BYTES)) {
      problem('a line longer than 4 MiB');
      return { ok: false, problems };
    }
  }
  if (carry.length > 0) problem('the last line does not end with a line feed');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, payload };
}
