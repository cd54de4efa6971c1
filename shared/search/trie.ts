/**
 * The vocabulary as a trie: prefix expansion walks one branch; typo tolerance walks the trie
 * with a row of the (optimal string alignment) Damerau–Levenshtein table per node, abandoning a
 * branch as soon as its row exceeds the bound, so a query visits only a sliver of the words.
 */
interface Node {
  children: Map<string, Node>;
  term?: string;
}

const newNode = (): Node => ({ children: new Map() });

export class Vocabulary {
  private readonly root = newNode();
  size = 0;

  add(term: string): void {
    let node = this.root;
    for (const ch of term) {
      let next = node.children.get(ch);
      if (!next) {
        next = newNode();
        node.children.set(ch, next);
      }
      node = next;
    }
    if (node.term === undefined) {
      node.term = term;
      this.size++;
    }
  }

  /** Words starting with `prefix`, shortest first (breadth-first), at most `limit`. */
  withPrefix(prefix: string, limit: number): string[] {
    let node: Node | undefined = this.root;
    for (const ch of prefix) {
      node = node.children.get(ch);
      if (!node) return [];
    }
    const out: string[] = [];
    const queue: Node[] = [node];
    for (let i = 0; i < queue.length && out.length < limit; i++) {
      const current = queue[i]!;
      if (current.term !== undefined) out.push(current.term);
      for (const child of current.children.values()) queue.push(child);
    }
    return out;
  }

  /** Words within `maxEdits` edits (insert, delete, substitute, swap adjacent) of `word`. */
  near(word: string, maxEdits: number): { term: string; distance: number }[] {
    const chars = [...word];
    const first = Array.from({ length: chars.length + 1 }, (_, i) => i);
    const out: { term: string; distance: number }[] = [];
    for (const [ch, child] of this.root.children) this.walk(child, ch, '', first, undefined, chars, maxEdits, out);
    return out;
  }

  private walk(
    node: Node,
    ch: string,
    prevCh: string,
    prevRow: number[],
    prevPrevRow: number[] | undefined,
    word: string[],
    max: number,
    out: { term: string; distance: number }[],
  ): void {
    const row = new Array<number>(word.length + 1);
    row[0] = prevRow[0]! + 1;
    let best = row[0];
    for (let j = 1; j <= word.length; j++) {
      const cost = word[j - 1] === ch ? 0 : 1;
      let value = Math.min(row[j - 1]! + 1, prevRow[j]! + 1, prevRow[j - 1]! + cost);
      if (prevPrevRow && j > 1 && word[j - 1] === prevCh && word[j - 2] === ch) value = Math.min(value, prevPrevRow[j - 2]! + 1);
      row[j] = value;
      if (value < best) best = value;
    }
    if (node.term !== undefined && row[word.length]! <= max) out.push({ term: node.term, distance: row[word.length]! });
    if (best > max) return;
    for (const [nextCh, child] of node.children) this.walk(child, nextCh, ch, row, prevRow, word, max, out);
  }
}

/** How many typos a word of this length tolerates: none under 4 letters, 1 from 4, 2 from 8. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
