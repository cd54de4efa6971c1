/**
 * Words of a folded text found by scanning its characters, each with its FNV-1a hash, without
 * making a string per word: indexing looks a word up in the TermTable by its place in the text
 * and its hash, and makes a string only for a word it has never seen. Word characters are those
 * of `terms()` (tokenize.ts): letters, digits and combining marks; everything else separates.
 */
export type WordVisitor = (text: string, start: number, end: number, hash: number) => void;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 0: not yet classified, 1: a word character, 2: a separator (code units of the BMP). */
const classes = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

function isWordUnit(code: number): boolean {
  let c = classes[code]!;
  if (c === 0) classes[code] = c = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return c === 1;
}

/** Whether the character at `i` (a code unit, or a surrogate pair) is a word character, and its length in code units. */
function wordCharAt(text: string, i: number, code: number): number {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const point = text.codePointAt(i)!;
    if (point > 0xffff) return WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  return isWordUnit(code) ? 1 : 0;
}

/** Calls `visit` for every word of `text` (already folded), in order. */
export function scanWords(text: string, visit: WordVisitor): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    let size = wordCharAt(text, i, code);
    if (size === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    do {
      for (let k = 0; k < size; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), FNV_PRIME);
      i += size;
      if (i >= length) break;
      code = text.charCodeAt(i);
      size = wordCharAt(text, i, code);
    } while (size > 0);
    visit(text, start, i, hash >>> 0);
  }
}

/** The hash scanWords gives a word. */
export function wordHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * Word numbers by word, an open-addressing hash table over the words' hashes that is probed with
 * a slice of a text (no substring made to look a word up).
 */
export class TermTable {
  private words: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(1 << 12).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** Every word, by its number. */
  all(): readonly string[] {
    return this.words;
  }

  /** The number of `text.slice(start, end)`, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return -1;
      if (this.hashes[id] !== hash) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (word.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  get(word: string): number | undefined {
    const id = this.find(word, 0, word.length, wordHash(word));
    return id < 0 ? undefined : id;
  }

  /** Adds a word not yet in the table; returns its number (the next one). */
  insert(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    if (this.words.length * 2 > this.slots.length) this.grow();
    else this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]!);
  }
}
