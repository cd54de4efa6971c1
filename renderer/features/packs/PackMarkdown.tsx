import { Fragment, type MouseEvent, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock, type MdInline, type MdList } from '../../../shared/markdown';
import { sliceBlocks, visibleLength, withLinkAddresses, type SlicedBlock, type SlicedItem } from '../../../shared/markdown/slice';
import { toSafeExternalUrl } from '../../../shared/trusted-url';
import { openExternal } from '../../platform/platform';

/*
 * Delegate-written markdown as printed in a pack: like the app's Markdown component (React
 * elements from the parsed tree, never HTML), but it prints a link's address after its text and
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

function Link({ href, children }: { href: string; children: ReactNode }) {
  const safe = toSafeExternalUrl(href);
  if (safe === undefined) return <span className="markdown-inert-link">{children}</span>;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void openExternal(safe);
  };
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" onClick={open}>
      {children}
    </a>
  );
}

function inlines(list: readonly MdInline[]): ReactNode[] {
  return list.map((inline, i) => {
    switch (inline.type) {
      case 'text':
        return <Fragment key={i}>{breakable(inline.text)}</Fragment>;
      case 'lineBreak':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inlines(inline.children)}</strong>;
      case 'emphasis':
        return <em key={i}>{inlines(inline.children)}</em>;
      case 'link':
        return (
          <Link key={i} href={inline.href}>
            {inlines(inline.children)}
          </Link>
        );
    }
  });
}

function list(l: MdList<SlicedItem>, key: number): ReactNode {
  const items = l.items.map((item, i) => (
    <li key={i} className={item.continued ? 'continued' : undefined}>
      {inlines(item.children)}
      {item.sublists?.map(list)}
    </li>
  ));
  if (l.type === 'bulletList') return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} start={l.start === 1 ? undefined : l.start}>
      {items}
    </ol>
  );
}

function block(b: SlicedBlock, key: number): ReactNode {
  return b.type === 'paragraph' ? <p key={key}>{inlines(b.children)}</p> : list(b, key);
}

/** A passage, or the part [from, to) of its visible characters; `data-slice` marks it for the splitter. */
export function PackMarkdown({ text, range, className = 'markdown' }: { text: string; range?: readonly [number, number]; className?: string }) {
  const blocks = printedBlocks(text);
  const shown: SlicedBlock[] = range ? sliceBlocks(blocks, range[0], range[1]) : (blocks as SlicedBlock[]);
  return (
    <div className={className} data-slice="">
      {shown.map(block)}
    </div>
  );
}
