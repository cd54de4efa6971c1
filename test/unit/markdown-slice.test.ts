import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type MdInline } from '../../shared/markdown';
import { sliceBlocks, visibleLength, withLinkAddresses, type SlicedBlock, type SlicedItem } from '../../shared/markdown/slice';

function inlineText(inlines: readonly MdInline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'lineBreak' ? '' : inlineText(i.children))).join('');
}
function itemText(item: SlicedItem): string {
  return inlineText(item.children) + (item.sublists ?? []).map((l) => l.items.map(itemText).join('')).join('');
}
/** The visible characters of blocks, as a browser's Range reads the rendered tree. */
function visible(blocks: readonly SlicedBlock[]): string {
  return blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.items.map(itemText).join(''))).join('');
}

describe('sliceBlocks', () => {
  it('cuts a paragraph and a list at visible positions, marking the continued part', () => {
    const blocks = parseMarkdown('Some **bold** text\n\n3. first item\n4. second item');
    expect(visibleLength(blocks)).toBe('Some bold text'.length + 'first item'.length + 'second item'.length);
    const tail = sliceBlocks(blocks, 'Some bold text'.length + 6, Infinity);
    expect(tail).toEqual([{ type: 'orderedList', start: 3, items: [{ children: [{ type: 'text', text: 'item' }], continued: true }, { children: [{ type: 'text', text: 'second item' }] }] }]);
    const head = sliceBlocks(blocks, 0, 7);
    expect(head).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Some ' }, { type: 'strong', children: [{ type: 'text', text: 'bo' }] }] }]);
    expect(sliceBlocks(blocks, 0, 'Some bold text'.length + 10)[1]).toMatchObject({ type: 'orderedList', start: 3, items: [{ children: [{ text: 'first item' }] }] });
    expect(sliceBlocks(blocks, 'Some bold text'.length + 10, Infinity)[0]).toMatchObject({ start: 4 });
  });

  it('gives parts whose text, put together, is the whole passage, for any cuts', () => {
    const line = fc.oneof(fc.constantFrom('', '- item', '  - nested one', '1. one', '2) two', 'text **bold** and _em_', 'a [link](https://example.org) b', 'line  \nbreak'), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 5 }), (lines, cuts) => {
        const blocks = withLinkAddresses(parseMarkdown(lines.join('\n')));
        const length = visibleLength(blocks);
        const points = [...new Set([0, ...cuts.map((c) => (length === 0 ? 0 : c % length)), length])].sort((a, b) => a - b);
        const whole = visible(blocks as SlicedBlock[]);
        const parts = points.slice(1).map((to, k) => visible(sliceBlocks(blocks, points[k]!, to)));
        expect(parts.join('')).toBe(whole);
        parts.forEach((part, k) => expect(part.length).toBe(points[k + 1]! - points[k]!));
      }),
      { numRuns: 300 },
    );
  });

  it('prints a link with its address, unless the text is the address', () => {
    expect(visible(withLinkAddresses(parseMarkdown('[the plan](https://asean.org/plan) and https://asean.org')) as SlicedBlock[])).toBe('the plan (https://asean.org/plan) and https://asean.org');
  });
});
