import { KIND_PRIOR } from './field-weights';
import type { QueryScores } from './query-clauses';
import { DEAD, type TermIndex } from './term-index';
import { TopK } from './top-k';

export interface Ranked {
  /** The best `limit` documents: most query words matched first, then by score. */
  top: { num: number; words: number; score: number }[];
  /** Matching documents per kind name. */
  totals: Record<string, number>;
  total: number;
  /** Documents matching every word. */
  complete: number;
}

/**
 * One pass over the document numbers: a document's score is the sum of its clauses, the words
 * it matches counted; the whole-query name match counts as every word. Top hits by a bounded
 * min-heap: sorting every match of a one-letter query would cost more than the scoring.
 */
export function rank(index: TermIndex, { clauses, whole, named, bonus }: QueryScores, limit: number, kinds?: readonly string[]): Ranked {
  const n = index.slots;
  const allowed = kindMask(index, kinds);
  const perKind = new Int32Array(index.kindNames.length);
  const docKind = index.docKind;
  const prior = Float32Array.from(index.kindNames, (name) => KIND_PRIOR[name] ?? 1);
  const top = new TopK(limit);
  let total = 0;
  let complete = 0;
  for (let num = 0; num < n; num++) {
    let score = 0;
    let count = 0;
    for (const clause of clauses) {
      const s = clause[num]!;
      if (s > 0) {
        score += s;
        count++;
      }
    }
    if (whole && whole[num]! > 0) {
      count = clauses.length;
      score = Math.max(score, whole[num]!) + (named.get(num) ?? 0);
    }
    if (count === 0) continue;
    const kind = docKind[num]!;
    if (kind === DEAD || (allowed && !allowed[kind])) continue;
    if (bonus) score += bonus[num]!;
    score *= prior[kind]!;
    perKind[kind]!++;
    total++;
    if (count === clauses.length) complete++;
    top.offer(num, count, score);
  }
  const totals: Record<string, number> = {};
  perKind.forEach((count, kind) => {
    if (count > 0) totals[index.kindNames[kind]!] = count;
  });
  return { top: top.sorted(), totals, total, complete };
}

/** Which kind numbers a query may return (undefined: all). */
function kindMask(index: TermIndex, kinds: readonly string[] | undefined): Uint8Array | undefined {
  if (!kinds) return undefined;
  const mask = new Uint8Array(index.kindNames.length);
  for (const kind of kinds) {
    const id = index.kindIds.get(kind);
    if (id !== undefined) mask[id] = 1;
  }
  return mask;
}
