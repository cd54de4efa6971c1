import { useMemo } from 'react';
import { parseMarkdown } from '../../shared/markdown';
import type { markdown as markdownMessages } from '../i18n/en/markdown';
import { toSafeExternalUrl } from '../../shared/trusted-url';
import { ExternalLink, markdownBlocks, type MarkdownDrawing } from './markdown-elements';

/*
 * Briefing text written by delegates, rendered from the parsed tree as React elements (never
 * as HTML). Links open only through openExternal, which accepts public https addresses alone;
 * so only those become <a> elements. An http: or mailto: link (allowed by the parser, and
 * printed as a link by renderMarkdownToHtml) is shown here as its text followed by its address
 * in plain text, so the delegate can still read and copy it but nothing clickable leads nowhere.
 * The same applies to https links that openExternal would refuse (localhost, credentials…).
 */

function visibleAddress(href: string): string {
  return /^mailto:/i.test(href) ? href.slice('mailto:'.length) : href;
}

const onScreen: MarkdownDrawing = {
  text: (text) => text,
  link(link, children, key) {
    if (toSafeExternalUrl(link.href) !== undefined) {
      return (
        <ExternalLink key={key} href={link.href}>
          {children}
        </ExternalLink>
      );
    }
    const address = visibleAddress(link.href);
    const onlyAddress = link.children.length === 1 && link.children[0]?.type === 'text' && link.children[0].text === link.href;
    return (
      <span key={key} className="markdown-inert-link">
        {onlyAddress ? address : <>{children} ({address})</>}
      </span>
    );
  },
};

/** Renders delegate-written briefing text in the app's markdown subset. */
export function Markdown({ text, className = 'markdown' }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={className}>{markdownBlocks(blocks, onScreen)}</div>;
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
