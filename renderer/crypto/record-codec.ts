import { isArrayBuffer } from './bytes';

/*
 * Turns the secret part of a row into bytes and back. JSON carries the structure; binary
 * values (Yjs updates, attachment bytes, Blobs) travel beside it as raw bytes rather than
 * base64, so a 20 MB paper is encrypted as 20 MB, not 27. Dates survive as dates.
 *
 * Layout: [u32 JSON length][JSON][binary part 0][binary part 1]...
 */

const TAG = '\u0000';
type Packed = { [TAG]: 'bytes' | 'buffer' | 'blob' | 'date'; i?: number; n?: number; type?: string; iso?: string };

interface Parts {
  chunks: Uint8Array[];
  blobs: Promise<void>[];
}

function pack(value: unknown, parts: Parts): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { [TAG]: 'date', iso: value.toISOString() } satisfies Packed;
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    parts.chunks.push(bytes);
    return { [TAG]: 'bytes', i: parts.chunks.length - 1, n: bytes.byteLength } satisfies Packed;
  }
  if (isArrayBuffer(value)) {
    parts.chunks.push(new Uint8Array(value));
    return { [TAG]: 'buffer', i: parts.chunks.length - 1, n: value.byteLength } satisfies Packed;
  }
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const index = parts.chunks.push(new Uint8Array()) - 1;
    parts.blobs.push(value.arrayBuffer().then((buffer) => void (parts.chunks[index] = new Uint8Array(buffer))));
    return { [TAG]: 'blob', i: index, n: value.size, type: value.type } satisfies Packed;
  }
  if (Array.isArray(value)) return value.map((item) => pack(item, parts));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = pack(item, parts);
  return out;
}

export async function encodeRecord(value: Record<string, unknown>): Promise<Uint8Array> {
  const parts: Parts = { chunks: [], blobs: [] };
  const json = new TextEncoder().encode(JSON.stringify(pack(value, parts)));
  await Promise.all(parts.blobs);
  const total = 4 + json.byteLength + parts.chunks.reduce((sum, c) => sum + c.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, json.byteLength);
  out.set(json, 4);
  let offset = 4 + json.byteLength;
  for (const chunk of parts.chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const decoder = new TextDecoder();
/** How the tag key looks in JSON text: a row without it has no bytes, blobs or dates to unpack. */
const TAG_IN_JSON = JSON.stringify(TAG);

export function decodeRecord(bytes: Uint8Array): Record<string, unknown> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0);
  const text = decoder.decode(bytes.subarray(4, 4 + length));
  // Most rows (sections, briefings, settings) are plain JSON: parsed, they are already a fresh object.
  if (4 + length === bytes.byteLength && !text.includes(TAG_IN_JSON)) return JSON.parse(text) as Record<string, unknown>;
  const json = JSON.parse(text) as unknown;
  // Binary parts follow in the order they were met; the lengths in the JSON place them.
  const offsets: number[] = [];
  let offset = 4 + length;
  const unpack = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(unpack);
    const tagged = value as Packed;
    if (typeof tagged[TAG] === 'string') {
      if (tagged[TAG] === 'date') return new Date(tagged.iso ?? '');
      const index = tagged.i ?? 0;
      const size = tagged.n ?? 0;
      offsets[index] ??= offset;
      const start = offsets[index];
      offset = Math.max(offset, start + size);
      const copy = bytes.slice(start, start + size);
      if (tagged[TAG] === 'bytes') return copy;
      if (tagged[TAG] === 'buffer') return copy.buffer;
      return new Blob([copy], { type: tagged.type ?? '' });
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = unpack(item);
    return out;
  };
  return unpack(json) as Record<string, unknown>;
}
