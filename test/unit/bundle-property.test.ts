/**
 * Random mutations of a valid signed bundle. The security property: whatever is accepted has
 * exactly the signed content. The strictness property: with one signer, any mutation that
 * changes the document's meaning (its canonical JSON) is refused; the only mutations accepted
 * are the ones that change nothing a reader sees (whitespace between tokens, re-indentation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/dataset/hash';
import { verifyBundle, type Signer } from '../../shared/bundle';
import { baseInput, bundleMeaning, newSigner, options, parseBundleText, signedBundle, smallDataset, writeBundleText } from './bundle-fixtures';

// Built at import time: the arbitraries below need the bundle's layout. Format 2 (what the tool
// writes) and the legacy format 1 (still read) are both held to the properties.
const encoder = new TextEncoder();
const publisher: Signer = await newSigner();
// A small real dataset keeps 300 full verifications per property fast: about 30 records of the built-in one.
const bundles = { 2: await signedBundle(baseInput(smallDataset()), [publisher], 2), 1: await signedBundle(baseInput(smallDataset()), [publisher], 1) };
const originals = {
  2: await verifyOriginal(bundles[2]),
  1: await verifyOriginal(bundles[1]),
};

async function verifyOriginal(text: string) {
  const r = await verifyBundle(text, [publisher.publicKey], options());
  if (!r.ok) throw new Error(r.message);
  return r;
}

const meaning = bundleMeaning;

describe.each([2, 1] as const)('format %i', (format) => {
const bundle = bundles[format];
const bundleBytes = encoder.encode(bundle);
const original = originals[format];
const originalMeaning = meaning(bundleBytes);

async function check(mutated: Uint8Array | string): Promise<{ accepted: boolean; noOp: boolean }> {
  const bytes = typeof mutated === 'string' ? encoder.encode(mutated) : mutated;
  const result = await verifyBundle(bytes, [publisher.publicKey], options());
  const noOp = meaning(bytes) === originalMeaning;
  if (result.ok) {
    // Security: nothing but the signed content is ever accepted.
    expect(result.manifestText).toBe(original.manifestText);
    expect(canonicalJson(result.payload)).toBe(canonicalJson(original.payload));
    expect(result.signedBy).toEqual(original.signedBy);
  }
  // Strictness: a change of meaning is always refused; a change of layout only is always accepted.
  expect(result.ok).toBe(noOp);
  return { accepted: result.ok, noOp };
}

type Edit = { at: number; op: 'replace' | 'insert' | 'delete'; byte: number };

/** Positions are drawn over the whole file, or inside the manifest or signature, which are small. */
const region = () => {
  const byteOffset = (marker: string) => encoder.encode(bundle.slice(0, bundle.indexOf(marker))).length;
  const [manifestStart, signaturesStart] = ['"manifest"', '"signatures"'].map(byteOffset) as [number, number];
  const payloadStart = format === 2 ? bundleBytes.indexOf(0x0a) + 1 : byteOffset('"payload"');
  return fc.oneof(
    fc.constant([0, bundleBytes.length] as const),
    fc.constant([manifestStart, signaturesStart] as const),
    fc.constant([signaturesStart, payloadStart] as const),
  );
};

// Bytes that matter in JSON, plus anything at all (invalid UTF-8 included).
const byte = fc.oneof(fc.constantFrom(...[...'{}[]":,\\ 0123456789.-eE\n\tntfaA='].map((c) => c.charCodeAt(0))), fc.integer({ min: 0, max: 255 }));

const edits = region().chain(([from, to]) =>
  fc.array(
    fc.record({ at: fc.integer({ min: from, max: to - 1 }), op: fc.constantFrom<Edit['op']>('replace', 'insert', 'delete'), byte }),
    { minLength: 1, maxLength: 3 },
  ),
);

function applyEdits(edits: Edit[]): Uint8Array {
  let bytes: Uint8Array = bundleBytes;
  // From the end backwards, so earlier positions still point where they were drawn.
  for (const e of [...edits].sort((a, b) => b.at - a.at)) {
    const [before, after] = [bytes.subarray(0, e.at), bytes.subarray(e.op === 'insert' ? e.at : e.at + 1)];
    const middle = e.op === 'delete' ? [] : [e.byte];
    const next = new Uint8Array(before.length + middle.length + after.length);
    next.set(before);
    next.set(middle, before.length);
    next.set(after, before.length + middle.length);
    bytes = next;
  }
  return bytes;
}

describe('random mutations of a signed bundle', () => {
  it('byte edits (replace, insert, delete) are refused unless they change nothing', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (e) => {
        if (!(await check(applyEdits(e))).accepted) refused++;
      }),
      { numRuns: 1000 },
    );
    // The property is only meaningful if most edits do change something.
    expect(refused).toBeGreaterThan(500);
  }, 60_000);

  it('truncation at any point is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bundle.length - 2 }), async (at) => {
        expect((await check(bundle.slice(0, at))).accepted).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('whitespace added between tokens (of the header, in format 2) is accepted with the same content', async () => {
    const newline = bundle.indexOf('\n');
    const text = format === 1 ? JSON.stringify(JSON.parse(bundle), null, '\t') : `${JSON.stringify(JSON.parse(bundle.slice(0, newline)), null, 1).replace(/\n/g, ' ')}${bundle.slice(newline)}`;
    expect(await check(text)).toEqual({ accepted: true, noOp: true });
  });

  it('field edits anywhere in the parsed document (the manifest re-serialised canonically) are refused unless the value is the same', async () => {
    type Doc = { manifest: unknown; signatures: unknown; payload: unknown };
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    const parsedDoc = (): Doc => {
      const doc = parseBundleText(bundle).doc as unknown as Doc;
      doc.manifest = JSON.parse(doc.manifest as string);
      return doc;
    };
    walk(parsedDoc(), []);
    const withoutRoot = paths.filter((p) => p.length > 0);

    const mutation = fc.record({
      path: fc.constantFrom(...withoutRoot),
      action: fc.oneof(
        fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
        fc.record({ kind: fc.constant('delete' as const) }),
        fc.record({ kind: fc.constant('add' as const), key: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 1 }) }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ path, action }) => {
        const doc = parsedDoc();
        const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, doc as never);
        const last = path.at(-1)!;
        if (action.kind === 'set') parent[last] = action.value;
        else if (action.kind === 'delete') {
          if (Array.isArray(parent)) parent.splice(Number(last), 1);
          else delete parent[last];
        } else {
          const target = parent[last];
          if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[action.key] = action.value;
          else if (Array.isArray(target)) target.push(action.value);
          else parent[last] = action.value;
        }
        // An attacker's best effort: the edited manifest written back in canonical form.
        const text = writeBundleText({ ...doc, manifest: typeof doc.manifest === 'string' ? doc.manifest : canonicalJson(doc.manifest) }, format);
        await check(text);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
});
