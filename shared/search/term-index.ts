import { acronymForm, Glossary } from './acronym-index';
import { forEachDocWord } from './doc-terms';
import { FIELD_WEIGHT } from './field-weights';
import type { Entry } from './hit';
import { idf, lengthNorm, Posting, saturate } from './postings';
import { stem } from './stem';
import { Vocabulary } from './trie';
import { docKey, type SearchDoc } from './types';
import { TermTable } from './word-scan';

/** Words shorter than this (or with digits) have no stem posting. */
export const MIN_STEM_LENGTH = 4;
/** Tombstones swept by a rebuild once there are more than this many and they outnumber the living. */
export const COMPACT_AFTER = 5000;
/** The kind number of a removed document. */
export const DEAD = -1;

export const hasStem = (word: string): boolean => word.length >= MIN_STEM_LENGTH && !/\d/.test(word);

/**
 * The built index: documents by number, every indexed word interned once with its posting, the
 * postings of stems, the vocabulary trie and the acronym glossary. Kept current one document at
 * a time (add replaces, remove tombstones; tombstones are swept by a rebuild once they outnumber
 * the living). Postings hold saturated field weights, so queries only read them.
 */
export class TermIndex {
  docs: (Entry | undefined)[] = [];
  /** Each document's kind by number (DEAD once removed), and the documents by acronym form. */
  docKind: number[] = [];
  readonly kindIds = new Map<string, number>();
  readonly kindNames: string[] = [];
  byAcronymForm = new Map<string, number[]>();
  readonly byKey = new Map<string, number>();
  /** Every indexed word once, by its number (interned: a word's stem and trie entry are made once, not per document). */
  private termIds = new TermTable();
  private termPostings: Posting[] = [];
  /** The posting of each word's stem, or undefined for words too short or with digits. */
  private termStemPostings: (Posting | undefined)[] = [];
  private stems = new Map<string, Posting>();
  vocab = new Vocabulary();
  private scratch: Scratch = grownScratch();
  readonly glossary = new Glossary();
  private dead = 0;
  private holdCompaction = false;
  /** Score arrays of the query under way and of earlier ones, reused: a query needs several of 4 bytes per document. */
  private scorePool: Float32Array[] = [];
  private scoresLent = 0;

  /** Living documents. */
  get size(): number {
    return this.byKey.size;
  }

  /** Document numbers in use, tombstones included (the length of a query's score arrays). */
  get slots(): number {
    return this.docs.length;
  }

  /** A zeroed score array for the running query, one per document number; returned by `releaseScores`. */
  scores(): Float32Array {
    const n = this.docs.length;
    let array = this.scorePool[this.scoresLent];
    if (!array || array.length !== n) array = this.scorePool[this.scoresLent] = new Float32Array(n);
    else array.fill(0);
    this.scoresLent++;
    return array;
  }

  /** The array lent last is no longer read (a term-list form's scores, once merged). */
  returnLastScores(): void {
    if (this.scoresLent > 0) this.scoresLent--;
  }

  /** The query has ended: its score arrays may be lent again (none of them may be read after this). */
  releaseScores(): void {
    this.scoresLent = 0;
    // A query with many words or forms lent many; keep a few for the next.
    if (this.scorePool.length > 16) this.scorePool.length = 16;
  }

  posting(term: string): Posting | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.termPostings[id];
  }

  stemPosting(root: string): Posting | undefined {
    return this.stems.get(root);
  }

  /** BM25's idf of a posting among the living documents. */
  idf(posting: Posting): number {
    return idf(posting.length, this.byKey.size);
  }

  /** Documents holding the word (0 if none). */
  df(term: string): number {
    return this.posting(term)?.length ?? 0;
  }

  add(doc: SearchDoc): void {
    const key = docKey(doc.kind, doc.id);
    if (this.byKey.has(key)) this.removeKey(key);
    const num = this.docs.length;
    const acronymForms = (doc.acronyms ?? []).map(acronymForm);
    this.docs.push({ key, doc, acronymForms });
    // The query's scan reads a document's kind and acronyms from these, not from its object.
    let kind = this.kindIds.get(doc.kind);
    if (kind === undefined) {
      kind = this.kindNames.length;
      this.kindIds.set(doc.kind, kind);
      this.kindNames.push(doc.kind);
    }
    this.docKind.push(kind);
    for (const form of acronymForms) {
      const list = this.byAcronymForm.get(form);
      if (list) list.push(num);
      else this.byAcronymForm.set(form, [num]);
    }
    this.byKey.set(key, num);
    this.glossary.add(key, doc);
    // The document's words summed by number into reused arrays: no map or object per document.
    this.scratch.touched.length = 0;
    forEachDocWord(doc, this.visitWord);
    // Read after the visit: a new word may have grown the arrays.
    const { touched, weight, fromAcronym } = this.scratch;
    const norm = lengthNorm(touched.length);
    for (const id of touched) {
      const saturated = saturate((fromAcronym[id] ? FIELD_WEIGHT.acronym : 0) + weight[id]! / norm);
      weight[id] = -1;
      this.termPostings[id]!.push(num, saturated);
      this.termStemPostings[id]?.push(num, saturated);
    }
  }

  /** One occurrence of a word in the document being added (weight -1: not yet seen in it). */
  private readonly visitWord = (text: string, start: number, end: number, hash: number, fieldWeight: number, acronym: boolean): void => {
    let id = this.termIds.find(text, start, end, hash);
    if (id < 0) id = this.intern(ownCopy(text, start, end), hash);
    const scratch = this.scratch;
    if (scratch.weight[id]! < 0) {
      scratch.weight[id] = 0;
      scratch.fromAcronym[id] = 0;
      scratch.touched.push(id);
    }
    scratch.weight[id]! += fieldWeight;
    if (acronym) scratch.fromAcronym[id] = 1;
  };

  /** A word seen for the first time: its posting, its place in the trie, its stem's posting. */
  private intern(term: string, hash: number): number {
    const id = this.termIds.insert(term, hash);
    this.termPostings.push(new Posting());
    this.vocab.add(term);
    let stemPosting: Posting | undefined;
    if (hasStem(term)) {
      const root = stem(term);
      stemPosting = this.stems.get(root);
      if (!stemPosting) this.stems.set(root, (stemPosting = new Posting()));
    }
    this.termStemPostings.push(stemPosting);
    if (id >= this.scratch.weight.length) this.scratch = grownScratch(this.scratch);
    return id;
  }

  addAll(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) this.add(doc);
  }

  remove(kind: string, id: string): boolean {
    return this.removeKey(docKey(kind, id));
  }

  /** Drops every document of a kind (before a provider's fresh load). */
  removeKind(kind: string): number {
    // Keys, not positions: a compaction renumbers every document, so positions taken before the
    // loop would point at others afterwards. Compaction waits until the whole kind is gone.
    const keys: string[] = [];
    for (const [key, num] of this.byKey) if (this.docs[num]?.doc.kind === kind) keys.push(key);
    this.holdCompaction = true;
    try {
      for (const key of keys) this.removeKey(key);
    } finally {
      this.holdCompaction = false;
    }
    this.compactIfWorthIt();
    return keys.length;
  }

  entry(key: string): Entry | undefined {
    const num = this.byKey.get(key);
    return num === undefined ? undefined : this.docs[num];
  }

  private removeKey(key: string): boolean {
    const num = this.byKey.get(key);
    if (num === undefined) return false;
    this.byKey.delete(key);
    this.glossary.remove(key);
    this.docs[num] = undefined;
    this.docKind[num] = DEAD;
    this.dead++;
    if (!this.holdCompaction) this.compactIfWorthIt();
    return true;
  }

  private compactIfWorthIt(): void {
    if (this.dead > COMPACT_AFTER && this.dead > this.byKey.size) this.compact();
  }

  /** Rebuilds from the living documents, dropping tombstoned postings. */
  compact(): void {
    const living = this.docs.filter((e): e is Entry => e !== undefined).map((e) => e.doc);
    this.docs = [];
    this.docKind = [];
    this.byAcronymForm = new Map();
    this.byKey.clear();
    this.termIds = new TermTable();
    this.termPostings = [];
    this.termStemPostings = [];
    this.scratch = grownScratch();
    this.stems = new Map();
    this.vocab = new Vocabulary();
    this.glossary.clear();
    this.dead = 0;
    this.addAll(living);
  }
}

/**
 * `text.slice(start, end)` as a string of its own: V8 keeps a slice of 13 characters or more as
 * a view of the whole text, which would keep every indexed text alive through its long words.
 */
function ownCopy(text: string, start: number, end: number): string {
  if (start === 0 && end === text.length) return text;
  if (end - start < 13) return text.slice(start, end);
  const codes: number[] = [];
  for (let k = start; k < end; k++) codes.push(text.charCodeAt(k));
  return String.fromCharCode(...codes);
}

/** Per-word sums for the document being added, indexed by word number. */
interface Scratch {
  touched: number[];
  weight: Float64Array;
  fromAcronym: Uint8Array;
}

function grownScratch(from?: Scratch): Scratch {
  const size = Math.max(1024, (from?.weight.length ?? 0) * 2);
  const weight = new Float64Array(size).fill(-1);
  const fromAcronym = new Uint8Array(size);
  if (from) {
    weight.set(from.weight);
    fromAcronym.set(from.fromAcronym);
  }
  return { touched: from?.touched ?? [], weight, fromAcronym };
}
