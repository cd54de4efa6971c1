/**
 * An RFC 5545 calendar file builder, pure: CRLF line endings, lines folded at 75 octets
 * (UTF-8, never inside a character), TEXT values escaped, all-day events as DTSTART;VALUE=DATE
 * with an exclusive DTEND (so no VTIMEZONE is needed).
 */
export interface IcsEvent {
  /** Stable across exports, so a calendar updates the event instead of duplicating it. */
  uid: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Day after the last day, YYYY-MM-DD (RFC 5545 all-day DTEND is exclusive). */
  endExclusive: string;
  summary: string;
  description?: string;
  location?: string;
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  prodId?: string;
  calendarName?: string;
}

export const DEFAULT_PROD_ID = '-//ASEAN Delegate Briefing//Calendar export//EN';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line to at most 75 octets per line; continuation lines start with one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // The leading space of a continuation line counts towards its 75 octets.
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

export function formatDateTimeUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

export function buildCalendar(events: readonly IcsEvent[], options: IcsOptions): string {
  const stamp = formatDateTimeUtc(options.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.prodId ?? DEFAULT_PROD_ID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.start)}`,
      `DTEND;VALUE=DATE:${compactDate(event.endExclusive)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
