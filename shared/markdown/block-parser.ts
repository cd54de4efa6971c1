import { parseInlines } from './inline-parser';
import type { MdBlock, MdList, MdListItem, MdNestedListItem } from './tree';

/** The block parser: paragraphs and (one level of nested) lists, with the source span of every top-level block. */

const BULLET_ITEM = /^([ \t]*)[-*+][ \t]+(.*)$/s;
const ORDERED_ITEM = /^([ \t]*)(\d{1,9})[.)][ \t]+(.*)$/s;

interface ItemLine {
  indent: number;
  ordered: boolean;
  start: number;
  content: string;
}

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const c of whitespace) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

function matchItem(line: string): ItemLine | undefined {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { indent: indentWidth(bullet[1] ?? ''), ordered: false, start: 1, content: (bullet[2] ?? '').trim() };
  const ordered = ORDERED_ITEM.exec(line);
  if (ordered) return { indent: indentWidth(ordered[1] ?? ''), ordered: true, start: Number(ordered[2]), content: (ordered[3] ?? '').trim() };
  return undefined;
}

interface PendingItem {
  lines: string[];
  sublists: PendingList[];
}
interface PendingList {
  ordered: boolean;
  start: number;
  indent: number;
  items: PendingItem[];
}
type Pending = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; list: PendingList };

function toList<Item>(pending: PendingList, item: (p: PendingItem) => Item): MdList<Item> {
  const items = pending.items.map(item);
  return pending.ordered ? { type: 'orderedList', start: pending.start, items } : { type: 'bulletList', items };
}

function toBlock(pending: Pending): MdBlock {
  if (pending.kind === 'paragraph') return { type: 'paragraph', children: parseInlines(pending.lines.join('\n')) };
  return toList(pending.list, (p): MdListItem => {
    const children = parseInlines(p.lines.join('\n'));
    if (p.sublists.length === 0) return { children };
    return { children, sublists: p.sublists.map((s) => toList(s, (q): MdNestedListItem => ({ children: parseInlines(q.lines.join('\n')) }))) };
  });
}

/**
 * Where a top-level block starts and ends in the source text: a paragraph, or one top-level list
 * item with the items nested under it. `number` is the number an ordered item has in its list
 * (its list's start plus its place), so a piece cut out on its own keeps it.
 */
export type MdBlockSpan = { kind: 'paragraph'; start: number; end: number } | { kind: 'item'; ordered: boolean; number: number; start: number; end: number };

/**
 * Parses briefing text into blocks. Never throws; anything outside the subset is literal
 * text. A line that is not a list item continues the item above it (as a line break) unless a
 * blank line came between; items indented two or more columns past the list's first item nest
 * one level (deeper indents stay at that level). A numbered item interrupts a paragraph only
 * when it is numbered 1, so "…in\n2024. The" stays one paragraph.
 */
export function parseMarkdown(text: string): MdBlock[] {
  return parseMarkdownWithSpans(text).blocks;
}

/** parseMarkdown, with the source span of every paragraph and top-level list item (for cutting the text into pieces). */
export function parseMarkdownWithSpans(text: string): { blocks: MdBlock[]; spans: MdBlockSpan[] } {
  const blocks: MdBlock[] = [];
  const spans: MdBlockSpan[] = [];
  let current: Pending | null = null;
  let blankSeen = false;
  const close = () => {
    if (current) blocks.push(toBlock(current));
    current = null;
  };
  const source = String(text ?? '').replace(/\0/g, '\ufffd');
  const lineBreak = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const found = lineBreak.exec(source);
    const end = found ? found.index : source.length;
    const line = source.slice(from, end);
    const start = from;
    from = found ? found.index + found[0].length : source.length;
    const extend = () => {
      const span = spans[spans.length - 1];
      if (span) span.end = end;
    };
    step: {
      if (line.trim() === '') {
        if (current?.kind === 'paragraph') close();
        blankSeen = true;
        break step;
      }
      const item = matchItem(line);
      const open = current as Pending | null;
      if (item) {
        const newItem: PendingItem = { lines: [item.content], sublists: [] };
        if (open?.kind === 'list') {
          const list = open.list;
          const parent = list.items[list.items.length - 1];
          if (parent && item.indent >= list.indent + 2) {
            const sub = parent.sublists[parent.sublists.length - 1];
            if (sub && sub.ordered === item.ordered) sub.items.push(newItem);
            else parent.sublists.push({ ordered: item.ordered, start: item.start, indent: item.indent, items: [newItem] });
            blankSeen = false;
            extend();
            break step;
          }
          if (list.ordered === item.ordered) {
            list.items.push(newItem);
            spans.push({ kind: 'item', ordered: list.ordered, number: list.start + list.items.length - 1, start, end });
            blankSeen = false;
            break step;
          }
        } else if (open?.kind === 'paragraph' && item.ordered && item.start !== 1) {
          open.lines.push(line.trim());
          extend();
          break step;
        }
        close();
        current = { kind: 'list', list: { ordered: item.ordered, start: item.start, indent: item.indent, items: [newItem] } };
        spans.push({ kind: 'item', ordered: item.ordered, number: item.start, start, end });
        blankSeen = false;
        break step;
      }
      if (open?.kind === 'list' && !blankSeen) {
        const top = open.list.items[open.list.items.length - 1]!;
        const sub = top.sublists[top.sublists.length - 1];
        const deepest = sub ? sub.items[sub.items.length - 1]! : top;
        deepest.lines.push(line.trim());
        extend();
        break step;
      }
      if (open?.kind === 'paragraph') {
        open.lines.push(line.trim());
        extend();
        break step;
      }
      close();
      current = { kind: 'paragraph', lines: [line.trim()] };
      spans.push({ kind: 'paragraph', start, end });
      blankSeen = false;
    }
    if (!found) break;
  }
  close();
  return { blocks, spans };
}
