import { RECORD_KINDS, type RecordKind } from '../model';
import type { DatasetDependency, ReferenceTarget } from './dependencies';
import { validateDataset, type DatasetProblem, type ValidationResult } from './validate';

/** A base dataset as the publisher tool reads it (a folder or a bundle): its id, version, record ids and outcome document ids. */
export interface BaseIds {
  datasetId: string;
  version: number;
  ids: Record<ReferenceTarget, ReadonlySet<string>>;
}

/** A dataset's records as far as their ids go (a meeting's with its outcome documents'). */
type IdLists = { [K in Exclude<RecordKind, 'meetings'>]: readonly { id: string }[] } & { meetings: readonly { id: string; outcomeDocuments?: readonly { id: string }[] }[] };

/** The record ids of a dataset's lists, and the ids of the outcome documents its meetings hold. */
export function idsOf(records: IdLists): BaseIds['ids'] {
  const ids = Object.fromEntries(RECORD_KINDS.map((k) => [k, new Set(records[k].map((r) => r.id))])) as unknown as Record<RecordKind, ReadonlySet<string>>;
  return { ...ids, outcomeDocuments: new Set(records.meetings.flatMap((m) => (m.outcomeDocuments ?? []).map((d) => d.id))) };
}

/**
 * validateDataset for a layer, as the publisher tool runs it: every declared base must be given
 * at its lowest version or later, and a reference the layer does not hold itself must resolve
 * in a declared base (not merely in some dataset). A dataset without bases is checked as before.
 */
export function validateLayer(input: unknown, datasetId: string, dependsOn: readonly DatasetDependency[] | undefined, bases: readonly BaseIds[]): ValidationResult {
  const problems: DatasetProblem[] = [];
  const declared = new Map((dependsOn ?? []).map((d) => [d.datasetId, d]));
  for (const base of bases) {
    const need = declared.get(base.datasetId);
    if (!need) problems.push({ kind: 'dataset', message: `--base "${base.datasetId}" is not a dataset that "${datasetId}" builds on (dependsOn in manifest.json)` });
    else if (base.version < need.minVersion) problems.push({ kind: 'dataset', message: `base "${base.datasetId}" is version ${base.version}; "${datasetId}" needs version ${need.minVersion} or later` });
  }
  for (const need of declared.values()) {
    if (!bases.some((b) => b.datasetId === need.datasetId)) {
      problems.push({ kind: 'dataset', message: `"${datasetId}" builds on "${need.datasetId}": give its folder or bundle with --base, so references to it can be checked` });
    }
  }
  const usable = bases.filter((b) => declared.has(b.datasetId));
  const result = validateDataset(input, declared.size === 0 ? {} : { external: (r) => usable.some((b) => b.ids[r.target].has(r.targetId)) });
  if (!result.ok) problems.push(...result.problems);
  return problems.length > 0 ? { ok: false, problems } : result;
}
