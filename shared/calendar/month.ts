/** Month arithmetic and the month grid of the calendar view (ISO dates, weeks from Monday). */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

export interface GridDay {
  date: string;
  inMonth: boolean;
}

/** Whole weeks (Monday first) covering the month; days of the neighbouring months are flagged. */
export function monthGrid(month: string): GridDay[][] {
  const { first, last } = monthBounds(month);
  const [y, m] = month.split('-').map(Number);
  const firstDate = new Date(Date.UTC(y!, m! - 1, 1));
  const offset = (firstDate.getUTCDay() + 6) % 7;
  const weeks: GridDay[][] = [];
  let cursor = new Date(Date.UTC(y!, m! - 1, 1 - offset));
  while (true) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      const date = cursor.toISOString().slice(0, 10);
      week.push({ date, inMonth: date >= first && date <= last });
      cursor = new Date(cursor.getTime() + 86_400_000);
    }
    weeks.push(week);
    if (cursor.toISOString().slice(0, 10) > last) break;
  }
  return weeks;
}

export interface DatedMeeting {
  id: string;
  startDate: string;
  endDate?: string;
  from: string;
  until: string;
}

/** Whether the source gives the meeting's days (not just a month or a year). */
export function hasExactDays(meeting: DatedMeeting): boolean {
  return meeting.startDate.length === 10 && (meeting.endDate === undefined || meeting.endDate.length === 10);
}

/** Day-precise meetings on a day. */
export function meetingsOnDay<T extends DatedMeeting>(meetings: readonly T[], day: string): T[] {
  return meetings.filter((m) => hasExactDays(m) && m.from <= day && m.until >= day);
}

/** Meetings overlapping the month whose days are not known: listed for the month, not on a day. */
export function meetingsWithoutDays<T extends DatedMeeting>(meetings: readonly T[], month: string): T[] {
  const { first, last } = monthBounds(month);
  return meetings.filter((m) => !hasExactDays(m) && m.from <= last && m.until >= first);
}
