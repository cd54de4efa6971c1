import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock, type MdInline, type MdList } from '../../shared/markdown';
import type { markdown as markdownMessages } from '../i18n/en/markdown';
import { toSafeExternalUrl } from '../../shared/trusted-url';
import { openExternal } from '../platform/platform';

/*
 * Briefing text written by delegates, rendered from the parsed tree as React elements (never
 * as HTML). Links open only through openExternal, which accepts public https addresses alone;
 * so only those become <a> elements. An http: or mailto: link (allowed by the parser, and
 * printed as a link by renderMarkdownToHtml) is shown here as its text followed by its address
 * in plain text, so the delegate can still read and copy it but nothing clickable leads nowhere.
 * The same applies to https links that openExternal would refuse (localhost, credentials…).
 */

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
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

function visibleAddress(href: string): string {
  return /^mailto:/i.test(href) ? href.slice('mailto:'.length) : href;
}

function renderInlines(inlines: readonly MdInline[]): ReactNode[] {
  return inlines.map((inline, i) => {
    switch (inline.type) {
      case 'text':
        return inline.text;
      case 'lineBreak':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{renderInlines(inline.children)}</strong>;
      case 'emphasis':
        return <em key={i}>{renderInlines(inline.children)}</em>;
      case 'link': {
        const children = renderInlines(inline.children);
        if (toSafeExternalUrl(inline.href) !== undefined) {
          return (
            <ExternalLink key={i} href={inline.href}>
              {children}
            </ExternalLink>
          );
        }
        const address = visibleAddress(inline.href);
        const onlyAddress = inline.children.length === 1 && inline.children[0]?.type === 'text' && inline.children[0].text === inline.href;
        return (
          <span key={i} className="markdown-inert-link">
            {onlyAddress ? address : <>{children} ({address})</>}
          </span>
        );
      }
    }
  });
}

function renderList(list: MdList<{ children: MdInline[]; sublists?: MdList<{ children: MdInline[] }>[] }>, key: number): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i}>
      {renderInlines(item.children)}
      {item.sublists?.map(renderList)}
    </li>
  ));
  if (list.type === 'bulletList') return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} start={list.start === 1 ? undefined : list.start}>
      {items}
    </ol>
  );
}

function renderBlock(block: MdBlock, key: number): ReactNode {
  return block.type === 'paragraph' ? <p key={key}>{renderInlines(block.children)}</p> : renderList(block, key);
}

/** Renders delegate-written briefing text in the app's markdown subset. */
export function Markdown({ text, className = 'markdown' }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={className}>{blocks.map(renderBlock)}</div>;
}

export type MarkdownMessageKey = keyof typeof markdownMessages;

/** A short reminder of the syntax, next to text areas that accept it; `t` is the app's `useT()`. */
export function MarkdownHelp({ t, id }: { t: (key: MarkdownMessageKey) => string; id?: string }) {
  const sample = t('markdown.help.sample');
  const rows: [string, MarkdownMessageKey][] = [
    [`**${sample}**`, 'markdown.help.strong'],
    [`*${sample}*`, 'markdown.help.emphasis'],
    [`[${sample}](https://…)`, 'markdown.help.link'],
    ['- ', 'markdown.help.bullet'],
    ['1. ', 'markdown.help.numbered'],
    ['\\*', 'markdown.help.escape'],
  ];
  return (
    <div className="markdown-help" id={id}>
      <p>{t('markdown.help')}</p>
      <dl>
        {rows.map(([syntax, key]) => (
          <div key={key}>
            <dt>
              <code>{syntax}</code>
            </dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('markdown.help.paragraphs')}</p>
      <p>{t('markdown.help.safety')}</p>
    </div>
  );
}
