import { describe, expect, it } from 'vitest';
import { isKeySlip } from '../../shared/search/keyboard';
import { foldText, stem, terms, tokenize, Vocabulary, allowedEdits, highlightRanges, snippetAround } from '../../shared/search';

describe('folding', () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['Đà Nẵng', 'da nang'],
    ['ĐỒNG', 'dong'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
    ['Café', 'cafe'],
    ['ASOEN', 'asoen'],
  ])('%s folds to %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('tokenizes with positions in the original text, accents included', () => {
    const text = 'COP-1 in Hà Nội, 2004';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['cop', '1', 'in', 'ha', 'noi', '2004']);
    const noi = tokens[4]!;
    expect(text.slice(noi.start, noi.end)).toBe('Nội');
  });

  it('keeps decomposed (NFD) input as one word', () => {
    expect(tokenize('Ha\u0300 No\u0302\u0323i').map((t) => t.term)).toEqual(['ha', 'noi']);
  });
});

describe('words of a text', () => {
  it('gives the same folded words as the tokenizer, folding the whole text at once', () => {
    const texts = [
      'Hà Nội, Đà Nẵng and Thừa Thiên–Huế',
      '  ASOEN-36 (Langkawi)  ',
      'Straße, Ærø; İstanbul... Łódź',
      'kerja sama/kerjasama: 2025-07-28',
      '',
      '—',
      'e\u0301te\u0301 and ete\u0301',
    ];
    for (const text of texts) expect(terms(text)).toEqual(tokenize(text).map((t) => t.term));
    expect(terms('  Ha Noi! ')).toEqual(['ha', 'noi']);
    expect(terms('— ... —')).toEqual([]);
  });
});

describe('Malay / Indonesian stemming', () => {
  it.each([
    ['lindung', 'lindung'],
    ['perlindungan', 'lindung'],
    ['pelindungan', 'lindung'],
    ['melindungi', 'lindung'],
    ['dilindungi', 'lindung'],
    ['kerja', 'kerja'],
    ['bekerja', 'kerja'],
    ['pekerjaan', 'kerja'],
    ['pertahanan', 'tahan'],
    ['keamanan', 'aman'],
    ['pemberdayaan', 'daya'],
    ['menyusun', 'susun'],
    ['membangun', 'bangun'],
    ['mengatur', 'atur'],
    ['mendukung', 'dukung'],
    ['menulis', 'tulis'],
    ['memperkuat', 'kuat'],
    ['kerjasamanya', 'kerjasama'],
  ])('%s -> %s', (word, root) => {
    expect(stem(word)).toBe(root);
  });

  it('leaves short words, numbers and roots that only look prefixed alone', () => {
    for (const word of ['asean', 'kerja', 'sama', 'asoen', '2025', 'kerjasama']) expect(stem(word)).toBe(word);
  });
});

describe('vocabulary trie', () => {
  const vocab = new Vocabulary();
  for (const w of ['asoen', 'asean', 'asomm', 'environment', 'environmental', 'senior', 'langkawi']) vocab.add(w);

  it('expands prefixes, shortest first', () => {
    expect(vocab.withPrefix('env', 10)).toEqual(['environment', 'environmental']);
    expect(vocab.withPrefix('as', 2)).toHaveLength(2);
    expect(vocab.withPrefix('zz', 10)).toEqual([]);
  });

  it('finds words within the allowed edits, transpositions counting one', () => {
    expect(vocab.near('asoem', 1).map((x) => x.term).sort()).toEqual(['asoen', 'asomm']);
    expect(vocab.near('aseon', 1).map((x) => x.term).sort()).toEqual(['asean', 'asoen']);
    expect(vocab.near('lnagkawi', 1)).toEqual([{ term: 'langkawi', distance: 1 }]);
    expect(vocab.near('envrionmnet', 2).map((x) => x.term)).toEqual(['environment']);
    expect(vocab.near('xyzzy', 1)).toEqual([]);
  });

  it('allows no typo under 4 letters, 1 from 4, 2 from 8', () => {
    expect([3, 4, 7, 8].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });
});

describe('highlights', () => {
  it('marks matched words and words sharing a matched stem', () => {
    const text = 'Perlindungan alam sekitar di Hà Nội';
    const ranges = highlightRanges(text, { terms: new Set(['noi']), stems: new Set(['lindung']) });
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Perlindungan', 'Nội']);
  });

  it('cuts a window around the first match and moves ranges with it', () => {
    const text = `${'word '.repeat(60)}target ${'tail '.repeat(60)}`;
    const start = text.indexOf('target');
    const { snippet, ranges } = snippetAround(text, [[start, start + 6]]);
    expect(snippet.length).toBeLessThan(200);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.slice(ranges[0]![0], ranges[0]![1])).toBe('target');
  });
});

describe('key slips', () => {
  it('one letter replaced by a neighbouring key is a slip; other edits are not', () => {
    expect(isKeySlip('asoem', 'asoen')).toBe(true);
    expect(isKeySlip('asoem', 'asomm')).toBe(false);
    expect(isKeySlip('asoen', 'asoen')).toBe(false);
    expect(isKeySlip('aspen', 'asoen')).toBe(true);
    expect(isKeySlip('asoe', 'asoen')).toBe(false);
  });
});
