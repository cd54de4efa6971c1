import { describe, expect, it } from 'vitest';
import { diffWords, sideBySide, summarize } from '../../shared/papers/diff';

const rebuild = (parts: ReturnType<typeof diffWords>, side: 'before' | 'after') =>
  parts
    .filter((p) => p.op === 'equal' || p.op === (side === 'before' ? 'delete' : 'insert'))
    .map((p) => (side === 'after' && p.op === 'equal' ? (p.after ?? p.text) : p.text))
    .join('');

describe('word diff of two versions', () => {
  it('marks a changed word and leaves the rest equal', () => {
    const parts = diffWords('reports by 30 June 2026 at the latest', 'reports by 31 July 2026 at the latest');
    expect(parts).toEqual([
      { op: 'equal', text: 'reports by ' },
      { op: 'delete', text: '30 June ' },
      { op: 'insert', text: '31 July ' },
      { op: 'equal', text: '2026 at the latest' },
    ]);
    expect(summarize(parts)).toEqual({ inserted: 2, deleted: 2, changes: 1 });
  });

  it('rebuilds both texts exactly from its parts (random edits)', () => {
    const words = 'the meeting agreed noted welcomed ASEAN member states report climate energy'.split(' ');
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 50; round++) {
      const a = Array.from({ length: 40 }, () => words[rand(words.length)]).join(' ');
      const b = a
        .split(' ')
        .filter(() => rand(6) !== 0)
        .map((w) => (rand(8) === 0 ? words[rand(words.length)] : w))
        .join(' ');
      const parts = diffWords(a, b);
      expect(rebuild(parts, 'before')).toBe(a);
      expect(rebuild(parts, 'after')).toBe(b);
    }
  });

  it('reports an inserted and a removed paragraph as rows for side-by-side reading', () => {
    const one = 'The Meeting noted the report of the working group on climate change.\n';
    const two = 'Member States were invited to nominate focal points before the next meeting.\n';
    const three = 'The Meeting agreed to convene the regional workshop in the third quarter.\n';
    const four = 'Malaysia offered to host the dialogue with partners on carbon markets.\n';
    const a = one + two + three;
    const b = one + three + four;
    const rows = sideBySide(diffWords(a, b));
    const changed = rows.filter((r) => r.kind === 'changed');
    expect(changed.map((r) => r.left.map((p) => p.text).join(''))).toContain(two);
    expect(changed.flatMap((r) => r.right.filter((p) => p.op === 'insert').map((p) => p.text)).join('')).toContain(four.trim());
  });

  it('treats a moved line or page break as no change, keeping each side exact', () => {
    const a = 'The Meeting noted the report.\nMember States agreed.';
    const b = 'The Meeting noted\nthe report. Member States agreed.';
    const parts = diffWords(a, b);
    expect(parts.every((p) => p.op === 'equal')).toBe(true);
    expect(rebuild(parts, 'before')).toBe(a);
    expect(rebuild(parts, 'after')).toBe(b);
  });

  it('gives up gracefully on texts with nothing in common beyond the edit budget', () => {
    const a = Array.from({ length: 300 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 300 }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(a, b, 50);
    expect(rebuild(parts, 'before')).toBe(a);
    expect(rebuild(parts, 'after')).toBe(b);
  });
});
