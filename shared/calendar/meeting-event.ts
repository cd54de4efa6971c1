import { partialDateEnd, partialDateStart, type Meeting } from '../model';
import { nextDay, type IcsEvent } from './ics';

/** Words of the export in the delegate's language (the builder stays free of the catalog). */
export interface MeetingEventWords {
  /** Title, venue and bodies as shown in the app. */
  title: string;
  location?: string;
  bodies?: string;
  /** Said in DESCRIPTION when the source gives only the month or the year. */
  monthOnly: (month: string) => string;
  yearOnly: (year: string) => string;
  bodiesLabel: (list: string) => string;
  description?: string;
}

const STATUS: Record<Meeting['status'], IcsEvent['status']> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  'in-progress': 'CONFIRMED',
  held: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
};

export const UID_DOMAIN = 'asean-delegate-briefing.app';

/**
 * A meeting as an all-day event over the days it may fall on. A date known only to the month
 * ("ADSOM 2025 in September") spans the whole month and says so, rather than pretending to a day.
 */
export function meetingEvent(meeting: Meeting, words: MeetingEventWords): IcsEvent {
  const start = partialDateStart(meeting.startDate);
  const last = partialDateEnd(meeting.endDate ?? meeting.startDate);
  const notes: string[] = [];
  const precision = Math.min(meeting.startDate.length, (meeting.endDate ?? meeting.startDate).length);
  if (precision === 7) notes.push(words.monthOnly(meeting.startDate));
  if (precision === 4) notes.push(words.yearOnly(meeting.startDate.slice(0, 4)));
  if (words.bodies) notes.push(words.bodiesLabel(words.bodies));
  if (words.description) notes.push(words.description);
  const event: IcsEvent = {
    uid: `${meeting.id}@${UID_DOMAIN}`,
    start,
    endExclusive: nextDay(last),
    summary: `${meeting.code}: ${words.title}`,
    status: STATUS[meeting.status],
  };
  if (words.location) event.location = words.location;
  if (notes.length) event.description = notes.join('\n\n');
  return event;
}
