/**
 * Layered datasets through the dataset engine: a national layer over the built-in ASEAN dataset
 * is installed only over its base at the version it needs, its references resolve in its
 * declared bases only, a base update that drops a record the layer refers to leaves the layer's
 * record flagged (not dropped), and undo works per dataset.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../renderer/db/db';
import { resetSyncEngine, undoLastUpdate } from '../../renderer/datasets/dataset-updates';
import type { CheckResult } from '../../renderer/datasets/types';
import { BASE_ID, LAYER_ID, baseWithoutAhaCentre, layerBundle, layerRecords } from '../unit/layer-fixtures';
import { signedBundle } from '../unit/bundle-fixtures';
import { apply, builtinRecords, bundleOf, check, ministry, preview, setUp } from './sync-engine-fixtures';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => resetSyncEngine());

function refused(result: CheckResult | { ok: boolean }, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect((result as { code: string }).code).toBe(code);
  return result as Extract<CheckResult, { ok: false }>;
}

describe('a layer over the built-in dataset', () => {
  it('is refused when its base is not installed, naming the base and the version it needs', async () => {
    await setUp();
    const signer = await ministry();
    const result = refused(await check(await layerBundle(signer, layerRecords(), { dependsOn: [{ datasetId: 'asean-core', minVersion: 3 }] })), 'base-missing');
    expect(result.vars).toEqual({ base: 'asean-core', version: 3 });
    expect(result.message).toContain('"asean-core" version 3 or later');
    expect(await db.datasets.get(LAYER_ID)).toBeUndefined();
  });

  it('is refused when its base is older than the version it needs', async () => {
    await setUp();
    const signer = await ministry();
    const result = refused(await check(await layerBundle(signer, layerRecords(), { dependsOn: [{ datasetId: BASE_ID, minVersion: 2 }] })), 'base-too-old');
    expect(result.vars).toMatchObject({ base: BASE_ID, version: 2, installed: 1 });
  });

  it('installs beside its base: the preview names the base, and its records refer to the base records', async () => {
    await setUp();
    const shown = await preview(await layerBundle(await ministry()));
    expect(shown.datasetId).toBe(LAYER_ID);
    expect(shown.layers?.bases).toEqual([{ datasetId: BASE_ID, title: expect.any(String), minVersion: 1, installedVersion: 1 }]);
    expect(shown.layers?.missing).toEqual([]);
    await apply(shown);
    const national = await db.meetings.get('my-prep-asoen-36');
    expect(national?.prov.datasetId).toBe(LAYER_ID);
    // The ASEAN body it names is the base's record; the base's meeting lists the layer's agenda item.
    expect((await db.bodies.get(national!.bodyIds[0]!))?.prov.datasetId).toBe(BASE_ID);
    const items = await db.agendaItems.where('meetingId').equals('asoen-36').toArray();
    expect(items.map((i) => [i.id, i.prov.datasetId])).toContainEqual(['my-bilateral-asoen-36', LAYER_ID]);
    expect((await db.datasets.get(BASE_ID))?.version).toBe(1);
    expect(await db.referenceFlags.count()).toBe(0);
  });

  it('is refused when it refers to records of an installed dataset it does not declare', async () => {
    const builtin = await setUp();
    const signer = await ministry();
    // Another dataset, installed beside the built-in one, holds the body the layer names.
    const other = builtinRecords();
    const extraBody = { ...other.bodies.find((b) => b.id === 'asoen')!, id: 'other-body', acronym: 'OTHER', aliases: [] };
    const otherSource = other.sources[0]!;
    const otherBundle = await signedBundle(
      {
        records: { sources: [{ ...otherSource, id: 'src-other' }], bodies: [{ ...extraBody, reportsTo: [], sources: [{ sourceId: 'src-other' }], chairHistory: undefined, certainty: undefined }], meetings: [], agendaItems: [], frameworks: [], targets: [], contacts: [] },
        publisherId: 'other',
        publisherName: 'Other publisher',
        datasetId: 'other-dataset',
        title: 'Other',
        version: 1,
        created: new Date('2026-12-01T00:00:00Z'),
        expires: new Date('2027-12-01T00:00:00Z'),
        minAppVersion: '0.1.0',
      },
      [signer],
    );
    await apply(await preview(otherBundle));
    const records = layerRecords();
    records.meetings[0] = { ...records.meetings[0]!, bodyIds: ['asoen', 'other-body'] };
    const result = refused(await check(await layerBundle(signer, records)), 'undeclared-base');
    expect(result.vars).toEqual({ base: 'other-dataset' });
    expect(result.problems[0]).toContain('refers to bodies "other-body" of dataset "other-dataset"');
    expect(builtin).toBeDefined();
  });
});

describe('a base update that drops a record a layer refers to', () => {
  it('flags the referring record (kept, not dropped), says so in the preview, and undo of either dataset leaves the other alone', async () => {
    const builtin = await setUp();
    const signer = await ministry();
    await apply(await preview(await layerBundle(signer)));

    const shown = await preview(await bundleOf(baseWithoutAhaCentre(), builtin, 2));
    expect(shown.layers?.dependents).toEqual([
      {
        datasetId: LAYER_ID,
        title: expect.any(String),
        flagged: [{ kind: 'meetings', id: 'my-aha-centre-briefing-2025', path: 'bodyIds.0', target: 'bodies', targetId: 'aha-centre', baseId: BASE_ID }],
        flaggedCount: 1,
        cleared: 0,
      },
    ]);
    await apply(shown);
    expect(await db.bodies.get('aha-centre')).toBeUndefined();
    expect(await db.meetings.get('my-aha-centre-briefing-2025')).toBeDefined();
    const flags = await db.referenceFlags.toArray();
    expect(flags).toEqual([
      {
        kind: 'meetings',
        id: 'my-aha-centre-briefing-2025',
        datasetId: LAYER_ID,
        references: [{ path: 'bodyIds.0', target: 'bodies', targetId: 'aha-centre', baseId: BASE_ID, since: expect.any(String) }],
      },
    ]);

    // Undoing the layer's install leaves the base's update in place (and takes the flags with the layer).
    const undoneLayer = await undoLastUpdate(LAYER_ID);
    expect(undoneLayer.ok).toBe(true);
    expect(await db.datasets.get(LAYER_ID)).toBeUndefined();
    expect((await db.datasets.get(BASE_ID))?.version).toBe(2);
    expect(await db.referenceFlags.count()).toBe(0);

    // Installed again over base version 2, the layer's reference is flagged at once; undoing the
    // base's update brings the AHA Centre back and clears the flag, the layer staying installed.
    const again = await preview(await layerBundle(signer));
    expect(again.layers?.missingCount).toBe(1);
    await apply(again);
    expect(await db.referenceFlags.count()).toBe(1);
    const undoneBase = await undoLastUpdate(BASE_ID);
    expect(undoneBase.ok).toBe(true);
    expect((await db.datasets.get(BASE_ID))?.version).toBe(1);
    expect((await db.datasets.get(LAYER_ID))?.version).toBe(1);
    expect(await db.bodies.get('aha-centre')).toBeDefined();
    expect(await db.referenceFlags.count()).toBe(0);
  });

  it('refuses to undo a base update that a layer needs, naming the layer', async () => {
    const builtin = await setUp();
    const signer = await ministry();
    await apply(await preview(await bundleOf(builtinRecords(), builtin, 2)));
    await apply(await preview(await layerBundle(signer, layerRecords(), { dependsOn: [{ datasetId: BASE_ID, minVersion: 2 }] })));
    const result = await undoLastUpdate(BASE_ID);
    refused(result, 'base-needed');
    expect((result as { vars?: unknown }).vars).toMatchObject({ layer: LAYER_ID, base: BASE_ID, version: 2 });
    expect((await db.datasets.get(BASE_ID))?.version).toBe(2);
    // Once the layer is undone, the base's update can be.
    expect((await undoLastUpdate(LAYER_ID)).ok).toBe(true);
    expect((await undoLastUpdate(BASE_ID)).ok).toBe(true);
  });

  it('clears the flag when a later base version brings the record back', async () => {
    const builtin = await setUp();
    await apply(await preview(await layerBundle(await ministry())));
    await apply(await preview(await bundleOf(baseWithoutAhaCentre(), builtin, 2)));
    expect(await db.referenceFlags.count()).toBe(1);
    const back = await preview(await bundleOf(builtinRecords(), builtin, 3));
    expect(back.layers?.dependents[0]).toMatchObject({ datasetId: LAYER_ID, flaggedCount: 0, cleared: 1 });
    await apply(back);
    expect(await db.referenceFlags.count()).toBe(0);
  });
});
