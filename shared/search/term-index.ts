import { acronymForm, Glossary } from './acronym-index';
import { forEachDocWord } from './doc-terms';
import { FIELD_WEIGHT } from './field-weights';
import type { Entry } from './hit';
import { idf, lengthNorm, Posting, saturate } from './postings';
import { stem } from './stem';
import { StemPostings } from './stem-postings';
import { Vocabulary } from './trie';
import { docKey, type SearchDoc } from './types';
import { TermTable, wordHash } from './word-scan';

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
  /** The postings of stems (words too short or with digits have none), merged from their words' when first read. */
  private stems = new StemPostings();
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
    return this.stems.get(root, this.termPostings);
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
    const num = this.place(doc, key);
    // The document's words summed by number into reused arrays: no map or object per document.
    this.scratch.touched.length = 0;
    forEachDocWord(doc, this.visitWord);
    // Read after the visit: a new word may have grown the arrays.
    const { touched, weight, flat, fromAcronym } = this.scratch;
    // A text given in three languages says each thing three times: its length is one language's.
    const norm = lengthNorm(touched.length / languagesOf(doc));
    for (const id of touched) {
      const saturated = saturate((fromAcronym[id] ? FIELD_WEIGHT.acronym : 0) + weight[id]! / norm + flat[id]!);
      weight[id] = -1;
      this.termPostings[id]!.push(num, saturated);
      this.stems.push(id, num, saturated);
    }
  }

  /** A document's number, kind, acronym forms, key and glossary entry (everything but its words). */
  private place(doc: SearchDoc, key: string): number {
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
    return num;
  }

  /** One occurrence of a word in the document being added (weight -1: not yet seen in it). */
  private readonly visitWord = (text: string, start: number, end: number, hash: number, fieldWeight: number, acronym: boolean, normalised: boolean): void => {
    let id = this.termIds.find(text, start, end, hash);
    if (id < 0) id = this.intern(ownCopy(text, start, end), hash);
    const scratch = this.scratch;
    if (scratch.weight[id]! < 0) {
      scratch.weight[id] = 0;
      scratch.flat[id] = 0;
      scratch.fromAcronym[id] = 0;
      scratch.touched.push(id);
    }
    if (normalised) scratch.weight[id]! += fieldWeight;
    else scratch.flat[id]! += fieldWeight;
    if (acronym) scratch.fromAcronym[id] = 1;
  };

  /** A word seen for the first time: its posting, its place in the trie, its stem's posting. */
  private intern(term: string, hash: number): number {
    const id = this.termIds.insert(term, hash);
    this.termPostings.push(new Posting());
    this.vocab.add(term);
    this.stems.addWord(hasStem(term) ? stem(term) : undefined);
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
    this.reset();
    this.addAll(living);
  }

  /** Every word with its posting and its stem (undefined for none): what a saved index holds (index-snapshot.ts). */
  postings(): { terms: readonly string[]; postings: readonly Posting[]; roots: readonly (string | undefined)[] } {
    return { terms: this.termIds.all(), postings: this.termPostings, roots: this.stems.rootOf };
  }

  /**
   * Replaces the index with saved documents and postings (numbered as `docs`, each word with its
   * stem), keeping the living documents of other kinds than `kinds` (added back after them). No
   * word of the documents is read again.
   */
  restore(saved: { docs: readonly SearchDoc[]; terms: readonly string[]; postings: Posting[]; roots: readonly (string | undefined)[] }, kinds: ReadonlySet<string>): void {
    const others = this.docs.filter((e): e is Entry => e !== undefined && !kinds.has(e.doc.kind)).map((e) => e.doc);
    this.reset();
    for (const doc of saved.docs) this.place(doc, docKey(doc.kind, doc.id));
    saved.terms.forEach((term, id) => {
      this.termIds.insert(term, wordHash(term));
      this.termPostings.push(saved.postings[id]!);
      this.stems.addWord(saved.roots[id]);
      this.vocab.add(term);
    });
    while (this.scratch.weight.length < saved.terms.length) this.scratch = grownScratch(this.scratch);
    this.addAll(others);
  }

  private reset(): void {
    this.docs = [];
    this.docKind = [];
    this.byAcronymForm = new Map();
    this.byKey.clear();
    this.termIds = new TermTable();
    this.termPostings = [];
    this.scratch = grownScratch();
    this.stems = new StemPostings();
    this.vocab = new Vocabulary();
    this.glossary.clear();
    this.dead = 0;
  }
}

/** How many languages a document is written in: the most any one of its texts is given in. */
function languagesOf(doc: SearchDoc): number {
  let most = 1;
  const count = (text: SearchDoc['title'] | undefined) => {
    if (text === undefined || typeof text === 'string') return;
    let n = 0;
    for (const lang in text) if (text[lang]) n++;
    if (n > most) most = n;
  };
  count(doc.title);
  for (const part of doc.keywords ?? []) count(part);
  for (const part of doc.text ?? []) count(part);
  return most;
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

/** Per-word sums for the document being added, indexed by word number: length-normalised fields (-1: word not seen yet) and the others. */
interface Scratch {
  touched: number[];
  weight: Float64Array;
  flat: Float64Array;
  fromAcronym: Uint8Array;
}

function grownScratch(from?: Scratch): Scratch {
  const size = Math.max(1024, (from?.weight.length ?? 0) * 2);
  const weight = new Float64Array(size).fill(-1);
  const flat = new Float64Array(size);
  const fromAcronym = new Uint8Array(size);
  if (from) {
    weight.set(from.weight);
    flat.set(from.flat);
    fromAcronym.set(from.fromAcronym);
  }
  return { touched: from?.touched ?? [], weight, flat, fromAcronym };
}
