import type { AgendaItem, Meeting, PartialDate } from '../model';

export interface ProgrammeDay<T extends AgendaItem = AgendaItem> {
  /** 1-based day, or undefined for items whose day the source does not give. */
  day: number | undefined;
  date?: PartialDate;
  items: T[];
}

/**
 * Arranges a meeting's agenda items day by day, each day in order, with the days of
 * the meeting that have no items kept (so a four-day meeting shows four days) and the
 * items without a day last.
 */
export function groupProgramme<T extends AgendaItem>(meeting: Pick<Meeting, 'days'>, items: readonly T[]): ProgrammeDay<T>[] {
  const byDay = new Map<number | undefined, T[]>();
  for (const day of meeting.days) byDay.set(day.day, []);
  for (const item of items) {
    const list = byDay.get(item.day) ?? [];
    list.push(item);
    byDay.set(item.day, list);
  }
  const dates = new Map(meeting.days.map((d) => [d.day, d.date]));
  const days = [...byDay.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return days.map((day) => ({
    day,
    date: day === undefined ? undefined : dates.get(day),
    items: byDay.get(day)!.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
  }));
}
