import type { Briefing, Section } from '../briefing/model';
import { groupProgramme } from '../browse/programme';
import type { AgendaItem, Body, Citation, Framework, Language, LocalizedText, Meeting, OutcomeTarget, Source } from '../model';
import { pickText } from '../model/text';
import { buildPackGlossary, collectAcronymDefinitions } from './glossary';
import type { PackBlock, PackChapter, PackCover, PackDocument, PackOptions, PackRow, PackSource } from './model';
import { orgChartBodyIds } from './org-chart';
import { splitMarkdown } from './split-markdown';

/*
 * Builds the pack document from a briefing and the dataset. Pure: everything it needs comes in
 * (records, options, the labels and formatters of the chosen language) and the same input
 * always gives the same pack. The profile is applied here and only here: a shareable pack never
 * receives private notes, red lines or fallback wording, so no later step can print them.
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
}

/** Label keys of the pack; the renderer maps each to its `packs.*` message. */
export const PACK_LABELS = [
  'cover.meetingNumber',
  'cover.delegation',
  'cover.dates',
  'cover.venue',
  'cover.marking',
  'cover.version',
  'cover.printed',
  'cover.profile',
  'profile.internal',
  'profile.shareable',
  'part.overview',
  'part.programme',
  'part.briefs',
  'part.targets',
  'part.coverage',
  'part.annex',
  'part.glossary',
  'part.sources',
  'brief.title',
  'daySheet.title',
  'overview.title',
  'overview.body',
  'overview.reportsTo',
  'overview.chair',
  'overview.host',
  'overview.participants',
  'overview.observers',
  'overview.previous',
  'overview.previousOutcomes',
  'overview.description',
  'overview.keyMessages',
  'programme.day',
  'programme.dayDated',
  'programme.undated',
  'programme.empty',
  'brief.when',
  'brief.bodies',
  'brief.objectives',
  'brief.position',
  'brief.redLines',
  'brief.fallback',
  'brief.talkingPoints',
  'brief.background',
  'brief.targets',
  'brief.followUps',
  'brief.privateNotes',
  'brief.privateMarker',
  'brief.nothing',
  'brief.detached',
  'col.code',
  'col.target',
  'col.framework',
  'col.status',
  'col.assessment',
  'col.evidence',
  'col.what',
  'col.owner',
  'col.due',
  'col.member',
  'col.role',
  'col.sessions',
  'col.session',
  'col.day',
  'col.name',
  'col.phone',
  'col.email',
  'col.body',
  'col.country',
  'col.agency',
  'col.term',
  'col.expansion',
  'col.source',
  'col.number',
  'targets.none',
  'coverage.none',
  'coverage.uncovered',
  'coverage.bilaterals',
  'coverage.logistics',
  'daySheet.none',
  'daySheet.seePage',
  'annex.orgChart',
  'annex.contacts',
  'annex.focalPoints',
  'annex.noContacts',
  'glossary.none',
  'sources.none',
  'status.not-reported',
  'status.not-started',
  'status.in-progress',
  'status.achieved',
  'status.superseded',
  'assessment.not-started',
  'assessment.on-track',
  'assessment.at-risk',
  'assessment.achieved',
  'assessment.none',
] as const;
export type PackLabel = (typeof PACK_LABELS)[number];

/** The language-dependent helpers compose uses: labels and formatting of countries and dates. */
export interface PackFormat {
  t: (key: PackLabel, vars?: Record<string, string | number>) => string;
  country: (code: string) => string;
  date: (partialDate: string) => string;
  dateRange: (start: string, end?: string) => string;
  dateTime: (iso: string) => string;
  /** A language's name, for a glossary expansion the dataset has only in another language. */
  language: (code: Language) => string;
}

/**
 * Numbers sources in the order the pack first cites them; a list of numbers is in ascending
 * order ("[1, 2]"). When the sources part is not printed nothing is cited: a "[1]" would point
 * at a list the pack does not have.
 */
class SourceNumbers {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly known: ReadonlyMap<string, Source>,
    private readonly printed: boolean,
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

/** A markdown field as page-breakable pieces; the sources it cites are marked after its last piece. */
function markdownBlocks(text: string, extra: { tone?: 'private' | 'restricted'; cites?: number[] } = {}): PackBlock[] {
  const pieces = splitMarkdown(text);
  return pieces.map((piece, i) => ({
    kind: 'markdown',
    text: piece,
    ...(extra.tone ? { tone: extra.tone } : {}),
    ...(extra.cites && extra.cites.length > 0 && i === pieces.length - 1 ? { cites: extra.cites } : {}),
  }));
}

/** The words of a block, for the glossary and for tests that look for what a pack contains. */
export function blockTexts(block: PackBlock): string[] {
  switch (block.kind) {
    case 'heading':
    case 'markdown':
    case 'text':
      return [block.text];
    case 'field':
      return [block.label, block.value];
    case 'table':
      return [...block.columns.map((c) => c.label), ...block.rows.flatMap((r) => r.cells)];
    case 'org-chart':
      return [];
  }
}

/** Bodies concerned by the meeting: its own, those of its agenda items, and every body they report to. */
export function bodiesConcerned(meeting: Meeting, items: readonly AgendaItem[], bodies: readonly Body[]): { all: string[]; focus: string[] } {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const focus = [...new Set([...meeting.bodyIds, ...items.flatMap((i) => i.bodyIds)])].filter((id) => byId.has(id));
  const all = new Set<string>();
  const stack = [...focus];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (all.has(id)) continue;
    all.add(id);
    for (const parent of byId.get(id)?.reportsTo ?? []) if (byId.has(parent)) stack.push(parent);
  }
  return { all: [...all].sort(), focus };
}

/** A table's column: its label, its relative width, and whether it holds delegate-written markdown. */
type Column = readonly [label: PackLabel, width: number, kind?: 'markdown'];

export function composePack(input: PackInput, options: PackOptions, format: PackFormat): PackDocument {
  const { briefing, meeting } = input;
  const { t } = format;
  const lang = options.language;
  const text = (value: LocalizedText | undefined) => (value ? pickText(value, lang).text : '');
  const internal = options.profile === 'internal';
  const parts = new Set(options.parts);
  const sourceById = new Map(input.sources.map((s) => [s.id, s]));
  const bodyById = new Map(input.bodies.map((b) => [b.id, b]));
  const itemById = new Map(input.agendaItems.map((i) => [i.id, i]));
  const targetById = new Map(input.targets.map((x) => [x.id, x]));
  const frameworkById = new Map(input.frameworks.map((f) => [f.id, f]));
  const sections = [...input.sections].sort((a, b) => a.order - b.order);
  const sectionByItem = new Map(sections.map((s) => [s.agendaItemId, s]));
  const numbers = new SourceNumbers(sourceById, parts.has('sources'));
  const chapters: PackChapter[] = [];
  const acronyms = (ids: readonly string[]) => ids.map((id) => bodyById.get(id)?.acronym ?? id).join(', ');
  const bodyLine = (id: string) => {
    const body = bodyById.get(id);
    return body ? `${body.acronym} — ${text(body.name)}` : id;
  };
  const chair = (c: Meeting['chair']) => (c ? [c.person, c.country ? format.country(c.country) : undefined, c.title ? text(c.title) : undefined].filter(Boolean).join(', ') : '');
  const participants = (p: Meeting['participants']) =>
    p ? [p.countries.map(format.country).join(', '), p.organisations.join(', '), text(p.note)].filter(Boolean).join('. ') : '';
  const dayLabel = (day: number | undefined) => {
    if (day === undefined) return t('programme.undated');
    const date = meeting.days.find((d) => d.day === day)?.date;
    return date ? t('programme.dayDated', { day, date: format.date(date) }) : t('programme.day', { day });
  };
  const itemTitle = (section: Section) => {
    const item = itemById.get(section.agendaItemId);
    return item ? text(item.title) : section.agendaTitle;
  };
  const venue = meeting.venue ? [meeting.venue.name, meeting.venue.city, meeting.venue.state, format.country(meeting.venue.country)].filter(Boolean).join(', ') : '';
  const heading = (label: PackLabel, level: 2 | 3 = 3): PackBlock => ({ kind: 'heading', level, text: t(label) });
  const muted = (label: PackLabel): PackBlock => ({ kind: 'text', text: t(label), tone: 'muted' });
  const table = (columns: readonly Column[], rows: PackRow[]): PackBlock => ({
    kind: 'table',
    columns: columns.map(([label, width, kind]) => ({ label: t(label), width, ...(kind === 'markdown' ? { markdown: true } : {}) })),
    rows,
  });
  /** The table, or the line saying there is nothing to list. */
  const tableOr = (none: PackLabel, columns: readonly Column[], rows: PackRow[]): PackBlock => (rows.length === 0 ? muted(none) : table(columns, rows));

  if (parts.has('overview')) {
    const cites = numbers.cite(meeting.sources);
    // The title carries the meeting's sources, so they are numbered where they are first printed.
    const blocks: PackBlock[] = [{ kind: 'heading', level: 2, text: text(meeting.title), cites }];
    for (const id of meeting.bodyIds) {
      const body = bodyById.get(id);
      if (!body) continue;
      const bodyCites = numbers.cite(body.sources);
      blocks.push({ kind: 'field', label: t('overview.body'), value: bodyLine(id), cites: bodyCites });
      if (body.reportsTo.length > 0) blocks.push({ kind: 'field', label: t('overview.reportsTo'), value: body.reportsTo.map(bodyLine).join('; '), cites: bodyCites });
    }
    blocks.push({ kind: 'field', label: t('cover.dates'), value: format.dateRange(meeting.startDate, meeting.endDate), cites });
    if (venue) blocks.push({ kind: 'field', label: t('cover.venue'), value: venue, cites });
    const chairs = [meeting.chair, ...meeting.coChairs].filter((c) => c !== undefined).map(chair).filter(Boolean);
    if (chairs.length > 0) blocks.push({ kind: 'field', label: t('overview.chair'), value: chairs.join('; '), cites });
    if (meeting.host) blocks.push({ kind: 'field', label: t('overview.host'), value: [format.country(meeting.host.country), text(meeting.host.agency)].filter(Boolean).join(' — '), cites });
    if (meeting.participants) blocks.push({ kind: 'field', label: t('overview.participants'), value: participants(meeting.participants), cites });
    if (meeting.observers) blocks.push({ kind: 'field', label: t('overview.observers'), value: participants(meeting.observers), cites });
    if (meeting.description) blocks.push({ kind: 'field', label: t('overview.description'), value: text(meeting.description), cites });
    const previous = input.previousMeeting;
    if (previous) {
      blocks.push(heading('overview.previous'));
      const prevCites = numbers.cite(previous.sources);
      blocks.push({ kind: 'text', text: `${previous.code} — ${text(previous.title)}, ${format.dateRange(previous.startDate, previous.endDate)}`, cites: prevCites });
      if (previous.description) blocks.push({ kind: 'field', label: t('overview.previousOutcomes'), value: text(previous.description), cites: prevCites });
    }
    if (briefing.keyMessages.trim() !== '') {
      blocks.push(heading('overview.keyMessages'));
      blocks.push(...markdownBlocks(briefing.keyMessages));
    }
    chapters.push({ id: 'overview', title: t('part.overview'), level: 1, blocks });
  }

  if (parts.has('programme')) {
    const blocks: PackBlock[] = [];
    for (const day of groupProgramme(meeting, input.agendaItems)) {
      blocks.push({ kind: 'heading', level: 3, text: dayLabel(day.day) });
      const label = meeting.days.find((d) => d.day === day.day)?.label;
      if (label) blocks.push({ kind: 'text', text: text(label), tone: 'muted' });
      blocks.push(
        tableOr(
          'programme.empty',
          [
            ['col.session', 70],
            ['col.body', 30],
          ],
          day.items.map((item) => ({ cells: [text(item.title), acronyms(item.bodyIds)], cites: numbers.cite(item.sources) })),
        ),
      );
    }
    chapters.push({ id: 'programme', title: t('part.programme'), level: 1, blocks });
  }

  if (parts.has('briefs')) {
    let first = true;
    for (const section of sections) {
      const item = itemById.get(section.agendaItemId);
      const blocks: PackBlock[] = [];
      if (item) {
        const when = [dayLabel(item.day), item.bodyIds.length > 0 ? acronyms(item.bodyIds) : ''].filter(Boolean).join(' · ');
        blocks.push({ kind: 'text', text: when, tone: 'muted', cites: numbers.cite(item.sources) });
      } else blocks.push(muted('brief.detached'));
      const field = (label: PackLabel, value: string, tone?: 'private' | 'restricted') => {
        if (value.trim() === '') return;
        blocks.push(heading(label));
        blocks.push(...markdownBlocks(value, tone ? { tone } : {}));
      };
      field('brief.objectives', section.objectives);
      field('brief.position', section.position);
      if (internal) {
        field('brief.redLines', section.redLines, 'restricted');
        field('brief.fallback', section.fallback, 'restricted');
      }
      const points = section.talkingPoints.filter((p) => p.text.trim() !== '');
      if (points.length > 0) {
        blocks.push(heading('brief.talkingPoints'));
        points.forEach((p, i) => blocks.push({ kind: 'markdown', text: p.text, number: i + 1 }));
      }
      if (section.background.trim() !== '') {
        blocks.push(heading('brief.background'));
        blocks.push(...markdownBlocks(section.background, { cites: item ? numbers.cite(item.sources) : [] }));
      }
      const assessed = section.targets.filter((a) => targetById.has(a.targetId));
      if (assessed.length > 0) {
        blocks.push(
          heading('brief.targets'),
          table(
            [
              ['col.code', 8],
              ['col.target', 47],
              ['col.assessment', 17],
              ['col.evidence', 28, 'markdown'],
            ],
            assessed.map((a) => {
              const target = targetById.get(a.targetId)!;
              return { cells: [target.code, text(target.text), t(`assessment.${a.assessment ?? 'none'}`), a.evidence], cites: numbers.cite(target.sources) };
            }),
          ),
        );
      }
      const followUps = section.followUps.filter((f) => f.what.trim() !== '');
      if (followUps.length > 0) {
        blocks.push(
          heading('brief.followUps'),
          table(
            [
              ['col.what', 60, 'markdown'],
              ['col.owner', 22],
              ['col.due', 18],
            ],
            followUps.map((f) => ({ cells: [f.what, f.owner, f.due ? format.date(f.due) : ''] })),
          ),
        );
      }
      if (internal && section.privateNotes.trim() !== '') {
        blocks.push(heading('brief.privateNotes'));
        blocks.push(muted('brief.privateMarker'));
        blocks.push(...markdownBlocks(section.privateNotes, { tone: 'private' }));
      }
      if (blocks.length === 1) blocks.push(muted('brief.nothing'));
      chapters.push({ id: `brief-${section.agendaItemId}`, title: t('brief.title', { title: itemTitle(section) }), level: 2, ...(first ? { group: t('part.briefs') } : {}), blocks });
      first = false;
    }
  }

  if (parts.has('targets')) {
    const latest = new Map<string, Section['targets'][number]>();
    for (const section of sections)
      for (const a of section.targets) {
        const seen = latest.get(a.targetId);
        if (!seen || (a.assessment && (!seen.assessment || (a.assessedAt ?? '') > (seen.assessedAt ?? '')))) latest.set(a.targetId, a);
      }
    const rows: PackRow[] = [...latest.keys()]
      .map((id) => targetById.get(id))
      .filter((x): x is OutcomeTarget => x !== undefined)
      .sort((a, b) => a.frameworkId.localeCompare(b.frameworkId) || a.order - b.order)
      .map((target) => {
        const a = latest.get(target.id)!;
        const framework = frameworkById.get(target.frameworkId);
        return {
          cells: [target.code, text(target.text), framework ? text(framework.title) : target.frameworkId, t(`status.${target.progress.status}`), t(`assessment.${a.assessment ?? 'none'}`)],
          cites: numbers.cite([...target.sources, ...(framework?.sources ?? [])]),
        };
      });
    const blocks = [
      tableOr(
        'targets.none',
        [
          ['col.code', 7],
          ['col.target', 40],
          ['col.framework', 21],
          ['col.status', 15],
          ['col.assessment', 17],
        ],
        rows,
      ),
    ];
    chapters.push({ id: 'targets', title: t('part.targets'), level: 1, blocks });
  }

  if (parts.has('coverage')) {
    const members = briefing.members.filter((m) => m.name.trim() !== '');
    const blocks: PackBlock[] = [];
    if (members.length === 0) blocks.push(muted('coverage.none'));
    else {
      blocks.push(
        table(
          [
            ['col.member', 25],
            ['col.role', 20],
            ['col.sessions', 55],
          ],
          members.map((m) => ({ cells: [m.name, m.role, m.covers.map((id) => (itemById.get(id) ? text(itemById.get(id)!.title) : id)).join('; ')] })),
        ),
      );
      const covered = new Set(members.flatMap((m) => m.covers));
      const uncovered = sections.filter((s) => !covered.has(s.agendaItemId)).map(itemTitle);
      if (uncovered.length > 0) blocks.push({ kind: 'field', label: t('coverage.uncovered'), value: uncovered.join('; ') });
    }
    const bilaterals = briefing.bilaterals.filter((b) => b.counterpart.trim() !== '');
    if (bilaterals.length > 0) blocks.push(heading('coverage.bilaterals', 2));
    for (const bilateral of bilaterals) {
      blocks.push({ kind: 'heading', level: 3, text: bilateral.counterpart });
      blocks.push(...markdownBlocks(bilateral.objectives));
      bilateral.talkingPoints.filter((p) => p.text.trim() !== '').forEach((p, i) => blocks.push({ kind: 'markdown', text: p.text, number: i + 1 }));
    }
    if (briefing.logistics.trim() !== '') {
      blocks.push(heading('coverage.logistics', 2));
      blocks.push(...markdownBlocks(briefing.logistics));
    }
    chapters.push({ id: 'coverage', title: t('part.coverage'), level: 1, blocks });
    for (const member of members) {
      const sheet: PackBlock[] = [{ kind: 'text', text: [member.role, format.country(briefing.delegation)].filter(Boolean).join(' · '), tone: 'muted' }];
      const covers = new Set(member.covers);
      const mine = input.agendaItems.filter((i) => covers.has(i.id));
      if (mine.length === 0) sheet.push(muted('daySheet.none'));
      for (const day of groupProgramme(meeting, mine)) {
        if (day.items.length === 0) continue;
        sheet.push({ kind: 'heading', level: 3, text: dayLabel(day.day) });
        for (const item of day.items) {
          const section = sectionByItem.get(item.id);
          const briefed = section && parts.has('briefs') ? { chapterId: `brief-${item.id}`, label: t('daySheet.seePage') } : undefined;
          sheet.push({ kind: 'text', text: text(item.title), tone: 'lead', cites: numbers.cite(item.sources), ...(briefed ? { pageRef: briefed } : {}) });
          // The gist: the first paragraph or point of the objectives (else the position).
          const gist = section ? splitMarkdown(section.objectives || section.position)[0] : undefined;
          if (gist) sheet.push({ kind: 'markdown', text: gist });
        }
      }
      chapters.push({ id: `day-sheet-${member.id}`, title: t('daySheet.title', { name: member.name }), level: 2, blocks: sheet });
    }
  }

  if (parts.has('annex')) {
    const concerned = bodiesConcerned(meeting, input.agendaItems, input.bodies);
    // Every body the chart draws (with the subsidiaries) is listed, so its acronym reaches the glossary.
    const drawn = orgChartBodyIds(input.bodies, concerned.focus);
    const blocks: PackBlock[] = [heading('annex.orgChart'), { kind: 'org-chart', bodyIds: drawn, focusIds: concerned.focus }];
    blocks.push({ kind: 'text', text: acronyms(drawn), tone: 'muted', cites: numbers.cite(drawn.flatMap((id) => bodyById.get(id)!.sources)) });
    blocks.push(heading('annex.contacts'));
    blocks.push(
      tableOr(
        'annex.noContacts',
        [
          ['col.name', 28],
          ['col.role', 24],
          ['col.phone', 18],
          ['col.email', 30],
        ],
        briefing.contacts.filter((c) => c.name.trim() !== '').map((c) => ({ cells: [c.name, c.role, c.phone, c.email] })),
      ),
    );
    const focal = concerned.all.flatMap((id) => {
      const body = bodyById.get(id)!;
      return body.focalPoints.filter((f) => f.country === briefing.delegation).map((f) => ({ cells: [body.acronym, format.country(f.country), text(f.agency)], cites: numbers.cite(body.sources) }));
    });
    if (focal.length > 0) {
      blocks.push(
        heading('annex.focalPoints'),
        table(
          [
            ['col.body', 18],
            ['col.country', 22],
            ['col.agency', 60],
          ],
          focal,
        ),
      );
    }
    chapters.push({ id: 'annex', title: t('part.annex'), level: 1, blocks });
  }

  // The glossary cites nothing, so the sources are complete here; their list is printed after it.
  const sources: PackSource[] = numbers.list().map(([id, number]) => {
    const source = sourceById.get(id)!;
    return {
      number,
      id,
      title: text(source.title),
      detail: [source.publisher, source.date ? format.date(source.date) : '', source.referenceNumber ?? ''].filter(Boolean).join(', '),
      ...(source.url ? { url: source.url } : {}),
    };
  });
  const sourcesChapter: PackChapter | undefined = parts.has('sources')
    ? {
        id: 'sources',
        title: t('part.sources'),
        level: 1,
        blocks: [
          tableOr(
            'sources.none',
            [
              ['col.number', 6],
              ['col.source', 94],
            ],
            sources.map((s) => ({ cells: [`[${s.number}]`, [s.title, s.detail, s.url].filter(Boolean).join(' — ')] })),
          ),
        ],
      }
    : undefined;

  const number = meeting.number ? t('cover.meetingNumber', { number: meeting.number }) : '';
  const cover: PackCover = {
    title: text(meeting.title),
    meetingCode: meeting.code,
    number,
    dates: format.dateRange(meeting.startDate, meeting.endDate),
    venue,
    delegation: format.country(briefing.delegation),
    marking: briefing.classification,
    // The last change to the brief or any of its sections (a section can change on its own, as a dataset update flags it).
    version: format.dateTime([briefing.updatedAt, ...sections.map((s) => s.updatedAt)].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))),
    printed: format.dateTime(options.printedAt),
    profile: t(`profile.${options.profile}`),
    briefTitle: briefing.title,
  };

  if (parts.has('glossary')) {
    // Everything printed: the cover, the running headers (code, part titles, marking) and every part, the sources too.
    const printed = [...chapters, ...(sourcesChapter ? [sourcesChapter] : [])];
    const texts = [...Object.values(cover), ...printed.flatMap((c) => [c.title, ...c.blocks.flatMap(blockTexts)])];
    const definitions = collectAcronymDefinitions([meeting, input.previousMeeting, ...input.agendaItems, ...input.targets, ...input.frameworks]);
    const entries = buildPackGlossary(texts, input.bodies, lang, { definitions });
    chapters.push({
      id: 'glossary',
      title: t('part.glossary'),
      level: 1,
      blocks: [
        tableOr(
          'glossary.none',
          [
            ['col.term', 22],
            ['col.expansion', 78],
          ],
          entries.map((e) => ({ cells: [e.acronym, e.original ? `${e.expansion} (${format.language(e.lang)})` : e.expansion] })),
        ),
      ],
    });
  }
  if (sourcesChapter) chapters.push(sourcesChapter);

  return {
    paper: options.paper,
    language: lang,
    profile: options.profile,
    meetingCode: meeting.code,
    marking: briefing.classification,
    draft: briefing.status !== 'cleared',
    cover,
    chapters,
    sources,
  };
}
