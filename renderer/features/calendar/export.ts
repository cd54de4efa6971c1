import { pickText, type Language } from '../../../shared/model';
import { buildCalendar } from '../../../shared/calendar/ics';
import { meetingEvent } from '../../../shared/calendar/meeting-event';
import type { StoredBody, StoredMeeting } from '../../db/schema';
import { countryName, formatPartialDate } from '../../i18n/format';
import { translate } from '../../i18n/translate';

/** An ICS file of meetings, worded in the interface language. */
export function meetingsIcs(meetings: readonly StoredMeeting[], bodies: ReadonlyMap<string, StoredBody>, lang: Language, now = new Date()): string {
  const events = meetings.map((meeting) => {
    const venue = meeting.venue;
    const location = venue ? [venue.name, venue.city, venue.state, countryName(venue.country, lang)].filter(Boolean).join(', ') : undefined;
    const bodyList = meeting.bodyIds.map((id) => bodies.get(id)?.acronym ?? id).join(', ');
    return meetingEvent(meeting, {
      title: pickText(meeting.title, lang).text,
      location,
      bodies: bodyList,
      description: meeting.description ? pickText(meeting.description, lang).text : undefined,
      monthOnly: (month) => translate(lang, 'calendar.ics.monthOnly', { month: formatPartialDate(month, lang) }),
      yearOnly: (year) => translate(lang, 'calendar.ics.yearOnly', { year }),
      bodiesLabel: (list) => translate(lang, 'calendar.ics.bodies', { list }),
    });
  });
  return buildCalendar(events, { now, calendarName: translate(lang, 'app.name') });
}
