import type { DelegateDatabase } from '../../db/db';
import { db } from '../../db/db';

/**
 * Ids of meetings the delegate has a briefing for ("my meetings"). The briefings table
 * (indexed by meetingId) arrives with the briefings feature; until the database has it, there
 * are none. Injectable so tests and the calendar can pass their own.
 */
export async function meetingIdsWithBriefings(database: DelegateDatabase = db): Promise<string[]> {
  if (!database.tables.some((t) => t.name === 'briefings')) return [];
  const keys = await database.table('briefings').orderBy('meetingId').uniqueKeys();
  return keys.filter((k): k is string => typeof k === 'string');
}
