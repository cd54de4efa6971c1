/**
 * Record schema 3: a bundle declares the lowest record schema its records need, so an app that
 * reads schema 2 says "update the app" for what it would otherwise refuse as invalid (a source
 * without an excerpt or in Thai, a layer naming its base's outcome document), and keeps reading
 * everything else.
 */
import { describe, expect, it } from 'vitest';
import { BundleManifest, buildBundle, RECORD_SCHEMA_VERSION, recordSchemaNeeded, verifyBundle } from '../../shared/bundle';
import { baseInput, builtinRecords, newSigner, options, resignedWith, sampleContact, signedBundle } from './bundle-fixtures';
import { layerInput, layerRecords } from './layer-fixtures';

const schemaOf = async (input: Parameters<typeof buildBundle>[0]) => BundleManifest.parse(JSON.parse((await buildBundle(input)).manifest)).schemaVersion;

describe('the record schema a dataset needs', () => {
  it('is 2 for records any schema-2 app reads (the built-in dataset)', async () => {
    expect(recordSchemaNeeded(builtinRecords())).toBe(2);
    expect(await schemaOf(baseInput(builtinRecords()))).toBe(2);
  });

  it('is 3 for a source without an excerpt, or in a language other than en, ms and id', async () => {
    const records = builtinRecords();
    const { excerpt: _excerpt, ...noExcerpt } = records.sources[0]!;
    expect(recordSchemaNeeded({ ...records, sources: [noExcerpt, ...records.sources.slice(1)] })).toBe(3);
    const thai = { ...records, sources: [{ ...records.sources[0]!, language: 'th' }, ...records.sources.slice(1)] };
    expect(recordSchemaNeeded(thai)).toBe(3);
    expect(await schemaOf(baseInput(thai))).toBe(3);
  });

  it('is 3 for a layer naming an outcome document its base holds, 2 for one naming only its own', async () => {
    // The example layer holds contacts too (4); without them, what it needs for the documents shows.
    const documentsOnly = { ...layerRecords(), contacts: [] };
    expect(recordSchemaNeeded(documentsOnly)).toBe(3);
    expect(await schemaOf(layerInput(documentsOnly))).toBe(3);
    expect(await schemaOf(layerInput())).toBe(4);
    const own = documentsOnly;
    own.agendaItems[0] = { ...own.agendaItems[0]!, outcomeDocumentIds: undefined };
    expect(recordSchemaNeeded(own)).toBe(2);
  });

  it('is 4 for a dataset holding contacts, and stays what it was for one without', async () => {
    const records = builtinRecords();
    expect(records.contacts).toEqual([]);
    const contact = sampleContact(records);
    expect(recordSchemaNeeded({ ...records, contacts: [contact] })).toBe(4);
    expect(await schemaOf(baseInput({ ...records, contacts: [contact] }))).toBe(4);
    expect(await schemaOf(baseInput(records))).toBe(2);
  });

  it('is read by this app up to its own version, and beyond it asks for a newer app', async () => {
    expect(RECORD_SCHEMA_VERSION).toBe(4);
    const signer = await newSigner();
    const records = builtinRecords();
    const text = await signedBundle(baseInput({ ...records, sources: records.sources.map((s, i) => (i === 0 ? { ...s, language: 'th' } : s)) }), [signer]);
    expect(await verifyBundle(text, [signer.publicKey], options())).toMatchObject({ ok: true, manifest: { schemaVersion: 3 } });
    const contact = sampleContact(records);
    const withContacts = await signedBundle(baseInput({ ...records, contacts: [contact] }), [signer]);
    expect(await verifyBundle(withContacts, [signer.publicKey], options())).toMatchObject({ ok: true, manifest: { schemaVersion: 4, recordCounts: { contacts: 1 } }, payload: { contacts: [contact] } });
    const newer = await resignedWith(text, signer, (m) => ({ ...m, schemaVersion: 5 }));
    expect(await verifyBundle(newer, [signer.publicKey], options())).toMatchObject({ ok: false, code: 'app-too-old' });
    // A newer schema's record count this app does not know is "update the app", not a malformed manifest.
    const unknownKind = await resignedWith(text, signer, (m) => ({ ...m, schemaVersion: 5, recordCounts: { ...(m.recordCounts as object), letters: 0 } }));
    expect(await verifyBundle(unknownKind, [signer.publicKey], options())).toMatchObject({ ok: false, code: 'app-too-old' });
  });
});
