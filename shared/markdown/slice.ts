import type { MdBlock, MdInline, MdList } from './parse';

/*
 * Cuts parsed markdown at positions in its visible text, for a passage that continues on the
 * next printed page. A position counts the characters of the text leaves in document order,
 * exactly as a browser's Range counts the text the tree renders to (line breaks, list markers
 * and element boundaries count nothing), so a cut measured in the page lands on the same
 * character here. Pure and linear in the size of the tree.
 */

/** A list item that begins before the slice: its marker was printed with its first part. */
export interface SlicedItem {
  children: MdInline[];
  sublists?: MdList<SlicedItem>[];
  continued?: true;
}
export type SlicedBlock = { type: 'paragraph'; children: MdInline[]; continued?: true } | MdList<SlicedItem>;

function inlineLength(inlines: readonly MdInline[]): number {
  let n = 0;
  for (const inline of inlines) {
    if (inline.type === 'text') n += inline.text.length;
    else if (inline.type !== 'lineBreak') n += inlineLength(inline.children);
  }
  return n;
}

type AnyItem = { children: MdInline[]; sublists?: MdList<AnyItem>[] };

function itemLength(item: AnyItem): number {
  return inlineLength(item.children) + (item.sublists ?? []).reduce((n, list) => n + listLength(list), 0);
}

function listLength(list: MdList<AnyItem>): number {
  return list.items.reduce((n, item) => n + itemLength(item), 0);
}

/** The number of visible characters of the blocks. */
export function visibleLength(blocks: readonly MdBlock[]): number {
  return blocks.reduce((n, block) => n + (block.type === 'paragraph' ? inlineLength(block.children) : listLength(block)), 0);
}

/** Inline content between visible positions from and to (relative to its own start). */
function sliceInlines(inlines: readonly MdInline[], from: number, to: number): MdInline[] {
  const out: MdInline[] = [];
  let pos = 0;
  for (const inline of inlines) {
    if (inline.type === 'lineBreak') {
      // A break at a cut belongs to neither side: it would open the next part with an empty line.
      if (pos > from && pos < to) out.push(inline);
      continue;
    }
    const length = inline.type === 'text' ? inline.text.length : inlineLength(inline.children);
    const start = pos;
    pos += length;
    if (pos <= from || start >= to) continue;
    if (inline.type === 'text') out.push({ type: 'text', text: inline.text.slice(Math.max(0, from - start), to - start) });
    else out.push({ ...inline, children: sliceInlines(inline.children, from - start, to - start) });
  }
  return out;
}

function sliceList(list: MdList<AnyItem>, from: number, to: number): MdList<SlicedItem> | undefined {
  const items: SlicedItem[] = [];
  let first = -1;
  let pos = 0;
  list.items.forEach((item, index) => {
    const start = pos;
    const length = itemLength(item);
    pos += length;
    if (pos <= from || start >= to || length === 0) return;
    if (first < 0) first = index;
    const own = inlineLength(item.children);
    const sliced: SlicedItem = { children: sliceInlines(item.children, from - start, to - start) };
    if (start < from) sliced.continued = true;
    let subStart = start + own;
    const sublists: MdList<SlicedItem>[] = [];
    for (const sub of item.sublists ?? []) {
      const subLength = listLength(sub);
      const part = sliceList(sub, from - subStart, to - subStart);
      if (part) sublists.push(part);
      subStart += subLength;
    }
    if (sublists.length > 0) sliced.sublists = sublists;
    items.push(sliced);
  });
  if (items.length === 0) return undefined;
  return list.type === 'orderedList' ? { type: 'orderedList', start: list.start + first, items } : { type: 'bulletList', items };
}

/** The blocks between visible positions from and to; an item or paragraph cut at `from` is marked continued. */
export function sliceBlocks(blocks: readonly MdBlock[], from: number, to: number): SlicedBlock[] {
  const out: SlicedBlock[] = [];
  let pos = 0;
  for (const block of blocks) {
    const start = pos;
    const length = block.type === 'paragraph' ? inlineLength(block.children) : listLength(block);
    pos += length;
    if (pos <= from || start >= to || length === 0) continue;
    if (block.type === 'paragraph') {
      out.push({ type: 'paragraph', children: sliceInlines(block.children, from - start, to - start), ...(start < from ? { continued: true as const } : {}) });
      continue;
    }
    const list = sliceList(block, from - start, to - start);
    if (list) out.push(list);
  }
  return out;
}

/**
 * For print: a link shows its address after its text (paper cannot be clicked), unless the text
 * is the address. The address becomes a text leaf, so it counts in positions like any other.
 */
export function withLinkAddresses(blocks: readonly MdBlock[]): MdBlock[] {
  const inlines = (list: readonly MdInline[]): MdInline[] =>
    list.flatMap((inline): MdInline[] => {
      if (inline.type === 'text' || inline.type === 'lineBreak') return [inline];
      const children = inlines(inline.children);
      if (inline.type !== 'link') return [{ ...inline, children }];
      const shown = children.length === 1 && children[0]?.type === 'text' ? children[0].text : undefined;
      const address = inline.href.replace(/^mailto:/i, '');
      return shown === inline.href || shown === address ? [{ ...inline, children }] : [{ ...inline, children }, { type: 'text', text: ` (${address})` }];
    });
  const list = <L extends MdList<AnyItem>>(l: L): L => ({ ...l, items: l.items.map((item) => ({ ...item, children: inlines(item.children), ...(item.sublists ? { sublists: item.sublists.map(list) } : {}) })) });
  return blocks.map((block) => (block.type === 'paragraph' ? { ...block, children: inlines(block.children) } : list(block)));
}
