import type { Table } from 'dexie';
import type { RecordKind } from '../../shared/model';
import type { DelegateDatabase } from '../db/db';
import type { StoredRecordTypes } from '../db/schema';

/** A stored reference record of any kind (what the engine reads and writes without caring which). */
export type AnyStored = StoredRecordTypes[RecordKind];

/**
 * The reference table of a kind, typed for code that handles every kind the same way. Dexie's
 * six table types do not unify into one union the compiler can call methods on; this is the one
 * place that says they are all tables of stored records keyed by id.
 */
export const referenceTable = (database: DelegateDatabase, kind: RecordKind): Table<AnyStored, string> => database[kind] as unknown as Table<AnyStored, string>;

/** Every table an update or an undo writes, in one transaction. */
export const updateTables = (database: DelegateDatabase) => [
  database.sources,
  database.bodies,
  database.meetings,
  database.agendaItems,
  database.frameworks,
  database.targets,
  database.contacts,
  database.datasets,
  database.datasetHistory,
  database.undoRecords,
  database.acceptedManifests,
  database.sections,
  database.trustedKeys,
  database.recordDigests,
  // A layer's flags follow every apply and undo of it and of its bases (layers/reference-flags.ts).
  database.referenceFlags,
];
