import { describe, expect, it } from 'vitest';
import { intersectOrdered, meetingFilterSearch, parseMeetingFilter } from '../../shared/browse/meeting-filter';

describe('meeting filter in the address', () => {
  it('round-trips through the query string', () => {
    const filter = { when: 'past' as const, body: 'asoen', year: '2025', country: 'MY' };
    expect(parseMeetingFilter(meetingFilterSearch(filter))).toEqual(filter);
  });

  it('drops values that are not of the expected form', () => {
    expect(parseMeetingFilter('?when=soon&body=<script>&year=20x5&country=malaysia')).toEqual({
      when: 'all',
      body: undefined,
      year: undefined,
      country: undefined,
    });
  });

  it('writes nothing for the default filter', () => {
    expect(meetingFilterSearch({ when: 'all' })).toBe('');
  });

  it('intersects keeping the order of the ordered list', () => {
    expect(intersectOrdered(['c', 'a', 'b'], [new Set(['a', 'b', 'c']), new Set(['b', 'c'])])).toEqual(['c', 'b']);
    expect(intersectOrdered(['c', 'a'], [])).toEqual(['c', 'a']);
  });
});
