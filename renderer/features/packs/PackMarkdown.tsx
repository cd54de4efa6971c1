import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock } from '../../../shared/markdown';
import { sliceBlocks, visibleLength, withLinkAddresses, type SlicedBlock } from '../../../shared/markdown/slice';
import { ExternalLink, markdownBlocks, type MarkdownDrawing } from '../../components/markdown-elements';

/*
 * Delegate-written markdown as printed in a pack: the app's markdown elements
 * (components/markdown-elements.tsx), but it prints a link's address after its text and
 * can render a part of a passage split over pages (a range of its visible characters). Long
 * tokens such as addresses get break opportunities at their punctuation, so they wrap there
 * rather than anywhere.
 */

const parsed = new Map<string, MdBlock[]>();
const PARSED_KEEP = 2000;

/** The printed tree of a passage (cached: a long passage is rendered once per page it spans). */
export function printedBlocks(text: string): MdBlock[] {
  let blocks = parsed.get(text);
  if (!blocks) {
    if (parsed.size >= PARSED_KEEP) parsed.clear();
    blocks = withLinkAddresses(parseMarkdown(text));
    parsed.set(text, blocks);
  }
  return blocks;
}

/** The number of visible characters of a passage, as the page's Range counts them. */
export function printedLength(text: string): number {
  return visibleLength(printedBlocks(text));
}

/** Tokens longer than this get break opportunities after their punctuation. */
const LONG_TOKEN = 18;
const TOKEN = /\S{18,}/g;
const BREAK_AFTER = /[/.\-_@?&=#:;,+~|\\]/;

/** Text with `<wbr>` after the punctuation of overlong tokens (addresses, file names); the characters are unchanged. */
export function breakable(text: string): ReactNode {
  if (text.length < LONG_TOKEN) return text;
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(TOKEN)) {
    for (let i = 0; i < match[0].length - 1; i++) {
      if (!BREAK_AFTER.test(match[0][i]!)) continue;
      const at = match.index + i + 1;
      out.push(text.slice(last, at), <wbr key={key++} />);
      last = at;
    }
  }
  if (out.length === 0) return text;
  out.push(text.slice(last));
  return out;
}

const printed: MarkdownDrawing = {
  text: (text, key) => <Fragment key={key}>{breakable(text)}</Fragment>,
  link: (link, children, key) => (
    <ExternalLink key={key} href={link.href}>
      {children}
    </ExternalLink>
  ),
};

/** A passage, or the part [from, to) of its visible characters; `data-slice` marks it for the splitter. */
export function PackMarkdown({ text, range, className = 'markdown' }: { text: string; range?: readonly [number, number]; className?: string }) {
  const blocks = printedBlocks(text);
  const shown: SlicedBlock[] = range ? sliceBlocks(blocks, range[0], range[1]) : (blocks as SlicedBlock[]);
  return (
    <div className={className} data-slice="">
      {markdownBlocks(shown, printed)}
    </div>
  );
}
