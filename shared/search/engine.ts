import { acronymForm, Glossary } from './acronym-index';
import { toHit, type Entry } from './hit';
import type { MatchedWords } from './highlight';
import { idf, lengthNorm, Posting, raise, raiseAll, saturate } from './postings';
import { isKeySlip } from './keyboard';
import { stem } from './stem';
import type { Thesaurus } from './terms/thesaurus';
import { forEachDocTerm } from './doc-terms';
import { FIELD_WEIGHT, MATCH_FACTOR } from './field-weights';
import { STOPWORDS, terms as termsOf } from './tokenize';
import { TopK } from './top-k';
import { allowedEdits, Vocabulary } from './trie';
import { docKey, type SearchDoc, type SearchHit, type SearchResult } from './types';

export { FIELD_WEIGHT, MATCH_FACTOR } from './field-weights';

const PREFIX_LIMIT = 200;
const SHORT_PREFIX_LIMIT = 20;
const MIN_STEM_LENGTH = 4;
const SUGGESTIONS = 5;
/** Tombstones swept by a rebuild once there are more than this many and they outnumber the living. */
export const COMPACT_AFTER = 5000;

export interface SearchOptions {
  /** Language titles and snippets are shown in. */
  lang?: string;
  limit?: number;
  /** Only these kinds. */
  kinds?: readonly string[];
}

export interface IndexOptions {
  /** Term list and gazetteer: a word in one language also finds the others' forms. */
  thesaurus?: Thesaurus;
}

interface Matched {
  terms: Set<string>;
  stems: Set<string>;
}

/**
 * An inverted index over SearchDocs, kept current one document at a time (add replaces, remove
 * tombstones; tombstones are swept by a rebuild once they outnumber the living). Postings hold
 * saturated field weights; a query scores into typed arrays, one per query word, each word by
 * the best of its ways to match, weighted by BM25's idf. Documents matching every word rank
 * first, then those matching most (partial matches), each group by score.
 */
export class SearchIndex {
  private docs: (Entry | undefined)[] = [];
  /** Each document's kind by number (DEAD once removed), and the documents by acronym form. */
  private docKind: number[] = [];
  private readonly kindIds = new Map<string, number>();
  private readonly kindNames: string[] = [];
  private byAcronymForm = new Map<string, number[]>();
  private readonly byKey = new Map<string, number>();
  /** Every indexed word once, by its number (interned: a word's stem and trie entry are made once, not per document). */
  private termIds = new Map<string, number>();
  private termPostings: Posting[] = [];
  /** The posting of each word's stem, or undefined for words too short or with digits. */
  private termStemPostings: (Posting | undefined)[] = [];
  private stems = new Map<string, Posting>();
  private vocab = new Vocabulary();
  private scratch: Scratch = grownScratch();
  private readonly glossary = new Glossary();
  private readonly thesaurus: Thesaurus | undefined;
  private dead = 0;
  private holdCompaction = false;

  constructor(options: IndexOptions = {}) {
    this.thesaurus = options.thesaurus;
  }

  get size(): number {
    return this.byKey.size;
  }

  get vocabularySize(): number {
    return this.vocab.size;
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
    forEachDocTerm(doc, this.visitTerm);
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
  private readonly visitTerm = (term: string, fieldWeight: number, acronym: boolean): void => {
    let id = this.termIds.get(term);
    if (id === undefined) id = this.intern(term);
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
  private intern(term: string): number {
    const id = this.termPostings.length;
    this.termIds.set(term, id);
    this.termPostings.push(new Posting());
    this.vocab.add(term);
    let stemPosting: Posting | undefined;
    if (term.length >= MIN_STEM_LENGTH && !/\d/.test(term)) {
      const root = stem(term);
      stemPosting = this.stems.get(root);
      if (!stemPosting) this.stems.set(root, (stemPosting = new Posting()));
    }
    this.termStemPostings.push(stemPosting);
    if (id >= this.scratch.weight.length) this.scratch = grownScratch(this.scratch);
    return id;
  }

  private posting(term: string): Posting | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.termPostings[id];
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

  has(kind: string, id: string): boolean {
    return this.byKey.has(docKey(kind, id));
  }

  get(key: string): SearchDoc | undefined {
    const num = this.byKey.get(key);
    return num === undefined ? undefined : this.docs[num]?.doc;
  }

  /** Display form of documents by key (recently opened items), in index order of `keys`. */
  describe(keys: readonly string[], lang = 'en'): SearchHit[] {
    const none: MatchedWords = { terms: new Set(), stems: new Set() };
    return keys.flatMap((key) => {
      const num = this.byKey.get(key);
      const entry = num === undefined ? undefined : this.docs[num];
      return entry ? [toHit(entry, 0, lang, none)] : [];
    });
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
    this.termIds = new Map();
    this.termPostings = [];
    this.termStemPostings = [];
    this.scratch = grownScratch();
    this.stems = new Map();
    this.vocab = new Vocabulary();
    this.glossary.clear();
    this.dead = 0;
    this.addAll(living);
  }

  private idf(posting: Posting): number {
    return idf(posting.length, this.byKey.size);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const started = performanceNow();
    const lang = options.lang ?? 'en';
    const limit = options.limit ?? 50;
    const all = [...new Set(termsOf(query))];
    const content = all.filter((t) => !STOPWORDS.has(t));
    const words = content.length > 0 ? content : all;
    const empty: SearchResult = { query, hits: [], totals: {}, total: 0, complete: 0, ms: 0 };
    if (words.length === 0) return { ...empty, ms: performanceNow() - started };

    const matched: Matched = { terms: new Set(), stems: new Set() };
    const n = this.docs.length;
    const clauses = words.map((word) => this.scoreWord(word, n, matched));

    // "kerja sama" finds "kerjasama", "cop 30" finds "COP30": a joined pair satisfies both words.
    for (let i = 0; i + 1 < words.length; i++) {
      const joined = words[i]! + words[i + 1]!;
      const posting = this.posting(joined);
      if (!posting) continue;
      matched.terms.add(joined);
      const factor = MATCH_FACTOR.compound * this.idf(posting);
      raise(clauses[i]!, posting, factor);
      raise(clauses[i + 1]!, posting, factor);
    }

    // "alam sekitar" finds "environment", "Jepun" finds "Japan": the term list's other forms of each span.
    for (const expansion of this.thesaurus?.expand(words) ?? []) {
      const factor = expansion.fuzzy ? MATCH_FACTOR.fuzzySynonym : MATCH_FACTOR.synonym;
      for (const phrase of expansion.alternatives) {
        const scores = this.phraseScores(phrase, n, matched);
        if (!scores) continue;
        for (let i = expansion.start; i < expansion.end; i++) raiseArray(clauses[i]!, scores, factor);
      }
    }

    // "Senior Officials on Environment" finds what says "ASOEN": the whole query stands for the acronym.
    const whole = new Float32Array(n);
    const named = new Map<number, number>();
    let anyWhole = false;
    for (const entry of this.glossary.forName(words)) {
      for (const acronym of entry.acronyms) {
        const posting = this.posting(acronym);
        if (!posting) continue;
        matched.terms.add(acronym);
        raise(whole, posting, MATCH_FACTOR.glossaryName * words.length * this.idf(posting));
        anyWhole = true;
        // The body the name belongs to comes before what merely mentions its acronym.
        const own = this.byKey.get(entry.key);
        if (own !== undefined) named.set(own, Math.max(named.get(own) ?? 0, saturate(FIELD_WEIGHT.acronym) * this.idf(posting)));
      }
    }

    const allowed = this.kindMask(options.kinds);
    // A word that is exactly a document's acronym or code names that document.
    let bonus: Float32Array | undefined;
    for (const word of words) {
      const posting = this.posting(word);
      const named = this.byAcronymForm.get(word);
      if (!posting || !named) continue;
      bonus ??= new Float32Array(n);
      const value = saturate(FIELD_WEIGHT.acronym) * this.idf(posting);
      for (const num of named) bonus[num] = bonus[num]! + value;
    }
    const perKind = new Int32Array(this.kindNames.length);
    const docKind = this.docKind;
    // Top hits by a bounded min-heap: sorting every match of a one-letter query would cost more than the scoring.
    const top = new TopK(limit);
    let total = 0;
    let complete = 0;
    const totals: Record<string, number> = {};
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
      if (anyWhole && whole[num]! > 0) {
        count = clauses.length;
        score = Math.max(score, whole[num]!) + (named.get(num) ?? 0);
      }
      if (count === 0) continue;
      const kind = docKind[num]!;
      if (kind === DEAD || (allowed && !allowed[kind])) continue;
      if (bonus) score += bonus[num]!;
      perKind[kind]!++;
      total++;
      if (count === clauses.length) complete++;
      top.offer(num, count, score);
    }
    perKind.forEach((count, kind) => {
      if (count > 0) totals[this.kindNames[kind]!] = count;
    });
    const typed = new Set(words);
    const hits = top.sorted().map(({ num, words: count, score }) => {
      const hit = toHit(this.docs[num]!, score, lang, matched, typed);
      if (count < clauses.length) hit.partial = { matched: count, of: clauses.length };
      return hit;
    });
    const result: SearchResult = { query, hits, totals, total, complete, ms: 0 };
    if (total === 0) result.suggestions = this.suggest(words);
    result.ms = performanceNow() - started;
    return result;
  }

  /** Which kind numbers a query may return (undefined: all). */
  private kindMask(kinds: readonly string[] | undefined): Uint8Array | undefined {
    if (!kinds) return undefined;
    const mask = new Uint8Array(this.kindNames.length);
    for (const kind of kinds) {
      const id = this.kindIds.get(kind);
      if (id !== undefined) mask[id] = 1;
    }
    return mask;
  }

  /** Best score per document for one query word, over every way the word can match. */
  private scoreWord(word: string, n: number, matched: Matched): Float32Array {
    const scores = new Float32Array(n);
    const use = (term: string, factor: number) => {
      const posting = this.posting(term);
      if (!posting) return;
      matched.terms.add(term);
      raise(scores, posting, factor * this.idf(posting));
    };
    use(word, MATCH_FACTOR.exact);

    // Completions and corrections of one word share one idf (the commonest one's): which of
    // them the delegate meant is unknown, so a rare neighbour must not outrank a common one.
    const groupIdf = (candidates: readonly string[]) => {
      let df = 0;
      for (const term of candidates) df = Math.max(df, this.posting(term)?.length ?? 0);
      return idf(df, this.byKey.size);
    };
    const useAll = (term: string, factor: number, shared: number) => {
      const posting = this.posting(term);
      if (!posting) return;
      matched.terms.add(term);
      raise(scores, posting, factor * shared);
    };

    // One letter is too little to expand (every word starting with "s"); two letters expand a little.
    const prefixLimit = word.length <= 1 ? 0 : word.length === 2 ? SHORT_PREFIX_LIMIT : PREFIX_LIMIT;
    const completions = prefixLimit > 0 ? this.vocab.withPrefix(word, prefixLimit).filter((t) => t !== word) : [];
    const completionIdf = groupIdf(completions);
    for (const term of completions) useAll(term, MATCH_FACTOR.prefix * (0.6 + (0.4 * word.length) / term.length), completionIdf);

    const edits = allowedEdits(word.length);
    const typos = edits > 0 ? this.vocab.near(word, edits).filter((t) => t.term !== word) : [];
    const typoIdf = groupIdf(typos.map((t) => t.term));
    // Between equally near corrections, the commoner word is the likelier one meant.
    const maxDf = typos.reduce((m, t) => Math.max(m, this.posting(t.term)?.length ?? 0), 1);
    for (const { term, distance } of typos) {
      const common = 0.75 + (0.25 * (this.posting(term)?.length ?? 0)) / maxDf;
      useAll(term, typoFactor(word, term, distance) * common, typoIdf);
    }

    if (word.length >= MIN_STEM_LENGTH && !/\d/.test(word)) {
      const root = stem(word);
      const posting = this.stems.get(root);
      if (posting) {
        matched.stems.add(root);
        raise(scores, posting, MATCH_FACTOR.stem * this.idf(posting));
      }
    }

    // "kerjasama" finds "kerja sama": both halves present in the document.
    if (word.length >= 6) {
      for (let cut = 3; cut <= word.length - 3; cut++) {
        const left = this.posting(word.slice(0, cut));
        const right = this.posting(word.slice(cut));
        if (!left || !right) continue;
        matched.terms.add(word.slice(0, cut)).add(word.slice(cut));
        raiseAll(scores, [left, right], MATCH_FACTOR.compound * ((this.idf(left) + this.idf(right)) / 2), n);
      }
    }

    // "admm2025", "cop30": letters and digits typed together find them written apart.
    const parts = word.match(/\p{L}+|\p{N}+/gu) ?? [];
    if (parts.length > 1) this.raisePhrase(scores, parts, MATCH_FACTOR.compound, n, matched.terms);

    // An acronym (typed exactly or with one typo) also finds its aliases and its spelled-out name.
    // Typo'd acronyms count only when the word itself is no acronym: "asoen" must not also
    // expand "asean"-like neighbours.
    // A corrected acronym's expansions count as little as the correction itself.
    const exactEntries = this.glossary.forAcronym(word).length > 0;
    const acronyms = exactEntries ? [word] : [word, ...typos.filter((t) => t.distance === 1).map((t) => t.term)];
    for (const acronym of acronyms) {
      const discount = acronym === word ? 1 : typoFactor(word, acronym, 1);
      for (const entry of this.glossary.forAcronym(acronym)) {
        for (const alias of entry.acronyms) if (alias !== word) use(alias, MATCH_FACTOR.glossaryAlias * discount);
        for (const name of entry.names) this.raisePhrase(scores, name, MATCH_FACTOR.glossaryName * discount, n, matched.terms);
      }
    }
    return scores;
  }

  /** Documents holding every word of `words` score the weakest word's weight, times the mean idf. */
  private raisePhrase(scores: Float32Array, words: readonly string[], factor: number, n: number, matched: Set<string>): void {
    const postings = words.map((w) => this.posting(w));
    if (postings.some((p) => !p)) return;
    const found = postings as Posting[];
    for (const w of words) matched.add(w);
    const meanIdf = found.reduce((sum, p) => sum + this.idf(p), 0) / found.length;
    raiseAll(scores, found, factor * meanIdf, n);
  }

  /** Scores of a term-list form: a word exactly or by its stem, a phrase by all its words. */
  private phraseScores(phrase: readonly string[], n: number, matched: Matched): Float32Array | undefined {
    if (phrase.length === 1) {
      const word = phrase[0]!;
      const posting = this.posting(word);
      const root = word.length >= MIN_STEM_LENGTH && !/\d/.test(word) ? stem(word) : undefined;
      const stemmed = root === undefined ? undefined : this.stems.get(root);
      if (!posting && !stemmed) return undefined;
      const scores = new Float32Array(n);
      if (stemmed) {
        matched.stems.add(root!);
        raise(scores, stemmed, MATCH_FACTOR.stem * this.idf(stemmed));
      }
      if (posting) {
        matched.terms.add(word);
        raise(scores, posting, this.idf(posting));
      }
      return scores;
    }
    if (phrase.some((w) => !this.posting(w))) return undefined;
    const scores = new Float32Array(n);
    this.raisePhrase(scores, phrase, 1, n, matched.terms);
    return scores;
  }

  /** The indexed words and term-list forms closest to what was typed, for "did you mean". */
  private suggest(words: readonly string[]): string[] {
    const found = new Map<string, number>();
    for (const word of words) {
      const edits = Math.max(2, allowedEdits(word.length) + 1);
      const near = [...this.vocab.near(word, edits), ...(this.thesaurus?.closeForms(word, edits).filter((c) => this.posting(c.term)) ?? [])];
      for (const { term, distance } of near) {
        const df = this.posting(term)?.length ?? 0;
        const rank = distance * 1e6 - df;
        if (term !== word && rank < (found.get(term) ?? Infinity)) found.set(term, rank);
      }
    }
    return [...found].sort((a, b) => a[1] - b[1]).slice(0, SUGGESTIONS).map(([term]) => term);
  }
}

/** What a correction counts for: a slip onto the next key more than any other single edit. */
function typoFactor(typed: string, term: string, distance: number): number {
  if (distance > 1) return MATCH_FACTOR.typo2;
  return isKeySlip(typed, term) ? MATCH_FACTOR.keySlip : MATCH_FACTOR.typo1;
}

function raiseArray(scores: Float32Array, from: Float32Array, factor: number): void {
  for (let i = 0; i < from.length; i++) {
    const s = from[i]! * factor;
    if (s > scores[i]!) scores[i] = s;
  }
}

/** The kind number of a removed document. */
const DEAD = -1;

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

function performanceNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
