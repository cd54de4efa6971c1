import type { AgendaItem, Body, Meeting, OutcomeTarget, Source } from '../model';
import { SECTION_TEXT_FIELDS, type Briefing, type Section } from './model';

export interface BackgroundContext {
  meeting: Meeting;
  bodies: ReadonlyMap<string, Body>;
  previousMeeting?: Meeting;
  targets: readonly OutcomeTarget[];
  sources: ReadonlyMap<string, Source>;
}

const en = (t: { en?: string; ms?: string; id?: string }) => t.en ?? t.ms ?? t.id ?? '';

function cite(ids: readonly { sourceId: string }[], sources: ReadonlyMap<string, Source>): string {
  const titles = [...new Set(ids.map((c) => sources.get(c.sourceId)).filter((s): s is Source => s !== undefined).map((s) => en(s.title)))];
  return titles.length > 0 ? ` (Source: ${titles.join('; ')})` : '';
}

/**
 * The background of an agenda item, pre-filled from the dataset in the briefing's markdown:
 * the bodies concerned with their chair and reporting line, the previous meeting in the
 * series, and the outcome targets in play, each with its source. The delegate edits it freely.
 */
export function buildBackground(item: AgendaItem, ctx: BackgroundContext): string {
  const lines: string[] = [];
  const bodyIds = item.bodyIds.length > 0 ? item.bodyIds : ctx.meeting.bodyIds;
  for (const id of bodyIds) {
    const body = ctx.bodies.get(id);
    if (!body) continue;
    const parts = [`**${body.acronym}** — ${en(body.name)}`];
    const parents = body.reportsTo.map((p) => ctx.bodies.get(p)?.acronym ?? p);
    if (parents.length > 0) parts.push(`reports to ${parents.join(' and ')}`);
    if (body.chair?.country) parts.push(`chair: ${body.chair.country}`);
    if (body.chairRotation) parts.push(`rotation: ${en(body.chairRotation)}`);
    lines.push(`- ${parts.join('; ')}${cite(body.sources, ctx.sources)}`);
  }
  if (item.description) lines.push(`- ${en(item.description)}${cite(item.sources, ctx.sources)}`);
  const chairs = [item.chair, ...item.coChairs].filter((c) => c !== undefined);
  if (chairs.length > 0) lines.push(`- Chaired by ${chairs.map((c) => c.person ?? c.country ?? '').filter(Boolean).join(' and ')}`);
  if (ctx.previousMeeting) {
    lines.push(`- Previous meeting: ${ctx.previousMeeting.code}, ${ctx.previousMeeting.startDate}${cite(ctx.previousMeeting.sources, ctx.sources)}`);
  }
  for (const target of ctx.targets) lines.push(`- Target ${target.code}: ${en(target.text)}${cite(target.sources, ctx.sources)}`);
  return lines.join('\n');
}

/**
 * Targets an agenda item addresses: those linked to its meeting (unless owned by other
 * bodies), and the standing work-plan priorities of the bodies it concerns.
 */
export function targetsForItem(item: AgendaItem, meeting: Meeting, targets: readonly OutcomeTarget[]): OutcomeTarget[] {
  const bodies = new Set(item.bodyIds.length > 0 ? item.bodyIds : meeting.bodyIds);
  const owned = (t: OutcomeTarget) => t.ownerBodyIds.some((b) => bodies.has(b));
  return targets.filter((t) => (t.meetingIds.includes(meeting.id) && (t.ownerBodyIds.length === 0 || owned(t))) || (t.meetingIds.length === 0 && owned(t)));
}

export interface NewBriefingInput {
  id: string;
  meeting: Meeting;
  agendaItems: readonly AgendaItem[];
  title: string;
  delegation: string;
  author: string;
  classification: string;
  now: string;
  newId: () => string;
  background: BackgroundContext;
}

/** A new briefing with one section per agenda item, in programme order. */
export function createBriefing(input: NewBriefingInput): { briefing: Briefing; sections: Section[] } {
  const items = [...input.agendaItems].sort((a, b) => (a.day ?? 99) - (b.day ?? 99) || a.order - b.order);
  const briefing: Briefing = {
    id: input.id,
    meetingId: input.meeting.id,
    title: input.title,
    delegation: input.delegation,
    author: input.author,
    classification: input.classification,
    status: 'draft',
    statusHistory: [{ status: 'draft', by: input.author, at: input.now }],
    keyMessages: '',
    bilaterals: [],
    members: [],
    contacts: [],
    logistics: '',
    review: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
  const sections = items.map((item, order): Section => {
    const targets = targetsForItem(item, input.meeting, input.background.targets);
    return {
      id: `${input.id}:${item.id}`,
      briefingId: input.id,
      agendaItemId: item.id,
      order,
      agendaTitle: en(item.title),
      objectives: '',
      position: '',
      redLines: '',
      fallback: '',
      talkingPoints: [],
      background: buildBackground(item, { ...input.background, targets }),
      targets: targets.map((t) => ({ targetId: t.id, evidence: '' })),
      followUps: [],
      privateNotes: '',
      review: [],
      updatedAt: input.now,
    };
  });
  return { briefing, sections };
}

function normalise(title: string): string {
  return title
    .toLowerCase()
    .replace(/\b\d+(st|nd|rd|th)?\b/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * Matches the previous brief's sections to the new meeting's agenda items: the same agenda
 * item, else an item of the same kind for the same bodies, else the same title once numbers
 * are taken out ("19th AJDEC" follows "18th AJDEC").
 */
export function matchSections(previous: readonly Section[], previousItems: ReadonlyMap<string, AgendaItem>, next: readonly Section[], nextItems: ReadonlyMap<string, AgendaItem>): Map<string, Section> {
  const matched = new Map<string, Section>();
  const used = new Set<string>();
  const key = (item: AgendaItem | undefined) => (item ? `${item.kind}|${[...item.bodyIds].sort().join(',')}` : undefined);
  const strategies: ((p: Section, n: Section) => boolean)[] = [
    (p, n) => p.agendaItemId === n.agendaItemId,
    (p, n) => {
      const a = key(previousItems.get(p.agendaItemId));
      return a !== undefined && a === key(nextItems.get(n.agendaItemId)) && (previousItems.get(p.agendaItemId)?.bodyIds.length ?? 0) > 0;
    },
    (p, n) => normalise(p.agendaTitle) !== '' && normalise(p.agendaTitle) === normalise(n.agendaTitle),
  ];
  for (const strategy of strategies) {
    for (const n of next) {
      if (matched.has(n.id)) continue;
      const p = previous.find((s) => !used.has(s.id) && strategy(s, n));
      if (p) {
        matched.set(n.id, p);
        used.add(p.id);
      }
    }
  }
  return matched;
}

/**
 * Starts a brief from an earlier one: general sections and matched agenda sections carry
 * their text over, marked for review until the delegate touches them. Sections of the old
 * brief that match nothing come along as detached sections, so no text is lost.
 */
export function carryOver(
  target: { briefing: Briefing; sections: Section[] },
  previous: { briefing: Briefing; sections: readonly Section[] },
  previousItems: ReadonlyMap<string, AgendaItem>,
  nextItems: ReadonlyMap<string, AgendaItem>,
  newId: () => string,
): { briefing: Briefing; sections: Section[] } {
  const p = previous.briefing;
  const briefing: Briefing = {
    ...target.briefing,
    startedFrom: p.id,
    delegation: p.delegation,
    classification: p.classification,
    keyMessages: p.keyMessages,
    bilaterals: p.bilaterals.map((b) => ({ ...b, id: newId(), talkingPoints: b.talkingPoints.map((tp) => ({ ...tp, id: newId() })) })),
    members: p.members.map((m) => ({ ...m, id: newId(), covers: m.covers.filter((c) => nextItems.has(c)) })),
    contacts: p.contacts.map((c) => ({ ...c, id: newId() })),
    logistics: p.logistics,
    review: ['keyMessages', 'bilaterals', 'members', 'contacts', 'logistics'].filter((f) => {
      const v = p[f as keyof Briefing];
      return Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v.trim() !== '';
    }),
  };
  const matches = matchSections(previous.sections, previousItems, target.sections, nextItems);
  const sections = target.sections.map((section): Section => {
    const old = matches.get(section.id);
    if (!old) return section;
    const review: string[] = [];
    const carried: Partial<Section> = {};
    for (const field of SECTION_TEXT_FIELDS) {
      if (field === 'background') continue; // the new background comes fresh from the dataset
      if (old[field].trim() !== '') {
        carried[field] = old[field];
        review.push(field);
      }
    }
    const talkingPoints = old.talkingPoints.map((tp) => ({ ...tp, id: newId() }));
    for (const tp of talkingPoints) review.push(`tp:${tp.id}`);
    const assessed = new Map(old.targets.map((t) => [t.targetId, t]));
    return {
      ...section,
      ...carried,
      talkingPoints,
      targets: section.targets.map((t) => {
        const before = assessed.get(t.targetId);
        return before ? { ...t, assessment: before.assessment, evidence: before.evidence, assessedAt: before.assessedAt } : t;
      }),
      followUps: old.followUps.map((f) => ({ ...f, id: newId() })),
      review,
    };
  });
  const used = new Set([...matches.values()].map((s) => s.id));
  const detached = previous.sections
    .filter((s) => !used.has(s.id) && hasContent(s))
    .map((s, i): Section => ({
      ...s,
      id: `${briefing.id}:${s.agendaItemId}`,
      briefingId: briefing.id,
      order: sections.length + i,
      talkingPoints: s.talkingPoints.map((tp) => ({ ...tp, id: newId() })),
      followUps: s.followUps.map((f) => ({ ...f, id: newId() })),
      review: [...SECTION_TEXT_FIELDS.filter((f) => s[f].trim() !== ''), ...s.talkingPoints.map(() => 'tp')],
    }));
  return { briefing, sections: [...sections, ...detached.filter((d) => !sections.some((s) => s.id === d.id))] };
}

export function hasContent(section: Section): boolean {
  return (
    SECTION_TEXT_FIELDS.some((f) => f !== 'background' && section[f].trim() !== '') ||
    section.talkingPoints.some((tp) => tp.text.trim() !== '') ||
    section.followUps.length > 0 ||
    section.targets.some((t) => t.assessment !== undefined || t.evidence.trim() !== '')
  );
}
