/** The streamed hashes: format 2's raw payload lines against node:crypto, canonical pieces (the content hash) against canonicalJsonFast. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonFast, canonicalJsonPieces } from '../../shared/bundle/canonical';
import { sha256HexOfBytes, utf8 } from '../../shared/bundle/encoding';
import { hashPayload } from '../../shared/bundle/payload';
import { hashPayloadLines, hashRange, parsePayloadLines, payloadLines } from '../../shared/bundle/payload-lines';
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
