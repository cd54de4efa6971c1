import { beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson, sha256Hex } from '../../shared/dataset/hash';
import { LATER_RECORD_KINDS, RECORD_KINDS, type DatasetRecords } from '../../shared/model';
import { RECORD_SCHEMA_VERSION, verifyBundle, type BundleFile, type RefusalCode, type Signer, type VerifyResult } from '../../shared/bundle';
import { baseInput, builtinRecords, newSigner, NOW, options, parseBundleText, resignedWith, sampleContact, signedBundle, writeBundleText } from './bundle-fixtures';

let records: DatasetRecords;
/**
 * The built-in dataset's records as they were hashed before record schema 4: the six first kinds,
 * no `contacts` key. It holds no contacts, so its content hash must stay the one installed apps store.
 */
const firstSchemaRecords = () => {
  const { contacts, ...rest } = records;
  expect(contacts).toEqual([]);
  return rest;
};
let publisher: Signer;
let stranger: Signer;

beforeAll(async () => {
  records = builtinRecords();
  [publisher, stranger] = await Promise.all([newSigner(), newSigner()]);
});

const verify = (input: string | Uint8Array, extra = {}, keys = [publisher.publicKey]) => verifyBundle(input, keys, options(extra));

function expectRefused(result: VerifyResult, code: RefusalCode): asserts result is Extract<VerifyResult, { ok: false }> {
  expect(result.ok ? 'accepted' : result.code).toBe(code);
  if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
}

/** The bundle's parts edited and written back in the bundle's own format. */
const editDocument = (text: string, edit: (doc: BundleFile & { payload: DatasetRecords }) => void): string => {
  const { format, doc } = parseBundleText(text);
  edit(doc);
  return writeBundleText(doc, format);
};

// The whole suite runs against the format the tool writes (2) and the legacy format the app still reads (1).
describe.each([2, 1] as const)('format %i', (format) => {
let bundle: string;
const signed = (input: Parameters<typeof signedBundle>[0], signers: Signer[]) => signedBundle(input, signers, format);
beforeAll(async () => {
  bundle = await signed(baseInput(records), [publisher]);
});

describe('verifyBundle accepts', () => {
  it('a bundle signed by a trusted key, returning its manifest and records', async () => {
    const result = await verify(bundle);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest).toMatchObject({ datasetId: 'asean-builtin', version: 2, publisherId: 'asean-secretariat' });
    expect(result.payload.meetings).toEqual(records.meetings);
    expect(result.signedBy).toEqual([publisher.publicKey.keyId]);
    expect(result).toMatchObject({ expired: false, alreadyInstalled: false });
  });

  it('the same bundle as bytes; in format 1 also re-indented (its payload hash is over canonical JSON)', async () => {
    expect((await verify(new TextEncoder().encode(bundle))).ok).toBe(true);
    const reindented = format === 1 ? JSON.stringify(JSON.parse(bundle), null, 4) : bundle.replace('\n', '\n'.repeat(1));
    expect((await verify(reindented)).ok).toBe(true);
  });

  it('gives the content hash the app stores as provenance (the built-in dataset\'s hash), in either format', async () => {
    const result = await verify(bundle);
    expect(result.ok && result.contentSha256).toBe(await sha256Hex(canonicalJson(firstSchemaRecords())));
    // Format 2 signs the hash of the raw payload lines, everything after the header line.
    const payloadText = bundle.slice(bundle.indexOf('\n') + 1);
    if (format === 2) expect(result.ok && result.manifest.payloadSha256).toBe(await sha256Hex(payloadText));
    else expect(result.ok && result.manifest.payloadSha256).toBe(result.ok && result.contentSha256);
  });

  it('an expired bundle, flagged', async () => {
    const later = await verify(bundle, { now: new Date('2028-01-01T00:00:00Z') });
    expect(later).toMatchObject({ ok: true, expired: true });
    expect(await verify(bundle, { now: NOW })).toMatchObject({ ok: true, expired: false });
  });

  it('the installed version again as "already installed", not as a refusal', async () => {
    const hash = await sha256Hex(canonicalJson(firstSchemaRecords()));
    expect(await verify(bundle, { installed: () => ({ version: 2, contentSha256: hash }) })).toMatchObject({ ok: true, alreadyInstalled: true });
    expect(await verify(bundle, { installed: () => ({ version: 1, contentSha256: 'x' }) })).toMatchObject({ ok: true, alreadyInstalled: false });
  });

  it('a bundle with co-signers, trusting any one of them; an untrusted co-signer is ignored', async () => {
    const both = await signed(baseInput(records), [stranger, publisher]);
    expect(await verify(both)).toMatchObject({ ok: true, signedBy: [publisher.publicKey.keyId] });
    expect(await verify(both, {}, [stranger.publicKey, publisher.publicKey])).toMatchObject({ ok: true, signedBy: [stranger.publicKey.keyId, publisher.publicKey.keyId] });
  });

  it('tombstones for records that are gone, carried in the payload and counted', async () => {
    const text = await signed({ ...baseInput(records), removals: [{ kind: 'meetings', id: 'asoen-1' }] }, [publisher]);
    const result = await verify(text);
    expect(result.ok && result.payload.removals).toEqual([{ kind: 'meetings', id: 'asoen-1' }]);
    expect(result.ok && result.manifest.recordCounts.removals).toBe(1);
  });

  it('looks the installed version up by the dataset id the bundle names', async () => {
    const asked: string[] = [];
    await verify(bundle, { installed: (id: string) => (asked.push(id), undefined) });
    expect(asked).toEqual(['asean-builtin']);
  });
});

describe('verifyBundle refuses, with its own code and message for each attack', () => {
  it('too large: checked before anything is parsed', async () => {
    expectRefused(await verify(bundle, { maxBytes: 1000 }), 'too-large');
    // Not JSON at all, but too large wins: the size cap comes first.
    expectRefused(await verify(new Uint8Array(2000), { maxBytes: 1000 }), 'too-large');
    // Multi-byte text counts in UTF-8 bytes, not characters.
    expectRefused(await verify('é'.repeat(600), { maxBytes: 1000 }), 'too-large');
  });

  it('truncated download', async () => {
    expectRefused(await verify(bundle.slice(0, bundle.length / 2)), 'truncated');
  });

  it('not JSON, not UTF-8, not a bundle', async () => {
    expectRefused(await verify('hello'), 'not-json');
    expectRefused(await verify(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'not-json');
    expectRefused(await verify('[1,2]'), 'not-a-bundle');
    expectRefused(await verify('{"manifest": 3}'), 'not-a-bundle');
    expectRefused(await verify(editDocument(bundle, (d) => Object.assign(d, { extra: 1 }))), 'not-a-bundle');
  });

  it('nesting deeper than any record, without overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expectRefused(await verify(deep), 'not-a-bundle');
    // Inside a bundle's payload (signed, so only the depth check catches it): refused, never a crash.
    const extra = JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`) as unknown;
    const nested = await signed({ ...baseInput(records), records: { ...records, sources: records.sources.map((r, i) => (i === 0 ? { ...r, extra } : r)) } as DatasetRecords }, [publisher]);
    const result = await verify(nested);
    // Format 2 checks it after the signature, line by line; format 1 before parsing the document.
    expectRefused(result, format === 2 ? 'records-invalid' : 'not-a-bundle');
    if (format === 2) expect(result.problems[0]).toMatch(/^line 2: nested 1002 levels deep/);
  });

  it('wrong format version, even when properly signed: a future one, or a manifest of the other format', async () => {
    expectRefused(await verify(await resignedWith(bundle, publisher, (m) => ({ ...m, formatVersion: 3 }))), 'wrong-format-version');
    expectRefused(await verify(await resignedWith(bundle, publisher, (m) => ({ ...m, formatVersion: 3 - format }))), 'wrong-format-version');
  });

  it('unsigned', async () => {
    expectRefused(await verify(editDocument(bundle, (d) => (d.signatures = []))), 'signature-missing');
    expectRefused(await verify(editDocument(bundle, (d) => delete (d as Partial<BundleFile>).signatures)), 'signature-missing');
  });

  it('signed by a key the user does not trust', async () => {
    const result = await verify(bundle, {}, [stranger.publicKey]);
    expectRefused(result, 'unknown-key');
    expect(result.message).toContain(publisher.publicKey.keyId);
  });

  it('tampered manifest (the version raised) under the original signature', async () => {
    const tampered = editDocument(bundle, (d) => (d.manifest = d.manifest.replace('"version":2', '"version":9')));
    expect(tampered).not.toBe(bundle);
    expectRefused(await verify(tampered), 'bad-signature');
  });

  it('tampered signature: one bit flipped, malformed, or relabelled to another key', async () => {
    const flip = editDocument(bundle, (d) => {
      const s = d.signatures[0]!;
      s.signature = (s.signature[0] === 'A' ? 'B' : 'A') + s.signature.slice(1);
    });
    expectRefused(await verify(flip), 'bad-signature');
    expectRefused(await verify(editDocument(bundle, (d) => (d.signatures[0]!.signature = 'not base64!'))), 'bad-signature');
    expectRefused(await verify(editDocument(bundle, (d) => ((d.signatures[0] as { algorithm: string }).algorithm = 'rsa'))), 'bad-signature');
    // The stranger's key id on the publisher's signature: trusted key, wrong signature.
    const relabelled = editDocument(bundle, (d) => (d.signatures[0]!.keyId = stranger.publicKey.keyId));
    expectRefused(await verify(relabelled, {}, [stranger.publicKey, publisher.publicKey]), 'bad-signature');
  });

  it('a good signature next to a failing one from another trusted key', async () => {
    const both = editDocument(await signed(baseInput(records), [publisher, stranger]), (d) => {
      d.signatures[1]!.signature = d.signatures[0]!.signature;
    });
    expectRefused(await verify(both, {}, [publisher.publicKey, stranger.publicKey]), 'bad-signature');
  });

  it('tampered payload: one meeting title changed, a record added, or a record dropped', async () => {
    const title = editDocument(bundle, (d) => (d.payload.meetings[0]!.title = { en: 'Moved to another city' }));
    expectRefused(await verify(title), 'payload-hash-mismatch');
    const added = editDocument(bundle, (d) => d.payload.sources.push({ ...d.payload.sources[0]!, id: 'injected' }));
    expectRefused(await verify(added), 'payload-hash-mismatch');
    const dropped = editDocument(bundle, (d) => d.payload.targets.pop());
    expectRefused(await verify(dropped), 'payload-hash-mismatch');
  });

  it('invalid manifest: missing field, bad value, expiry before creation, non-canonical text', async () => {
    const missing = await resignedWith(bundle, publisher, ({ payloadSha256: _drop, ...m }) => m);
    expectRefused(await verify(missing), 'manifest-invalid');
    const badSemver = await resignedWith(bundle, publisher, (m) => ({ ...m, minAppVersion: 'soon' }));
    const semverResult = await verify(badSemver);
    expectRefused(semverResult, 'manifest-invalid');
    expect(semverResult.problems.join()).toContain('minAppVersion');
    const backwards = await resignedWith(bundle, publisher, (m) => ({ ...m, expires: '2020-01-01T00:00:00Z' }));
    expectRefused(await verify(backwards), 'manifest-invalid');
    const spaced = await resignedWith(bundle, publisher, (m) => m, false);
    expectRefused(await verify(spaced), 'manifest-invalid');
  });

  it('invalid records, listed by id (signed by the publisher, so only validation can catch them)', async () => {
    const broken: DatasetRecords = {
      ...records,
      meetings: records.meetings.map((m, i) => (i === 0 ? { ...m, bodyIds: ['no-such-body'] } : m)),
      targets: records.targets.map((t, i) => (i === 1 ? { ...t, frameworkId: 'no-such-framework' } : t)),
    };
    const result = await verify(await signed(baseInput(broken), [publisher]));
    expectRefused(result, 'records-invalid');
    expect(result.ids.sort()).toEqual([records.meetings[0]!.id, records.targets[1]!.id].sort());
    expect(result.message).toContain(records.meetings[0]!.id);
    expect(result.problems.join('\n')).toContain('no-such-body');
    // Schema problems are listed by id too.
    const badOrder = { ...records, targets: records.targets.map((t, i) => (i === 2 ? { ...t, order: -1 } : t)) };
    const schema = await verify(await signed(baseInput(badOrder), [publisher]));
    expectRefused(schema, 'records-invalid');
    expect(schema.ids).toEqual([records.targets[2]!.id]);
  });

  it('a tombstone for a record the payload still carries, or a malformed tombstone', async () => {
    const id = records.bodies[0]!.id;
    const contradictory = await signed({ ...baseInput(records), removals: [{ kind: 'bodies', id }] }, [publisher]);
    const result = await verify(contradictory);
    expectRefused(result, 'records-invalid');
    expect(result.ids).toEqual([id]);
    const malformed = await signed({ ...baseInput(records), removals: [{ kind: 'people' as 'bodies', id: 'x' }] }, [publisher]);
    expectRefused(await verify(malformed), 'records-invalid');
  });

  it('record counts that disagree with the payload', async () => {
    const text = await resignedWith(bundle, publisher, (m) => ({ ...m, recordCounts: { ...(m.recordCounts as object), meetings: 1 } }));
    const result = await verify(text);
    expectRefused(result, 'records-invalid');
    expect(result.message).toContain('meetings: manifest 1');
  });

  it('an older version than the one installed', async () => {
    const result = await verify(bundle, { installed: () => ({ version: 3, contentSha256: 'whatever' }) });
    expectRefused(result, 'older-version');
    expect(result.message).toContain('installed version 3');
  });

  it('the installed version number with different content', async () => {
    expectRefused(await verify(bundle, { installed: () => ({ version: 2, contentSha256: '0'.repeat(64) }) }), 'same-version-different-content');
  });

  it('a bundle that needs a newer app, by app version or record schema version', async () => {
    const needs2 = await signed({ ...baseInput(records), minAppVersion: '2.0.0' }, [publisher]);
    const result = await verify(needs2, { appVersion: '1.9.9' });
    expectRefused(result, 'app-too-old');
    expect(result.message).toContain('2.0.0');
    expect((await verify(needs2, { appVersion: '2.0.0' })).ok).toBe(true);
    expectRefused(await verify(needs2, { appVersion: '2.0.0-beta.1' }), 'app-too-old');
    const newerSchema = await resignedWith(bundle, publisher, (m) => ({ ...m, schemaVersion: RECORD_SCHEMA_VERSION + 1 }));
    expectRefused(await verify(newerSchema), 'app-too-old');
  });

  it('lists every record kind in the manifest counts, a later kind (contacts) only when the bundle holds some', async () => {
    const result = await verify(bundle);
    const firstKinds = RECORD_KINDS.filter((k) => !LATER_RECORD_KINDS.includes(k));
    expect(result.ok && Object.keys(result.manifest.recordCounts).sort()).toEqual([...firstKinds, 'removals'].sort());
    const contact = sampleContact(records);
    const withContact = await verify(await signed(baseInput({ ...records, contacts: [contact] }), [publisher]));
    expect(withContact.ok && withContact.manifest.recordCounts).toMatchObject({ contacts: 1 });
    expect(withContact.ok && Object.keys(withContact.manifest.recordCounts).sort()).toEqual([...RECORD_KINDS, 'removals'].sort());
  });
});
});

describe('format 2 checks the signature before it parses a payload byte', () => {
  const payloadParses = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([text]) => typeof text === 'string' && /^\[?\["/.test(text)).length;

  it('a bundle signed by an unknown key, or with a changed record, never reaches the payload parser', async () => {
    const bundle = await signedBundle(baseInput(records), [publisher]);
    const spy = vi.spyOn(JSON, 'parse');
    try {
      expectRefused(await verify(bundle, {}, [stranger.publicKey]), 'unknown-key');
      const changed = bundle.replace('"title":{"en":"', '"title":{"en":"X');
      expect(changed).not.toBe(bundle);
      expectRefused(await verify(changed), 'payload-hash-mismatch');
      expect(payloadParses(spy)).toBe(0);
      // The control: an intact bundle is parsed (a block's lines joined, or a line) once its hash matched.
      expect((await verify(bundle)).ok).toBe(true);
      expect(payloadParses(spy)).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('read twice from a file (reread): accepted as read once, refused when a block changes between the passes, and truncated still refused', async () => {
    const bundle = await signedBundle(baseInput(records), [publisher]);
    let bytes = new TextEncoder().encode(bundle);
    let reads = 0;
    const file = (onRead?: (count: number) => void) => ({
      get size() {
        return bytes.length;
      },
      read: (s: number, e: number) => (onRead?.(++reads), Promise.resolve(bytes.slice(s, e))),
      take: () => bytes,
      fresh: true,
      reread: true,
    });
    const once = await verify(bytes);
    const twice = await verifyBundle(file(), [publisher.publicKey], options());
    expect(twice.ok && once.ok && twice.contentSha256 === once.contentSha256 && twice.payload).toEqual(once.ok && once.payload);
    // The whole payload is one block here: its second read (after the header's and the hash's) sees one letter of a record changed.
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const edited = bytes.slice();
    const at = bundle.indexOf('"title":{"en":"', bundle.indexOf('\n')) + '"title":{"en":"'.length;
    edited[at] = edited[at] === 0x51 ? 0x52 : 0x51;
    const spy = vi.spyOn(JSON, 'parse');
    try {
      reads = 0;
      const changedWhileRead = await verifyBundle(
        file((count) => {
          if (count === 3) bytes = edited;
        }),
        [publisher.publicKey],
        options(),
      );
      expectRefused(changedWhileRead, 'payload-hash-mismatch');
      expect(spy.mock.calls.filter(([text]) => typeof text === 'string' && /^\[?\["/.test(text)).length).toBe(0);
    } finally {
      spy.mockRestore();
    }
    bytes = new TextEncoder().encode(bundle.slice(0, bundle.length / 2));
    expectRefused(await verifyBundle(file(), [publisher.publicKey], options()), 'truncated');
  });

  it('a header line with other members, or a payload line of another shape, is refused', async () => {
    const bundle = await signedBundle(baseInput(records), [publisher]);
    const [header, ...lines] = bundle.split('\n');
    const extra = `${JSON.stringify({ ...(JSON.parse(header!) as object), note: 'hi' })}\n${lines.join('\n')}`;
    expectRefused(await verify(extra), 'not-a-bundle');
    const noNewline = bundle.slice(0, -1);
    expectRefused(await verify(noNewline), 'truncated');
  });
});
