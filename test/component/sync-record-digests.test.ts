/**
 * The per-record digest index (renderer/datasets/record-digests.ts): an update checked against
 * the index finds exactly the changes a full comparison finds, an index that does not describe
 * what is installed is never used, and undo drops it.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_DIGEST_BYTES } from '../../shared/bundle/payload';
import { canonicalJson } from '../../shared/dataset/hash';
import type { DatasetRecords } from '../../shared/model';
import { db } from '../../renderer/db/db';
import { applyUpdate, resetSyncEngine, undoLastUpdate } from '../../renderer/datasets/dataset-updates';
import { DATASET_ID, builtinRecords, bundleOf, preview, setUp, snapshot } from './sync-engine-fixtures';

afterEach(() => resetSyncEngine());

// Every record kind, contacts (record schema 4) included: the index has a row for a kind the bundle holds none of.
const REFERENCE = ['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'contacts'];

/** Version 2: one agenda item retitled. */
function second(): DatasetRecords {
  const records = structuredClone(builtinRecords());
  records.agendaItems[0]!.title = { en: 'A retitled agenda item' };
  return records;
}

/** Version 3 over version 2: another item retitled, one meeting renamed, one agenda item removed, one added. */
function third(): DatasetRecords {
  const records = second();
  records.agendaItems[1]!.title = { en: 'Retitled in version 3' };
  records.meetings[0]!.title = { ...records.meetings[0]!.title, en: 'Renamed in version 3' };
  const removed = records.agendaItems.pop()!;
  records.agendaItems.push({ ...structuredClone(records.agendaItems[2]!), id: `${removed.id}-v3`, title: { en: 'Added in version 3' } });
  return records;
}

const digestOf = (record: unknown) => new Uint8Array(createHash('sha256').update(canonicalJson(record)).digest());

async function installSecond() {
  const publisher = await setUp();
  const applied = await applyUpdate((await preview(await bundleOf(second(), publisher))).token);
  if (!applied.ok) throw new Error(applied.message);
  return publisher;
}

describe('the record digest index', () => {
  it('is stored with the update, for exactly the installed records and register', async () => {
    await installSecond();
    const rows = await db.recordDigests.where('datasetId').equals(DATASET_ID).toArray();
    const register = (await db.datasets.get(DATASET_ID))!;
    expect(rows.map((r) => r.kind).sort()).toEqual([...REFERENCE].sort());
    for (const row of rows) {
      expect(row.register).toEqual({ version: register.version, hash: register.hash, installedAt: register.installedAt });
      expect(row.ids.sort()).toEqual(((await db.table(row.kind).toCollection().primaryKeys()) as string[]).sort());
      expect(row.digests.length).toBe(row.ids.length * RECORD_DIGEST_BYTES);
    }
  });

  it('finds the same changes as comparing every record, and the update writes the same database', async () => {
    const publisher = await installSecond();
    const text = await bundleOf(third(), publisher, 3);
    const withIndex = await preview(text);
    const indexed = await applyUpdate(withIndex.token);
    expect(indexed.ok).toBe(true);
    const after = await snapshot(REFERENCE);

    expect(await undoLastUpdate(DATASET_ID)).toEqual({ ok: true });
    // Undo dropped the index: this check compares every record.
    expect(await db.recordDigests.count()).toBe(0);
    const compared = await preview(text);
    expect({ counts: compared.counts, changes: compared.changes, impact: compared.impact }).toEqual({ counts: withIndex.counts, changes: withIndex.changes, impact: withIndex.impact });
    expect(withIndex.counts.agendaItems).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(withIndex.counts.meetings).toEqual({ added: 0, changed: 1, removed: 0 });
    expect((await applyUpdate(compared.token)).ok).toBe(true);
    expect(await snapshot(REFERENCE)).toEqual(after);
  });

  it('is used only while it describes the installed register', async () => {
    const publisher = await installSecond();
    const next = third();
    // An index claiming that the retitled meeting is already installed as version 3 has it.
    const forge = async (stamp: (r: { version: number; hash: string; installedAt: string }) => { version: number; hash: string; installedAt: string }) => {
      const row = (await db.recordDigests.get([DATASET_ID, 'meetings']))!;
      const at = row.ids.indexOf(next.meetings[0]!.id);
      const digests = row.digests.slice();
      digests.set(digestOf(next.meetings[0]), at * RECORD_DIGEST_BYTES);
      await db.recordDigests.put({ ...row, digests, register: stamp(row.register) });
    };
    const text = await bundleOf(next, publisher, 3);

    await forge((r) => ({ ...r, installedAt: '2020-01-01T00:00:00.000Z' }));
    expect((await preview(text)).counts.meetings.changed).toBe(1);

    // Stamped with the register, the index is believed: the proof that the check reads it.
    const register = (await db.datasets.get(DATASET_ID))!;
    await forge((r) => ({ ...r, installedAt: register.installedAt }));
    expect((await preview(text)).counts.meetings.changed).toBe(0);
  });
});
