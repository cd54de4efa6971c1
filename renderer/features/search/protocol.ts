import type { SearchDoc, SearchHit, SearchResult } from '../../../shared/search';

/** Messages to the search worker. */
export type SearchCommand =
  /** (Re)read the reference tables from IndexedDB: first start and every dataset install. */
  | { type: 'load-reference' }
  /**
   * Replace every document of a kind (a provider's full load). `more`: the rest of the same change
   * follows in upserts (a large change goes in bounded messages, intake.ts); the index tells the
   * views once, after the last.
   */
  | { type: 'replace-kind'; kind: string; docs: SearchDoc[]; more?: true }
  | { type: 'upsert'; docs: SearchDoc[]; more?: true }
  | { type: 'remove'; kind: string; ids: string[] };

export type SearchRequest =
  | { type: 'query'; reqId: number; q: string; lang: string; limit: number }
  | { type: 'describe'; reqId: number; keys: string[]; lang: string };

/** Forget a query not yet begun: its answer is no longer wanted (the delegate typed on). */
export type SearchCancel = { type: 'cancel'; reqId: number };

export type ToSearchWorker = SearchCommand | SearchRequest | SearchCancel;

export interface IndexStatus {
  /** The reference records have been indexed at least once. */
  ready: boolean;
  /** A reference (re)build is under way: queries sent now are answered when it ends. */
  building: boolean;
  /** While building: how far, 0-100 (reading the records, then indexing them); the palette shows it. */
  percent?: number;
  docs: number;
  /** Time the last reference (re)build took inside the worker: indexing the records, or reading the saved index into memory. */
  buildMs: number;
  /** Time the last reference (re)build spent reading from the database before that (the records, or the saved index). */
  readMs?: number;
  /** How the reference index was last made: indexed from the records, or read from the index saved by an earlier start. */
  from?: 'records' | 'saved';
  /** The reference index as it stands is saved for the next start. */
  saved?: boolean;
  /** Bumped on every change, so views re-run their query. */
  revision: number;
}

export type FromSearchWorker =
  | { type: 'status'; status: IndexStatus }
  | { type: 'result'; reqId: number; result: SearchResult }
  | { type: 'described'; reqId: number; hits: SearchHit[] }
  /** The query was cancelled before it began. */
  | { type: 'skipped'; reqId: number }
  | { type: 'error'; reqId?: number; message: string };

/** The kinds read from the reference tables (a dataset install replaces all of them). */
export const REFERENCE_KINDS = ['body', 'meeting', 'agendaItem', 'framework', 'target', 'source', 'contact'] as const;
