import { recordsToDocs, type SearchDoc } from '../../../shared/search';
import type { DelegateDatabase } from '../../db/db';

/**
 * Every reference record of the database as search documents (runs inside the worker).
 * `onRead` is told the share (0..1) of the records read so far, after each table.
 */
export async function loadReferenceDocs(database: DelegateDatabase, onRead?: (share: number) => void): Promise<SearchDoc[]> {
  const tables = [database.bodies, database.meetings, database.agendaItems, database.frameworks, database.targets, database.sources] as const;
  const counts = await Promise.all(tables.map((table) => table.count()));
  const total = Math.max(1, counts.reduce((a, b) => a + b, 0));
  let read = 0;
  const reading = <T>(rows: Promise<T[]>, i: number) =>
    rows.then((list) => {
      read += counts[i]!;
      onRead?.(read / total);
      return list;
    });
  const [bodies, meetings, agendaItems, frameworks, targets, sources] = await Promise.all([
    reading(database.bodies.toArray(), 0),
    reading(database.meetings.toArray(), 1),
    reading(database.agendaItems.toArray(), 2),
    reading(database.frameworks.toArray(), 3),
    reading(database.targets.toArray(), 4),
    reading(database.sources.toArray(), 5),
  ]);
  return recordsToDocs({ bodies, meetings, agendaItems, frameworks, targets, sources });
}
