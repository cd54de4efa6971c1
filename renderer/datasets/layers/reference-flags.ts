import type { DelegateDatabase } from '../../db/db';
import type { ReferenceFlagRow } from '../../db/schema';
import { layerReferences, resolveReferences } from './cross-references';

/**
 * The flags on a layer's records whose references name records their bases no longer have.
 * Recomputed (inside the apply or undo transaction) for every layer the change concerns: the
 * dataset changed, when it is a layer, and the layers over it. A flag keeps the base and the
 * moment it was first found, so a later recomputation does not make an old flag look new.
 */

export interface DatasetChange {
  /** The dataset updated or undone: the base that "no longer has" what the change newly leaves a layer missing. */
  datasetId: string;
}

export async function refreshReferenceFlags(database: DelegateDatabase, change: DatasetChange, now: string): Promise<void> {
  const manifests = await database.acceptedManifests.toArray();
  const layers = manifests.filter((m) => m.dependsOn !== undefined && (m.datasetId === change.datasetId || m.dependsOn.some((d) => d.datasetId === change.datasetId)));
  // A dataset that is no layer any more (or is gone) keeps no flags.
  if (!layers.some((m) => m.datasetId === change.datasetId)) await database.referenceFlags.where('datasetId').equals(change.datasetId).delete();
  for (const layer of layers) {
    const previous = await database.referenceFlags.where('datasetId').equals(layer.datasetId).toArray();
    await database.referenceFlags.where('datasetId').equals(layer.datasetId).delete();
    if (!(await database.datasets.get(layer.datasetId))) continue;
    const bases = layer.dependsOn!.map((d) => d.datasetId);
    const { missing } = await resolveReferences(database, layer.datasetId, bases, await layerReferences(database, layer.datasetId));
    const before = new Map(previous.flatMap((row) => row.references.map((r) => [`${row.kind}/${row.id}/${r.path}/${r.targetId}`, r] as const)));
    const rows = new Map<string, ReferenceFlagRow>();
    for (const reference of missing) {
      const known = before.get(`${reference.kind}/${reference.id}/${reference.path}/${reference.targetId}`);
      // A reference broken by this change (not flagged before it) was broken by the dataset changed,
      // when that is one of the layer's bases: nothing else changes in this transaction. That holds
      // for outcome documents too, which the update's removals never list (they live in meetings).
      const baseId = known?.baseId ?? (bases.includes(change.datasetId) ? change.datasetId : bases.length === 1 ? bases[0] : undefined);
      const key = `${reference.kind}/${reference.id}`;
      const row = rows.get(key) ?? { kind: reference.kind, id: reference.id, datasetId: layer.datasetId, references: [] };
      row.references.push({ path: reference.path, target: reference.target, targetId: reference.targetId, ...(baseId ? { baseId } : {}), since: known?.since ?? now });
      rows.set(key, row);
    }
    if (rows.size > 0) await database.referenceFlags.bulkPut([...rows.values()]);
  }
}
