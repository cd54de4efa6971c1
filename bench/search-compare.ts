/**
 * This app's search engine and MiniSearch side by side in one Node process, on the same 50k
 * documents (the built-in dataset's records among synthetic ones) and the same labelled query
 * sets (every bench/search-queries*.json, see search-query-sets.ts): index build time, memory,
 * query p95 (the main set's queries typed key by key) and, per set, the share of queries whose
 * expected record is in the top 5.
 */
import { sectorNames } from '../renderer/features/search/sector-names';
import MiniSearch from 'minisearch';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import agendaItems from '../assets/dataset/agenda-items.json';
import bodies from '../assets/dataset/bodies.json';
import frameworks from '../assets/dataset/frameworks.json';
import meetings from '../assets/dataset/meetings.json';
import sources from '../assets/dataset/sources.json';
import targets from '../assets/dataset/targets.json';
import { DatasetRecords } from '../shared/model';
import { allTexts, docKey, recordsToDocs, SearchIndex, shippedThesaurus, type SearchDoc } from '../shared/search';
import { percentile } from './measure';
import { syntheticSearchDocs } from './search-docs';
import { loadQuerySets, type LabelledQuery, type QuerySet } from './search-query-sets';

export type { LabelledQuery, QuerySet };

/** Every labelled query set present, the main one (search-queries.json) first. */
export const QUERY_SETS: QuerySet[] = loadQuerySets();
/** The main set (search-queries.json). */
export const LABELLED_QUERIES: LabelledQuery[] = QUERY_SETS.find((s) => s.name === 'labelled')?.queries ?? [];

/** The built-in dataset's documents first, synthetic ones after, `size` in all. */
export function benchDocs(size: number): SearchDoc[] {
  // Sectors named as the app's search worker names them (renderer/features/search/reference-docs.ts).
  const real = recordsToDocs(DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets }), { sector: sectorNames });
  return [...real, ...(syntheticSearchDocs(size - real.length) as SearchDoc[])];
}

interface Engine {
  build(docs: readonly SearchDoc[]): void;
  /** Keys of the best `limit` documents. */
  query(q: string, lang: string, limit: number): string[];
}

function appEngine(): Engine {
  let index = new SearchIndex();
  return {
    build(docs) {
      index = new SearchIndex({ thesaurus: shippedThesaurus() });
      index.addAll(docs);
    },
    query: (q, lang, limit) => index.search(q, { lang, limit }).hits.map((h) => h.key),
  };
}

const joinTexts = (texts: SearchDoc['text']) => (texts ?? []).flatMap((t) => allTexts(t)).join(' ');

/** MiniSearch as its README recommends: every field indexed, prefix and fuzzy search, the title boosted. */
function miniSearchEngine(): Engine {
  let mini: MiniSearch | undefined;
  return {
    build(docs) {
      mini = new MiniSearch({ idField: 'key', fields: ['acronyms', 'title', 'keywords', 'text'] });
      mini.addAll(
        docs.map((d) => ({
          key: docKey(d.kind, d.id),
          acronyms: (d.acronyms ?? []).join(' '),
          title: allTexts(d.title).join(' '),
          keywords: joinTexts(d.keywords),
          text: joinTexts(d.text),
        })),
      );
    },
    query: (q, _lang, limit) =>
      mini!
        .search(q, { prefix: true, fuzzy: 0.2, boost: { acronyms: 3, title: 2 } })
        .slice(0, limit)
        .map((r) => String(r.id)),
  };
}

/** A real GC between measurements, whether or not node was started with --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** How one engine did on one query set. */
export interface SetFigures {
  set: string;
  queries: number;
  /** Share (0..1) of queries with an expected record in the top 5. */
  top5: number;
  byKind: Record<string, { pass: number; of: number }>;
  misses: string[];
}

export interface EngineFigures {
  engine: string;
  buildMs: number;
  memoryMb: number;
  queryP95: number;
  /** Keystrokes timed for the p95 (the main set's queries, typed key by key). */
  queries: number;
  sets: SetFigures[];
}

function topFive(engine: Engine, set: QuerySet): SetFigures {
  const byKind: SetFigures['byKind'] = {};
  const misses: string[] = [];
  let pass = 0;
  for (const query of set.queries) {
    const top = engine.query(query.q, query.lang, 5);
    const ok = query.expect.some((key) => top.includes(key));
    const kind = (byKind[query.kind] ??= { pass: 0, of: 0 });
    kind.of++;
    if (ok) {
      kind.pass++;
      pass++;
    } else misses.push(query.q);
  }
  return { set: set.name, queries: set.queries.length, top5: pass / set.queries.length, byKind, misses };
}

function measure(name: string, engine: Engine, docs: readonly SearchDoc[], sets: readonly QuerySet[]): EngineFigures {
  const gc = collector();
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  engine.build(docs);
  const buildMs = performance.now() - started;
  gc();
  const memoryMb = (process.memoryUsage().heapUsed - before) / 1e6;

  const times: number[] = [];
  for (const { q, lang } of sets[0]?.queries ?? []) {
    for (let k = 1; k <= q.length; k++) {
      const t0 = performance.now();
      engine.query(q.slice(0, k), lang, 30);
      times.push(performance.now() - t0);
    }
  }
  return { engine: name, buildMs, memoryMb, queryP95: percentile(times, 95), queries: times.length, sets: sets.map((set) => topFive(engine, set)) };
}

export function compareEngines(size: number, sets: readonly QuerySet[] = QUERY_SETS): { app: EngineFigures; mini: EngineFigures; docs: number } {
  const docs = benchDocs(size);
  const app = measure('this app', appEngine(), docs, sets);
  const mini = measure('MiniSearch', miniSearchEngine(), docs, sets);
  return { app, mini, docs: docs.length };
}
