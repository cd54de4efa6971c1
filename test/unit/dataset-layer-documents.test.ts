/**
 * Outcome documents referred to across datasets: a layer's agenda items and targets may name an
 * outcome document a base's meeting adopts; the publisher tool checks the name against the bases
 * it is given; schema 11 indexes every meeting's documents (older meetings and their undo copies
 * migrated) so the app resolves such a name by index.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { idsOf, validateLayer } from '../../shared/dataset/layer-validation';
import { checkIntegrity } from '../../shared/dataset/validate';
import type { ExternalReference } from '../../shared/dataset/dependencies';
import { DelegateDatabase } from '../../renderer/db/db';
import { readDatasetDir } from '../../scripts/load-dataset-dir';
import { builtinRecords } from './bundle-fixtures';
import { BASE_ID, JOINT_STATEMENT, LAYER_DIR, baseWithoutJointStatement, layerManifest, layerRecords } from './layer-fixtures';

describe('a layer naming a base’s outcome document', () => {
  it('is a reference outside the layer, found by the one integrity check', () => {
    const external: ExternalReference[] = [];
    expect(checkIntegrity(layerRecords(), { external: (r) => external.push(r) > 0 })).toEqual([]);
    expect(external).toContainEqual({ kind: 'agendaItems', id: 'my-bilateral-asoen-36', path: 'outcomeDocumentIds.0', target: 'outcomeDocuments', targetId: JOINT_STATEMENT });
    // Without bases, the same name is a dangling reference, as before.
    expect(checkIntegrity(layerRecords()).map((p) => p.message)).toContain(`refers to unknown outcome documents "${JOINT_STATEMENT}"`);
  });

  it('resolves in a declared base that holds the document, and is named when the base does not', () => {
    const raw = readDatasetDir(LAYER_DIR).records;
    const m = layerManifest();
    const ok = validateLayer(raw, m.datasetId, m.dependsOn, [{ datasetId: BASE_ID, version: 1, ids: idsOf(builtinRecords()) }]);
    expect(ok.ok).toBe(true);
    const withdrawn = validateLayer(raw, m.datasetId, m.dependsOn, [{ datasetId: BASE_ID, version: 2, ids: idsOf(baseWithoutJointStatement()) }]);
    expect(withdrawn.ok).toBe(false);
    expect(withdrawn.ok ? [] : withdrawn.problems).toEqual([
      { kind: 'agendaItems', id: 'my-bilateral-asoen-36', path: 'outcomeDocumentIds.0', message: `refers to unknown outcome documents "${JOINT_STATEMENT}"` },
    ]);
  });

  it('still resolves documents the layer holds itself, without asking the bases', () => {
    const records = layerRecords();
    records.meetings[0] = { ...records.meetings[0]!, outcomeDocuments: [{ id: 'my-prep-summary', type: 'report', title: { en: 'Summary of the preparatory meeting' }, status: 'adopted' }] };
    records.agendaItems[0] = { ...records.agendaItems[0]!, outcomeDocumentIds: ['my-prep-summary', JOINT_STATEMENT] };
    const external: ExternalReference[] = [];
    expect(checkIntegrity(records, { external: (r) => external.push(r) > 0 })).toEqual([]);
    expect(external.filter((r) => r.target === 'outcomeDocuments').map((r) => r.targetId)).toEqual([JOINT_STATEMENT]);
  });
});

describe('schema version 11', () => {
  beforeEach(() => {
    Dexie.dependencies.indexedDB = new IDBFactory();
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  });

  it('indexes the outcome documents of meetings stored at version 10, and of their undo copies', async () => {
    const prov = { datasetId: BASE_ID, version: 1, hash: 'h' };
    const asoen = builtinRecords().meetings.find((m) => m.outcomeDocuments?.some((d) => d.id === JOINT_STATEMENT))!;
    const plain = builtinRecords().meetings.find((m) => !m.outcomeDocuments?.length)!;
    const stored = (m: typeof asoen) => ({ ...m, prov, sourceIds: [], from: '2025-07-01', until: '2025-07-03' });
    const old = new DelegateDatabase('documents-migration', 10);
    await old.open();
    await old.meetings.bulkPut([stored(asoen), stored(plain)]);
    await old.undoRecords.put({ historyId: 'h1', kind: 'meetings', id: asoen.id, record: stored(asoen) });
    old.close();

    const now = new DelegateDatabase('documents-migration', 11);
    await now.open();
    expect(now.verno).toBe(11);
    const found = await now.meetings.where('outcomeDocumentIds').equals(JOINT_STATEMENT).toArray();
    expect(found.map((m) => m.id)).toEqual([asoen.id]);
    // Everything else as it was.
    const { outcomeDocumentIds, ...rest } = found[0]!;
    expect(outcomeDocumentIds).toEqual(asoen.outcomeDocuments!.map((d) => d.id));
    expect(rest).toEqual(stored(asoen));
    expect(await now.meetings.get(plain.id)).toEqual(stored(plain));
    const undo = await now.undoRecords.get(['h1', 'meetings', asoen.id]);
    expect((undo?.record as { outcomeDocumentIds?: string[] }).outcomeDocumentIds).toEqual([JOINT_STATEMENT]);
    now.close();
  });
});
