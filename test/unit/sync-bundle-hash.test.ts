/** The streamed hashes: format 2's raw payload lines against node:crypto, canonical pieces (the content hash) against canonicalJsonFast. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonFast, canonicalJsonPieces } from '../../shared/bundle/canonical';
import { sha256HexOfBytes, utf8 } from '../../shared/bundle/encoding';
import { hashPayload, RECORD_DIGEST_BYTES } from '../../shared/bundle/payload';
import { createSha256 } from '../../shared/bundle/sha256-stream';
import { RECORD_KINDS } from '../../shared/model';
import { hashPayloadLines, hashRange, parsePayloadLines, payloadLines, readHashed } from '../../shared/bundle/payload-lines';
import { builtinRecords } from './bundle-fixtures';

describe('the format-2 payload hash (streamed, @noble/hashes)', () => {
  it('is SHA-256 of exactly the payload lines serializeBundle writes', async () => {
    const records = builtinRecords();
    const lines = [...payloadLines(records)].join('');
    expect(hashPayloadLines(records)).toEqual({ sha256: createHash('sha256').update(lines).digest('hex'), bytes: Buffer.byteLength(lines) });
    expect(lines.split('\n')[0]).toMatch(/^\["sources",\{"/);
  });

  it('hashRange gives the same digest however the reader cuts its blocks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.nat({ max: 600 }), async (bytes, from) => {
        const start = Math.min(from, bytes.length);
        const reader = { size: bytes.length, read: (s: number, e: number) => Promise.resolve(bytes.slice(s, e)) };
        expect(await hashRange(reader, start, bytes.length, 1 + (from % 97))).toBe(createHash('sha256').update(bytes.subarray(start)).digest('hex'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('parsePayloadLines', () => {
  const line = fc.tuple(fc.constantFrom('sources', 'meetings', 'removals'), fc.record({ id: fc.string({ maxLength: 8 }), t: fc.constantFrom('Hội nghị', 'a"b\\n', '[{,}]', '\u2028') }));
  it('gives the lines JSON.parse gives, however its blocks cut the bytes (multi-byte characters and lines across blocks)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), async (lines, block) => {
        const bytes = new TextEncoder().encode(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
        const reader = { size: bytes.length, read: (s: number, e: number) => Promise.resolve(bytes.slice(s, e)), fresh: true };
        const parsed = await parsePayloadLines(reader, 0, bytes.length, 2, 64, block);
        const expected: Record<string, unknown[]> = {};
        for (const [kind, value] of lines) (expected[kind] ??= []).push(value);
        expect(parsed).toEqual({ ok: true, payload: expected });
      }),
      { numRuns: 200 },
    );
  });

  it('gives what parsing each line alone gives when lines are parsed a block at a time, even for lines that would join into valid JSON', async () => {
    // Two values on one line and a line that only closes: joined with commas they would make a valid array.
    const tricky = ['["sources",{"id":"a"}],["sources",{"id":"b"}]', '["sources",{"id":"c"}', ']', '["meetings",{"id":"d"}]', '"x"', '  ["meetings",{"id":"e"}]  ', '[1', '2]'];
    const text = `${tricky.join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    for (const block of [4096, 64, 7]) {
      const parsed = await parsePayloadLines({ size: bytes.length, read: (s, e) => Promise.resolve(bytes.subarray(s, e)) }, 0, bytes.length, 2, 64, block);
      expect(parsed.ok ? [] : parsed.problems).toEqual([
        { line: 2, message: 'not valid UTF-8 JSON' },
        { line: 3, message: 'not valid UTF-8 JSON' },
        { line: 4, message: 'not valid UTF-8 JSON' },
        { line: 6, message: 'expected ["kind", record]' },
        { line: 8, message: 'not valid UTF-8 JSON' },
        { line: 9, message: 'not valid UTF-8 JSON' },
      ]);
    }
    const valid = new TextEncoder().encode('["meetings",{"id":"d"}]\n  ["meetings",{"id":"e"}]  \n["removals",{"id":"f","kind":"meetings"}]\n');
    expect(await parsePayloadLines({ size: valid.length, read: (s, e) => Promise.resolve(valid.subarray(s, e)) }, 0, valid.length)).toEqual({
      ok: true,
      payload: { meetings: [{ id: 'd' }, { id: 'e' }], removals: [{ id: 'f', kind: 'meetings' }] },
    });
  });

  it('names the line of each problem: empty, not JSON, another shape, too deep, no final line feed', async () => {
    const text = '["sources",{"id":"a"}]\n\n{"x":1}\n["people",{}]\n[1\n["sources",' + '['.repeat(70) + ']'.repeat(70) + ']\n["sources",{}]';
    const bytes = new TextEncoder().encode(text);
    const parsed = await parsePayloadLines({ size: bytes.length, read: (s, e) => Promise.resolve(bytes.subarray(s, e)) }, 0, bytes.length, 2, 64, 5);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      { line: 3, message: 'empty line' },
      { line: 4, message: 'expected ["kind", record]' },
      { line: 5, message: 'unknown kind "people"' },
      { line: 6, message: 'not valid UTF-8 JSON' },
      { line: 7, message: 'nested 71 levels deep; at most 64 are allowed' },
      { line: 8, message: 'the last line does not end with a line feed' },
    ]);
  });
});

describe('canonicalJsonPieces', () => {
  const joined = (value: unknown) => {
    const pieces: string[] = [];
    canonicalJsonPieces(value, (p) => pieces.push(p));
    return pieces.join('');
  };

  it('is canonicalJsonFast in pieces, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(joined(value)).toBe(canonicalJsonFast(value) ?? '');
      }),
      { numRuns: 500 },
    );
  });

  it('for a payload with records in any key order, and the hash is the one Web Crypto gives', async () => {
    const records = builtinRecords();
    const { targets, ...others } = records;
    const shuffled = { targets, ...others, meetings: records.meetings.map((m) => Object.fromEntries(Object.entries(m).reverse())) };
    expect(joined(shuffled)).toBe(canonicalJsonFast(shuffled));
    const text = canonicalJsonFast(shuffled);
    expect(await hashPayload(shuffled)).toEqual({ sha256: await sha256HexOfBytes(utf8(text)), bytes: utf8(text).length });
  });
});

describe('the streaming SHA-256 (WebAssembly, with @noble/hashes where it cannot start)', () => {
  it('both engines give node:crypto digests, however the input is cut', async () => {
    const engines = await Promise.all([createSha256('wasm'), createSha256('js')]);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 700 }), async (bytes, piece) => {
        const expected = createHash('sha256').update(bytes).digest('hex');
        for (const hasher of engines) {
          hasher.init();
          for (let at = 0; at < bytes.length; at += piece) hasher.update(bytes.subarray(at, at + piece));
          expect(Buffer.from(hasher.digest()).toString('hex')).toBe(expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('readHashed hashes the bytes once and hands the same blocks to the parser', async () => {
    const lines = builtinRecords().meetings.slice(0, 40).map((m) => `${JSON.stringify(['meetings', m])}\n`).join('');
    const bytes = new TextEncoder().encode(`header\n${lines}`);
    const reads: [number, number][] = [];
    const reader = { size: bytes.length, fresh: true, read: (s: number, e: number) => (reads.push([s, e]), Promise.resolve(bytes.slice(s, e))) };
    const read = await readHashed(reader, 7, bytes.length, 512);
    expect(read.sha256).toBe(createHash('sha256').update(bytes.subarray(7)).digest('hex'));
    const readsWhileHashing = reads.length;
    const parsed = await parsePayloadLines(read.blocks, 7, bytes.length, 2, 64, 512);
    expect(reads.length).toBe(readsWhileHashing);
    expect(parsed).toEqual(await parsePayloadLines({ size: bytes.length, read: (s, e) => Promise.resolve(bytes.subarray(s, e)) }, 7, bytes.length, 2, 64, 512));
    await expect(read.blocks.read(7, 519)).rejects.toThrow(/outside the blocks/);
  });

  it('gives back every block a fresh reader handed over once it is parsed, with or without ArrayBuffer.prototype.transfer', async () => {
    const meetings = builtinRecords().meetings;
    const lines = meetings.map((m) => `${JSON.stringify(['meetings', m])}\n`).join('');
    const bytes = new TextEncoder().encode(lines);
    const proto = ArrayBuffer.prototype as { transfer?: unknown };
    const transfer = Object.getOwnPropertyDescriptor(proto, 'transfer');
    for (const withTransfer of [true, false]) {
      if (!withTransfer && transfer) delete proto.transfer;
      try {
        const handed: Uint8Array[] = [];
        const reader = { size: bytes.length, fresh: true, read: (s: number, e: number) => Promise.resolve(handed[handed.push(bytes.slice(s, e)) - 1]!) };
        const read = await readHashed(reader, 0, bytes.length, 512);
        const parsed = await parsePayloadLines(read.blocks, 0, bytes.length, 2, 64, 512);
        read.discard();
        expect(parsed.ok && parsed.payload.meetings!.length).toBe(meetings.length);
        expect(handed.length).toBeGreaterThan(1);
        // Detached: the memory is the collector's to take at once, not kept beside the records.
        expect(handed.map((b) => b.byteLength)).toEqual(handed.map(() => 0));
      } finally {
        if (transfer) Object.defineProperty(proto, 'transfer', transfer);
      }
    }
  });
});

describe('hashPayload with record digests', () => {
  it('gives the same content hash, and each record the SHA-256 of its canonical text', async () => {
    const records = builtinRecords();
    const { targets, ...others } = records;
    const payload = { targets, ...others, meetings: records.meetings.map((m) => Object.fromEntries(Object.entries(m).reverse())), removals: [{ kind: 'meetings', id: 'gone' }] };
    const plain = await hashPayload(payload);
    const withDigests = await hashPayload(payload, { recordDigests: true });
    expect({ sha256: withDigests.sha256, bytes: withDigests.bytes }).toEqual(plain);
    const digests = withDigests.recordDigests!;
    expect(Object.keys(digests).sort()).toEqual([...RECORD_KINDS].sort());
    payload.meetings.forEach((m, i) => {
      expect(Buffer.from(digests.meetings!.subarray(i * RECORD_DIGEST_BYTES, (i + 1) * RECORD_DIGEST_BYTES)).toString('hex')).toBe(
        createHash('sha256').update(canonicalJsonFast(m)!).digest('hex'),
      );
    });
  });

  it('gives none for a payload that is not an object of lists (and the same hash)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const withDigests = await hashPayload(value, { recordDigests: true });
        expect({ sha256: withDigests.sha256, bytes: withDigests.bytes }).toEqual(await hashPayload(value));
      }),
      { numRuns: 200 },
    );
  });
});
