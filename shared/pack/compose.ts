import type { Briefing, Section } from '../briefing/model';
import { groupProgramme } from '../browse/programme';
import type { AgendaItem, Body, Citation, Framework, LocalizedText, Meeting, OutcomeTarget, Source } from '../model';
import { pickText } from '../model/text';
import { buildPackGlossary, collectAcronymDefinitions } from './glossary';
import type { PackBlock, PackChapter, PackDocument, PackOptions, PackRow, PackSource } from './model';
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
}

/** Numbers sources in the order the pack first cites them. */
class SourceNumbers {
  private readonly numbers = new Map<string, number>();
  constructor(private readonly known: ReadonlyMap<string, Source>) {}
  cite(citations: readonly Pick<Citation, 'sourceId'>[]): number[] {
    const out: number[] = [];
    for (const { sourceId } of citations) {
      if (!this.known.has(sourceId)) continue;
      let n = this.numbers.get(sourceId);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(sourceId, n);
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
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
  const numbers = new SourceNumbers(sourceById);
  const chapters: PackChapter[] = [];
  const acronyms = (ids: readonly string[]) => ids.map((id) => bodyById.get(id)?.acronym ?? id).join(', ');
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

  if (parts.has('overview')) {
    const cites = numbers.cite(meeting.sources);
    const blocks: PackBlock[] = [{ kind: 'heading', level: 2, text: text(meeting.title) }];
    for (const id of meeting.bodyIds) {
      const body = bodyById.get(id);
      if (!body) continue;
      blocks.push({ kind: 'field', label: t('overview.body'), value: `${body.acronym} — ${text(body.name)}`, cites: numbers.cite(body.sources) });
      if (body.reportsTo.length > 0) blocks.push({ kind: 'field', label: t('overview.reportsTo'), value: body.reportsTo.map((p) => (bodyById.get(p) ? `${bodyById.get(p)!.acronym} — ${text(bodyById.get(p)!.name)}` : p)).join('; '), cites: numbers.cite(body.sources) });
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
      blocks.push({ kind: 'heading', level: 3, text: t('overview.previous') });
      const prevCites = numbers.cite(previous.sources);
      blocks.push({ kind: 'text', text: `${previous.code} — ${text(previous.title)}, ${format.dateRange(previous.startDate, previous.endDate)}`, cites: prevCites });
      if (previous.description) blocks.push({ kind: 'field', label: t('overview.previousOutcomes'), value: text(previous.description), cites: prevCites });
    }
    if (briefing.keyMessages.trim() !== '') {
      blocks.push({ kind: 'heading', level: 3, text: t('overview.keyMessages') });
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
      if (day.items.length === 0) blocks.push({ kind: 'text', text: t('programme.empty'), tone: 'muted' });
      else
        blocks.push({
          kind: 'table',
          columns: [
            { label: t('col.session'), width: 70 },
            { label: t('col.body'), width: 30 },
          ],
          rows: day.items.map((item) => ({ cells: [text(item.title), acronyms(item.bodyIds)], cites: numbers.cite(item.sources) })),
        });
    }
    chapters.push({ id: 'programme', title: t('part.programme'), level: 1, blocks });
  }

  if (parts.has('briefs')) {
    for (const section of sections) {
      const item = itemById.get(section.agendaItemId);
      const blocks: PackBlock[] = [];
      if (item) {
        const when = [dayLabel(item.day), item.bodyIds.length > 0 ? acronyms(item.bodyIds) : ''].filter(Boolean).join(' · ');
        blocks.push({ kind: 'text', text: when, tone: 'muted', cites: numbers.cite(item.sources) });
      } else blocks.push({ kind: 'text', text: t('brief.detached'), tone: 'muted' });
      const field = (label: PackLabel, value: string, tone?: 'private' | 'restricted') => {
        if (value.trim() === '') return;
        blocks.push({ kind: 'heading', level: 3, text: t(label) });
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
        blocks.push({ kind: 'heading', level: 3, text: t('brief.talkingPoints') });
        points.forEach((p, i) => blocks.push({ kind: 'markdown', text: p.text, number: i + 1 }));
      }
      if (section.background.trim() !== '') {
        blocks.push({ kind: 'heading', level: 3, text: t('brief.background') });
        blocks.push(...markdownBlocks(section.background, { cites: item ? numbers.cite(item.sources) : [] }));
      }
      const assessed = section.targets.filter((a) => targetById.has(a.targetId));
      if (assessed.length > 0) {
        blocks.push({ kind: 'heading', level: 3, text: t('brief.targets') });
        blocks.push({
          kind: 'table',
          columns: [
            { label: t('col.code'), width: 8 },
            { label: t('col.target'), width: 47 },
            { label: t('col.assessment'), width: 17 },
            { label: t('col.evidence'), width: 28, markdown: true },
          ],
          rows: assessed.map((a) => {
            const target = targetById.get(a.targetId)!;
            return { cells: [target.code, text(target.text), t(`assessment.${a.assessment ?? 'none'}`), a.evidence], cites: numbers.cite(target.sources) };
          }),
        });
      }
      const followUps = section.followUps.filter((f) => f.what.trim() !== '');
      if (followUps.length > 0) {
        blocks.push({ kind: 'heading', level: 3, text: t('brief.followUps') });
        blocks.push({
          kind: 'table',
          columns: [
            { label: t('col.what'), width: 60, markdown: true },
            { label: t('col.owner'), width: 22 },
            { label: t('col.due'), width: 18 },
          ],
          rows: followUps.map((f) => ({ cells: [f.what, f.owner, f.due ? format.date(f.due) : ''] })),
        });
      }
      if (internal && section.privateNotes.trim() !== '') {
        blocks.push({ kind: 'heading', level: 3, text: t('brief.privateNotes') });
        blocks.push({ kind: 'text', text: t('brief.privateMarker'), tone: 'muted' });
        blocks.push(...markdownBlocks(section.privateNotes, { tone: 'private' }));
      }
      if (blocks.length === 1) blocks.push({ kind: 'text', text: t('brief.nothing'), tone: 'muted' });
      const first = !chapters.some((c) => c.id.startsWith('brief-'));
      chapters.push({ id: `brief-${section.agendaItemId}`, title: t('brief.title', { title: itemTitle(section) }), level: 2, ...(first ? { group: t('part.briefs') } : {}), blocks });
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
    const blocks: PackBlock[] =
      rows.length === 0
        ? [{ kind: 'text', text: t('targets.none'), tone: 'muted' }]
        : [
            {
              kind: 'table',
              columns: [
                { label: t('col.code'), width: 7 },
                { label: t('col.target'), width: 40 },
                { label: t('col.framework'), width: 21 },
                { label: t('col.status'), width: 15 },
                { label: t('col.assessment'), width: 17 },
              ],
              rows,
            },
          ];
    chapters.push({ id: 'targets', title: t('part.targets'), level: 1, blocks });
  }

  if (parts.has('coverage')) {
    const members = briefing.members.filter((m) => m.name.trim() !== '');
    const blocks: PackBlock[] = [];
    if (members.length === 0) blocks.push({ kind: 'text', text: t('coverage.none'), tone: 'muted' });
    else {
      blocks.push({
        kind: 'table',
        columns: [
          { label: t('col.member'), width: 25 },
          { label: t('col.role'), width: 20 },
          { label: t('col.sessions'), width: 55 },
        ],
        rows: members.map((m) => ({ cells: [m.name, m.role, m.covers.map((id) => (itemById.get(id) ? text(itemById.get(id)!.title) : id)).join('; ')] })),
      });
      const covered = new Set(members.flatMap((m) => m.covers));
      const uncovered = sections.filter((s) => !covered.has(s.agendaItemId)).map(itemTitle);
      if (uncovered.length > 0) blocks.push({ kind: 'field', label: t('coverage.uncovered'), value: uncovered.join('; ') });
    }
    const bilaterals = briefing.bilaterals.filter((b) => b.counterpart.trim() !== '');
    if (bilaterals.length > 0) blocks.push({ kind: 'heading', level: 2, text: t('coverage.bilaterals') });
    for (const bilateral of bilaterals) {
      blocks.push({ kind: 'heading', level: 3, text: bilateral.counterpart });
      blocks.push(...markdownBlocks(bilateral.objectives));
      bilateral.talkingPoints.filter((p) => p.text.trim() !== '').forEach((p, i) => blocks.push({ kind: 'markdown', text: p.text, number: i + 1 }));
    }
    if (briefing.logistics.trim() !== '') {
      blocks.push({ kind: 'heading', level: 2, text: t('coverage.logistics') });
      blocks.push(...markdownBlocks(briefing.logistics));
    }
    chapters.push({ id: 'coverage', title: t('part.coverage'), level: 1, blocks });
    for (const member of members) {
      const sheet: PackBlock[] = [{ kind: 'text', text: [member.role, format.country(briefing.delegation)].filter(Boolean).join(' · '), tone: 'muted' }];
      const mine = input.agendaItems.filter((i) => member.covers.includes(i.id));
      if (mine.length === 0) sheet.push({ kind: 'text', text: t('daySheet.none'), tone: 'muted' });
      for (const day of groupProgramme(meeting, mine)) {
        if (day.items.length === 0) continue;
        sheet.push({ kind: 'heading', level: 3, text: dayLabel(day.day) });
        for (const item of day.items) {
          const section = sections.find((s) => s.agendaItemId === item.id);
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
    const blocks: PackBlock[] = [{ kind: 'heading', level: 3, text: t('annex.orgChart') }, { kind: 'org-chart', bodyIds: concerned.all, focusIds: concerned.focus }];
    blocks.push({ kind: 'text', text: concerned.all.map((id) => bodyById.get(id)!.acronym).join(', '), tone: 'muted', cites: numbers.cite(concerned.all.flatMap((id) => bodyById.get(id)!.sources)) });
    blocks.push({ kind: 'heading', level: 3, text: t('annex.contacts') });
    const contacts = briefing.contacts.filter((c) => c.name.trim() !== '');
    if (contacts.length === 0) blocks.push({ kind: 'text', text: t('annex.noContacts'), tone: 'muted' });
    else
      blocks.push({
        kind: 'table',
        columns: [
          { label: t('col.name'), width: 28 },
          { label: t('col.role'), width: 24 },
          { label: t('col.phone'), width: 18 },
          { label: t('col.email'), width: 30 },
        ],
        rows: contacts.map((c) => ({ cells: [c.name, c.role, c.phone, c.email] })),
      });
    const focal = concerned.all.flatMap((id) => {
      const body = bodyById.get(id)!;
      return body.focalPoints.filter((f) => f.country === briefing.delegation).map((f) => ({ cells: [body.acronym, format.country(f.country), text(f.agency)], cites: numbers.cite(body.sources) }));
    });
    if (focal.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t('annex.focalPoints') });
      blocks.push({
        kind: 'table',
        columns: [
          { label: t('col.body'), width: 18 },
          { label: t('col.country'), width: 22 },
          { label: t('col.agency'), width: 60 },
        ],
        rows: focal,
      });
    }
    chapters.push({ id: 'annex', title: t('part.annex'), level: 1, blocks });
  }

  if (parts.has('glossary')) {
    const texts = [meeting.code, text(meeting.title), briefing.title, ...chapters.flatMap((c) => [c.title, ...c.blocks.flatMap(blockTexts)])];
    const definitions = collectAcronymDefinitions([meeting, input.previousMeeting, ...input.agendaItems, ...input.targets, ...input.frameworks]);
    const entries = buildPackGlossary(texts, input.bodies, lang, { definitions });
    chapters.push({
      id: 'glossary',
      title: t('part.glossary'),
      level: 1,
      blocks:
        entries.length === 0
          ? [{ kind: 'text', text: t('glossary.none'), tone: 'muted' }]
          : [
              {
                kind: 'table',
                columns: [
                  { label: t('col.term'), width: 22 },
                  { label: t('col.expansion'), width: 78 },
                ],
                rows: entries.map((e) => ({ cells: [e.acronym, e.original ? `${e.expansion} (${e.lang})` : e.expansion] })),
              },
            ],
    });
  }

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
  if (parts.has('sources')) {
    chapters.push({
      id: 'sources',
      title: t('part.sources'),
      level: 1,
      blocks:
        sources.length === 0
          ? [{ kind: 'text', text: t('sources.none'), tone: 'muted' }]
          : [{ kind: 'table', columns: [{ label: '#', width: 6 }, { label: t('col.source'), width: 94 }], rows: sources.map((s) => ({ cells: [`[${s.number}]`, [s.title, s.detail, s.url].filter(Boolean).join(' — ')] })) }],
    });
  }

  const number = meeting.number ? t('cover.meetingNumber', { number: meeting.number }) : '';
  return {
    paper: options.paper,
    language: lang,
    profile: options.profile,
    meetingCode: meeting.code,
    marking: briefing.classification,
    draft: briefing.status !== 'cleared',
    cover: {
      title: text(meeting.title),
      meetingCode: meeting.code,
      number,
      dates: format.dateRange(meeting.startDate, meeting.endDate),
      venue,
      delegation: format.country(briefing.delegation),
      marking: briefing.classification,
      version: format.dateTime(briefing.updatedAt),
      printed: format.dateTime(options.printedAt),
      profile: t(`profile.${options.profile}`),
      briefTitle: briefing.title,
    },
    chapters,
    sources,
  };
}
