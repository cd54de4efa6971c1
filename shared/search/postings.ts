/** Parallel arrays of document numbers and (saturated) field weights, in document order. */
export interface Posting {
  nums: number[];
  weights: number[];
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

export function push(map: Map<string, Posting>, term: string, num: number, weight: number): void {
  let posting = map.get(term);
  if (!posting) map.set(term, (posting = { nums: [], weights: [] }));
  const last = posting.nums.length - 1;
  // A stem shared by two words of one document: keep one entry with the better weight.
  if (last >= 0 && posting.nums[last] === num) posting.weights[last] = Math.max(posting.weights[last]!, weight);
  else {
    posting.nums.push(num);
    posting.weights.push(weight);
  }
}

export function raise(scores: Float32Array, { nums, weights }: Posting, factor: number): void {
  for (let i = 0; i < nums.length; i++) {
    const num = nums[i]!;
    const s = weights[i]! * factor;
    if (s > scores[num]!) scores[num] = s;
  }
}

/** Documents in every posting score the weakest weight times `factor`. */
export function raiseAll(scores: Float32Array, postings: readonly Posting[], factor: number, n: number): void {
  if (postings.length === 0) return;
  if (postings.length === 1) return raise(scores, postings[0]!, factor);
  const min = new Float32Array(n).fill(Infinity);
  const seen = new Uint8Array(n);
  postings.forEach(({ nums, weights }, i) => {
    for (let j = 0; j < nums.length; j++) {
      const num = nums[j]!;
      if (seen[num] === i) {
        seen[num] = i + 1;
        min[num] = Math.min(min[num]!, weights[j]!);
      }
    }
  });
  const last = postings[postings.length - 1]!.nums;
  for (const num of last) {
    if (seen[num] === postings.length) {
      const s = min[num]! * factor;
      if (s > scores[num]!) scores[num] = s;
    }
  }
}
