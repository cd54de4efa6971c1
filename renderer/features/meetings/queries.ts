import { intersectOrdered, type MeetingFilter } from '../../../shared/browse/meeting-filter';
import { isoToday } from '../../../shared/model';
import { keyListOf, type KeyList } from '../../components/use-rows';
import type { DelegateDatabase } from '../../db/db';

/**
 * The meetings list's keys, paged as its rows are. Without a body, year or country filter the
 * order is one index's (start date, or the last day for upcoming and past), so the count comes
 * from the index and each page of keys is read with offset and limit: the first rows do not
 * wait for all 100k keys. With a filter the matching keys are intersected in full (meetingKeys).
 */
export async function meetingKeyList(database: DelegateDatabase, filter: MeetingFilter, today = isoToday()): Promise<KeyList> {
  if (filter.year || filter.body || filter.country) return keyListOf(await meetingKeys(database, filter, today));
  const table = database.meetings;
  const ordered = () =>
    filter.when === 'upcoming' ? table.where('until').aboveOrEqual(today) : filter.when === 'past' ? table.where('until').below(today).reverse() : table.orderBy('from');
  const count = await ordered().count();
  return { count, keys: async (from, to) => (await ordered().offset(from).limit(to - from).primaryKeys()) as string[] };
}

/**
 * The ids of the meetings that match a filter, in display order, from indexes alone:
 * upcoming meetings soonest first (by their last day, so a meeting under way comes first),
 * past meetings latest first, all meetings by start date.
 */
export async function meetingKeys(database: DelegateDatabase, filter: MeetingFilter, today = isoToday()): Promise<string[]> {
  const table = database.meetings;
  let ordered: string[];
  if (filter.when === 'upcoming') ordered = (await table.where('until').aboveOrEqual(today).primaryKeys()) as string[];
  else if (filter.when === 'past') ordered = ((await table.where('until').below(today).primaryKeys()) as string[]).reverse();
  else ordered = (await table.orderBy('from').primaryKeys()) as string[];

  const within: Set<string>[] = [];
  if (filter.year) {
    within.push(new Set((await table.where('from').between(`${filter.year}-01-01`, `${filter.year}-12-31`, true, true).primaryKeys()) as string[]));
  }
  if (filter.body) within.push(new Set((await table.where('bodyIds').equals(filter.body).primaryKeys()) as string[]));
  if (filter.country) within.push(new Set((await table.where('country').equals(filter.country).primaryKeys()) as string[]));
  return intersectOrdered(ordered, within);
}

/** Years that have meetings, newest first, read from the start-date index's ends. */
export async function meetingYears(database: DelegateDatabase): Promise<string[]> {
  const firstKey = (await database.meetings.orderBy('from').first())?.from;
  const lastKey = (await database.meetings.orderBy('from').last())?.from;
  if (!firstKey || !lastKey) return [];
  const years: string[] = [];
  for (let y = Number(lastKey.slice(0, 4)); y >= Number(firstKey.slice(0, 4)); y--) years.push(String(y));
  return years;
}

/** Countries that host meetings, from the country index without reading records. */
export async function meetingCountries(database: DelegateDatabase): Promise<string[]> {
  return (await database.meetings.orderBy('country').uniqueKeys()) as string[];
}
