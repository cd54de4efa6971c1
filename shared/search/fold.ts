/**
 * Text folding for search: lower case, diacritics stripped, so "Hà Nội" and "Ha Noi" meet.
 * NFD splits most accented letters into base + combining mark; the few letters that are not
 * decomposable (Vietnamese đ, Nordic ø, ...) are mapped by hand.
 */
const NOT_DECOMPOSABLE: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};
const MARKS = /\p{M}+/gu;
const SPECIAL = /[đðøłßæœı]/g;

export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // ASCII fast path: most dataset text and every acronym need no normalisation.
  // eslint-disable-next-line no-control-regex -- the range is the test for "plain ASCII"
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(SPECIAL, (c) => NOT_DECOMPOSABLE[c] ?? c);
}
