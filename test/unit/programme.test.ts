import { describe, expect, it } from 'vitest';
import { groupProgramme } from '../../shared/browse/programme';
import type { AgendaItem } from '../../shared/model';

const item = (id: string, order: number, day?: number): AgendaItem => ({
  id,
  meetingId: 'm',
  day,
  order,
  title: { en: id },
  kind: 'other',
  bodyIds: [],
  partners: [],
  coChairs: [],
  sources: [{ sourceId: 's' }],
});

describe('programme by day', () => {
  it('keeps every day of the meeting, orders items, and puts undated items last', () => {
    const days = groupProgramme(
      { days: [1, 2, 3, 4].map((day) => ({ day, date: `2025-07-${27 + day}` })) },
      [item('c', 2, 3), item('x', 1), item('a', 1, 1), item('b', 1, 3)],
    );
    expect(days.map((d) => [d.day, d.date, d.items.map((i) => i.id)])).toEqual([
      [1, '2025-07-28', ['a']],
      [2, '2025-07-29', []],
      [3, '2025-07-30', ['b', 'c']],
      [4, '2025-07-31', []],
      [undefined, undefined, ['x']],
    ]);
  });

  it('gives one sequence when the source names no days', () => {
    const days = groupProgramme({ days: [] }, [item('second', 2), item('first', 1)]);
    expect(days).toHaveLength(1);
    expect(days[0]!.items.map((i) => i.id)).toEqual(['first', 'second']);
  });
});
