/**
 * A built index saved and read back: the documents of chosen kinds with every word's posting,
 * in flat typed arrays (one structured clone of a few arrays, not a million small objects), so
 * a restart reads the index instead of indexing 100k records again. Only the kinds asked for
 * are kept: the app saves its reference kinds, never a briefing, a note or any of the
 * delegate's own text, which lives in the index only in memory.
 */
import { forEachDocWord } from './doc-terms';
import { FIELD_WEIGHT, LENGTH_NORMALISED } from './field-weights';
import { RECORD_DOCS_VERSION } from './from-records';
import { lengthNorm, Posting, saturate } from './postings';
import { stem } from './stem';
import { TermIndex } from './term-index';
import type { SearchDoc } from './types';
import { wordHash } from './word-scan';

/** Bumped when the snapshot's layout changes. */
export const SNAPSHOT_FORMAT = 1;

/** Postings laid end to end: entries `starts[i]..starts[i+1]` of `nums` and `weights` are the i-th. */
interface FlatPostings {
  starts: Int32Array;
  nums: Int32Array;
  weights: Float64Array;
}

export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** What indexing made of a fixed sample (engineFingerprint): a snapshot made by other indexing code is not read. */
  engine: string;
  kinds: string[];
  /** The documents, numbered by their place here. */
  docs: SearchDoc[];
  terms: string[];
  termPostings: FlatPostings;
  /** Each term's stem, by its place in `stems`, or -1 (stem postings are merged from the terms' when read). */
  stemOf: Int32Array;
  stems: string[];
}

/** The documents of `kinds` (living ones) with their postings, renumbered from 0. */
export function snapshotIndex(index: TermIndex, kinds: readonly string[]): IndexSnapshot {
  const wanted = new Set(kinds);
  const renumber = new Int32Array(index.slots).fill(-1);
  const docs: SearchDoc[] = [];
  index.docs.forEach((entry, num) => {
    if (entry && wanted.has(entry.doc.kind)) {
      renumber[num] = docs.length;
      docs.push(entry.doc);
    }
  });
  const { terms, postings, roots } = index.postings();
  // Terms in sorted order: the vocabulary read back is then sorted already (a run, which sorts in linear time).
  const order = Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  const stemNumbers = new Map<string, number>();
  const keptTerms: string[] = [];
  const keptStemOf: number[] = [];
  const sorted = order.map((id) => postings[id]!);
  const termFlat = flatten(sorted, renumber, (k) => {
    const i = order[k]!;
    keptTerms.push(terms[i]!);
    const root = roots[i];
    if (root === undefined) return keptStemOf.push(-1);
    let number = stemNumbers.get(root);
    if (number === undefined) stemNumbers.set(root, (number = stemNumbers.size));
    keptStemOf.push(number);
  });
  return { format: SNAPSHOT_FORMAT, engine: engineFingerprint(), kinds: [...wanted], docs, terms: keptTerms, termPostings: termFlat, stemOf: Int32Array.from(keptStemOf), stems: [...stemNumbers.keys()] };
}

/** The postings with only renumbered documents, empty ones dropped (`kept` is told each one kept). */
function flatten(postings: readonly Posting[], renumber: Int32Array, kept: (i: number) => void): FlatPostings {
  let total = 0;
  for (const p of postings) total += p.length;
  const nums = new Int32Array(total);
  const weights = new Float64Array(total);
  const starts: number[] = [0];
  let at = 0;
  postings.forEach((posting, i) => {
    const from = at;
    for (let j = 0; j < posting.length; j++) {
      const num = renumber[posting.nums[j]!]!;
      if (num < 0) continue;
      nums[at] = num;
      weights[at] = posting.weights[j]!;
      at++;
    }
    if (at > from) {
      starts.push(at);
      kept(i);
    }
  });
  return { starts: Int32Array.from(starts), nums: nums.slice(0, at), weights: weights.slice(0, at) };
}

function postingsOf({ starts, nums, weights }: FlatPostings): Posting[] {
  const out: Posting[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const posting = new Posting();
    for (let j = starts[i]!; j < starts[i + 1]!; j++) posting.push(nums[j]!, weights[j]!);
    out.push(posting);
  }
  return out;
}

/** Why a snapshot cannot be read into this engine, or undefined when it can. */
export function snapshotProblem(snapshot: Partial<IndexSnapshot> | undefined): string | undefined {
  if (!snapshot) return 'none saved';
  if (snapshot.format !== SNAPSHOT_FORMAT) return `format ${String(snapshot.format)}`;
  if (snapshot.engine !== engineFingerprint()) return 'made by other indexing code';
  const { docs, terms, termPostings, stemOf, stems } = snapshot;
  if (!docs || !terms || !termPostings || !stemOf || !stems) return 'incomplete';
  if (termPostings.starts.length !== terms.length + 1 || stemOf.length !== terms.length || stemOf.some((n) => n >= stems.length)) return 'inconsistent';
  return undefined;
}

/** Replaces the snapshot's kinds in `index` with the snapshot (other kinds are kept); throws if it cannot be read. */
export function restoreIndex(index: TermIndex, snapshot: IndexSnapshot): void {
  const problem = snapshotProblem(snapshot);
  if (problem) throw new Error(`Saved search index not read: ${problem}`);
  const { stems, stemOf } = snapshot;
  index.restore(
    {
      docs: snapshot.docs,
      terms: snapshot.terms,
      postings: postingsOf(snapshot.termPostings),
      roots: Array.from(stemOf, (n) => (n < 0 ? undefined : stems[n])),
    },
    new Set(snapshot.kinds),
  );
}

/**
 * Words of every script, affixes, accents, acronyms and codes: what the folding, the word scan,
 * the stemmer and the field weights make of them changes whenever any of those does.
 */
const SAMPLE: SearchDoc[] = [
  { kind: 'body', id: 'sample', href: '/', acronyms: ['ASOEN-36', 'COP AATHP'], glossary: true, title: { en: 'Senior Officials on Environment', ms: 'Pegawai Kanan Alam Sekitar' }, keywords: ['Hà Nội', 'Đà Nẵng', 'ก่อนการประชุม'], text: ['perlindungan kesihatannya pekerjaan bekerja memperkukuhkan kerjasama admm2025 日本 ʻŌlelo'] },
];

let fingerprint: string | undefined;

/** What indexing makes of a fixed sample, hashed: equal for two builds of the same indexing code. */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  const parts: string[] = [String(RECORD_DOCS_VERSION), JSON.stringify([FIELD_WEIGHT, LENGTH_NORMALISED]), String(saturate(1)), String(lengthNorm(1))];
  for (const doc of SAMPLE) {
    forEachDocWord(doc, (text, start, end, hash, weight, acronym, normalised) => {
      const word = text.slice(start, end);
      parts.push(`${word}/${stem(word)}/${hash}/${weight}/${acronym ? 1 : 0}/${normalised ? 1 : 0}`);
    });
  }
  const sample = new TermIndex();
  sample.addAll(SAMPLE);
  const { terms, postings } = sample.postings();
  terms.forEach((term, i) => parts.push(`${term}:${postings[i]!.weights.join(',')}`));
  fingerprint = `${SNAPSHOT_FORMAT}-${wordHash(parts.join('|')).toString(36)}`;
  return fingerprint;
}
