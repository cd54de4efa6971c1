import { describe, expect, it } from 'vitest';
import { formatProblem, validateDataset } from '../../shared/dataset/validate';
import type { DatasetRecordsInput } from '../../shared/model';

const cite = [{ sourceId: 'src', quote: 'quoted' }];

function dataset(): DatasetRecordsInput {
  return {
    sources: [{ id: 'src', title: { ms: 'Kenyataan' }, kind: 'press-release', publisher: 'NRES', language: 'ms', excerpt: 'teks' }],
    bodies: [
      { id: 'amme', acronym: 'AMME', name: { en: 'Ministers' }, level: 'ministerial', pillar: 'socio-cultural', sources: cite },
      { id: 'asoen', acronym: 'ASOEN', name: { en: 'Officials' }, level: 'senior-officials', pillar: 'socio-cultural', reportsTo: ['amme'], sources: cite },
    ],
    meetings: [
      { id: 'asoen-35', code: 'ASOEN-35', bodyIds: ['asoen'], title: { en: '35th' }, startDate: '2024', status: 'held', sources: cite },
      {
        id: 'asoen-36',
        code: 'ASOEN-36',
        bodyIds: ['asoen'],
        title: { en: '36th' },
        startDate: '2025-07-28',
        endDate: '2025-07-31',
        days: [{ day: 1, date: '2025-07-28' }],
        previousMeetingId: 'asoen-35',
        status: 'held',
        sources: cite,
      },
    ],
    agendaItems: [{ id: 'opening', meetingId: 'asoen-36', day: 1, order: 1, title: { en: 'Opening' }, kind: 'opening-ceremony', sources: cite }],
    frameworks: [{ id: 'fw', title: { en: 'Plan' }, kind: 'work-plan', sources: cite }],
    targets: [{ id: 'fw-1', frameworkId: 'fw', code: '1', order: 1, text: { en: 'One' }, meetingIds: ['asoen-36'], sources: cite }],
  };
}

function problems(mutate: (d: DatasetRecordsInput) => void): string[] {
  const d = dataset();
  mutate(d);
  const result = validateDataset(d);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('dataset validation', () => {
  it('accepts a consistent dataset', () => {
    expect(validateDataset(dataset()).ok).toBe(true);
  });

  it('refuses dangling references, naming the record and field', () => {
    expect(problems((d) => (d.meetings[1]!.previousMeetingId = 'asoen-34'))).toEqual(['meetings › asoen-36 › previousMeetingId: refers to unknown meetings "asoen-34"']);
    expect(problems((d) => (d.targets[0]!.frameworkId = 'nope'))).toEqual(['targets › fw-1 › frameworkId: refers to unknown frameworks "nope"']);
    expect(problems((d) => (d.bodies[1]!.sources = [{ sourceId: 'missing' }]))).toEqual(['bodies › asoen › sources.0: refers to unknown sources "missing"']);
  });

  it('refuses duplicate ids', () => {
    expect(problems((d) => d.bodies.push({ ...d.bodies[0]!, acronym: 'OTHER' }))).toEqual(['bodies › amme: duplicate id "amme"']);
  });

  it('refuses a meeting that ends before it starts', () => {
    expect(problems((d) => (d.meetings[1]!.endDate = '2025-07-01'))).toEqual([
      'meetings › asoen-36 › endDate: ends (2025-07-01) before it starts (2025-07-28)',
      'meetings › asoen-36 › days: day 1 (2025-07-28) is outside the meeting\'s dates',
    ]);
  });

  it('accepts a month-only end in the month the meeting starts', () => {
    expect(problems((d) => (d.meetings[0]!.endDate = '2024-12'))).toEqual([]);
  });

  it('refuses a record without a source', () => {
    expect(problems((d) => (d.bodies[0]!.sources = []))).toEqual(['bodies › amme › sources: every record needs at least one source']);
  });

  it('refuses an acronym claimed by two bodies, aliases included', () => {
    expect(problems((d) => (d.bodies[1]!.aliases = ['amme']))).toEqual(['bodies › asoen: acronym "amme" is also used by "amme"']);
  });

  it('refuses a reporting loop', () => {
    expect(problems((d) => (d.bodies[0]!.reportsTo = ['asoen']))).toEqual([
      'bodies › amme: reporting line loops back to this body',
      'bodies › asoen: reporting line loops back to this body',
    ]);
  });

  it('refuses unknown fields and malformed values', () => {
    const out = problems((d) => {
      (d.meetings[0] as Record<string, unknown>).chairman = 'x';
      d.meetings[0]!.startDate = '2024-13-01';
    });
    expect(out.some((p) => p.startsWith('meetings › asoen-35'))).toBe(true);
    expect(out.length).toBe(2);
  });
});
