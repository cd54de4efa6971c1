import { describe, expect, it } from 'vitest';
import { markdownToPlainText, parseMarkdown, renderMarkdownToHtml, type MdInline } from '../../shared/markdown';
import { XSS_CORPUS } from './markdown-xss-corpus';

/** Every tag the HTML renderer may emit, with its only allowed attributes. */
const ALLOWED_TAG = /^<(?:\/?(?:p|ul|ol|li|strong|em)|br|ol start="\d+"|a href="[^"<>]*" rel="noopener noreferrer"|\/a)>$/;

function tags(html: string): string[] {
  return html.match(/<[^>]*>?/g) ?? [];
}

function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => unescapeAttribute(m[1] ?? ''));
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function linkHrefs(inlines: MdInline[]): string[] {
  return inlines.flatMap((i) => (i.type === 'link' ? [i.href, ...linkHrefs(i.children)] : i.type === 'text' || i.type === 'lineBreak' ? [] : linkHrefs(i.children)));
}

describe('the XSS corpus through renderMarkdownToHtml', () => {
  it('has at least 40 payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_CORPUS.map((c) => [c.payload, c] as const))('%s', (_, { payload, visible }) => {
    const html = renderMarkdownToHtml(payload);
    // Only the renderer's own tags, with only their own attributes: no <script, no on*=.
    for (const tag of tags(html)) expect(tag).toMatch(ALLOWED_TAG);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    // Links point only at allowed schemes.
    for (const href of hrefs(html)) {
      expect(href).toMatch(/^(?:https?:\/\/|mailto:)/i);
      expect(href).not.toMatch(/javascript:|data:|vbscript:/i);
    }
    // Every < and > of the payload is escaped (none was turned into markup).
    expect(count(html, '&lt;')).toBe(count(payload, '<'));
    expect(count(html, '&gt;')).toBe(count(payload, '>'));
    // What the reader sees is the payload's text.
    const plain = markdownToPlainText(payload);
    for (const fragment of visible ?? [payload]) expect(plain).toContain(fragment);
  });

  it.each(XSS_CORPUS.map((c) => c.payload))('links in the tree of %s are allowed schemes only', (payload) => {
    const blocks = parseMarkdown(payload);
    for (const block of blocks) {
      const inlines = block.type === 'paragraph' ? block.children : block.items.flatMap((i) => i.children);
      for (const href of linkHrefs(inlines)) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/i);
    }
  });
});
