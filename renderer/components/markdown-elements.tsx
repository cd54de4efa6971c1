import type { MouseEvent, ReactNode } from 'react';
import type { MdInline, MdLink, MdList } from '../../shared/markdown';
import type { SlicedBlock, SlicedItem } from '../../shared/markdown/slice';
import { toSafeExternalUrl } from '../../shared/trusted-url';
import { openExternal } from '../platform/platform';

/*
 * The parsed markdown tree as React elements (never HTML), shared by the app's Markdown and the
 * pack's PackMarkdown. They differ only in how a run of text and a link are drawn, so those two
 * come from the caller; blocks, lists (with the pack's "continued" items) and emphasis are here.
 */

export interface MarkdownDrawing {
  text(text: string, key: number): ReactNode;
  link(link: MdLink, children: ReactNode[], key: number): ReactNode;
}

/** A link that opens only through openExternal (public https addresses); anything else is inert text. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
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

export function markdownInlines(list: readonly MdInline[], draw: MarkdownDrawing): ReactNode[] {
  return list.map((inline, i) => {
    switch (inline.type) {
      case 'text':
        return draw.text(inline.text, i);
      case 'lineBreak':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{markdownInlines(inline.children, draw)}</strong>;
      case 'emphasis':
        return <em key={i}>{markdownInlines(inline.children, draw)}</em>;
      case 'link':
        return draw.link(inline, markdownInlines(inline.children, draw), i);
    }
  });
}

function markdownList(list: MdList<SlicedItem>, key: number, draw: MarkdownDrawing): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i} className={item.continued ? 'continued' : undefined}>
      {markdownInlines(item.children, draw)}
      {item.sublists?.map((sublist, j) => markdownList(sublist, j, draw))}
    </li>
  ));
  if (list.type === 'bulletList') return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} start={list.start === 1 ? undefined : list.start}>
      {items}
    </ol>
  );
}

export function markdownBlocks(blocks: readonly SlicedBlock[], draw: MarkdownDrawing): ReactNode[] {
  return blocks.map((block, key) => (block.type === 'paragraph' ? <p key={key}>{markdownInlines(block.children, draw)}</p> : markdownList(block, key, draw)));
}
