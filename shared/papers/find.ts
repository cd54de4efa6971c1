/*
 * Find in a paper: every place a phrase occurs, case and diacritics ignored ("hanoi" finds
 * "Hà Nội"), line breaks matching spaces. Folding keeps one character per character so the
 * offsets found are offsets of the page text the viewer draws.
 */

export interface FindMatch {
  /** 1-based page. */
  page: number;
  start: number;
  end: number;
}

export function foldChar(ch: string): string {
  const bare = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  if (/\s/.test(ch)) return ' ';
  return bare.length === 1 ? bare : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
}

/** The text folded character by character (same length as the input, in UTF-16 units). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs are left as they are (two units in, two units out).
    out += code >= 0xd800 && code <= 0xdfff ? text[i] : foldChar(text[i]!);
  }
  return out;
}

export function findInPages(pages: readonly string[], query: string, limit = 5000): FindMatch[] {
  const needle = foldText(query.trim()).replace(/ +/g, ' ');
  if (needle === '') return [];
  const matches: FindMatch[] = [];
  pages.forEach((text, index) => {
    const folded = foldText(text);
    for (let at = folded.indexOf(needle); at !== -1 && matches.length < limit; at = folded.indexOf(needle, at + 1)) {
      matches.push({ page: index + 1, start: at, end: at + needle.length });
    }
  });
  return matches;
}
