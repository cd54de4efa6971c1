/**
 * Parses a bundle file piece by piece, so that neither its whole text nor its whole bytes are
 * ever held: only the parsed document is. The result is the value JSON.parse would give for the
 * file's UTF-8 text, or an exception (the caller then falls back to the plain whole-text path,
 * which gives the exact refusal).
 *
 * How: one pass over the bytes (read a mebibyte at a time) finds the arrays directly inside the
 * document's "payload" object (the record lists) and cuts their contents into segments of about
 * half a mebibyte at commas between elements. Everything else (the manifest, the signatures,
 * the keys and any other value) is a small "skeleton" text, which JSON.parse reads with its own
 * rules (whitespace, duplicate keys, escapes); each segment is read by JSON.parse as
 * `[segment]` and must give exactly as many elements as its commas say, so the file as a whole
 * is valid JSON exactly when the skeleton and every segment are. Structural bytes are ASCII and
 * never occur inside a UTF-8 multi-byte sequence, so cutting the bytes there keeps every
 * character whole; each piece is decoded strictly (invalid UTF-8 throws).
 */

import { MAX_JSON_DEPTH } from './json-depth';

/** Random access to a file's bytes (a Blob's slices, a subarray, a file handle). */
export interface ByteReader {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * True when every read gives a fresh buffer of its own (a Blob's slice): the parser then
   * detaches each one as soon as it is done with it, which gives its memory back at once
   * instead of at the collector's next pass over the dead buffers.
   */
  readonly fresh?: boolean;
  /**
   * True when a range can be read again cheaply (a file on disk): a format-2 payload is then
   * hashed in one pass and parsed in a second, each block checked against its digest from the
   * first, instead of being held whole until its hash is checked (readHashed).
   */
  readonly reread?: boolean;
}

/** Gives a fresh buffer's memory back at once (where ArrayBuffer.prototype.transfer exists). */
function release(reader: ByteReader, bytes: Uint8Array): void {
  if (reader.fresh && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    (bytes.buffer as { transfer?: (length: number) => unknown }).transfer?.(0);
  }
}

const SCAN_CHUNK = 512 * 1024;
/**
 * Small enough that a segment's text (and `[text]`) stays below V8's large-object size (128 KiB,
 * even as a two-byte string): such garbage dies young instead of waiting for a full collection.
 */
const SEGMENT_BYTES = 48 * 1024;
/** Bytes read at a time while parsing segments. */
const BLOCK_BYTES = 512 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Bytes read at a time while scanning, and the size from which a segment is cut (tests make them tiny). */
export interface PieceSizes {
  scanChunk: number;
  segmentBytes: number;
}

interface Segment {
  start: number;
  end: number;
  /** Commas between elements inside the segment. */
  commas: number;
}

interface CarvedArray {
  /** Byte range of the key's string token, quotes included. */
  keyStart: number;
  keyEnd: number;
  /** First byte after "[" and the byte of the matching "]". */
  start: number;
  end: number;
  segments: Segment[];
}

class NotHandled extends Error {}

/** Strict UTF-8; a BOM inside a piece is kept (and then refused by JSON.parse, as in one text). */
const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Longest key token (quotes included) remembered while scanning: "payload" needs 9 bytes, or more with escapes. */
const KEY_BYTES = 64;

/** Where the scan stands between two chunks. */
interface ScanState {
  /** Containers open at each depth: true for objects. */
  objects: boolean[];
  inString: boolean;
  escaped: boolean;
  stringStart: number;
  /** The last string token closed directly inside the payload object (depth 2): an array's key. */
  lastString2: [number, number];
  /** The first bytes of the string token being read at depth 1, and of the last one closed there. */
  key: Uint8Array;
  keyLength: number;
  lastKey: Uint8Array;
  lastKeyLength: number;
  payloadSeen: boolean;
  inPayload: boolean;
  current: CarvedArray | undefined;
  segment: Segment | undefined;
  carved: CarvedArray[];
  segmentBytes: number;
}

function isPayloadKey(state: ScanState): boolean {
  // Its whole token must have been remembered: a longer key is not "payload" in any spelling that fits.
  if (state.lastKeyLength > KEY_BYTES) return false;
  try {
    return JSON.parse(decoder().decode(state.lastKey.subarray(0, state.lastKeyLength))) === 'payload';
  } catch {
    return false;
  }
}

/** One chunk of the scan, synchronous so the byte loop stays tight. */
function scanChunk(state: ScanState, chunk: Uint8Array, offset: number): void {
  const { objects } = state;
  let { inString, escaped } = state;
  const n = chunk.length;
  for (let i = 0; i < n; i++) {
    const b = chunk[i]!;
    if (inString) {
      if (objects.length === 1) {
        if (state.keyLength < KEY_BYTES) state.key[state.keyLength] = b;
        state.keyLength++;
      }
      if (escaped) escaped = false;
      else if (b === BACKSLASH) escaped = true;
      else if (b === QUOTE) {
        inString = false;
        const depth = objects.length;
        if (depth === 1) {
          state.lastKey.set(state.key.subarray(0, Math.min(state.keyLength, KEY_BYTES)));
          state.lastKeyLength = state.keyLength;
        } else if (depth === 2) state.lastString2 = [state.stringStart, offset + i + 1];
      }
      continue;
    }
    // Outside strings only ASCII punctuation matters; the rest is checked by JSON.parse.
    if (b === QUOTE) {
      inString = true;
      state.stringStart = offset + i;
      if (objects.length === 1) {
        state.key[0] = b;
        state.keyLength = 1;
      }
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      const depth = objects.length;
      if (depth === 1 && b === OPEN_OBJECT && objects[0] === true && isPayloadKey(state)) {
        // A second "payload" key: JSON.parse keeps the last one; leave such a file to the plain path.
        if (state.payloadSeen) throw new NotHandled('two payloads');
        state.payloadSeen = true;
        state.inPayload = true;
      } else if (depth === 2 && state.inPayload && b === OPEN_ARRAY) {
        const [keyStart, keyEnd] = state.lastString2;
        state.segment = { start: offset + i + 1, end: 0, commas: 0 };
        state.current = { keyStart, keyEnd, start: offset + i + 1, end: 0, segments: [] };
      }
      objects.push(b === OPEN_OBJECT);
      // Deeper than any bundle: left to the plain path, which refuses it before parsing.
      if (objects.length > MAX_JSON_DEPTH) throw new NotHandled('too deep');
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      if (objects.length === 0) throw new NotHandled('unbalanced');
      objects.pop();
      const depth = objects.length;
      if (depth === 2 && state.current && b === CLOSE_ARRAY) {
        state.current.end = offset + i;
        state.segment!.end = offset + i;
        state.current.segments.push(state.segment!);
        state.carved.push(state.current);
        state.current = undefined;
        state.segment = undefined;
      } else if (depth === 1 && state.inPayload && b === CLOSE_OBJECT) {
        state.inPayload = false;
      }
    } else if (b === COMMA && state.current && objects.length === 3) {
      const at = offset + i;
      const segment = state.segment!;
      if (at - segment.start >= state.segmentBytes) {
        segment.end = at;
        state.current.segments.push(segment);
        state.segment = { start: at + 1, end: 0, commas: 0 };
      } else {
        segment.commas++;
      }
    }
  }
  state.inString = inString;
  state.escaped = escaped;
}

/** Finds the payload's record arrays and their segments: one pass, nothing decoded. */
async function scan(reader: ByteReader, from: number, sizes: PieceSizes): Promise<CarvedArray[]> {
  const state: ScanState = {
    objects: [],
    inString: false,
    escaped: false,
    stringStart: 0,
    lastString2: [0, 0],
    key: new Uint8Array(KEY_BYTES),
    keyLength: 0,
    lastKey: new Uint8Array(KEY_BYTES),
    lastKeyLength: KEY_BYTES + 1,
    payloadSeen: false,
    inPayload: false,
    current: undefined,
    segment: undefined,
    carved: [],
    segmentBytes: sizes.segmentBytes,
  };
  for (let offset = from; offset < reader.size; offset += sizes.scanChunk) {
    const chunk = await reader.read(offset, Math.min(offset + sizes.scanChunk, reader.size));
    scanChunk(state, chunk, offset);
    release(reader, chunk);
  }
  if (state.inString || state.objects.length > 0) throw new NotHandled('truncated');
  return state.carved;
}

/**
 * The document JSON.parse would give for the file's text, parsed piece by piece; throws when
 * the file is not valid UTF-8 JSON (or takes a shape this reader leaves to the plain path).
 */
export async function parseBundleDocument(reader: ByteReader, sizes: PieceSizes = { scanChunk: SCAN_CHUNK, segmentBytes: SEGMENT_BYTES }): Promise<unknown> {
  // A leading BOM is dropped, as TextDecoder does with a whole file.
  const head = await reader.read(0, Math.min(3, reader.size));
  const from = head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const carved = await scan(reader, from, sizes);

  // The skeleton: the file with the carved arrays emptied.
  const pieces: string[] = [];
  let at = from;
  for (const array of carved) {
    pieces.push(decoder().decode(await reader.read(at, array.start)));
    at = array.end;
  }
  pieces.push(decoder().decode(await reader.read(at, reader.size)));
  const document = JSON.parse(pieces.join('')) as { payload?: Record<string, unknown> };
  pieces.length = 0;
  const payload = document.payload;
  if (carved.length === 0) return document;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new NotHandled('no payload object');

  // Every carved array is parsed, so the whole file is checked. A key given twice is left to the plain path.
  const filled = new Set<string>();
  for (const array of carved) {
    const key = JSON.parse(decoder().decode(await reader.read(array.keyStart, array.keyEnd))) as unknown;
    if (typeof key !== 'string' || filled.has(key) || !Object.hasOwn(payload, key) || !Array.isArray(payload[key]) || (payload[key] as unknown[]).length !== 0) {
      throw new NotHandled('key');
    }
    filled.add(key);
    const list: unknown[] = [];
    const only = array.segments.length === 1;
    let block: Uint8Array = new Uint8Array(0);
    let blockStart = 0;
    for (const segment of array.segments) {
      if (segment.start < blockStart || segment.end > blockStart + block.length) {
        release(reader, block);
        blockStart = segment.start;
        block = await reader.read(segment.start, Math.max(segment.end, Math.min(segment.start + BLOCK_BYTES, array.end)));
      }
      const text = decoder().decode(block.subarray(segment.start - blockStart, segment.end - blockStart));
      const items = JSON.parse(`[${text}]`) as unknown[];
      // A segment holds as many elements as commas plus one (an empty array: none at all).
      if (items.length !== segment.commas + 1 && !(only && segment.commas === 0 && items.length === 0)) throw new NotHandled('elements');
      for (let i = 0; i < items.length; i++) list.push(items[i]);
    }
    release(reader, block);
    Object.defineProperty(payload, key, { value: list, writable: true, enumerable: true, configurable: true });
  }
  return document;
}
