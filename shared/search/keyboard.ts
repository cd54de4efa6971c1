/**
 * Neighbouring keys on a QWERTY keyboard (the layout Malaysia, Indonesia and most of ASEAN type
 * Latin script on): a slip onto the next key is the likeliest typo, so "asoem" is more likely
 * ASOEN (n beside m) than ASOMM.
 */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const POSITION = new Map<string, [number, number]>();
ROWS.forEach((row, r) => [...row].forEach((ch, c) => POSITION.set(ch, [r, c + r * 0.5])));

function adjacentKeys(a: string, b: string): boolean {
  const pa = POSITION.get(a);
  const pb = POSITION.get(b);
  if (!pa || !pb) return false;
  return Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/** `typed` is `term` with one letter replaced by a neighbouring key. */
export function isKeySlip(typed: string, term: string): boolean {
  if (typed.length !== term.length) return false;
  let diff = -1;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === term[i]) continue;
    if (diff !== -1) return false;
    diff = i;
  }
  return diff !== -1 && adjacentKeys(typed[diff]!, term[diff]!);
}
