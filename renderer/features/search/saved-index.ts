import { snapshotProblem, type IndexSnapshot } from '../../../shared/search';
import type { DelegateDatabase } from '../../db/db';
import { REFERENCE_KINDS } from './protocol';
import type { SavedSearchIndex } from './saved-index-row';

const NAME = 'reference';

/**
 * What the installed reference records are: every dataset's id, version, hash and install time,
 * and each reference table's count (a guard). Every install rewrites the `datasets` register,
 * so an index built under one signature holds exactly the records of that signature.
 */
export async function referenceSignature(database: DelegateDatabase): Promise<string> {
  const [datasets, ...counts] = await Promise.all([
    database.datasets.toArray(),
    database.bodies.count(),
    database.meetings.count(),
    database.agendaItems.count(),
    database.frameworks.count(),
    database.targets.count(),
    database.sources.count(),
    database.contacts.count(),
  ]);
  return JSON.stringify([datasets.map((d) => [d.datasetId, d.version, d.hash, d.installedAt]), counts]);
}

/** Where the search host keeps its index between two starts. */
export interface IndexStore {
  signature(): Promise<string>;
  /** The saved snapshot if it was built from records of this signature and can be read by this engine. */
  read(signature: string): Promise<IndexSnapshot | undefined>;
  write(signature: string, snapshot: IndexSnapshot): Promise<void>;
}

/**
 * The reference index saved in the database (table `searchIndex`, not encrypted: public
 * reference data). A snapshot holding any other kind is refused, in both directions: the
 * delegate's own documents (briefings, notes, papers) are searched from memory only and never
 * written here in the clear.
 */
export function databaseIndexStore(database: DelegateDatabase): IndexStore {
  return {
    signature: () => referenceSignature(database),
    async read(signature) {
      const row = await database.searchIndex.get(NAME);
      if (!row || row.signature !== signature || !onlyReference(row.snapshot) || snapshotProblem(row.snapshot)) return undefined;
      return row.snapshot;
    },
    async write(signature, snapshot) {
      if (!onlyReference(snapshot)) throw new Error(`A saved search index holds reference records only, not ${snapshot.kinds.join(', ')}`);
      const row: SavedSearchIndex = { name: NAME, signature, savedAt: new Date().toISOString(), snapshot };
      await database.searchIndex.put(row);
    },
  };
}

const reference = new Set<string>(REFERENCE_KINDS);

function onlyReference(snapshot: Pick<IndexSnapshot, 'kinds' | 'docs'> | undefined): boolean {
  return !!snapshot && snapshot.kinds.every((k) => reference.has(k)) && snapshot.docs.every((d) => reference.has(d.kind));
}
