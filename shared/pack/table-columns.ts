/*
 * Column widths that do not break words: a table's columns are given relative widths, and a
 * narrow column whose longest word is wider than it gets what that word needs, taken from the
 * columns with room to spare. Words are measured by an estimate of the pack face's glyph widths
 * (generous, so a word that fits here fits on the page); a token too long for any sensible
 * column (an address) is left to wrap at its punctuation instead of widening its column.
 */

/** The narrowest printed table (US Letter or A4 body), in millimetres. */
const TABLE_MM = 176;
/** A cell's left and right padding together. */
const PADDING_MM = 3.5;
/** A column never widens past this share for one word. */
const MAX_SHARE = 40;

/** An estimate of a word's printed width at 10 pt: capitals and digits are wider than lower case. */
function wordMm(word: string, header: boolean): number {
  let mm = 0;
  for (const c of word) mm += /[\p{Lu}\p{N}MW@%&]/u.test(c) || header ? 2.45 : 1.95;
  return mm;
}

function longestWordShare(texts: Iterable<string>, header = false): number {
  let widest = 0;
  for (const text of texts) for (const word of text.split(/\s+/)) if (word) widest = Math.max(widest, wordMm(word, header));
  return ((widest + PADDING_MM) / TABLE_MM) * 100;
}

/** Widths (adding up to 100) at least as wide as each column's longest word allows, close to those asked for. */
export function fitColumns(widths: readonly number[], columnTexts: readonly (readonly string[])[], labels: readonly string[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const asked = widths.map((w) => (w / total) * 100);
  const needed = asked.map((_, i) => Math.min(MAX_SHARE, Math.max(longestWordShare(columnTexts[i] ?? []), longestWordShare([labels[i] ?? ''], true))));
  const out = asked.map((w, i) => Math.max(w, needed[i]!));
  let excess = out.reduce((a, b) => a + b, 0) - 100;
  // Take the excess from columns above what they need, in proportion to their slack.
  for (let round = 0; excess > 0.01 && round < 4; round++) {
    const slack = out.map((w, i) => Math.max(0, w - needed[i]!));
    const room = slack.reduce((a, b) => a + b, 0);
    if (room <= 0) break;
    const take = Math.min(excess, room);
    for (let i = 0; i < out.length; i++) out[i]! -= (take * slack[i]!) / room;
    excess -= take;
  }
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((w) => Math.round(((w * 100) / sum) * 100) / 100);
}
