import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type MdBlock } from '../../shared/markdown';
import { paginate, type LayoutUnit } from '../../shared/pack/paginate';
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

describe('paginate', () => {
  it('fills pages in order and starts chapters on a new page', () => {
    const units = [unit(40, { breakBefore: true }), unit(40), unit(40), unit(10, { breakBefore: true }), unit(10)];
    expect(paginate(units, 100).pages).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('keeps a heading with what follows it', () => {
    const units = [unit(80), unit(10, { keepWithNext: true }), unit(30)];
    expect(paginate(units, 100).pages).toEqual([[0], [1, 2]]);
  });

  it('repeats a table header above rows that continue on a new page', () => {
    const units = [unit(50), unit(10, { keepWithNext: true }), unit(20, { header: 1 }), unit(20, { header: 1 }), unit(20, { header: 1 }), unit(20, { header: 1 })];
    expect(paginate(units, 100).pages).toEqual([[0, 1, 2, 3], [1, 4, 5]]);
  });

  it('puts a unit taller than a page on a page of its own and reports it', () => {
    const result = paginate([unit(30), unit(150), unit(30)], 100);
    expect(result.pages).toEqual([[0], [1], [2]]);
    expect(result.oversized).toEqual([1]);
  });

  it('keeps a heading with a passage taller than a page rather than leaving it alone at a page foot or on a page of its own', () => {
    const result = paginate([unit(60), unit(10, { keepWithNext: true }), unit(150), unit(30)], 100);
    expect(result.pages).toEqual([[0], [1, 2], [3]]);
    expect(result.oversized).toEqual([2]);
    const chapter = paginate([unit(20, { breakBefore: true, keepWithNext: true }), unit(10, { keepWithNext: true }), unit(150)], 100);
    expect(chapter.pages).toEqual([[0, 1, 2]]);
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
          const first = units[page[0]!]!;
          expect(first.header, 'a page does not start with a bare row').toBeUndefined();
          expect(units[page.at(-1)!]!.keepWithNext, 'a header is not last on its page').toBeFalsy();
          expect(page.reduce((sum, i) => sum + units[i]!.height, 0)).toBeLessThanOrEqual(100);
        }
        // Every unit once, in order, apart from the repeated headers.
        expect(pages.flat().filter((i, k, all) => all.indexOf(i) === k)).toEqual(units.map((_, i) => i));
      }),
    );
  });

  it('never overfills a page with units that fit, and keeps every unit once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ height: fc.integer({ min: 1, max: 100 }), breakBefore: fc.boolean(), keepWithNext: fc.boolean() }), { maxLength: 200 }), (units) => {
        const { pages } = paginate(units, 100);
        expect(pages.flat()).toEqual(units.map((_, i) => i));
        for (const page of pages) expect(page.reduce((sum, i) => sum + units[i]!.height, 0) <= 100 || page.length === 1).toBe(true);
      }),
    );
  });
});
