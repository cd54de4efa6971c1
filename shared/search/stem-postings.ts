import { Posting } from './postings';

/**
 * The postings of stems, made when first asked for: a stem's posting is the merge of its words'
 * (each document once, with its best weight), so a build writes each word's posting only once
 * and a query pays the merge for the few stems it reads, once. A merged posting is then kept
 * current with the words' own.
 */
export class StemPostings {
  /** The stem of each word, by word number (undefined: too short, or with digits). */
  readonly rootOf: (string | undefined)[] = [];
  private readonly wordsOf = new Map<string, number[]>();
  private readonly merged = new Map<string, Posting>();
  /** Each word's stem posting once merged, by word number. */
  private readonly ofWord: (Posting | undefined)[] = [];

  /** A new word, numbered next, with its stem. */
  addWord(root: string | undefined): void {
    const id = this.rootOf.length;
    this.rootOf.push(root);
    this.ofWord.push(root === undefined ? undefined : this.merged.get(root));
    if (root === undefined) return;
    const words = this.wordsOf.get(root);
    if (words) words.push(id);
    else this.wordsOf.set(root, [id]);
  }

  /** Word `id` now holds document `num` with `weight`: its merged stem posting too. */
  push(id: number, num: number, weight: number): void {
    this.ofWord[id]?.push(num, weight);
  }

  /** The posting of a stem, merged from its words' postings (`postings`, by word number) on first use. */
  get(root: string, postings: readonly Posting[]): Posting | undefined {
    const known = this.merged.get(root);
    if (known) return known;
    const words = this.wordsOf.get(root);
    if (!words) return undefined;
    const posting = merge(words.map((id) => postings[id]!));
    this.merged.set(root, posting);
    for (const id of words) this.ofWord[id] = posting;
    return posting;
  }
}

function copy(from: Posting): Posting {
  const posting = new Posting();
  for (let i = 0; i < from.length; i++) posting.push(from.nums[i]!, from.weights[i]!);
  return posting;
}

/** Postings merged in document order, each document once with its best weight (pairwise: a stem has a few words). */
function merge(postings: readonly Posting[]): Posting {
  let merged = copy(postings[0]!);
  for (let k = 1; k < postings.length; k++) merged = mergeTwo(merged, postings[k]!);
  return merged;
}

function mergeTwo(a: Posting, b: Posting): Posting {
  const out = new Posting();
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a.nums[i]! : Infinity;
    const y = j < b.length ? b.nums[j]! : Infinity;
    if (x < y) out.push(x, a.weights[i++]!);
    else if (y < x) out.push(y, b.weights[j++]!);
    else {
      out.push(x, Math.max(a.weights[i++]!, b.weights[j++]!));
    }
  }
  return out;
}
