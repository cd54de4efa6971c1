import { describe, expect, it } from 'vitest';
import { initials, othersBySection } from '../../renderer/collab/awareness-presence';
import { PRESENCE_FIELD, presenceAs, presentMembers } from '../../shared/collab/comments-presence';

const state = (memberId: string, name: string, sectionId: string | null) => ({ [PRESENCE_FIELD]: { memberId, name, role: 'drafter', sectionId } });

describe('presence', () => {
  it('one entry per member, mine from this tab, others by section, ignoring states that are not presence', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, state('me', 'Aminah', 's1')],
      [2, state('me', 'Aminah', 's9')], // my other window
      [3, state('budi', 'Budi', 's2')],
      [4, state('chen', 'Chen', 's2')],
      [5, { cursor: 1 }],
      [6, { [PRESENCE_FIELD]: { memberId: 42 } }],
    ]);
    const members = presentMembers(states, 'me', 1);
    expect(members.map((m) => [m.name, m.sectionId, m.me])).toEqual([
      ['Aminah', 's1', true],
      ['Budi', 's2', false],
      ['Chen', 's2', false],
    ]);
    expect([...othersBySection(members)].map(([s, ms]) => [s, ms.map((m) => m.name)])).toEqual([['s2', ['Budi', 'Chen']]]);
  });

  it('initials for the avatars', () => {
    expect(initials('Aminah binti Ali')).toBe('AB');
    expect(initials('Budi')).toBe('BU');
    expect(initials('  ')).toBe('?');
    expect(initials('Đặng Thị')).toBe('ĐT');
  });

  it('the relay keeps only the section from a claimed state', () => {
    expect(presenceAs({ memberId: 'lead', name: 'Forged', role: 'lead', sectionId: 's1', extra: 'x' }, { memberId: 'dara', name: 'Dara', role: 'reader' })).toEqual({ memberId: 'dara', name: 'Dara', role: 'reader', sectionId: 's1' });
    expect(presenceAs('nonsense', { memberId: 'dara', name: 'Dara', role: 'reader' })).toBeNull();
  });
});
