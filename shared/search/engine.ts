import { foldText } from './fold';
import { acronymForm, Glossary } from './glossary';
import { highlightRanges, snippetAround, type MatchedWords } from './highlight';
import { stem } from './stem';
import { allTexts, pickDocText, textsByPreference } from './text';
import { STOPWORDS, terms as termsOf } from './tokenize';
import { allowedEdits, Vocabulary } from './trie';
import { docKey, type SearchDoc, type SearchHit, type SearchResult } from './types';

/** Field weights: a word in an acronym or title says more about a document than one in its text. */
export const FIELD_WEIGHT = { acronym: 12, title: 6, keyword: 3, text: 1 } as const;

/** How much a match counts, by how it matched: exact > stem > prefix > typo. */
export const MATCH_FACTOR = { exact: 1, glossaryAlias: 0.9, glossaryName: 0.8, compound: 0.75, stem: 0.7, prefix: 0.55, typo1: 0.4, typo2: 0.28 } as const;

const PREFIX_LIMIT = 200;
const SHORT_PREFIX_LIMIT = 20;
const MIN_STEM_LENGTH = 4;
/** Tombstones swept by a rebuild once there are more than this many and they outnumber the living. */
export const COMPACT_AFTER = 5000;

interface Posting {
  nums: number[];
  weights: number[];
}

interface Entry {
  key: string;
  doc: SearchDoc;
}

export interface SearchOptions {
  /** Language titles and snippets are shown in. */
  lang?: string;
  limit?: number;
  /** Only these kinds. */
  kinds?: readonly string[];
}

/**
 * An inverted index over SearchDocs, kept current one document at a time (add replaces, remove
 * tombstones; tombstones are swept by a rebuild once they outnumber the living). Postings are
 * parallel arrays of document numbers and field weights; a query scores into typed arrays, one
 * per query word, and a document must match every word (each by any of its alternatives).
 */
export class SearchIndex {
  private docs: (Entry | undefined)[] = [];
  private readonly byKey = new Map<string, number>();
  private postings = new Map<string, Posting>();
  private stems = new Map<string, Posting>();
  private vocab = new Vocabulary();
  private readonly glossary = new Glossary();
  private dead = 0;
  private holdCompaction = false;

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
    this.docs.push({ key, doc });
    this.byKey.set(key, num);
    this.glossary.add(key, doc);
    for (const [term, weight] of docTerms(doc)) {
      push(this.postings, term, num, weight);
      this.vocab.add(term);
      if (term.length >= MIN_STEM_LENGTH && !/\d/.test(term)) push(this.stems, stem(term), num, weight);
    }
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
    this.byKey.clear();
    this.postings = new Map();
    this.stems = new Map();
    this.vocab = new Vocabulary();
    this.glossary.clear();
    this.dead = 0;
    this.addAll(living);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const started = performanceNow();
    const lang = options.lang ?? 'en';
    const limit = options.limit ?? 50;
    const all = [...new Set(termsOf(query))];
    const content = all.filter((t) => !STOPWORDS.has(t));
    const words = content.length > 0 ? content : all;
    const empty: SearchResult = { query, hits: [], totals: {}, total: 0, ms: 0 };
    if (words.length === 0) return { ...empty, ms: performanceNow() - started };

    const matched = { terms: new Set<string>(), stems: new Set<string>() };
    const n = this.docs.length;
    const clauses = words.map((word) => this.scoreWord(word, n, matched));

    // "kerja sama" finds "kerjasama": a joined pair satisfies both words.
    for (let i = 0; i + 1 < words.length; i++) {
      const joined = words[i]! + words[i + 1]!;
      const posting = this.postings.get(joined);
      if (!posting) continue;
      matched.terms.add(joined);
      raise(clauses[i]!, posting, MATCH_FACTOR.compound);
      raise(clauses[i + 1]!, posting, MATCH_FACTOR.compound);
    }

    // "Senior Officials on Environment" finds what says "ASOEN": the whole query stands for the acronym.
    const whole = new Float32Array(n);
    let anyWhole = false;
    for (const entry of this.glossary.forName(words)) {
      for (const acronym of entry.acronyms) {
        const posting = this.postings.get(acronym);
        if (!posting) continue;
        matched.terms.add(acronym);
        raise(whole, posting, MATCH_FACTOR.glossaryName * words.length);
        anyWhole = true;
      }
    }

    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    const exactAcronym = words.length === 1 ? words[0] : undefined;
    // Top hits by a bounded min-heap: sorting every match of a one-letter query would cost more than the scoring.
    const top = new TopK(limit);
    let total = 0;
    const totals: Record<string, number> = {};
    for (let num = 0; num < n; num++) {
      let score = 0;
      for (const clause of clauses) {
        const s = clause[num]!;
        if (s === 0) {
          score = 0;
          break;
        }
        score += s;
      }
      if (anyWhole) score = Math.max(score, whole[num]!);
      if (score === 0) continue;
      const entry = this.docs[num];
      if (!entry || (kinds && !kinds.has(entry.doc.kind))) continue;
      if (exactAcronym && entry.doc.acronyms?.some((a) => acronymForm(a) === exactAcronym)) score += FIELD_WEIGHT.acronym;
      totals[entry.doc.kind] = (totals[entry.doc.kind] ?? 0) + 1;
      total++;
      top.offer(num, score);
    }
    const typed = new Set(words);
    const hits = top.sorted().map(({ num, score }) => toHit(this.docs[num]!, score, lang, matched, typed));
    return { query, hits, totals, total, ms: performanceNow() - started };
  }

  /** Best score per document for one query word, over every way the word can match. */
  private scoreWord(word: string, n: number, matched: { terms: Set<string>; stems: Set<string> }): Float32Array {
    const scores = new Float32Array(n);
    const use = (term: string, factor: number) => {
      const posting = this.postings.get(term);
      if (!posting) return;
      matched.terms.add(term);
      raise(scores, posting, factor);
    };
    use(word, MATCH_FACTOR.exact);

    // One letter is too little to expand (every word starting with "s"); two letters expand a little.
    const prefixLimit = word.length <= 1 ? 0 : word.length === 2 ? SHORT_PREFIX_LIMIT : PREFIX_LIMIT;
    for (const term of prefixLimit > 0 ? this.vocab.withPrefix(word, prefixLimit) : []) {
      if (term !== word) use(term, MATCH_FACTOR.prefix * (0.6 + (0.4 * word.length) / term.length));
    }

    const edits = allowedEdits(word.length);
    const typos = edits > 0 ? this.vocab.near(word, edits).filter((t) => t.term !== word) : [];
    for (const { term, distance } of typos) use(term, distance === 1 ? MATCH_FACTOR.typo1 : MATCH_FACTOR.typo2);

    if (word.length >= MIN_STEM_LENGTH && !/\d/.test(word)) {
      const root = stem(word);
      const posting = this.stems.get(root);
      if (posting) {
        matched.stems.add(root);
        raise(scores, posting, MATCH_FACTOR.stem);
      }
    }

    // "kerjasama" finds "kerja sama": both halves present in the document.
    if (word.length >= 6) {
      for (let cut = 3; cut <= word.length - 3; cut++) {
        const left = this.postings.get(word.slice(0, cut));
        const right = this.postings.get(word.slice(cut));
        if (!left || !right) continue;
        matched.terms.add(word.slice(0, cut)).add(word.slice(cut));
        raiseBoth(scores, left, right, MATCH_FACTOR.compound, n);
      }
    }

    // An acronym (typed exactly or with one typo) also finds its aliases and its spelled-out name.
    // Typo'd acronyms count only when the word itself is no acronym: "asoen" must not also
    // expand "asean"-like neighbours.
    const exactEntries = this.glossary.forAcronym(word).length > 0;
    const acronyms = exactEntries ? [word] : [word, ...typos.filter((t) => t.distance === 1).map((t) => t.term)];
    for (const acronym of acronyms) {
      for (const entry of this.glossary.forAcronym(acronym)) {
        for (const alias of entry.acronyms) if (alias !== word) use(alias, MATCH_FACTOR.glossaryAlias);
        for (const name of entry.names) this.raiseAll(scores, name, MATCH_FACTOR.glossaryName, n, matched.terms);
      }
    }
    return scores;
  }

  /** Documents holding every word of `words` (a spelled-out name) score the weakest word's weight. */
  private raiseAll(scores: Float32Array, words: readonly string[], factor: number, n: number, matched: Set<string>): void {
    const postings = words.map((w) => this.postings.get(w));
    if (postings.some((p) => !p)) return;
    const min = new Float32Array(n).fill(Infinity);
    const seen = new Uint8Array(n);
    postings.forEach((posting, i) => {
      const { nums, weights } = posting!;
      for (let j = 0; j < nums.length; j++) {
        const num = nums[j]!;
        if (seen[num] === i) {
          seen[num] = i + 1;
          min[num] = Math.min(min[num]!, weights[j]!);
        }
      }
    });
    for (const w of words) matched.add(w);
    for (let num = 0; num < n; num++) {
      if (seen[num] === words.length) scores[num] = Math.max(scores[num]!, min[num]! * factor);
    }
  }
}

function push(map: Map<string, Posting>, term: string, num: number, weight: number): void {
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

function raise(scores: Float32Array, { nums, weights }: Posting, factor: number): void {
  for (let i = 0; i < nums.length; i++) {
    const num = nums[i]!;
    const s = weights[i]! * factor;
    if (s > scores[num]!) scores[num] = s;
  }
}

function raiseBoth(scores: Float32Array, left: Posting, right: Posting, factor: number, n: number): void {
  const leftWeight = new Float32Array(n);
  for (let i = 0; i < left.nums.length; i++) leftWeight[left.nums[i]!] = left.weights[i]!;
  for (let i = 0; i < right.nums.length; i++) {
    const num = right.nums[i]!;
    const w = Math.min(leftWeight[num]!, right.weights[i]!) * factor;
    if (w > scores[num]!) scores[num] = w;
  }
}

/** Every indexed word of a document with the weight of the strongest field it appears in. */
export function docTerms(doc: SearchDoc): Map<string, number> {
  const out = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of termsOf(text)) if ((out.get(term) ?? 0) < weight) out.set(term, weight);
  };
  for (const acronym of doc.acronyms ?? []) {
    add(acronym, FIELD_WEIGHT.acronym);
    // "COP AATHP", "SOM-ED" are also typed as one word.
    const joined = acronymForm(acronym);
    if (joined && (out.get(joined) ?? 0) < FIELD_WEIGHT.acronym) out.set(joined, FIELD_WEIGHT.acronym);
  }
  for (const text of allTexts(doc.title)) add(text, FIELD_WEIGHT.title);
  for (const keyword of doc.keywords ?? []) for (const text of allTexts(keyword)) add(text, FIELD_WEIGHT.keyword);
  for (const part of doc.text ?? []) for (const text of allTexts(part)) add(text, FIELD_WEIGHT.text);
  return out;
}

function toHit(entry: Entry, score: number, lang: string, matched: MatchedWords, typed: ReadonlySet<string> = new Set()): SearchHit {
  const { doc, key } = entry;
  const title = pickDocText(doc.title, lang);
  const hit: SearchHit = {
    key,
    kind: doc.kind,
    id: doc.id,
    href: doc.href,
    score,
    title: title.text,
    titleLang: title.lang,
    titleFallback: title.fallback,
    titleRanges: highlightRanges(title.text, matched),
  };
  if (doc.date) hit.date = doc.date;
  if (doc.acronyms?.length) {
    const shown = doc.acronyms.map((a) => ({ a, ranges: highlightRanges(a, matched) }));
    // The acronym the delegate typed, else one that matched, else the main one.
    const best = shown.find((s) => typed.has(acronymForm(s.a))) ?? shown.find((s) => s.ranges.length > 0) ?? shown[0]!;
    hit.acronym = best.a;
    hit.acronymRanges = best.ranges;
  }
  // A snippet shows why a document matched, where the title and acronym do not already say it.
  const shownWords = new Set([
    ...hit.titleRanges.map(([s, e]) => foldText(hit.title.slice(s, e))),
    ...(hit.acronymRanges ?? []).map(([s, e]) => foldText(hit.acronym!.slice(s, e))),
  ]);
  if (matched.terms.size > 0 || matched.stems.size > 0) {
    // First a text holding a word as typed ("ASOEN" in a description), then any expansion of it.
    const parts = [...(doc.keywords ?? []), ...(doc.text ?? [])];
    const candidates = parts.flatMap((part) => textsByPreference(part, lang).map((p) => ({ p, ranges: highlightRanges(p.text, matched) })));
    const fresh = (x: (typeof candidates)[number], typedOnly: boolean) =>
      x.ranges.some(([s, e]) => {
        const word = foldText(x.p.text.slice(s, e));
        return !shownWords.has(word) && (!typedOnly || typed.has(word));
      });
    const found = candidates.find((x) => fresh(x, true)) ?? candidates.find((x) => fresh(x, false));
    if (found) {
      const { snippet, ranges } = snippetAround(found.p.text, found.ranges);
      hit.snippet = snippet;
      hit.snippetLang = found.p.lang;
      hit.snippetRanges = ranges;
    }
  }
  return hit;
}

function performanceNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** The k best (num, score) pairs seen, ties to the lower document number (index order). */
class TopK {
  private readonly heap: { num: number; score: number }[] = [];
  constructor(private readonly k: number) {}

  private worse(a: { num: number; score: number }, b: { num: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && a.num > b.num);
  }

  offer(num: number, score: number): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length === this.k) {
      const root = heap[0]!;
      if (!this.worse(root, { num, score })) return;
      heap[0] = { num, score };
      this.down(0);
      return;
    }
    heap.push({ num, score });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && this.worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && this.worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }

  sorted(): { num: number; score: number }[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.num - b.num);
  }
}
