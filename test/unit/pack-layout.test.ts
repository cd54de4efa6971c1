import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type MdBlock } from '../../shared/markdown';
import { paginate, type LayoutUnit, type Placement, type Splitter } from '../../shared/pack/paginate';
import { splitMarkdown } from '../../shared/pack/split-markdown';

/** Blocks with every list cut into one-item lists, numbered from where the item stood. */
function oneItemBlocks(blocks: MdBlock[]): MdBlock[] {
  return blocks.flatMap((b): MdBlock[] => {
    if (b.type === 'paragraph') return [b];
    return b.items.map((item, i) => (b.type === 'orderedList' ? { type: 'orderedList', start: b.start + i, items: [item] } : { type: 'bulletList', items: [item] }));
  });
}

describe('splitMarkdown', () => {
  it('cuts at paragraphs and top-level list items, keeping nested items and numbering', () => {
    expect(splitMarkdown('First para\nstill first\n\nSecond\n\n- a\n  - a.1\n- b\n\n3. c\n4. d')).toEqual(['First para\nstill first', 'Second', '- a\n  - a.1', '- b', '3. c', '4. d']);
    expect(splitMarkdown('1. a\n1. b\n1. c')).toEqual(['1. a', '2. b', '3. c']);
    expect(splitMarkdown('in\n2024. The year')).toEqual(['in\n2024. The year']);
    expect(splitMarkdown('')).toEqual([]);
  });

  it('gives pieces that parse to the same blocks as the whole text', () => {
    const line = fc.oneof(
      fc.constantFrom('', '- item', '* star', '  - nested', '1. one', '2) two', '10. ten', 'text', '**bold** text', '    indented', '+ plus'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const text = lines.join('\n');
        expect(splitMarkdown(text).flatMap((piece) => oneItemBlocks(parseMarkdown(piece)))).toEqual(oneItemBlocks(parseMarkdown(text)));
      }),
      { numRuns: 400 },
    );
  });
});

const unit = (height: number, rule: Omit<LayoutUnit, 'height'> = {}): LayoutUnit => ({ height, ...rule });
const ids = (pages: Placement<unknown>[][]) => pages.map((page) => page.map((p) => (p.continued ? `${p.unit}c` : p.slice !== undefined ? `${p.unit}s` : p.unit)));

/** A passage of `lines` lines of `LINE` px each; a slice is the range of lines it holds. */
const LINE = 10;
type Lines = [number, number];
function lineSplitter(units: readonly LayoutUnit[]): Splitter<Lines> {
  return (i, slice, available) => {
    const [from, to] = slice ?? [0, Math.round(units[i]!.height / LINE)];
    const fit = Math.min(Math.floor(available / LINE), to - from - 2);
    if (fit < 2) return undefined;
    return { head: [from, from + fit], headHeight: fit * LINE, tail: [from + fit, to], tailHeight: (to - from - fit) * LINE };
  };
}
const passage = (lines: number, rule: Omit<LayoutUnit, 'height'> = {}) => unit(lines * LINE, { splittable: true, minHeight: 2 * LINE, ...rule });

describe('paginate', () => {
  it('fills pages in order and starts chapters on a new page', () => {
    const units = [unit(40, { breakBefore: true }), unit(40), unit(40), unit(10, { breakBefore: true }), unit(10)];
    expect(ids(paginate(units, 100).pages)).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('keeps a heading with what follows it, and never leaves one last on a page', () => {
    expect(ids(paginate([unit(80), unit(10, { keepWithNext: true }), unit(30)], 100).pages)).toEqual([[0], [1, 2]]);
    // The heading fitted with the two lines it was promised, but the passage cannot split there: both move.
    const units = [unit(75), unit(10, { keepWithNext: true }), passage(3, { under: 1 })];
    expect(ids(paginate(units, 100, lineSplitter(units)).pages)).toEqual([[0], [1, 2]]);
  });

  it('splits a passage that does not fit at a line, keeping two lines on each side, and repeats its heading "(continued)"', () => {
    const units = [unit(40), unit(10, { keepWithNext: true, continuedHeight: 12 }), passage(12, { under: 1 }), unit(10, { under: 1 })];
    const result = paginate(units, 100, lineSplitter(units));
    expect(ids(result.pages)).toEqual([[0, 1, '2s'], ['1c', '2s', 3]]);
    expect(result.pages[0]![2]!.slice).toEqual([0, 5]);
    expect(result.pages[1]![1]!.slice).toEqual([5, 12]);
    expect(result.split).toBe(1);
    expect(result.oversized).toEqual([]);
  });

  it('splits a passage longer than several pages over as many pages as it needs', () => {
    const units = [unit(20, { keepWithNext: true }), passage(35, { under: 0 })];
    const { pages, oversized } = paginate(units, 100, lineSplitter(units));
    expect(ids(pages)).toEqual([[0, '1s'], ['0c', '1s'], ['0c', '1s'], ['0c', '1s'], ['0c', '1s']]);
    expect(pages.map((page) => page.at(-1)!.slice)).toEqual([[0, 8], [8, 16], [16, 24], [24, 32], [32, 35]]);
    expect(oversized).toEqual([]);
  });

  it('repeats a table header above rows that continue on a new page', () => {
    const units = [unit(50), unit(10, { keepWithNext: true }), unit(20, { header: 1 }), unit(20, { header: 1 }), unit(20, { header: 1 }), unit(20, { header: 1 })];
    expect(ids(paginate(units, 100).pages)).toEqual([[0, 1, 2, 3], [1, 4, 5]]);
  });

  it('puts a unit taller than a page that cannot be split on a page of its own and reports it', () => {
    const result = paginate([unit(30), unit(150), unit(30)], 100);
    expect(ids(result.pages)).toEqual([[0], [1], [2]]);
    expect(result.oversized).toEqual([1]);
  });

  it('keeps a heading with a figure taller than a page rather than leaving it alone at a page foot or on a page of its own', () => {
    const result = paginate([unit(60), unit(10, { keepWithNext: true }), unit(150), unit(30)], 100);
    expect(ids(result.pages)).toEqual([[0], [1, 2], [3]]);
    expect(result.oversized).toEqual([2]);
    const chapter = paginate([unit(20, { breakBefore: true, keepWithNext: true }), unit(10, { keepWithNext: true }), unit(150)], 100);
    expect(ids(chapter.pages)).toEqual([[0, 1, 2]]);
  });

  it('heads every page a table continues on with its header, and never leaves a header last on a page', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ lead: fc.integer({ min: 0, max: 90 }), rows: fc.array(fc.integer({ min: 5, max: 60 }), { minLength: 1, maxLength: 12 }) }), { minLength: 1, maxLength: 6 }), (tables) => {
        const units: LayoutUnit[] = [];
        for (const table of tables) {
          if (table.lead > 0) units.push(unit(table.lead));
          const header = units.length;
          units.push(unit(8, { keepWithNext: true }));
          for (const row of table.rows) units.push(unit(row, { header }));
        }
        const { pages } = paginate(units, 100);
        for (const page of pages) {
          const first = units[page[0]!.unit]!;
          expect(first.header, 'a page does not start with a bare row').toBeUndefined();
          expect(units[page.at(-1)!.unit]!.keepWithNext, 'a header is not last on its page').toBeFalsy();
          expect(page.reduce((sum, p) => sum + units[p.unit]!.height, 0)).toBeLessThanOrEqual(100);
        }
        // Every unit once, in order, apart from the repeated headers.
        expect(pages.flat().map((p) => p.unit).filter((i, k, all) => all.indexOf(i) === k)).toEqual(units.map((_, i) => i));
      }),
    );
  });

  it('prints every line of every passage once, in order, never overfills a page, and fills each page that a passage continues from', () => {
    const kinds = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const) }),
      fc.record({ kind: fc.constant('passage' as const), lines: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('figure' as const), height: fc.integer({ min: 5, max: 60 }) }),
      fc.record({ kind: fc.constant('chapter' as const) }),
    );
    fc.assert(
      fc.property(fc.array(kinds, { maxLength: 60 }), (spec) => {
        const units: LayoutUnit[] = [];
        let heading: number | undefined;
        for (const s of spec) {
          if (s.kind === 'chapter') {
            heading = undefined;
            units.push(unit(20, { breakBefore: true, keepWithNext: true }));
          } else if (s.kind === 'heading') {
            heading = units.length;
            units.push(unit(10, { keepWithNext: true, continuedHeight: 10 }));
          } else if (s.kind === 'passage') units.push(passage(s.lines, heading !== undefined ? { under: heading } : {}));
          else units.push(unit(s.height, heading !== undefined ? { under: heading } : {}));
        }
        const { pages, oversized } = paginate(units, 100, lineSplitter(units));
        expect(oversized).toEqual([]);
        const printed: string[] = [];
        for (const [n, page] of pages.entries()) {
          const height = page.reduce((sum, p) => sum + (p.slice ? (p.slice[1] - p.slice[0]) * LINE : p.continued ? units[p.unit]!.continuedHeight! : units[p.unit]!.height), 0);
          expect(height).toBeLessThanOrEqual(100);
          const last = page.at(-1)!;
          if (n < pages.length - 1 && !units[pages[n + 1]![0]!.unit]!.breakBefore && units[last.unit]!.keepWithNext && !last.continued) {
            // A heading ends a page only when its chain (the headings at this page's foot, those
            // at the next page's head and the first two lines of what follows) is taller than a page.
            const foot = page.slice(page.findLastIndex((p) => !units[p.unit]!.keepWithNext || p.continued) + 1).reduce((sum, p) => sum + units[p.unit]!.height, 0);
            const next = pages[n + 1]!.filter((p) => !p.continued);
            const heads = next.slice(0, Math.max(0, next.findIndex((p) => !units[p.unit]!.keepWithNext)));
            const matter = units[next[heads.length]?.unit ?? -1];
            const first = matter ? (matter.splittable ? Math.min(matter.height, matter.minHeight ?? matter.height) : matter.height) : 0;
            expect(foot + heads.reduce((sum, p) => sum + units[p.unit]!.height, 0) + first, 'no heading last on a page, unless its chain is taller than a page').toBeGreaterThan(100);
          }
          for (const p of page) {
            if (p.continued) continue;
            const lines = p.slice ?? (units[p.unit]!.splittable ? [0, units[p.unit]!.height / LINE] : [0, 1]);
            for (let l = lines[0]; l < lines[1]; l++) printed.push(`${p.unit}:${l}`);
          }
        }
        const expected = units.flatMap((u, i) => Array.from({ length: u.splittable ? u.height / LINE : 1 }, (_, l) => `${i}:${l}`));
        expect(printed).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('breaks a chain of headings too tall to share a page with what follows, rather than overfilling a page', () => {
    // A chapter title and three headings above a figure: 20 + 3 × 10 + 51 = 101 on a page of 100.
    const units = [unit(20, { breakBefore: true, keepWithNext: true }), unit(10, { keepWithNext: true }), unit(10, { keepWithNext: true }), unit(10, { keepWithNext: true }), unit(51, { under: 3 })];
    const { pages, oversized } = paginate(units, 100);
    expect(oversized).toEqual([]);
    expect(ids(pages)).toEqual([[0], [1, 2, 3, 4]]);
  });
});
