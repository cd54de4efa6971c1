import type { EntityTable, IDType } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';

/** A table of records with a string id, as the dataset's tables are. */
export type RecordTable<T extends { id: string }> = EntityTable<T, 'id'>;

/**
 * One record by id, kept live: undefined while it loads, null when there is no such record.
 * The pages of a body, meeting, source and target all start this way (see RecordPage).
 */
export function useRecord<T extends { id: string }>(table: RecordTable<T>, id: string): T | null | undefined {
  // IDType<T, 'id'> is T['id'], a string: the cast only tells the compiler so.
  return useLiveQuery(async () => (await table.get(id as IDType<T, 'id'>)) ?? null, [table, id]);
}
