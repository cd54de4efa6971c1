/**
 * The piecewise bundle parser gives exactly what JSON.parse gives for the file's text, or
 * throws (the verifier then takes the plain path): never a value for a file JSON.parse refuses,
 * never another value. Scan chunks and segments are made tiny so every cut is exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundleDocument, type ByteReader } from '../../shared/bundle/stream-parse';

const encoder = new TextEncoder();

const readerOf = (bytes: Uint8Array): ByteReader => ({ size: bytes.length, read: (start, end) => Promise.resolve(bytes.subarray(start, end)) });

function plain(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

async function piecewise(bytes: Uint8Array, scanChunk: number, segmentBytes: number): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await parseBundleDocument(readerOf(bytes), { scanChunk, segmentBytes }) };
  } catch {
    return { ok: false };
  }
}

const record = fc.record({
  id: fc.string({ maxLength: 6 }),
  title: fc.record({ en: fc.string({ maxLength: 12 }), vi: fc.constantFrom('Hội nghị', 'a"b', 'x\\y', '[{,}]', '\u2028') }),
  n: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  tags: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  nested: fc.array(fc.array(fc.integer(), { maxLength: 2 }), { maxLength: 2 }),
});

const bundleLike = fc.record({
  manifest: fc.string({ maxLength: 20 }),
  signatures: fc.array(fc.record({ keyId: fc.string({ maxLength: 4 }), signature: fc.string({ maxLength: 8 }) }), { maxLength: 2 }),
  payload: fc.record({ meetings: fc.array(record, { maxLength: 12 }), bodies: fc.array(record, { maxLength: 4 }), removals: fc.array(fc.string(), { maxLength: 2 }) }),
});

/** JSON text with the layouts files have: compact, indented, or one record per line with extra spaces. */
const layout = fc.constantFrom<(v: unknown) => string>(
  (v) => JSON.stringify(v),
  (v) => JSON.stringify(v, null, 2),
  (v) => JSON.stringify(v, null, '\t').replace(/,\n/g, ' ,\r\n'),
);

const sizes = fc.record({ scanChunk: fc.integer({ min: 1, max: 64 }), segmentBytes: fc.integer({ min: 1, max: 200 }) });

describe('parseBundleDocument', () => {
  it('gives what JSON.parse gives for valid documents, at any chunk and segment size', async () => {
    await fc.assert(
      fc.asyncProperty(bundleLike, layout, sizes, fc.boolean(), async (doc, write, { scanChunk, segmentBytes }, bom) => {
        const text = (bom ? '\uFEFF' : '') + write(doc);
        const bytes = encoder.encode(text);
        const result = await piecewise(bytes, scanChunk, segmentBytes);
        expect(result).toEqual({ ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) });
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts what JSON.parse refuses, nor gives another value, after byte edits', async () => {
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'insert', 'delete'), byte: fc.constantFrom(0x22, 0x5c, 0x2c, 0x5b, 0x5d, 0x7b, 0x7d, 0x20, 0x0a, 0x31, 0x61, 0xff, 0xc3, 0xef, 0x3a) });
    await fc.assert(
      fc.asyncProperty(bundleLike, layout, sizes, fc.array(edit, { minLength: 1, maxLength: 3 }), async (doc, write, { scanChunk, segmentBytes }, edits) => {
        let bytes = encoder.encode(write(doc));
        for (const e of edits) {
          const at = e.at % (bytes.length + 1);
          const next = Array.from(bytes);
          if (e.op === 'replace' && at < next.length) next[at] = e.byte;
          else if (e.op === 'insert') next.splice(at, 0, e.byte);
          else next.splice(at, 1);
          bytes = new Uint8Array(next);
        }
        const expected = plain(bytes);
        const result = await piecewise(bytes, scanChunk, segmentBytes);
        // Throwing is always allowed (the plain path decides); a value must be JSON.parse's.
        if (result.ok) expect(expected).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a duplicate key as JSON.parse does (the last one wins) or leaves it to the plain path', async () => {
    const text = '{"manifest":"m","signatures":[],"payload":{"meetings":[{"id":"a"}],"meetings":[{"id":"b"},{"id":"c"}]}}';
    const result = await piecewise(encoder.encode(text), 4, 1);
    if (result.ok) expect(result.value).toEqual(JSON.parse(text));
    const last = '{"manifest":"m","signatures":[],"payload":{"meetings":[{"id":"a"}],"meetings":5}}';
    const other = await piecewise(encoder.encode(last), 4, 1);
    if (other.ok) expect(other.value).toEqual(JSON.parse(last));
  });

  it('refuses a trailing comma, a missing element and a truncated file', async () => {
    for (const text of ['{"payload":{"meetings":[1,2,]}}', '{"payload":{"meetings":[1,,2]}}', '{"payload":{"meetings":[,1]}}', '{"payload":{"meetings":[1,2]}', '{"payload":{"meetings":[1,2']) {
      for (const segmentBytes of [1, 2, 100]) expect((await piecewise(encoder.encode(text), 3, segmentBytes)).ok).toBe(false);
    }
    expect(await piecewise(encoder.encode('{"payload":{"meetings":[ ]}}'), 3, 1)).toEqual({ ok: true, value: { payload: { meetings: [] } } });
  });
});
