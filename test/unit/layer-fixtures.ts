/** The example national layer (docs/examples/national-layer) over the built-in dataset, for the layered-dataset tests. */
import { resolve } from 'node:path';
import type { BuildInput, Signer } from '../../shared/bundle';
import { idsOf } from '../../shared/dataset/layer-validation';
import { DatasetManifest } from '../../shared/dataset/manifest';
import { validateDataset } from '../../shared/dataset/validate';
import type { DatasetRecords } from '../../shared/model';
import { readDatasetDir } from '../../scripts/load-dataset-dir';
import { builtinRecords, signedBundle } from './bundle-fixtures';

export const LAYER_DIR = resolve('docs/examples/national-layer');
export const LAYER_ID = 'my-national';
export const BASE_ID = 'asean-builtin';

/** The layer's records, validated against the built-in dataset's ids (as the publisher tool does). */
export function layerRecords(): DatasetRecords {
  const ids = idsOf(builtinRecords());
  const result = validateDataset(readDatasetDir(LAYER_DIR).records, { external: (r) => ids[r.target].has(r.targetId) });
  if (!result.ok) throw new Error(`the example layer is invalid: ${JSON.stringify(result.problems)}`);
  return result.records;
}

export function layerManifest(): DatasetManifest {
  return DatasetManifest.parse(readDatasetDir(LAYER_DIR).manifest);
}

export function layerInput(records: DatasetRecords = layerRecords(), extra: Partial<BuildInput> = {}): BuildInput {
  const m = layerManifest();
  return {
    records,
    publisherId: 'my-nres',
    publisherName: m.publisher,
    datasetId: m.datasetId,
    title: m.title,
    version: m.version,
    created: new Date('2026-12-01T00:00:00Z'),
    expires: new Date('2027-12-01T00:00:00Z'),
    minAppVersion: '0.1.0',
    dependsOn: m.dependsOn,
    ...extra,
  };
}

export const layerBundle = (signer: Signer, records?: DatasetRecords, extra: Partial<BuildInput> = {}): Promise<string> => signedBundle(layerInput(records, extra), [signer]);

/** The built-in dataset without the AHA Centre, which the example layer's briefing with the AHA Centre refers to. */
export function baseWithoutAhaCentre(): DatasetRecords {
  const records = builtinRecords();
  return { ...records, bodies: records.bodies.filter((b) => b.id !== 'aha-centre') };
}

/** The ASEAN joint statement on climate change that ASOEN-36 adopts, which the example layer's bilateral names. */
export const JOINT_STATEMENT = 'asean-joint-statement-climate-change-cop30';

/** The built-in dataset with that joint statement withdrawn: ASOEN-36 no longer lists it, nor does its agenda item. */
export function baseWithoutJointStatement(): DatasetRecords {
  const records = builtinRecords();
  return {
    ...records,
    meetings: records.meetings.map((m) => (m.outcomeDocuments?.some((d) => d.id === JOINT_STATEMENT) ? { ...m, outcomeDocuments: m.outcomeDocuments.filter((d) => d.id !== JOINT_STATEMENT) } : m)),
    agendaItems: records.agendaItems.map((i) => (i.outcomeDocumentIds?.includes(JOINT_STATEMENT) ? { ...i, outcomeDocumentIds: i.outcomeDocumentIds.filter((d) => d !== JOINT_STATEMENT) } : i)),
  };
}
