import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, nextDay, type IcsEvent } from '../../shared/calendar/ics';
import { meetingEvent } from '../../shared/calendar/meeting-event';
import { monthGrid, meetingsOnDay, meetingsWithoutDays, shiftMonth } from '../../shared/calendar/month';
import { Meeting } from '../../shared/model';

/**
 * A small strict RFC 5545 reader: checks CRLF endings, the 75-octet limit, unfolds, parses
 * properties with parameters and unescapes TEXT, and checks BEGIN/END nesting.
 */
interface Component {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: Component[];
}

function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), 'bare line break').toBe(false);
    expect(new TextEncoder().encode(line).length, `line over 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    if (!match) throw new Error(`malformed content line: ${line}`);
    const [, name, paramText, raw] = match;
    const params = Object.fromEntries(paramText!.split(';').filter(Boolean).map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      const child: Component = { name: raw!, props: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(raw);
    } else {
      if (/(^|[^\\])(\\\\)*[,;]/.test(raw!) && ['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(name!)) throw new Error(`unescaped , or ; in ${name}`);
      const value = raw!.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
      stack.at(-1)!.props.push({ name: name!, params, value });
    }
  }
  expect(stack).toHaveLength(1);
  return stack[0]!.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const now = new Date(Date.UTC(2025, 6, 1, 8, 30, 0));

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({ uid: 'asoen-36@test', start: '2025-07-28', endExclusive: '2025-08-01', summary: 'ASOEN-36', ...over });

describe('ICS builder (RFC 5545)', () => {
  it('writes a valid calendar with the required properties', () => {
    const cal = parseIcs(buildCalendar([event()], { now }));
    expect(cal.name).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')?.value).toMatch(/ASEAN Delegate Briefing/);
    const [vevent] = cal.children;
    expect(vevent!.name).toBe('VEVENT');
    expect(prop(vevent!, 'UID')?.value).toBe('asoen-36@test');
    expect(prop(vevent!, 'DTSTAMP')?.value).toBe('20250701T083000Z');
    expect(prop(vevent!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20250728' });
    // DTEND of an all-day event is exclusive: 28-31 July ends on 1 August.
    expect(prop(vevent!, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20250801' });
  });

  it('escapes commas, semicolons, backslashes and newlines, and reads back the same text', () => {
    const summary = 'ASOEN-36; Langkawi, Kedah \\ MY\nDay 1';
    expect(escapeText(summary)).toBe('ASOEN-36\\; Langkawi\\, Kedah \\\\ MY\\nDay 1');
    const cal = parseIcs(buildCalendar([event({ summary, location: 'Langkawi, Kedah, Malaysia', description: 'a;b,c\r\nd' })], { now }));
    const vevent = cal.children[0]!;
    expect(prop(vevent, 'SUMMARY')?.value).toBe(summary);
    expect(prop(vevent, 'LOCATION')?.value).toBe('Langkawi, Kedah, Malaysia');
    expect(prop(vevent, 'DESCRIPTION')?.value).toBe('a;b,c\nd');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = 'Mesyuarat Pegawai-Pegawai Kanan Alam Sekitar ASEAN ke-36 di Hà Nội — Đà Nẵng '.repeat(4);
    const folded = foldLine(`SUMMARY:${long}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    const cal = parseIcs(buildCalendar([event({ summary: long })], { now }));
    expect(prop(cal.children[0]!, 'SUMMARY')?.value).toBe(long);
  });

  it('leaves short lines alone and ends every line with CRLF', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    const text = buildCalendar([], { now });
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
  });

  it('counts days across month and year ends', () => {
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});

describe('meetings as events', () => {
  const words = {
    title: 'ADSOM 2025',
    monthOnly: (m: string) => `Only the month is known (${m}).`,
    yearOnly: (y: string) => `Only the year is known (${y}).`,
    bodiesLabel: (l: string) => `Bodies: ${l}`,
    bodies: 'ADSOM',
  };
  const meeting = (over: Record<string, unknown>) =>
    Meeting.parse({ id: 'adsom-2025', code: 'ADSOM 2025', bodyIds: ['adsom'], title: { en: 'ADSOM 2025' }, startDate: '2025-09', status: 'planned', sources: [{ sourceId: 's', quote: 'q' }], ...over });

  it('spans a month-only meeting over the whole month and says so', () => {
    const e = meetingEvent(meeting({}), words);
    expect([e.start, e.endExclusive]).toEqual(['2025-09-01', '2025-10-01']);
    expect(e.description).toContain('Only the month is known (2025-09).');
    expect(e.status).toBe('TENTATIVE');
    expect(e.uid).toBe('adsom-2025@asean-delegate-briefing.app');
  });

  it('gives a day-precise meeting its days and no month note', () => {
    const e = meetingEvent(meeting({ startDate: '2025-07-28', endDate: '2025-07-31', status: 'held' }), words);
    expect([e.start, e.endExclusive]).toEqual(['2025-07-28', '2025-08-01']);
    expect(e.description).not.toContain('month');
    expect(e.status).toBe('CONFIRMED');
  });

  it('handles a year-only meeting', () => {
    const e = meetingEvent(meeting({ startDate: '2024' }), words);
    expect([e.start, e.endExclusive]).toEqual(['2024-01-01', '2025-01-01']);
    expect(e.description).toContain('Only the year is known (2024).');
  });
});

describe('month grid', () => {
  it('covers whole weeks from Monday', () => {
    const weeks = monthGrid('2025-07');
    expect(weeks[0]![0]!.date).toBe('2025-06-30');
    expect(weeks.at(-1)![6]!.date).toBe('2025-08-03');
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('places day-precise meetings on days and the rest under the month', () => {
    const precise = { id: 'a', startDate: '2025-07-28', endDate: '2025-07-31', from: '2025-07-28', until: '2025-07-31' };
    const vague = { id: 'b', startDate: '2025-07', endDate: '2025-07', from: '2025-07-01', until: '2025-07-31' };
    expect(meetingsOnDay([precise, vague], '2025-07-30').map((m) => m.id)).toEqual(['a']);
    expect(meetingsOnDay([precise, vague], '2025-07-27')).toEqual([]);
    expect(meetingsWithoutDays([precise, vague], '2025-07').map((m) => m.id)).toEqual(['b']);
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
  });
});
