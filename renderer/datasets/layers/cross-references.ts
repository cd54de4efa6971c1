import type { ExternalReference, ReferenceTarget } from '../../../shared/dataset/dependencies';
import { checkIntegrity } from '../../../shared/dataset/validate';
import { RECORD_KINDS, type DatasetRecords, type RecordKind } from '../../../shared/model';
import type { DelegateDatabase } from '../../db/db';
import { referenceTable } from '../reference-tables';
import { fromStored } from '../stored-records';
import type { FlaggedReference } from '../types';

/**
 * A layer's references to ids it does not hold, resolved against the installed records. Only
 * the declared bases count: a reference that lands in another installed dataset is a mistake
 * of the publisher's (the layer would break when that dataset goes), not a resolution.
 */

export interface Resolution {
  /** References to records of installed datasets the layer does not declare, with the dataset. */
  undeclared: (ExternalReference & { datasetId: string })[];
  /** References to ids no installed record has (or only the layer's own version being replaced). */
  missing: FlaggedReference[];
}

const LOOKUP_CHUNK = 2000;
const REFERENCE_TARGETS: readonly ReferenceTarget[] = [...RECORD_KINDS, 'outcomeDocuments'];

/**
 * The dataset holding each of these outcome documents: the dataset of the meeting that adopted
 * it, found by the meetings' index of their documents (schema 11). A document id two datasets
 * both use counts as the first one found.
 */
export async function outcomeDocumentOwners(database: DelegateDatabase, documentIds: readonly string[]): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  const wanted = new Set(documentIds);
  for (let i = 0; i < documentIds.length; i += LOOKUP_CHUNK) {
    const meetings = await database.meetings.where('outcomeDocumentIds').anyOf(documentIds.slice(i, i + LOOKUP_CHUNK)).toArray();
    for (const meeting of meetings) {
      for (const id of meeting.outcomeDocumentIds ?? []) if (wanted.has(id) && !owner.has(id)) owner.set(id, meeting.prov.datasetId);
    }
  }
  return owner;
}

export async function resolveReferences(database: DelegateDatabase, layerId: string, bases: readonly string[], references: readonly ExternalReference[]): Promise<Resolution> {
  const resolution: Resolution = { undeclared: [], missing: [] };
  const declared = new Set(bases);
  for (const target of REFERENCE_TARGETS) {
    const wanted = [...new Set(references.filter((r) => r.target === target).map((r) => r.targetId))];
    if (wanted.length === 0) continue;
    const owner = target === 'outcomeDocuments' ? await outcomeDocumentOwners(database, wanted) : new Map<string, string>();
    for (let i = 0; target !== 'outcomeDocuments' && i < wanted.length; i += LOOKUP_CHUNK) {
      const part = wanted.slice(i, i + LOOKUP_CHUNK);
      const found = await referenceTable(database, target).bulkGet(part);
      found.forEach((record, j) => {
        if (record) owner.set(part[j]!, record.prov.datasetId);
      });
    }
    for (const reference of references) {
      if (reference.target !== target) continue;
      const datasetId = owner.get(reference.targetId);
      if (datasetId !== undefined && declared.has(datasetId)) continue;
      if (datasetId === undefined || datasetId === layerId) resolution.missing.push(reference);
      else resolution.undeclared.push({ ...reference, datasetId });
    }
  }
  return resolution;
}

/**
 * Every reference an installed layer's records make to ids outside it, found by the same
 * integrity check the publisher tool and the verifier run (shared/dataset/validate.ts), so that
 * what counts as a reference is written once.
 */
export async function layerReferences(database: DelegateDatabase, layerId: string): Promise<ExternalReference[]> {
  const records = {} as Record<RecordKind, unknown[]>;
  for (const kind of RECORD_KINDS) {
    const stored = await referenceTable(database, kind).where('prov.datasetId').equals(layerId).toArray();
    records[kind] = stored.map((r) => fromStored(kind, r));
  }
  const references: ExternalReference[] = [];
  checkIntegrity(records as unknown as DatasetRecords, { external: (r) => references.push(r) > 0 });
  return references;
}
