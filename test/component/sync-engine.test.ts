/**
 * The sync engine end to end below the interface: checkUpdate refuses every attack through the
 * same path the app uses (the worker's host, run in this thread), applyUpdate writes all or
 * nothing, undo gives back the exact old database, and the delegate's text is never touched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../shared/dataset/hash';
import { withoutEmptyLaterKinds, type DatasetRecords } from '../../shared/model';
import { DelegateDatabase, SCHEMA_VERSIONS, db } from '../../renderer/db/db';
import { toStoredSection } from '../../renderer/db/schema';
import {
  addTrustedKey,
  applyUpdate,
  checkUpdate,
  configureSyncEngine,
  discardUpdate,
  listChanges,
  markSectionReviewed,
  removeTrustedKey,
  resetSyncEngine,
  undoLastUpdate,
} from '../../renderer/datasets/dataset-updates';
import { formatPublicKey } from '../../shared/bundle';
import { baseInput, parseBundleText, resignedWith, signedBundle, writeBundleText } from '../unit/bundle-fixtures';
import {
  ALL_BUT_HISTORY,
  DATASET_ID,
  NOW,
  briefing,
  builtinRecords,
  bundleOf,
  check,
  encode,
  newSigner,
  preview,
  putBriefing,
  section,
  setUp,
  snapshot,
} from './sync-engine-fixtures';

afterEach(() => resetSyncEngine());

/** The built-in records with one agenda item retitled, one removed and a meeting added. */
function editedRecords(): DatasetRecords {
  const records = structuredClone(builtinRecords());
  const statement = records.agendaItems.find((a) => a.id === 'asoen-36-joint-statement-cop30')!;
  statement.title = { ...statement.title, en: 'Joint statement to COP30 (revised)' };
  records.agendaItems = records.agendaItems.filter((a) => a.id !== 'asoen-36-acb-gb');
  const template = records.meetings.find((m) => m.id === 'asoen-36')!;
  records.meetings.push({ ...structuredClone(template), id: 'asoen-37', code: 'ASOEN-37', title: { en: '37th ASEAN Senior Officials on the Environment' }, previousMeetingId: 'asoen-36', backToBackMeetingIds: [], outcomeDocuments: [] });
  return records;
}

async function expectRefused(text: string | Uint8Array, code: string) {
  const before = await snapshot();
  const result = await check(text);
  expect(result.ok ? 'accepted' : result.code).toBe(code);
  // A refusal changes nothing at all.
  expect(await snapshot()).toEqual(before);
  return result;
}

describe('checkUpdate refuses every attack, writing nothing', () => {
  it('a payload changed after signing', async () => {
    const publisher = await setUp();
    const text = await bundleOf(editedRecords(), publisher);
    await expectRefused(text.replace('Joint statement to COP30 (revised)', 'Joint statement to COP31 (revised)'), 'payload-hash-mismatch');
  });

  it('a manifest changed after signing', async () => {
    const publisher = await setUp();
    const { format, doc } = parseBundleText(await bundleOf(editedRecords(), publisher));
    const tampered = writeBundleText({ ...doc, manifest: doc.manifest.replace('"version":2', '"version":9') }, format);
    await expectRefused(tampered, 'bad-signature');
  });

  it('a signature changed', async () => {
    const publisher = await setUp();
    const { format, doc } = parseBundleText(await bundleOf(editedRecords(), publisher));
    const s = doc.signatures[0]!.signature;
    doc.signatures[0]!.signature = (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    await expectRefused(writeBundleText(doc, format), 'bad-signature');
  });

  it('a key the delegate does not trust', async () => {
    await setUp();
    const stranger = await newSigner();
    await expectRefused(await bundleOf(editedRecords(), stranger), 'unknown-key');
  });

  it('a key removed from the trust store no longer counts', async () => {
    const publisher = await setUp();
    await removeTrustedKey(publisher.publicKey.keyId);
    await expectRefused(await bundleOf(editedRecords(), publisher), 'unknown-key');
  });

  it('an older version than the installed one, and the same version with other content', async () => {
    const publisher = await setUp();
    const v3 = await preview(await bundleOf(editedRecords(), publisher, 3));
    expect((await applyUpdate(v3.token)).ok).toBe(true);
    await expectRefused(await bundleOf(editedRecords(), publisher, 2), 'older-version');
    await expectRefused(await bundleOf(builtinRecords(), publisher, 3), 'same-version-different-content');
  });

  it('the built-in dataset counts as installed: its own content again is no update, older is refused', async () => {
    const publisher = await setUp();
    await expectRefused(await bundleOf(builtinRecords(), publisher, 1), 'no-update');
    await expectRefused(await bundleOf(editedRecords(), publisher, 1), 'same-version-different-content');
  });

  it('an expired bundle is accepted for preview but flagged', async () => {
    const publisher = await setUp();
    const p = await preview(await bundleOf(editedRecords(), publisher, 2, { created: new Date('2026-01-01T00:00:00Z'), expires: new Date('2026-06-01T00:00:00Z') }));
    expect(p.expired).toBe(true);
    const fresh = await preview(await bundleOf(editedRecords(), publisher, 2));
    expect(fresh.expired).toBe(false);
  });

  it('a format version this app does not read', async () => {
    const publisher = await setUp();
    const text = await resignedWith(await bundleOf(editedRecords(), publisher), publisher, (m) => ({ ...m, formatVersion: 3 }));
    const result = await expectRefused(text, 'wrong-format-version');
    expect(result.ok ? '' : result.message).toContain('format version 3');
  });

  it('a file over the size cap, refused before it is read', async () => {
    await setUp({ maxBytes: 1000 });
    let read = false;
    class Unreadable extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        read = true;
        return super.arrayBuffer();
      }
      override text(): Promise<string> {
        read = true;
        return super.text();
      }
    }
    const before = await snapshot();
    const result = await checkUpdate(new Unreadable(['x'.repeat(1001)]), { kind: 'file', name: 'big.json' });
    expect(result.ok ? 'accepted' : result.code).toBe('too-large');
    expect(read).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('a file (Blob) is read in the engine; one that is not UTF-8 is refused as such, not decoded leniently', async () => {
    const publisher = await setUp();
    const text = await bundleOf(editedRecords(), publisher);
    const ok = await checkUpdate(new Blob([text]), { kind: 'file', name: 'update.json' });
    expect(ok.ok ? ok.preview.toVersion : ok.code).toBe(2);
    const bytes = encode(text);
    // An invalid UTF-8 byte inside the header's text (in the payload, the hash would catch it first).
    bytes[text.indexOf('ASEAN Secretariat')] = 0xff;
    const before = await snapshot();
    const bad = await checkUpdate(new Blob([bytes]), { kind: 'file', name: 'damaged.json' });
    expect(bad.ok ? 'accepted' : bad.code).toBe('not-json');
    // Browsers' Blob.text() decodes leniently (U+FFFD): the engine must not use it. jsdom has none; this one acts as browsers do.
    class BrowserBlob extends Blob {
      constructor(private readonly content: Uint8Array<ArrayBuffer>) {
        super([content]);
      }
      override text(): Promise<string> {
        return Promise.resolve(new TextDecoder().decode(this.content));
      }
    }
    const lenient = await checkUpdate(new BrowserBlob(bytes), { kind: 'file', name: 'damaged.json' });
    expect(lenient.ok ? 'accepted' : lenient.code).toBe('not-json');
    const fine = await checkUpdate(new BrowserBlob(encode(text)), { kind: 'file', name: 'update.json' });
    expect(fine.ok).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('a truncated download', async () => {
    const publisher = await setUp();
    const text = await bundleOf(editedRecords(), publisher);
    await expectRefused(text.slice(0, Math.floor(text.length * 0.6)), 'truncated');
  });

  it('invalid records, listed by id', async () => {
    const publisher = await setUp();
    const records = editedRecords();
    const item = records.agendaItems.find((a) => a.id === 'asoen-36-opening')!;
    (item as { title: unknown }).title = {};
    (records.meetings.find((m) => m.id === 'asoen-37') as { bodyIds: string[] }).bodyIds = [];
    const result = await expectRefused(await bundleOf(records, publisher), 'records-invalid');
    expect(result.ok ? [] : [...result.ids].sort()).toEqual(['asoen-36-opening', 'asoen-37']);
  });

  it('a bundle that takes over ids of another installed dataset', async () => {
    const publisher = await setUp();
    // Same records under another dataset id: every id belongs to the built-in dataset already.
    const text = await bundleOf(builtinRecords(), publisher, 1, { datasetId: 'other-dataset' });
    const result = await expectRefused(text, 'id-conflict');
    expect(result.ok ? 0 : result.ids.length).toBeGreaterThan(50);
  });

  it('a cancelled check answers cancelled', async () => {
    const publisher = await setUp();
    const controller = new AbortController();
    controller.abort();
    const result = await checkUpdate(encode(await bundleOf(editedRecords(), publisher)), { kind: 'file', name: 'u.json' }, { signal: controller.signal });
    expect(result.ok ? 'accepted' : result.code).toBe('cancelled');
  });
});

describe('preview', () => {
  it('lists added, changed and removed records field by field, and the briefings concerned', async () => {
    const publisher = await setUp();
    await putBriefing(briefing('b1', 'asoen-36', 'Malaysia at ASOEN-36'), [
      section('s-statement', 'b1', 'asoen-36-joint-statement-cop30', 'climate'),
      section('s-acb', 'b1', 'asoen-36-acb-gb', 'biodiversity', 1),
      section('s-opening', 'b1', 'asoen-36-opening', 'welcome', 2),
    ]);
    const progress: string[] = [];
    const result = await checkUpdate(encode(await bundleOf(editedRecords(), publisher)), { kind: 'feed', url: 'https://example.org/feed.json' }, { onProgress: (p) => progress.push(p.phase) });
    if (!result.ok) throw new Error(result.message);
    const p = result.preview;
    expect(progress).toEqual(expect.arrayContaining(['reading', 'verifying', 'comparing']));
    expect(p).toMatchObject({ datasetId: DATASET_ID, fromVersion: 1, toVersion: 2, publisherId: 'asean-secretariat', expired: false, origin: { kind: 'feed', url: 'https://example.org/feed.json' } });
    expect(p.signedBy).toEqual([{ keyId: publisher.publicKey.keyId, label: 'ASEAN Delegate Briefing project (asean-builtin)', fingerprint: expect.stringMatching(new RegExp(`^${publisher.publicKey.keyId.slice(0, 4)} `)) as string }]);
    expect(p.counts.meetings).toEqual({ added: 1, changed: 0, removed: 0 });
    expect(p.counts.agendaItems).toEqual({ added: 0, changed: 1, removed: 1 });
    const changed = p.changes.find((c) => c.id === 'asoen-36-joint-statement-cop30')!;
    expect(changed.change).toBe('changed');
    expect(changed.fields).toEqual([{ path: 'title.en', before: expect.any(String) as string, after: 'Joint statement to COP30 (revised)' }]);
    expect(p.changes.find((c) => c.id === 'asoen-36-acb-gb')).toMatchObject({ change: 'removed', fields: [], tombstoned: false });
    expect(p.changes.find((c) => c.id === 'asoen-37')).toMatchObject({ kind: 'meetings', change: 'added', label: 'ASOEN-37 — 37th ASEAN Senior Officials on the Environment' });
    expect(p.totalChanges).toBe(3);

    expect(p.impact.map((i) => [i.sectionId, i.change])).toEqual([
      ['s-acb', 'removed'],
      ['s-statement', 'changed'],
    ]);
    const statement = p.impact.find((i) => i.sectionId === 's-statement')!;
    expect(statement.briefingTitle).toBe('Malaysia at ASOEN-36');
    expect(statement.fields).toEqual(['title.en']);
    expect(statement.after?.title.en).toBe('Joint statement to COP30 (revised)');
    expect(statement.before?.title.en).not.toBe(statement.after?.title.en);
    const removed = p.impact.find((i) => i.sectionId === 's-acb')!;
    expect(removed.after).toBeUndefined();
    expect(removed.before?.title).toEqual(builtinRecords().agendaItems.find((a) => a.id === 'asoen-36-acb-gb')!.title);
  });

  it('pages through the changes of the checked update; a discarded token is forgotten', async () => {
    const publisher = await setUp();
    const p = await preview(await bundleOf(editedRecords(), publisher));
    const page = await listChanges(p.token, { kind: 'agendaItems', offset: 0, limit: 10 });
    expect(page.ok && page.changes.map((c) => c.id)).toEqual(['asoen-36-joint-statement-cop30', 'asoen-36-acb-gb']);
    discardUpdate(p.token);
    expect(await listChanges(p.token, { offset: 0, limit: 10 })).toMatchObject({ ok: false, code: 'unknown-token' });
    expect(await applyUpdate(p.token)).toMatchObject({ ok: false, code: 'unknown-token' });
  });
});

describe('applyUpdate and undo', () => {
  it('applies in one go: new records, a history entry, review flags, and the delegate text untouched', async () => {
    const publisher = await setUp();
    const sections = [section('s-statement', 'b1', 'asoen-36-joint-statement-cop30', 'climate'), section('s-acb', 'b1', 'asoen-36-acb-gb', 'biodiversity', 1)];
    await putBriefing(briefing('b1', 'asoen-36', 'Malaysia at ASOEN-36'), sections);
    const p = await preview(await bundleOf(editedRecords(), publisher));
    const progress: number[] = [];
    const result = await applyUpdate(p.token, { onProgress: (x) => x.phase === 'writing' && progress.push(x.done) });
    if (!result.ok) throw new Error(result.message);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    expect(result.entry).toMatchObject({ datasetId: DATASET_ID, version: 2, fromVersion: 1, current: true, undoable: true, flagged: 2, origin: { kind: 'file' } });
    expect(await db.meetings.get('asoen-37')).toMatchObject({ prov: { datasetId: DATASET_ID, version: 2 } });
    // Only what changed is written: an unchanged record keeps the provenance of the version that last changed it.
    expect(await db.meetings.get('asoen-36')).toMatchObject({ prov: { datasetId: DATASET_ID, version: 1 } });
    expect((await db.agendaItems.get('asoen-36-joint-statement-cop30'))?.prov.version).toBe(2);
    expect(await db.agendaItems.get('asoen-36-acb-gb')).toBeUndefined();
    expect((await db.agendaItems.get('asoen-36-joint-statement-cop30'))?.title.en).toBe('Joint statement to COP30 (revised)');
    expect(await db.datasets.get(DATASET_ID)).toMatchObject({ version: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
    const manifest = await db.acceptedManifests.get(DATASET_ID);
    expect(JSON.parse(manifest!.manifestText)).toMatchObject({ version: 2 });
    expect(manifest!.signatures.map((s) => s.keyId)).toEqual([publisher.publicKey.keyId]);

    const stored = await db.sections.bulkGet(['s-statement', 's-acb']);
    for (const [i, s] of stored.entries()) {
      const { datasetReview, targetIds: _t, ...rest } = s!;
      // Every field the delegate wrote is exactly as before.
      expect(rest).toEqual(sections[i]);
      expect(datasetReview).toMatchObject({ datasetId: DATASET_ID, datasetVersion: 2, historyId: result.entry.id });
    }
    expect(stored[0]!.datasetReview).toMatchObject({ change: 'changed', fields: ['title.en'], after: { title: { en: 'Joint statement to COP30 (revised)' } } });
    expect(stored[1]!.datasetReview).toMatchObject({ change: 'removed', fields: [] });
    expect(stored[1]!.datasetReview!.after).toBeUndefined();

    await markSectionReviewed('s-statement');
    expect((await db.sections.get('s-statement'))!.datasetReview).toBeUndefined();
  });

  it('a format-1 bundle (the legacy single document) still installs, and its content is recognised in format 2', async () => {
    const publisher = await setUp();
    const legacy = await signedBundle({ ...baseInput(editedRecords()), datasetId: DATASET_ID, version: 2 }, [publisher], 1);
    expect(legacy.startsWith('{\n"manifest"')).toBe(true);
    const p = await preview(legacy);
    expect(p.totalChanges).toBe(3);
    const result = await applyUpdate(p.token);
    if (!result.ok) throw new Error(result.message);
    expect(await db.meetings.get('asoen-37')).toMatchObject({ prov: { datasetId: DATASET_ID, version: 2 } });
    const register = await db.datasets.get(DATASET_ID);
    // The provenance hash is the content hash in both formats: the same version in format 2 is no update.
    // (A kind brought in later, contacts, is left out of the hash while the dataset holds none of it.)
    expect(register?.hash).toBe(await sha256Hex(canonicalJson(withoutEmptyLaterKinds(editedRecords()))));
    await expectRefused(await bundleOf(editedRecords(), publisher, 2), 'no-update');
    await expectRefused(await bundleOf(builtinRecords(), publisher, 2), 'same-version-different-content');
  });

  it('undo gives back the exact old database, keeps a flag the delegate cleared cleared, and cannot run twice', async () => {
    const publisher = await setUp();
    await putBriefing(briefing('b1', 'asoen-36', 'Malaysia at ASOEN-36'), [
      section('s-statement', 'b1', 'asoen-36-joint-statement-cop30', 'climate'),
      section('s-acb', 'b1', 'asoen-36-acb-gb', 'biodiversity', 1),
    ]);
    const before = await snapshot(ALL_BUT_HISTORY);
    const p = await preview(await bundleOf(editedRecords(), publisher));
    const applied = await applyUpdate(p.token);
    expect(applied.ok).toBe(true);
    expect(await snapshot(ALL_BUT_HISTORY)).not.toEqual(before);

    expect(await undoLastUpdate(DATASET_ID)).toEqual({ ok: true });
    expect(await snapshot(ALL_BUT_HISTORY)).toEqual(before);
    const history = await db.datasetHistory.where('datasetId').equals(DATASET_ID).sortBy('installedAt');
    expect(history.map((h) => [h.origin.kind, h.version, h.undoneAt !== undefined])).toEqual([
      ['builtin', 1, false],
      ['file', 2, true],
    ]);
    expect(await undoLastUpdate(DATASET_ID)).toMatchObject({ ok: false, code: 'nothing-to-undo' });

    // Again, with the delegate acting on one flag before undoing: that choice stands.
    const again = await preview(await bundleOf(editedRecords(), publisher));
    expect((await applyUpdate(again.token)).ok).toBe(true);
    await markSectionReviewed('s-acb');
    expect(await undoLastUpdate(DATASET_ID)).toEqual({ ok: true });
    expect((await db.sections.get('s-acb'))!.datasetReview).toBeUndefined();
    expect((await db.sections.get('s-statement'))!.datasetReview).toBeUndefined();
    expect(await db.agendaItems.get('asoen-36-acb-gb')).toBeDefined();
  });

  it('compares a chunk at a time: the same preview and changes as in one piece, and undo is still exact', async () => {
    const publisher = await setUp();
    await putBriefing(briefing('b1', 'asoen-36', 'Malaysia at ASOEN-36'), [
      section('s-statement', 'b1', 'asoen-36-joint-statement-cop30', 'climate'),
      section('s-acb', 'b1', 'asoen-36-acb-gb', 'biodiversity', 1),
    ]);
    // Removals and changes across several chunks of 3, in more than one kind.
    const records = editedRecords();
    records.agendaItems = records.agendaItems.filter((_, i) => i < 4 || i > 11);
    records.meetings = records.meetings.map((m, i) => (i % 4 === 0 ? { ...m, title: { ...m.title, en: `${m.title.en ?? ''} (moved)` } } : m));
    const text = await bundleOf(records, publisher);
    const all = { offset: 0, limit: 100_000 };
    const whole = await preview(text);
    const wholeChanges = await listChanges(whole.token, all);
    discardUpdate(whole.token);

    configureSyncEngine({ now: () => NOW, chunkSize: 3 });
    const before = await snapshot(ALL_BUT_HISTORY);
    const chunked = await preview(text);
    expect({ ...chunked, token: '' }).toEqual({ ...whole, token: '' });
    expect(chunked.counts.agendaItems.removed).toBeGreaterThan(6);
    expect(chunked.counts.meetings.changed).toBeGreaterThan(3);
    expect(await listChanges(chunked.token, all)).toEqual(wholeChanges);
    const applied = await applyUpdate(chunked.token);
    expect(applied.ok ? applied.ok : applied.message).toBe(true);
    expect(await undoLastUpdate(DATASET_ID)).toEqual({ ok: true });
    expect(await snapshot(ALL_BUT_HISTORY)).toEqual(before);
  });

  it('undo after two updates reverts only the last; the one before is no longer undoable', async () => {
    const publisher = await setUp();
    const v1 = await snapshot(ALL_BUT_HISTORY);
    expect((await applyUpdate((await preview(await bundleOf(editedRecords(), publisher, 2))).token)).ok).toBe(true);
    const v2 = await snapshot(['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'datasets', 'sections', 'acceptedManifests']);
    const records = editedRecords();
    records.meetings = records.meetings.filter((m) => m.id !== 'asoen-37');
    expect((await applyUpdate((await preview(await bundleOf(records, publisher, 3))).token)).ok).toBe(true);
    const undone = await undoLastUpdate(DATASET_ID);
    expect(undone.ok ? undone : undone.message).toEqual({ ok: true });
    expect(await snapshot(['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'datasets', 'sections', 'acceptedManifests'])).toEqual(v2);
    expect(await undoLastUpdate(DATASET_ID)).toMatchObject({ ok: false, code: 'nothing-to-undo' });
    expect(await snapshot(ALL_BUT_HISTORY)).not.toEqual(v1);
  });

  it('a write that fails in the middle leaves the database exactly as before', async () => {
    const publisher = await setUp({ chunkSize: 5, afterChunk: (n) => {
      if (n === 4) throw new Error('disk full (injected)');
    } });
    await putBriefing(briefing('b1', 'asoen-36', 'Brief'), [section('s-acb', 'b1', 'asoen-36-acb-gb', 'biodiversity')]);
    const before = await snapshot();
    const p = await preview(await bundleOf(editedRecords(), publisher));
    const result = await applyUpdate(p.token);
    expect(result).toMatchObject({ ok: false, code: 'write-failed' });
    expect(result.ok ? '' : result.message).toContain('disk full (injected)');
    expect(await snapshot()).toEqual(before);
  });

  it('cancelling while writing rolls back', async () => {
    const publisher = await setUp({ chunkSize: 5 });
    const before = await snapshot();
    const p = await preview(await bundleOf(editedRecords(), publisher));
    const controller = new AbortController();
    const result = await applyUpdate(p.token, {
      signal: controller.signal,
      onProgress: (x) => {
        if (x.phase === 'writing' && x.done >= 1 && x.done < x.total) controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'cancelled' });
    expect(await snapshot()).toEqual(before);
  });

  it('flags a section written between check and apply too', async () => {
    const publisher = await setUp();
    const p = await preview(await bundleOf(editedRecords(), publisher));
    expect(p.impact).toEqual([]);
    await putBriefing(briefing('b2', 'asoen-36', 'Written meanwhile'), [section('s-late', 'b2', 'asoen-36-acb-gb', 'late')]);
    expect((await applyUpdate(p.token)).ok).toBe(true);
    expect((await db.sections.get('s-late'))!.datasetReview).toMatchObject({ change: 'removed', datasetVersion: 2 });
  });

  it('an update checked before another was applied is refused as stale', async () => {
    const publisher = await setUp();
    const first = await preview(await bundleOf(editedRecords(), publisher, 2));
    const second = await preview(await bundleOf(editedRecords(), publisher, 3));
    expect((await applyUpdate(second.token)).ok).toBe(true);
    const before = await snapshot();
    expect(await applyUpdate(first.token)).toMatchObject({ ok: false, code: 'stale' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('schema version 3', () => {
  it('adds the sync tables to a version 2 database and keeps the delegate work', async () => {
    const name = 'sync-migration-test';
    const old = new DelegateDatabase(name, 2);
    await old.open();
    await old.briefings.put(briefing('b1', 'asoen-36', 'Old brief'));
    await old.sections.put(toStoredSection(section('s1', 'b1', 'asoen-36-opening', 'kept')));
    old.close();
    const upgraded = new DelegateDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect((await upgraded.sections.get('s1'))?.position).toBe('position: kept');
    expect(await Promise.all([upgraded.trustedKeys.count(), upgraded.datasetHistory.count(), upgraded.undoRecords.count(), upgraded.acceptedManifests.count()])).toEqual([0, 0, 0, 0]);
    await upgraded.delete();
  });
});

describe('trust store', () => {
  it('adds a key from its .pub text with a fingerprint, refuses malformed keys and duplicates, removes', async () => {
    const signer = await newSigner();
    const text = `${formatPublicKey(signer.publicKey.raw)}\n`;
    const added = await addTrustedKey(text, '  Publisher  ');
    if (!added.ok) throw new Error(added.message);
    expect(added.key).toMatchObject({ keyId: signer.publicKey.keyId, label: 'Publisher', publicKey: text.trim(), builtIn: false });
    expect(added.key.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(added.key.fingerprint.replaceAll(' ', '').startsWith(signer.publicKey.keyId)).toBe(true);
    expect(await addTrustedKey(text, 'Again')).toMatchObject({ ok: false, code: 'duplicate' });
    expect(await addTrustedKey('aseandb-ed25519:AAAA', 'Short')).toMatchObject({ ok: false, code: 'malformed' });
    expect(await addTrustedKey('ssh-ed25519 AAAAC3Nza', 'Other format')).toMatchObject({ ok: false, code: 'malformed' });
    expect(await addTrustedKey(text, '   ')).toMatchObject({ ok: false, code: 'empty-label' });
    expect(await db.trustedKeys.count()).toBe(1);
    await removeTrustedKey(signer.publicKey.keyId);
    expect(await db.trustedKeys.count()).toBe(0);
  });
});

describe('the built-in dataset', () => {
  it('is installed through the same path, recorded in history with origin builtin and its unsigned manifest', async () => {
    await setUp();
    const history = await db.datasetHistory.toArray();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ datasetId: DATASET_ID, version: 1, origin: { kind: 'builtin' }, signedBy: [] });
    expect(history[0]!.undo).toBeUndefined();
    const manifest = await db.acceptedManifests.get(DATASET_ID);
    const parsed = JSON.parse(manifest!.manifestText) as { payloadSha256: string; formatVersion: number };
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.payloadSha256).toBe((await db.datasets.get(DATASET_ID))!.hash);
    expect(canonicalJson(JSON.parse(manifest!.manifestText))).toBe(manifest!.manifestText);
  });
});
