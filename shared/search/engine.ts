import { toHit } from './hit';
import { restoreIndex, snapshotIndex, type IndexSnapshot } from './index-snapshot';
import type { MatchedWords } from './highlight';
import { scoreQuery } from './query-clauses';
import { queryWords } from './query-words';
import { rank } from './rank';
import { suggestWords } from './suggest';
import { TermIndex } from './term-index';
import type { Thesaurus } from './terms/thesaurus';
import { docKey, type SearchDoc, type SearchHit, type SearchResult } from './types';
import type { Matched } from './word-scores';

export { FIELD_WEIGHT, MATCH_FACTOR } from './field-weights';
export { COMPACT_AFTER } from './term-index';

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

/**
 * Search over SearchDocs, kept current one document at a time. The built index is a TermIndex
 * (term-index.ts); a query is parsed into words (query-words.ts), each word scored by the best
 * of its ways to match (word-scores.ts), pairs, term-list forms and names on top
 * (query-clauses.ts), then ranked (rank.ts): documents matching every word first, then those
 * matching most (partial matches), each group by score.
 */
export class SearchIndex {
  private readonly index = new TermIndex();
  private readonly thesaurus: Thesaurus | undefined;

  constructor(options: IndexOptions = {}) {
    this.thesaurus = options.thesaurus;
  }

  get size(): number {
    return this.index.size;
  }

  get vocabularySize(): number {
    return this.index.vocab.size;
  }

  add(doc: SearchDoc): void {
    this.index.add(doc);
  }

  addAll(docs: Iterable<SearchDoc>): void {
    this.index.addAll(docs);
  }

  remove(kind: string, id: string): boolean {
    return this.index.remove(kind, id);
  }

  /** Drops every document of a kind (before a provider's fresh load). */
  removeKind(kind: string): number {
    return this.index.removeKind(kind);
  }

  /** Rebuilds from the living documents, dropping tombstoned postings. */
  compact(): void {
    this.index.compact();
  }

  /** Sorts what a build added into the vocabulary now, so the first keystroke after a build does not pay for it. */
  settle(): void {
    this.index.vocab.settle();
  }

  /** The documents of `kinds` with their postings, to be saved and read back by `restore` (index-snapshot.ts). */
  snapshot(kinds: readonly string[]): IndexSnapshot {
    return snapshotIndex(this.index, kinds);
  }

  /** Replaces the documents of the snapshot's kinds with the snapshot's, without indexing them again; throws if it cannot be read. */
  restore(snapshot: IndexSnapshot): void {
    restoreIndex(this.index, snapshot);
    this.settle();
  }

  has(kind: string, id: string): boolean {
    return this.index.byKey.has(docKey(kind, id));
  }

  get(key: string): SearchDoc | undefined {
    return this.index.entry(key)?.doc;
  }

  /** Display form of documents by key (recently opened items), in index order of `keys`. */
  describe(keys: readonly string[], lang = 'en'): SearchHit[] {
    const none: MatchedWords = { terms: new Set(), stems: new Set() };
    return keys.flatMap((key) => {
      const entry = this.index.entry(key);
      return entry ? [toHit(entry, 0, lang, none)] : [];
    });
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const started = performanceNow();
    const lang = options.lang ?? 'en';
    const words = queryWords(query);
    if (words.length === 0) return { query, hits: [], totals: {}, total: 0, complete: 0, ms: performanceNow() - started };

    const matched: Matched = { terms: new Set(), stems: new Set() };
    let ranked;
    let of;
    try {
      const scores = scoreQuery(this.index, words, this.thesaurus, matched);
      of = scores.clauses.length;
      ranked = rank(this.index, scores, options.limit ?? 50, options.kinds);
    } finally {
      this.index.releaseScores();
    }
    const { top, totals, total, complete } = ranked;
    const typed = new Set(words);
    const hits = top.map(({ num, words: count, score }) => {
      const hit = toHit(this.index.docs[num]!, score, lang, matched, typed);
      if (count < of) hit.partial = { matched: count, of };
      return hit;
    });
    const result: SearchResult = { query, hits, totals, total, complete, ms: 0 };
    if (total === 0) result.suggestions = suggestWords(this.index, this.thesaurus, words);
    result.ms = performanceNow() - started;
    return result;
  }
}

function performanceNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
