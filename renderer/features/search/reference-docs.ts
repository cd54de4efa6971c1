import { recordsToDocs, type SearchDoc } from '../../../shared/search';
import type { DelegateDatabase } from '../../db/db';

/** Every reference record of the database as search documents (runs inside the worker). */
export async function loadReferenceDocs(database: DelegateDatabase): Promise<SearchDoc[]> {
  const [bodies, meetings, agendaItems, frameworks, targets, sources] = await Promise.all([
    database.bodies.toArray(),
    database.meetings.toArray(),
    database.agendaItems.toArray(),
    database.frameworks.toArray(),
    database.targets.toArray(),
    database.sources.toArray(),
  ]);
  return recordsToDocs({ bodies, meetings, agendaItems, frameworks, targets, sources });
}
