import type { BundleManifest } from '../../../shared/bundle/schema';
import type { ExternalReference } from '../../../shared/dataset/dependencies';
import { RECORD_KINDS } from '../../../shared/model';
import type { UpdatePlan } from '../../../shared/sync';
import type { DelegateDatabase } from '../../db/db';
import { failure } from '../request-control';
import type { FlaggedReference, PreviewLayers, SyncFailure } from '../types';
import { baseNeededRefusal, checkBases, dependentsOf } from './bases';
import { layerReferences, outcomeDocumentOwners, resolveReferences } from './cross-references';

/** Most references listed per layer in a preview (the count is always whole). */
const LISTED = 200;

/**
 * Check's layered-dataset part, before the records are compared: a layer's bases are installed
 * at the versions it needs, its references resolve in those bases (and only those), and no
 * installed layer loses a base version it needs. Gives the preview's bases and the references
 * that resolve nowhere (installed flagged, not refused: the base may have dropped them since
 * the publisher built the layer).
 */
export async function checkLayer(
  database: DelegateDatabase,
  manifest: BundleManifest,
  externalReferences: readonly ExternalReference[] | undefined,
): Promise<Pick<PreviewLayers, 'bases' | 'missing' | 'missingCount'> | SyncFailure> {
  const needed = await baseNeededRefusal(database, manifest.datasetId, manifest.version);
  if (needed) return needed;
  if (!manifest.dependsOn) return { bases: [], missing: [], missingCount: 0 };
  const [registers, manifests] = await Promise.all([database.datasets.toArray(), database.acceptedManifests.toArray()]);
  const bases = checkBases(
    manifest.datasetId,
    manifest.dependsOn,
    new Map(registers.map((r) => [r.datasetId, r])),
    new Map(manifests.map((m) => [m.datasetId, m])),
  );
  if (!Array.isArray(bases)) return bases;
  const resolution = await resolveReferences(
    database,
    manifest.datasetId,
    bases.map((b) => b.datasetId),
    externalReferences ?? [],
  );
  if (resolution.undeclared.length > 0) {
    const first = resolution.undeclared[0]!;
    const problems = resolution.undeclared.map((r) => `${r.kind} › ${r.id} › ${r.path}: refers to ${r.target} "${r.targetId}" of dataset "${r.datasetId}", which "${manifest.datasetId}" does not build on`);
    return {
      ...failure(
        'undeclared-base',
        `The bundle's records refer to records of "${first.datasetId}", which "${manifest.datasetId}" does not declare as a base (dependsOn).`,
        problems,
        [...new Set(resolution.undeclared.map((r) => r.id))],
      ),
      vars: { base: first.datasetId },
    };
  }
  const single = bases.length === 1 ? bases[0]!.datasetId : undefined;
  const missing = resolution.missing.map((r) => (single ? { ...r, baseId: single } : r));
  return { bases, missing: missing.slice(0, LISTED), missingCount: missing.length };
}

/**
 * The installed layers over the updated dataset, and the references of theirs the update breaks
 * or mends. `documentsAfter`: the outcome document ids the update's meetings hold, so that a
 * layer's reference to a document the base withdraws (its meeting changed or removed) counts too.
 */
export async function dependentsImpact(database: DelegateDatabase, datasetId: string, plan: UpdatePlan, documentsAfter: ReadonlySet<string> = new Set()): Promise<PreviewLayers['dependents']> {
  const impact: PreviewLayers['dependents'] = [];
  for (const layer of dependentsOf(await database.acceptedManifests.toArray(), datasetId)) {
    const register = await database.datasets.get(layer.datasetId);
    if (!register || layer.datasetId === datasetId) continue;
    const removed = new Map<string, Set<string>>(RECORD_KINDS.map((k) => [k, new Set(plan.kinds[k].removed)]));
    const added = new Map<string, Set<string>>(RECORD_KINDS.map((k) => [k, new Set(plan.kinds[k].added)]));
    const references = await layerReferences(database, layer.datasetId);
    // Documents of this base that the layer names and the update no longer holds.
    const named = [...new Set(references.filter((r) => r.target === 'outcomeDocuments').map((r) => r.targetId))];
    const owners = named.length > 0 ? await outcomeDocumentOwners(database, named) : new Map<string, string>();
    removed.set('outcomeDocuments', new Set(named.filter((id) => owners.get(id) === datasetId && !documentsAfter.has(id))));
    added.set('outcomeDocuments', new Set(documentsAfter));
    const flags = await database.referenceFlags.where('datasetId').equals(layer.datasetId).toArray();
    const flaggedNow = new Set(flags.flatMap((f) => f.references.map((r) => `${f.kind}/${f.id}/${r.path}`)));
    const flagged: FlaggedReference[] = references
      .filter((r) => removed.get(r.target)?.has(r.targetId) === true && !flaggedNow.has(`${r.kind}/${r.id}/${r.path}`))
      .map((r) => ({ ...r, baseId: datasetId }));
    const cleared = flags.reduce((n, f) => n + f.references.filter((r) => added.get(r.target)?.has(r.targetId) === true).length, 0);
    impact.push({ datasetId: layer.datasetId, title: register.title, flagged: flagged.slice(0, LISTED), flaggedCount: flagged.length, cleared });
  }
  return impact;
}
