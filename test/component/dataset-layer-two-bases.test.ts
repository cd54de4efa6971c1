/**
 * A layer over two bases: when one of them withdraws an outcome document the layer names, the
 * flag says which base no longer has it. A document lives inside its adopting meeting, so the
 * update's removals never list it; the base is the dataset whose change broke the reference.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../renderer/db/db';
import { resetSyncEngine } from '../../renderer/datasets/dataset-updates';
import type { DatasetRecords } from '../../shared/model';
import { baseInput, builtinRecords, signedBundle } from '../unit/bundle-fixtures';
import { BASE_ID, JOINT_STATEMENT, LAYER_ID, baseWithoutJointStatement, layerBundle, layerManifest } from '../unit/layer-fixtures';
import { apply, bundleOf, ministry, preview, setUp } from './sync-engine-fixtures';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => resetSyncEngine());

const SECOND_BASE = 'my-regional';

/** A second base: one source and one body of its own, under ids no other dataset holds. */
function secondBaseRecords(): DatasetRecords {
  const all = builtinRecords();
  const empty = Object.fromEntries(Object.keys(all).map((kind) => [kind, []])) as unknown as DatasetRecords;
  const source = { ...all.sources[0]!, id: 'my-regional-source' };
  const body = {
    id: 'my-regional-desk',
    acronym: 'MRD',
    aliases: [],
    name: { en: 'Regional environment desk' },
    level: 'working-group',
    pillar: 'socio-cultural',
    reportsTo: [],
    dialogueFormats: [],
    focalPoints: [],
    sources: [{ sourceId: source.id }],
  };
  return { ...empty, sources: [source], bodies: [body] } as DatasetRecords;
}

describe('a layer over two bases', () => {
  it('names the base that withdrew an outcome document the layer refers to', async () => {
    const builtin = await setUp();
    const regional = await ministry();
    await apply(await preview(await signedBundle({ ...baseInput(secondBaseRecords()), datasetId: SECOND_BASE, title: 'Regional desk', version: 1 }, [regional])));
    const dependsOn = [...layerManifest().dependsOn!, { datasetId: SECOND_BASE, minVersion: 1 }];
    await apply(await preview(await layerBundle(regional, undefined, { dependsOn })));
    expect((await db.acceptedManifests.get(LAYER_ID))?.dependsOn?.map((d) => d.datasetId)).toEqual([BASE_ID, SECOND_BASE]);

    await apply(await preview(await bundleOf(baseWithoutJointStatement(), builtin, 2)));
    const flag = await db.referenceFlags.get(['agendaItems', 'my-bilateral-asoen-36']);
    expect(flag?.references).toEqual([{ path: 'outcomeDocumentIds.0', target: 'outcomeDocuments', targetId: JOINT_STATEMENT, baseId: BASE_ID, since: expect.any(String) }]);
  });
});
