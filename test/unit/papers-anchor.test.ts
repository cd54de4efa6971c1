import { describe, expect, it } from 'vitest';
import { anchorQuote, describeRange } from '../../shared/papers/anchor';
import { documentTextOf, pageOfOffset, pageTextOf } from '../../shared/papers/page-text';

const v0 =
  'The Meeting noted the progress of the ASEAN Working Group on Climate Change. ' +
  'Member States agreed to submit their national reports by 30 June 2026. ' +
  'The Meeting welcomed the offer of Malaysia to host the regional workshop on carbon markets. ' +
  'The Meeting agreed that the working group should report back to ASOEN.';

function rangeOf(text: string, words: string) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in text: ${words}`);
  return describeRange(text, start, start + words.length);
}

describe('text-quote anchoring', () => {
  it('describes a range with its words, context and position', () => {
    const { quote, position } = rangeOf(v0, 'national reports');
    expect(quote.exact).toBe('national reports');
    expect(quote.prefix.endsWith('submit their ')).toBe(true);
    expect(quote.suffix.startsWith(' by 30 June')).toBe(true);
    expect(position.end - position.start).toBe('national reports'.length);
  });

  it('finds an unchanged quote where it was', () => {
    const sel = rangeOf(v0, 'regional workshop on carbon markets');
    expect(anchorQuote(v0, sel.quote, sel.position)).toMatchObject({ start: sel.position.start, status: 'anchored' });
  });

  it('moves a quote whose text moved (a paragraph inserted before it)', () => {
    const sel = rangeOf(v0, 'regional workshop on carbon markets');
    const v1 = 'A new opening paragraph was added in this revision of the report. ' + v0;
    const found = anchorQuote(v1, sel.quote, sel.position)!;
    expect(found.status).toBe('moved');
    expect(v1.slice(found.start, found.end)).toBe('regional workshop on carbon markets');
  });

  it('picks the occurrence whose context matches when the words repeat', () => {
    const sel = rangeOf(v0, 'The Meeting agreed');
    const found = anchorQuote(v0.replace('The Meeting noted', 'The Meeting agreed'), sel.quote, { ...sel.position, start: 0, end: 5 })!;
    expect(found.start).toBeGreaterThan(200);
  });

  it('follows a quote whose words were changed slightly (fuzzy)', () => {
    const sel = rangeOf(v0, 'Member States agreed to submit their national reports by 30 June 2026');
    const v1 = v0.replace('by 30 June 2026', 'by 31 July 2026');
    const found = anchorQuote(v1, sel.quote, sel.position)!;
    expect(found.status).toBe('fuzzy');
    expect(v1.slice(found.start, found.end)).toContain('national reports by 31 July');
  });

  it('gives nothing for a quote whose text is gone (an orphan, never a wrong place)', () => {
    const sel = rangeOf(v0, 'welcomed the offer of Malaysia to host the regional workshop on carbon markets');
    const v1 = v0.replace('The Meeting welcomed the offer of Malaysia to host the regional workshop on carbon markets. ', '');
    expect(anchorQuote(v1, sel.quote, sel.position)).toBeUndefined();
  });

  it('refuses a backwards or empty range', () => {
    expect(() => describeRange(v0, 5, 5)).toThrow(RangeError);
  });
});

describe('page text', () => {
  it('joins runs, breaks lines after EOL runs and maps offsets to pages', () => {
    const page = pageTextOf([
      { str: 'Draft joint', hasEOL: false },
      { str: ' ', hasEOL: false },
      { str: 'statement', hasEOL: true },
      { str: 'Rev.1', hasEOL: false },
    ]);
    expect(page.text).toBe('Draft joint statement\nRev.1');
    expect(page.runStarts).toEqual([0, 11, 12, 22]);
    const doc = documentTextOf(['one', 'two two', 'three']);
    expect(doc.text.slice(doc.pageStarts[1], doc.pageStarts[1]! + 7)).toBe('two two');
    expect(pageOfOffset(doc.pageStarts, 0)).toBe(1);
    expect(pageOfOffset(doc.pageStarts, doc.pageStarts[2]!)).toBe(3);
    expect(pageOfOffset(doc.pageStarts, doc.pageStarts[2]! - 1)).toBe(2);
  });
});

describe('find in a paper', () => {
  it('finds a phrase across pages ignoring case, diacritics and line breaks, with page offsets', async () => {
    const { findInPages } = await import('../../shared/papers/find');
    const pages = ['The meeting in Hà Nội\nagreed.', 'Nothing here.', 'HA NOI agreed again'];
    const found = findInPages(pages, 'ha noi agreed');
    expect(found).toEqual([
      { page: 1, start: 15, end: 28 },
      { page: 3, start: 0, end: 13 },
    ]);
    expect(pages[0]!.slice(15, 28)).toBe('Hà Nội\nagreed');
    expect(findInPages(pages, '   ')).toEqual([]);
  });
});
