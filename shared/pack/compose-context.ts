import type { Briefing, Section } from '../briefing/model';
import type { AgendaItem, Body, Citation, Contact, Framework, LocalizedText, Meeting, OutcomeTarget, Source } from '../model';
import { pickText } from '../model/text';
import type { PackFormat, PackLabel } from './labels';
import type { PackBlock, PackCertainty, PackChapter, PackCover, PackOptions, PackProfile, PackRow } from './model';
import { splitMarkdown } from './split-markdown';
import { fitColumns } from './table-columns';

/*
 * What every part composer shares: the input, the options, the pack language's labels and
 * formatters, lookups by id, the source numbering, and small block builders. The profile is
 * applied here, once, when the context is made (applyProfile): no part composer ever sees a
 * private note, a red line or fallback wording in a shareable pack.
 */

export interface PackInput {
  briefing: Briefing;
  sections: readonly Section[];
  meeting: Meeting;
  previousMeeting?: Meeting;
  agendaItems: readonly AgendaItem[];
  /** Every body of the dataset (the org chart and reporting lines need the parents too). */
  bodies: readonly Body[];
  targets: readonly OutcomeTarget[];
  frameworks: readonly Framework[];
  sources: readonly Source[];
  /**
   * The meeting's agenda items of a layer that refer to records their base dataset no longer has
   * (renderer/datasets/layers/reference-flags.ts), by item id, with the ids they name: the
   * programme marks them, as the meeting page does.
   */
  flaggedItems?: ReadonlyMap<string, readonly string[]>;
  /** The datasets' contacts of the briefing's delegation (record schema 4), for the annex; none when absent. */
  contacts?: readonly Contact[];
}

/** The fields only the internal profile prints. */
export const INTERNAL_ONLY_FIELDS = ['redLines', 'fallback', 'privateNotes'] as const;

/** Sections as a profile may print them: a shareable pack's sections have no internal-only text at all. */
export function applyProfile(sections: readonly Section[], profile: PackProfile): Section[] {
  if (profile === 'internal') return [...sections];
  return sections.map((s) => ({ ...s, redLines: '', fallback: '', privateNotes: '' }));
}

/** True when the delegation has written nothing for the section (as the profile prints it); the background is pre-filled from the dataset, so it does not count. */
export function isEmptySection(s: Section): boolean {
  const blank = (v: string) => v.trim() === '';
  return (
    blank(s.objectives) && blank(s.position) && blank(s.redLines) && blank(s.fallback) && blank(s.privateNotes) &&
    s.talkingPoints.every((p) => blank(p.text)) && s.followUps.every((f) => blank(f.what)) && s.targets.every((a) => !a.assessment && blank(a.evidence))
  );
}

/**
 * Numbers sources in the order the pack first cites them; a list of numbers is in ascending
 * order ("[1, 2]"). When the sources part is not printed nothing is cited: a "[1]" would point
 * at a list the pack does not have.
 */
export class SourceNumbers {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly known: ReadonlyMap<string, Source>,
    readonly printed: boolean,
  ) {}
  cite(citations: readonly Pick<Citation, 'sourceId'>[]): number[] {
    const out: number[] = [];
    if (!this.printed) return out;
    for (const { sourceId } of citations) {
      if (!this.known.has(sourceId)) continue;
      let n = this.numbers.get(sourceId);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(sourceId, n);
      }
      if (!out.includes(n)) out.push(n);
    }
    return out.sort((a, b) => a - b);
  }
  list(): [string, number][] {
    return [...this.numbers];
  }
}

/** A table's column: its label, its relative width, and whether it holds delegate-written markdown. */
export type Column = readonly [label: PackLabel, width: number, kind?: 'markdown'];

export interface PackContext {
  input: PackInput;
  options: PackOptions;
  format: PackFormat;
  t: PackFormat['t'];
  parts: ReadonlySet<string>;
  /** The sections the pack prints, in programme order, with the profile applied. */
  sections: readonly Section[];
  sectionByItem: ReadonlyMap<string, Section>;
  /** The number of each section's agenda item in the programme ("Brief 3"), by agenda item id. */
  itemNumber: ReadonlyMap<string, number>;
  bodyById: ReadonlyMap<string, Body>;
  itemById: ReadonlyMap<string, AgendaItem>;
  targetById: ReadonlyMap<string, OutcomeTarget>;
  frameworkById: ReadonlyMap<string, Framework>;
  sourceById: ReadonlyMap<string, Source>;
  numbers: SourceNumbers;
  cover: PackCover;
  /** Dataset text in the pack's language (else the language the dataset has). */
  text: (value: LocalizedText | undefined) => string;
  acronyms: (bodyIds: readonly string[]) => string;
  bodyLine: (bodyId: string) => string;
  dayLabel: (day: number | undefined) => string;
  itemTitle: (section: Section) => string;
  heading: (label: PackLabel, level?: 2 | 3) => PackBlock;
  muted: (label: PackLabel) => PackBlock;
  table: (columns: readonly Column[], rows: PackRow[]) => PackBlock;
  /** The table, or the line saying there is nothing to list. */
  tableOr: (none: PackLabel, columns: readonly Column[], rows: PackRow[]) => PackBlock;
  markdown: (text: string, extra?: { tone?: 'private' | 'restricted'; cites?: number[] }) => PackBlock[];
}

/** A part of the pack: what it adds, given the context and the chapters composed before it. */
export type PartComposer = (ctx: PackContext, composed: readonly PackChapter[]) => PackChapter[];

export function createContext(input: PackInput, options: PackOptions, format: PackFormat): PackContext {
  const { meeting, briefing } = input;
  const { t } = format;
  const lang = options.language;
  const text = (value: LocalizedText | undefined) => (value ? pickText(value, lang).text : '');
  const parts = new Set<string>(options.parts);
  const sourceById = new Map(input.sources.map((s) => [s.id, s]));
  const bodyById = new Map(input.bodies.map((b) => [b.id, b]));
  const itemById = new Map(input.agendaItems.map((i) => [i.id, i]));
  const picked = options.items ? new Set(options.items) : undefined;
  const ordered = [...input.sections].sort((a, b) => a.order - b.order);
  const sections = applyProfile(
    ordered.filter((s) => !picked || picked.has(s.agendaItemId)),
    options.profile,
  );
  const dayLabel = (day: number | undefined) => {
    if (day === undefined) return t('programme.undated');
    const date = meeting.days.find((d) => d.day === day)?.date;
    return date ? t('programme.dayDated', { day, date: format.date(date) }) : t('programme.day', { day });
  };
  const table = (columns: readonly Column[], rows: PackRow[]): PackBlock => {
    const labels = columns.map(([label]) => t(label));
    const widths = fitColumns(
      columns.map(([, width]) => width),
      columns.map((_, i) => rows.map((r) => r.cells[i] ?? '')),
      labels,
    );
    return { kind: 'table', columns: columns.map(([, , kind], i) => ({ label: labels[i]!, width: widths[i]!, ...(kind === 'markdown' ? { markdown: true } : {}) })), rows };
  };
  const muted = (label: PackLabel): PackBlock => ({ kind: 'text', text: t(label), tone: 'muted' });
  const venue = meeting.venue ? [meeting.venue.name, meeting.venue.city, meeting.venue.state, format.country(meeting.venue.country)].filter(Boolean).join(', ') : '';
  const cover: PackCover = {
    title: text(meeting.title),
    meetingCode: meeting.code,
    number: meeting.number ? t('cover.meetingNumber', { number: meeting.number }) : '',
    dates: format.dateRange(meeting.startDate, meeting.endDate),
    venue,
    delegation: format.country(briefing.delegation),
    author: briefing.author,
    marking: briefing.classification,
    // The last change to the brief or any of its sections (a section can change on its own, as a dataset update flags it).
    version: format.dateTime([briefing.updatedAt, ...input.sections.map((s) => s.updatedAt)].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))),
    printed: format.dateTime(options.printedAt),
    profile: t(`profile.${options.profile}`),
    briefTitle: briefing.title,
    clearance: clearanceNote(options, format, t),
  };
  return {
    input,
    options,
    format,
    t,
    parts,
    sections,
    sectionByItem: new Map(sections.map((s) => [s.agendaItemId, s])),
    // Numbered in the whole programme, so "Brief 5" is the fifth item whether or not all are printed.
    itemNumber: new Map(ordered.map((s, i) => [s.agendaItemId, i + 1])),
    bodyById,
    itemById,
    targetById: new Map(input.targets.map((x) => [x.id, x])),
    frameworkById: new Map(input.frameworks.map((f) => [f.id, f])),
    sourceById,
    numbers: new SourceNumbers(sourceById, parts.has('sources')),
    cover,
    text,
    acronyms: (ids) => ids.map((id) => bodyById.get(id)?.acronym ?? id).join(', '),
    bodyLine: (id) => {
      const body = bodyById.get(id);
      return body ? `${body.acronym} — ${text(body.name)}` : id;
    },
    dayLabel,
    itemTitle: (section) => {
      const item = itemById.get(section.agendaItemId);
      return item ? text(item.title) : section.agendaTitle;
    },
    heading: (label, level = 3) => ({ kind: 'heading', level, text: t(label) }),
    muted,
    table,
    tableOr: (none, columns, rows) => (rows.length === 0 ? muted(none) : table(columns, rows)),
    markdown: (value, extra = {}) => {
      const pieces = splitMarkdown(value);
      return pieces.map((piece, i) => ({
        kind: 'markdown',
        text: piece,
        ...(extra.tone ? { tone: extra.tone } : {}),
        ...(extra.cites && extra.cites.length > 0 && i === pieces.length - 1 ? { cites: extra.cites } : {}),
      }));
    },
  };
}

function certaintyTexts(certainty: PackCertainty | undefined): string[] {
  return certainty ? [certainty.mark, ...(certainty.detail ? [certainty.detail] : [])] : [];
}

/** The words of a block, for the glossary and for tests that look for what a pack contains. */
export function blockTexts(block: PackBlock): string[] {
  switch (block.kind) {
    case 'markdown':
      return [block.text];
    case 'heading':
    case 'text':
      return [block.text, ...certaintyTexts(block.certainty)];
    case 'field':
      return [block.label, block.value, ...certaintyTexts(block.certainty)];
    case 'table':
      return [...block.columns.map((c) => c.label), ...block.rows.flatMap((r) => [...r.cells, ...certaintyTexts(r.certainty)])];
    case 'certainty-legend':
      return [block.title, ...block.entries.flatMap((e) => [e.mark, e.meaning]), block.unmarked];
    case 'org-chart':
      return [];
  }
}

/** The cover's line about clearance: which version is printed, cleared by whom and when, with the start of its fingerprint. */
function clearanceNote(options: PackOptions, format: PackFormat, t: PackContext['t']): string {
  const c = options.clearance;
  if (!c) return '';
  const vars = { name: c.clearedBy, date: format.dateTime(c.clearedAt), hash: c.hash.slice(0, 12) };
  return c.printed === 'cleared' ? t('cover.cleared', vars) : t('cover.uncleared', vars);
}
