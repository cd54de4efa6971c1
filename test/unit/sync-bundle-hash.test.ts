/** The streamed payload hash: incremental SHA-256 against Web Crypto, canonical pieces against canonicalJsonFast. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonFast, canonicalJsonPieces } from '../../shared/bundle/canonical';
import { sha256HexOfBytes, utf8 } from '../../shared/bundle/encoding';
import { hashPayload } from '../../shared/bundle/payload';
import { Sha256 } from '../../shared/bundle/sha256';
import { builtinRecords } from './bundle-fixtures';

describe('Sha256 (incremental)', () => {
  it('matches Web Crypto at every padding boundary', async () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
      expect(new Sha256().update(bytes).hex(), `length ${length}`).toBe(await sha256HexOfBytes(bytes));
    }
    expect(new Sha256().update(utf8('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same digest however the input is split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat({ max: 600 }), { maxLength: 6 }), (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const hasher = new Sha256();
        let from = 0;
        for (const p of [...points, bytes.length]) {
          hasher.update(bytes.subarray(from, p));
          from = p;
        }
        expect(hasher.hex()).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
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
