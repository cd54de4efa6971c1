/*
 * String renderers over the parsed tree: plain text for search indexing and glossary scans,
 * and HTML for printed packs. The HTML renderer escapes every piece of text and attribute and
 * emits only <p>, <ul>, <ol start>, <li>, <strong>, <em>, <br> and <a href rel>.
 */
import { parseMarkdown, type MdBlock, type MdInline, type MdList } from './parse';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The visible text of inline content; line breaks become `\n`. */
export function inlinesToPlainText(inlines: readonly MdInline[]): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.type === 'text') out += inline.text;
    else if (inline.type === 'lineBreak') out += '\n';
    else out += inlinesToPlainText(inline.children);
  }
  return out;
}

function listToPlainText(list: MdList<{ children: MdInline[]; sublists?: MdList<{ children: MdInline[] }>[] }>): string {
  return list.items
    .map((item) => [inlinesToPlainText(item.children), ...(item.sublists ?? []).map(listToPlainText)].join('\n'))
    .join('\n');
}

/**
 * What a reader sees, without markup: paragraphs separated by a blank line, one list item per
 * line (no bullets or numbers), link text without its address.
 */
export function markdownToPlainText(text: string): string {
  return parseMarkdown(text)
    .map((block) => (block.type === 'paragraph' ? inlinesToPlainText(block.children) : listToPlainText(block)))
    .join('\n\n');
}

export function inlinesToHtml(inlines: readonly MdInline[]): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out += escapeHtml(inline.text);
        break;
      case 'lineBreak':
        out += '<br>';
        break;
      case 'strong':
        out += `<strong>${inlinesToHtml(inline.children)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${inlinesToHtml(inline.children)}</em>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${inlinesToHtml(inline.children)}</a>`;
        break;
    }
  }
  return out;
}

function listToHtml(list: MdList<{ children: MdInline[]; sublists?: MdList<{ children: MdInline[] }>[] }>): string {
  const items = list.items.map((item) => `<li>${inlinesToHtml(item.children)}${(item.sublists ?? []).map(listToHtml).join('')}</li>`).join('');
  if (list.type === 'bulletList') return `<ul>${items}</ul>`;
  const start = Number.isSafeInteger(list.start) && list.start !== 1 ? ` start="${list.start}"` : '';
  return `<ol${start}>${items}</ol>`;
}

export function blocksToHtml(blocks: readonly MdBlock[]): string {
  return blocks.map((block) => (block.type === 'paragraph' ? `<p>${inlinesToHtml(block.children)}</p>` : listToHtml(block))).join('\n');
}

/** HTML for printed packs; safe to place inside any element of a trusted document. */
export function renderMarkdownToHtml(text: string): string {
  return blocksToHtml(parseMarkdown(text));
}
