import type { MdInline } from './tree';

/** Strong/emphasis/link nesting deeper than this is flattened (keeps every renderer's recursion shallow). */
export const MAX_INLINE_DEPTH = 8;

/**
 * Copies the tree iteratively, merging adjacent text, dropping empty text, unwrapping links
 * inside links and formatting nested deeper than MAX_INLINE_DEPTH.
 */
export function finalise(top: MdInline[]): MdInline[] {
  const out: MdInline[] = [];
  const stack: { items: MdInline[]; index: number; target: MdInline[]; depth: number; inLink: boolean }[] = [
    { items: top, index: 0, target: out, depth: 0, inLink: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const item = frame.items[frame.index++];
    if (!item) {
      stack.pop();
      continue;
    }
    const { target } = frame;
    if (item.type === 'text') {
      if (item.text === '') continue;
      const last = target[target.length - 1];
      if (last?.type === 'text') target[target.length - 1] = { type: 'text', text: last.text + item.text };
      else target.push({ type: 'text', text: item.text });
    } else if (item.type === 'lineBreak') {
      target.push({ type: 'lineBreak' });
    } else if (item.type === 'link' ? frame.inLink : frame.depth >= MAX_INLINE_DEPTH) {
      stack.push({ items: item.children, index: 0, target, depth: frame.depth, inLink: frame.inLink });
    } else {
      const children: MdInline[] = [];
      target.push(item.type === 'link' ? { type: 'link', href: item.href, children } : { type: item.type, children });
      stack.push({ items: item.children, index: 0, target: children, depth: frame.depth + 1, inLink: frame.inLink || item.type === 'link' });
    }
  }
  return out;
}
