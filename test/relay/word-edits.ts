import type * as Y from 'yjs';

/*
 * Edits in whole words: every insertion is "word " at a word boundary, every deletion removes
 * one whole "word ", so the merged text is always a sequence of words and "every word typed
 * that nobody deleted is there" can be checked exactly.
 */

export function boundaries(text: string): number[] {
  const at = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') at.push(i + 1);
  return at;
}

/** `pick(n)` chooses an index below n (Math.random or a fast-check generator's). */
export function typeWord(text: Y.Text, word: string, pick: (n: number) => number): void {
  const at = boundaries(text.toString());
  text.insert(at[pick(at.length)]!, `${word} `);
}

/** Deletes one whole word; answers it, or undefined when the text is empty. */
export function deleteWord(text: Y.Text, pick: (n: number) => number): string | undefined {
  const current = text.toString();
  const starts = boundaries(current).slice(0, -1);
  if (starts.length === 0) return undefined;
  const start = starts[pick(starts.length)]!;
  const end = current.indexOf(' ', start) + 1;
  text.delete(start, end - start);
  return current.slice(start, end - 1);
}

export function wordsOf(text: string): string[] {
  return text.split(' ').filter((w) => w !== '');
}

export const randomPick = (n: number): number => Math.floor(Math.random() * n);
