/**
 * Text of a document: plain, or by language as the dataset stores it ({ en, ms, id }).
 * Every language is indexed; results show the one the delegate reads.
 */
export type DocText = string | Partial<Record<string, string>>;

/** What the search index holds about one thing a delegate can open. */
export interface SearchDoc {
  /** Groups results: 'body', 'meeting', 'agendaItem', 'framework', 'target', 'source', 'briefing', 'note'... */
  kind: string;
  /** Unique within its kind. */
  id: string;
  /** Where opening the result goes (an app route). */
  href: string;
  /** Acronyms and codes: the strongest field ("ASOEN", "AWGCW", "ASOEN-36"). */
  acronyms?: string[];
  title: DocText;
  /** Short facts worth matching strongly: codes, places, publisher. */
  keywords?: DocText[];
  /** Longer text: descriptions, excerpts, talking points. */
  text?: DocText[];
  /** A body's acronym, aliases and name define a glossary entry: each finds the others. */
  glossary?: boolean;
  /** Sort hint and shown with the result (ISO, possibly partial). */
  date?: string;
}

export type Range = [start: number, end: number];

export interface SearchHit {
  key: string;
  kind: string;
  id: string;
  href: string;
  score: number;
  /** The title in the wanted language, or the language it exists in (`titleLang`). */
  title: string;
  titleLang: string;
  titleFallback: boolean;
  titleRanges: Range[];
  acronym?: string;
  acronymRanges?: Range[];
  snippet?: string;
  snippetLang?: string;
  snippetRanges?: Range[];
  date?: string;
  /** Set when the document matches only some of the query's words. */
  partial?: { matched: number; of: number };
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Matching documents per kind, before the limit. */
  totals: Record<string, number>;
  /** Matching documents, partial matches included. */
  total: number;
  /** Of those, the documents matching every word. */
  complete: number;
  /** When nothing matched: the closest indexed words. */
  suggestions?: string[];
  ms: number;
}

export const docKey = (kind: string, id: string): string => `${kind}:${id}`;
