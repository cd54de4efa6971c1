import { describe, expect, it } from 'vitest';
import { changedExcerpt } from '../../shared/bundle';

describe('changedExcerpt', () => {
  it('keeps short values whole', () => {
    expect(changedExcerpt('"a"', '"b"')).toEqual({ before: '"a"', after: '"b"' });
  });

  it('shows the part of a long text that changed, not the common beginning', () => {
    const head = 'The ASEAN Defence Ministers agreed to strengthen practical cooperation '.repeat(3);
    const tail = ' in maritime security, counter-terrorism and humanitarian assistance.'.repeat(2);
    const shown = changedExcerpt(`${head}in 2025${tail}`, `${head}in 2026${tail}`);
    expect(shown.before).toContain('in 2025');
    expect(shown.after).toContain('in 2026');
    expect(shown.before.startsWith('…')).toBe(true);
    expect(shown.after.endsWith('…')).toBe(true);
    expect(shown.before.length).toBeLessThan(60);
  });

  it('shortens a long changed part too, and never splits a character outside the BMP', () => {
    const shown = changedExcerpt('x'.repeat(300), `${'😀'.repeat(300)}`);
    expect(Array.from(shown.after).length).toBeLessThanOrEqual(102);
    expect(shown.after).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
