import type { AgendaItem, Body, Contact, Framework, Meeting, OutcomeTarget, Source } from '../model';
import type { DocText, SearchDoc } from './types';

/** Reference records as the index reads them (stored records carry more fields; these suffice). */
export interface ReferenceRecords {
  bodies: Body[];
  meetings: Meeting[];
  agendaItems: AgendaItem[];
  frameworks: Framework[];
  targets: OutcomeTarget[];
  sources: Source[];
  contacts: Contact[];
}

let regionNames: Intl.DisplayNames | undefined;

/** English country names, so "Malaysia" finds meetings held there (one formatter: building it is slow). */
function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

/** People named on a record (chairs, co-chairs, heads of delegation), as keywords: "Khaled Nordin" finds the meeting he chaired. */
function people(...roles: ({ person?: string } | undefined)[]): string[] {
  return defined(roles.map((r) => r?.person));
}

/** Names and titles in further languages (schema 2's otherNames / otherTitles). */
const otherTexts = (texts: { text: string }[] | undefined): string[] => (texts ?? []).map((t) => t.text);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "July 2025" for each month a date range touches, so "Julai 2025" or "Juli 2025" (through the
 * term list) and "2025" find the meetings of that month; partial dates give what they know.
 */
export function dateWords(start: string | undefined, end?: string): string | undefined {
  if (!start) return undefined;
  const words = new Set<string>();
  const [sy, sm] = start.split('-').map(Number);
  const [ey, em] = (end ?? start).split('-').map(Number);
  if (!sy) return undefined;
  words.add(String(sy));
  if (sm) {
    // At most a year of months: a multi-year framework period is named by its years.
    let y = sy;
    let m = sm;
    const lastY = ey && em ? ey : sy;
    const lastM = ey && em ? em : sm;
    for (let i = 0; i < 12 && (y < lastY || (y === lastY && m <= lastM)); i++) {
      words.add(`${MONTHS[m - 1]} ${y}`);
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
  }
  if (ey && ey !== sy) words.add(String(ey));
  return [...words].join(' ');
}

/**
 * A body's sector (stored as a slug, "environment") as the words a delegate reads in each
 * language ("Alam sekitar", "Lingkungan hidup"): it is shown as the reason a body matched.
 * Without names (a bench, a test) the slug itself is indexed.
 */
export type SectorNames = (sector: string) => DocText;

/** Raise when what a record's document holds changes: a saved index built from the old documents is then rebuilt. */
export const RECORD_DOCS_VERSION = 2;

export function bodyDoc(body: Body, sectorName: SectorNames = (sector) => sector): SearchDoc {
  return {
    kind: 'body',
    id: body.id,
    href: `/bodies/${body.id}`,
    acronyms: [body.acronym, ...body.aliases],
    title: body.name,
    glossary: true,
    keywords: defined<DocText>([body.sector === undefined ? undefined : sectorName(body.sector), ...body.dialogueFormats.map((f) => f.code), ...otherTexts(body.otherNames), ...people(body.chair, ...(body.chairHistory ?? []))]),
    text: defined<DocText>([body.description, body.chairRotation, ...body.focalPoints.map((f) => f.agency)]),
  };
}

export function meetingDoc(meeting: Meeting): SearchDoc {
  const venue = meeting.venue;
  return {
    kind: 'meeting',
    id: meeting.id,
    href: `/meetings/${meeting.id}`,
    acronyms: [meeting.code],
    title: meeting.title,
    date: meeting.startDate,
    keywords: defined<DocText>([
      venue?.name,
      venue?.city,
      venue?.state,
      venue ? countryName(venue.country) : undefined,
      meeting.host?.agency,
      dateWords(meeting.startDate, meeting.endDate),
      ...otherTexts(meeting.otherTitles),
      ...people(meeting.chair, ...meeting.coChairs, ...(meeting.headsOfDelegation ?? [])),
    ]),
    text: defined<DocText>([meeting.description, meeting.theme, ...meeting.days.map((d) => d.label), ...(meeting.outcomeDocuments ?? []).map((d) => d.title)]),
  };
}

export function agendaItemDoc(item: AgendaItem): SearchDoc {
  return {
    kind: 'agendaItem',
    id: item.id,
    href: `/meetings/${item.meetingId}`,
    title: item.title,
    keywords: [...item.partners, ...people(item.chair)],
    text: defined<DocText>([item.description]),
  };
}

export function frameworkDoc(framework: Framework): SearchDoc {
  return {
    kind: 'framework',
    id: framework.id,
    href: `/frameworks/${framework.id}`,
    title: framework.title,
    date: framework.periodStart,
    text: defined<DocText>([framework.description]),
  };
}

export function targetDoc(target: OutcomeTarget): SearchDoc {
  return {
    kind: 'target',
    id: target.id,
    href: `/targets/${target.id}`,
    title: target.text,
    text: defined<DocText>([target.progress.note]),
  };
}

export function sourceDoc(source: Source): SearchDoc {
  return {
    kind: 'source',
    id: source.id,
    href: `/sources/${source.id}`,
    title: source.title,
    date: source.date,
    keywords: defined<DocText>([source.publisher, source.referenceNumber, dateWords(source.date)]),
    text: defined<DocText>([source.excerpt]),
  };
}

/** A contact (record schema 4): found by name, e-mail, title, organisation and delegation ("Malaysia"). */
export function contactDoc(contact: Contact): SearchDoc {
  return {
    kind: 'contact',
    id: contact.id,
    href: `/contacts/${contact.id}`,
    // A person's name is in no one language: a plain string, never marked as shown in English.
    title: contact.name,
    keywords: defined<DocText>([contact.email, countryName(contact.country), ...otherTexts(contact.otherTitles), ...otherTexts(contact.organisation.otherNames)]),
    text: defined<DocText>([contact.title, contact.organisation.name]),
  };
}

/** Every reference record as a search document. */
export function recordsToDocs(records: Partial<ReferenceRecords>, names: { sector?: SectorNames } = {}): SearchDoc[] {
  return [
    ...(records.bodies ?? []).map((body) => bodyDoc(body, names.sector)),
    ...(records.meetings ?? []).map(meetingDoc),
    ...(records.agendaItems ?? []).map(agendaItemDoc),
    ...(records.frameworks ?? []).map(frameworkDoc),
    ...(records.targets ?? []).map(targetDoc),
    ...(records.sources ?? []).map(sourceDoc),
    ...(records.contacts ?? []).map(contactDoc),
  ];
}
