import { RECORD_KINDS, type DatasetRecords, type RecordKind, type RecordTypes } from '../../shared/model';
import type { DatasetManifest } from '../../shared/dataset/manifest';
import { partialDateEnd, partialDateStart } from '../../shared/model';
import type { DelegateDatabase } from './db';
import type { InstalledDataset, Provenance, StoredRecordTypes } from './schema';

function citedSourceIds(record: { sources?: { sourceId: string }[] }): string[] {
  return [...new Set((record.sources ?? []).map((c) => c.sourceId))];
}

/** Adds provenance and the indexed fields derived from a dataset record. */
export function toStored<K extends RecordKind>(kind: K, record: RecordTypes[K], prov: Provenance): StoredRecordTypes[K] {
  const stored = { ...record, prov, sourceIds: kind === 'sources' ? [] : citedSourceIds(record as { sources?: { sourceId: string }[] }) };
  if (kind === 'meetings') {
    const meeting = record as RecordTypes['meetings'];
    return {
      ...stored,
      from: partialDateStart(meeting.startDate),
      until: partialDateEnd(meeting.endDate ?? meeting.startDate),
      country: meeting.venue?.country ?? meeting.host?.country,
    } as StoredRecordTypes[K];
  }
  return stored as StoredRecordTypes[K];
}

export interface InstallProgress {
  kind: RecordKind;
  done: number;
  total: number;
}

/**
 * Replaces every reference record of one dataset with the given records, in a single
 * transaction: either the whole new dataset is there afterwards, or the old one is.
 * User tables are outside the transaction's scope and cannot be touched by it.
 */
export async function installDataset(
  database: DelegateDatabase,
  manifest: DatasetManifest,
  records: DatasetRecords,
  hash: string,
  onProgress?: (p: InstallProgress) => void,
): Promise<InstalledDataset> {
  const prov: Provenance = { datasetId: manifest.datasetId, version: manifest.version, hash };
  const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, records[k].length])) as Record<RecordKind, number>;
  const installed: InstalledDataset = {
    datasetId: manifest.datasetId,
    version: manifest.version,
    hash,
    title: manifest.title,
    publisher: manifest.publisher,
    installedAt: new Date().toISOString(),
    counts,
  };
  const tables = RECORD_KINDS.map((k) => database[k]);
  await database.transaction('rw', [...tables, database.datasets], async () => {
    for (const kind of RECORD_KINDS) {
      const table = database[kind];
      await table.where('prov.datasetId').equals(manifest.datasetId).delete();
      const list = records[kind] as RecordTypes[typeof kind][];
      const chunk = 5000;
      for (let i = 0; i < list.length; i += chunk) {
        const stored = list.slice(i, i + chunk).map((r) => toStored(kind, r, prov));
        await (table as unknown as { bulkPut(items: unknown[]): Promise<unknown> }).bulkPut(stored);
        onProgress?.({ kind, done: Math.min(i + chunk, list.length), total: list.length });
      }
    }
    await database.datasets.put(installed);
  });
  return installed;
}

/** Fields the database adds to a dataset record (provenance and indexed derivations). */
const DERIVED_FIELDS: Record<RecordKind, readonly string[]> = {
  sources: ['prov', 'sourceIds'],
  bodies: ['prov', 'sourceIds'],
  meetings: ['prov', 'sourceIds', 'from', 'until', 'country'],
  agendaItems: ['prov', 'sourceIds'],
  frameworks: ['prov', 'sourceIds'],
  targets: ['prov', 'sourceIds'],
};

/** The dataset record a stored record was made from (toStored's inverse), to compare with a bundle's record. */
export function fromStored<K extends RecordKind>(kind: K, stored: StoredRecordTypes[K]): RecordTypes[K] {
  const record: Record<string, unknown> = { ...stored };
  for (const field of DERIVED_FIELDS[kind]) delete record[field];
  return record as RecordTypes[K];
}
