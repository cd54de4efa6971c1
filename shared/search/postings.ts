/**
 * Document numbers and their (saturated) field weights, in document order, in growable typed
 * arrays: 50k documents leave some 75k postings, and plain arrays of boxed numbers cost the
 * build most of its time in allocation and garbage collection.
 */
export class Posting {
  readonly nums: number[] = [];
  readonly weights: number[] = [];

  get length(): number {
    return this.nums.length;
  }

  /** Appends a document; the same document again (a stem shared by two of its words) keeps the better weight. */
  push(num: number, weight: number): void {
    const last = this.nums.length - 1;
    if (last >= 0 && this.nums[last] === num) {
      if (weight > this.weights[last]!) this.weights[last] = weight;
      return;
    }
    this.nums.push(num);
    this.weights.push(weight);
  }
}

/** BM25's term-frequency saturation over field-weighted occurrences: the tenth mention adds little. */
const K1 = 6;
export const saturate = (weight: number): number => (weight * (K1 + 1)) / (weight + K1);

/**
 * BM25's length normalisation, against a fixed reference length (distinct words) rather than
 * the running average, so a document's weights never change after it is indexed.
 */
const B = 0.3;
const REFERENCE_LENGTH = 40;
export const lengthNorm = (distinctWords: number): number => 1 - B + (B * distinctWords) / REFERENCE_LENGTH;

/** BM25's inverse document frequency: a word most documents hold says little about any of them. */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (Math.max(docs, df) - df + 0.5) / (df + 0.5));
}

export function raise(scores: Float32Array, { nums, weights, length }: Posting, factor: number): void {
  for (let i = 0; i < length; i++) {
    const num = nums[i]!;
    const s = weights[i]! * factor;
    if (s > scores[num]!) scores[num] = s;
  }
}

let scratchMin = new Float32Array(0);
let scratchSeen = new Uint8Array(0);

/** Documents in every posting score the weakest weight times `factor`. */
export function raiseAll(scores: Float32Array, postings: readonly Posting[], factor: number, n: number): void {
  if (postings.length === 0) return;
  if (postings.length === 1) return raise(scores, postings[0]!, factor);
  // Walk the rarest first: only its documents can be in all of them.
  const sorted = [...postings].sort((a, b) => a.length - b.length);
  // Reused between calls (a query makes several; 50k documents are 250 KB a call otherwise).
  if (scratchMin.length < n) {
    scratchMin = new Float32Array(n);
    scratchSeen = new Uint8Array(n);
  }
  const min = scratchMin;
  const seen = scratchSeen;
  seen.fill(0, 0, n);
  sorted.forEach(({ nums, weights, length }, i) => {
    for (let j = 0; j < length; j++) {
      const num = nums[j]!;
      if (seen[num] === i) {
        seen[num] = i + 1;
        min[num] = i === 0 ? weights[j]! : Math.min(min[num]!, weights[j]!);
      }
    }
  });
  const rarest = sorted[0]!;
  for (let j = 0; j < rarest.length; j++) {
    const num = rarest.nums[j]!;
    if (seen[num] === sorted.length) {
      const s = min[num]! * factor;
      if (s > scores[num]!) scores[num] = s;
    }
  }
}
