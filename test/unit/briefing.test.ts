import { describe, expect, it } from 'vitest';
import { buildBackground, carryOver, createBriefing, matchSections, targetsForItem } from '../../shared/briefing/create';
import { Briefing as BriefingSchema, Section as SectionSchema } from '../../shared/briefing/model';
import type { AgendaItem, Body, Meeting, OutcomeTarget, Source } from '../../shared/model';

const cite = [{ sourceId: 'src' }];
const source: Source = { id: 'src', title: { ms: 'Kenyataan media', en: 'Media statement' }, kind: 'press-release', publisher: 'NRES', language: 'ms', excerpt: 'x' };
const body = (id: string, acronym: string, reportsTo: string[] = []): Body => ({
  id, acronym, aliases: [], name: { en: `${acronym} name` }, level: 'working-group', pillar: 'socio-cultural', reportsTo, dialogueFormats: [], focalPoints: [], sources: cite,
});
const meeting = (id: string, previousMeetingId?: string): Meeting => ({
  id, code: id.toUpperCase(), bodyIds: ['asoen'], title: { en: id }, startDate: '2025-07-28', coChairs: [], days: [], backToBackMeetingIds: [], status: 'held', previousMeetingId, sources: cite,
});
const item = (id: string, meetingId: string, title: string, bodyIds: string[], kind: AgendaItem['kind'] = 'working-group', order = 0): AgendaItem => ({
  id, meetingId, order, title: { en: title }, kind, bodyIds, partners: [], coChairs: [], sources: cite,
});
const target = (id: string, meetingIds: string[], ownerBodyIds: string[]): OutcomeTarget => ({
  id, frameworkId: 'fw', code: id, order: 0, text: { en: `Target ${id}` }, ownerBodyIds, meetingIds, progress: { status: 'not-reported' }, sources: cite,
});

const bodies = new Map([body('amme', 'AMME'), body('asoen', 'ASOEN', ['amme']), body('awgcc', 'AWGCC', ['asoen'])].map((b) => [b.id, b]));
const sources = new Map([[source.id, source]]);
let counter = 0;
const newId = () => `id-${++counter}`;

function make(meetingId: string, items: AgendaItem[], targets: OutcomeTarget[] = [], previous?: Meeting) {
  const m = meeting(meetingId, previous?.id);
  return createBriefing({
    id: `b-${meetingId}`, meeting: m, agendaItems: items, title: 'Brief', delegation: 'MY', author: 'A', classification: 'OFFICIAL', now: '2026-11-23T10:00:00.000Z', newId,
    background: { meeting: m, bodies, previousMeeting: previous, targets, sources },
  });
}

describe('creating a briefing', () => {
  it('has one valid section per agenda item, in programme order, with background from the dataset', () => {
    const items = [item('b', 'm36', 'Second', ['asoen'], 'plenary', 2), item('a', 'm36', 'AWGCC meeting', ['awgcc'], 'working-group', 1)];
    const { briefing, sections } = make('m36', items, [], meeting('m35'));
    expect(BriefingSchema.parse(briefing)).toEqual(briefing);
    expect(sections.map((s) => s.agendaItemId)).toEqual(['a', 'b']);
    for (const s of sections) expect(SectionSchema.parse(s)).toEqual(s);
    expect(sections[0]!.background).toContain('**AWGCC** — AWGCC name; reports to ASOEN (Source: Media statement)');
    expect(sections[0]!.background).toContain('Previous meeting: M35');
    expect(briefing.statusHistory).toEqual([{ status: 'draft', by: 'A', at: '2026-11-23T10:00:00.000Z' }]);
  });

  it('links the targets of the meeting and the standing priorities of the bodies concerned', () => {
    const m = meeting('m36');
    const i = item('a', 'm36', 'AWGCC', ['awgcc']);
    const targets = [target('linked', ['m36'], []), target('other-body', ['m36'], ['amme']), target('standing', [], ['awgcc']), target('elsewhere', ['m1'], ['awgcc'])];
    expect(targetsForItem(i, m, targets).map((t) => t.id)).toEqual(['linked', 'standing']);
  });

  it('cites the target in the background', () => {
    const m = meeting('m36');
    const text = buildBackground(item('a', 'm36', 'x', []), { meeting: m, bodies, targets: [target('t1', ['m36'], [])], sources });
    expect(text).toContain('Target t1: Target t1 (Source: Media statement)');
  });
});

describe('starting from an earlier brief', () => {
  const prevItems = [item('p-awgcc', 'm35', '18th AWGCC meeting', ['awgcc']), item('p-gone', 'm35', 'Field visit', [], 'visit'), item('p-open', 'm35', 'Opening ceremony', ['asoen'], 'opening-ceremony')];
  const nextItems = [item('n-open', 'm36', 'Opening ceremony', ['asoen'], 'opening-ceremony'), item('n-awgcc', 'm36', '19th AWGCC meeting', ['awgcc'])];

  it('matches sections by kind and bodies, then by title without numbers', () => {
    const prev = make('m35', prevItems);
    const next = make('m36', nextItems);
    const matches = matchSections(prev.sections, new Map(prevItems.map((i) => [i.id, i])), next.sections, new Map(nextItems.map((i) => [i.id, i])));
    expect(matches.get('b-m36:n-awgcc')?.agendaItemId).toBe('p-awgcc');
    expect(matches.get('b-m36:n-open')?.agendaItemId).toBe('p-open');
  });

  it('carries text over marked for review, and keeps unmatched sections as detached', () => {
    const prev = make('m35', prevItems);
    prev.briefing.keyMessages = 'Key';
    prev.sections[0]!.objectives = 'Objective from ASOEN-35';
    prev.sections[0]!.talkingPoints = [{ id: 'tp', text: 'Point' }];
    const gone = prev.sections.find((s) => s.agendaItemId === 'p-gone')!;
    gone.privateNotes = 'Do not lose me';
    const next = make('m36', nextItems);
    const result = carryOver(next, prev, new Map(prevItems.map((i) => [i.id, i])), new Map(nextItems.map((i) => [i.id, i])), newId);
    const awgcc = result.sections.find((s) => s.agendaItemId === 'n-awgcc')!;
    expect(awgcc.objectives).toBe('Objective from ASOEN-35');
    expect(awgcc.review).toEqual(['objectives', `tp:${awgcc.talkingPoints[0]!.id}`]);
    expect(awgcc.talkingPoints[0]!.id).not.toBe('tp');
    expect(result.briefing.review).toEqual(['keyMessages']);
    expect(result.briefing.startedFrom).toBe(prev.briefing.id);
    const detached = result.sections.find((s) => s.agendaItemId === 'p-gone')!;
    expect(detached.privateNotes).toBe('Do not lose me');
    expect(detached.briefingId).toBe(next.briefing.id);
  });
});
