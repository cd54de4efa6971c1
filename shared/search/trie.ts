/**
 * The vocabulary as one sorted array of words: a word's place costs no node and no map (a trie
 * of 75k words was a quarter of the index build, most of it in allocation and garbage
 * collection). Words added are kept apart and merged in, sorted, when next read, so a build adds
 * them at no cost. Prefix expansion is a binary search for the range of words sharing the
 * prefix; typo tolerance walks the sorted words as the branches of the trie they imply, one row
 * of the (optimal string alignment) Damerau–Levenshtein table per letter, rows shared with the
 * previous word's common prefix, and a whole range skipped as soon as its prefix's row exceeds
 * the bound, so a query visits only a sliver of the words.
 */
export class Vocabulary {
  private words: string[] = [];
  private pending: string[] = [];

  get size(): number {
    return this.sorted().length;
  }

  add(term: string): void {
    this.pending.push(term);
  }

  /** Merges the words added since the last read now, not on the next query (after a build). */
  settle(): void {
    this.sorted();
  }

  /** The words, sorted by UTF-16 code units, each once. */
  private sorted(): string[] {
    if (this.pending.length === 0) return this.words;
    const fresh = this.pending.sort();
    this.pending = [];
    const old = this.words;
    const out: string[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length || j < fresh.length) {
      const next = j >= fresh.length || (i < old.length && old[i]! <= fresh[j]!) ? old[i++]! : fresh[j++]!;
      if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
    }
    this.words = out;
    return out;
  }

  /** Words starting with `prefix`, shortest first (then alphabetically), at most `limit`. */
  withPrefix(prefix: string, limit: number): string[] {
    const words = this.sorted();
    const from = lowerBound(words, prefix, 0);
    const to = endOfPrefix(words, prefix, from);
    if (to - from <= limit) return words.slice(from, to).sort(byLength);
    // Only the `limit` shortest: count the lengths, then take up to the cut-off length.
    const counts: number[] = [];
    for (let i = from; i < to; i++) counts[words[i]!.length] = (counts[words[i]!.length] ?? 0) + 1;
    let cut = prefix.length;
    for (let taken = 0; cut < counts.length; cut++) {
      taken += counts[cut] ?? 0;
      if (taken >= limit) break;
    }
    const out: string[] = [];
    for (let i = from; i < to; i++) if (words[i]!.length <= cut) out.push(words[i]!);
    return out.sort(byLength).slice(0, limit);
  }

  /** Words within `maxEdits` edits (insert, delete, substitute, swap adjacent) of `word`. */
  near(word: string, maxEdits: number): { term: string; distance: number }[] {
    const words = this.sorted();
    const m = word.length;
    const codes = Int32Array.from({ length: m }, (_, j) => word.charCodeAt(j));
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    const out: { term: string; distance: number }[] = [];
    let previous = '';
    /** Rows 0..valid hold the table for the first `valid` letters of `previous`. */
    let valid = 0;
    let i = 0;
    next: while (i < words.length) {
      const term = words[i]!;
      let depth = 0;
      const shared = Math.min(valid, term.length);
      while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      for (let d = depth + 1; d <= term.length; d++) {
        const row = (rows[d] ??= new Int32Array(m + 1));
        const above = rows[d - 1]!;
        const ch = term.charCodeAt(d - 1);
        const prevCh = d > 1 ? term.charCodeAt(d - 2) : -1;
        row[0] = d;
        let best = d;
        for (let j = 1; j <= m; j++) {
          const code = codes[j - 1]!;
          let value = above[j - 1]! + (code === ch ? 0 : 1);
          const insert = row[j - 1]! + 1;
          const remove = above[j]! + 1;
          if (insert < value) value = insert;
          if (remove < value) value = remove;
          if (code === prevCh && j > 1 && codes[j - 2] === ch) {
            const swap = rows[d - 2]![j - 2]! + 1;
            if (swap < value) value = swap;
          }
          row[j] = value;
          if (value < best) best = value;
        }
        if (best > maxEdits) {
          // No word beginning with these d letters can come within the bound: skip them all.
          previous = term;
          valid = d - 1;
          i = pastPrefix(words, term, d, i);
          continue next;
        }
      }
      const distance = rows[term.length]![m]!;
      if (distance <= maxEdits) out.push({ term, distance });
      previous = term;
      valid = term.length;
      i++;
    }
    return out;
  }
}

const byLength = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** The first index at or after `from` whose word is not below `key`. */
function lowerBound(words: readonly string[], key: string, from: number): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index at or after `from` (itself at or past the prefix's range start) whose word does not start with `prefix`. */
function endOfPrefix(words: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.startsWith(prefix) || words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sharesPrefix = (word: string, term: string, length: number): boolean => {
  if (word.length < length) return false;
  for (let k = length - 1; k >= 0; k--) if (word.charCodeAt(k) !== term.charCodeAt(k)) return false;
  return true;
};

/**
 * The first index after `from` whose word does not share the first `length` letters of `term`
 * (the word at `from`): galloping, as most skipped ranges are a few words long.
 */
function pastPrefix(words: readonly string[], term: string, length: number, from: number): number {
  let step = 1;
  let lo = from;
  while (from + step < words.length && sharesPrefix(words[from + step]!, term, length)) {
    lo = from + step;
    step *= 2;
  }
  let hi = Math.min(words.length, from + step);
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sharesPrefix(words[mid]!, term, length)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many typos a word of this length tolerates: none under 4 letters, 1 from 4, 2 from 8. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
