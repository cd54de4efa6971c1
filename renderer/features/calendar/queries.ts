import { isoToday } from '../../../shared/model';
import { monthBounds } from '../../../shared/calendar/month';
import { db } from '../../db/db';
import type { StoredMeeting } from '../../db/schema';

export interface CalendarFilter {
  body?: string;
  country?: string;
  /** Only meetings with a briefing. */
  mine?: boolean;
}

/** A meeting longer than a year does not exist; bounding the index range keeps 100k rows cheap. */
const LONGEST_DAYS = 366;

function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - days)).toISOString().slice(0, 10);
}

export function matches(meeting: StoredMeeting, filter: CalendarFilter, mine: ReadonlySet<string>): boolean {
  if (filter.body && !meeting.bodyIds.includes(filter.body)) return false;
  if (filter.country && meeting.country !== filter.country) return false;
  if (filter.mine && !mine.has(meeting.id)) return false;
  return true;
}

/** Meetings overlapping a month, by start date. */
export async function meetingsInMonth(month: string, filter: CalendarFilter, mine: ReadonlySet<string>): Promise<StoredMeeting[]> {
  const { first, last } = monthBounds(month);
  const rows = await db.meetings.where('from').between(daysBefore(first, LONGEST_DAYS), last, true, true).toArray();
  return rows.filter((m) => m.until >= first && matches(m, filter, mine)).sort((a, b) => a.from.localeCompare(b.from) || a.code.localeCompare(b.code));
}

/** Every meeting not yet over, for "export all upcoming". */
export async function upcomingMeetings(filter: CalendarFilter, mine: ReadonlySet<string>): Promise<StoredMeeting[]> {
  const rows = await db.meetings.where('until').aboveOrEqual(isoToday()).toArray();
  return rows.filter((m) => matches(m, filter, mine)).sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The nearest months with a meeting that passes the filter, before and after a month (to jump
 * over empty months). Walks the date indexes outwards and stops at the first match.
 */
export async function neighbourMonths(month: string, filter: CalendarFilter = {}, mine: ReadonlySet<string> = new Set()): Promise<{ before?: string; after?: string }> {
  const { first, last } = monthBounds(month);
  const keep = (m: StoredMeeting) => matches(m, filter, mine);
  const [before, after] = await Promise.all([
    db.meetings.where('until').below(first).reverse().filter(keep).first(),
    db.meetings.where('from').above(last).filter(keep).first(),
  ]);
  return { before: before?.until.slice(0, 7), after: after?.from.slice(0, 7) };
}
