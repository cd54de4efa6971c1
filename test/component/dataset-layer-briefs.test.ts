/**
 * A base update that flags a brief's sections for review, applied and undone with a layer
 * installed. Both run in one transaction that writes the (encrypted) sections and recomputes the
 * layer's reference flags; with the flags recomputed after the sections, the transaction was
 * lost to a PrematureCommitError and the update could be neither applied nor undone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBriefing } from '../../shared/briefing/create';
import { formatPublicKey } from '../../shared/bundle';
import type { DatasetRecords } from '../../shared/model';
import { db } from '../../renderer/db/db';
import { addTrustedKey, applyUpdate, resetSyncEngine, undoLastUpdate } from '../../renderer/datasets/dataset-updates';
import { BASE_ID, LAYER_ID, baseWithoutJointStatement, layerBundle } from '../unit/layer-fixtures';
import { bundleOf, builtinRecords, newSigner, preview, putBriefing, setUp } from './sync-engine-fixtures';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => resetSyncEngine());

async function briefOnAsoen36(): Promise<void> {
  const meeting = (await db.meetings.get('asoen-36'))!;
  const agendaItems = await db.agendaItems.where('meetingId').equals('asoen-36').sortBy('order');
  const [bodies, targets, sources] = await Promise.all([db.bodies.toArray(), db.targets.toArray(), db.sources.toArray()]);
  let n = 0;
  const made = createBriefing({
    id: 'brief',
    meeting,
    agendaItems,
    title: 'Brief',
    delegation: 'MY',
    author: 'Aminah',
    classification: 'RESTRICTED',
    now: '2026-12-01T10:00:00.000Z',
    newId: () => `id-${++n}`,
    background: { meeting, bodies: new Map(bodies.map((b) => [b.id, b])), targets, sources: new Map(sources.map((s) => [s.id, s])) },
  });
  await putBriefing(made.briefing, made.sections);
}

const retitled = (): DatasetRecords => {
  const records = builtinRecords();
  return { ...records, agendaItems: records.agendaItems.map((i) => (i.id === 'asoen-36-awgcc' ? { ...i, title: { en: 'AWGCC: a new title' } } : i)) };
};

describe('a base update that flags a brief, with a layer installed', () => {
  it.each([
    ['an agenda item retitled', retitled, 0],
    ['an outcome document the layer names withdrawn', baseWithoutJointStatement, 1],
  ] as const)('applies and undoes (%s)', async (_what, records, layerFlags) => {
    const builtin = await setUp();
    const signer = await newSigner();
    expect((await addTrustedKey(formatPublicKey(signer.publicKey.raw), 'Ministry (MY)')).ok).toBe(true);
    expect((await applyUpdate((await preview(await layerBundle(signer))).token)).ok).toBe(true);
    await briefOnAsoen36();

    const applied = await applyUpdate((await preview(await bundleOf(records(), builtin, 2))).token);
    expect(applied.ok ? 'applied' : applied.message).toBe('applied');
    expect((await db.datasets.get(BASE_ID))?.version).toBe(2);
    expect((await db.sections.toArray()).filter((s) => s.datasetReview !== undefined).length).toBeGreaterThan(0);
    expect(await db.referenceFlags.where('datasetId').equals(LAYER_ID).count()).toBe(layerFlags);

    const undone = await undoLastUpdate(BASE_ID);
    expect(undone.ok ? 'undone' : (undone as { message: string }).message).toBe('undone');
    expect((await db.datasets.get(BASE_ID))?.version).toBe(1);
    expect((await db.sections.toArray()).filter((s) => s.datasetReview !== undefined)).toEqual([]);
    expect(await db.referenceFlags.count()).toBe(0);
  });
});
