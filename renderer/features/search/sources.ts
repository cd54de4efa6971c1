import type { SearchDoc } from '../../../shared/search';

/**
 * How other features put their own documents into search without touching this folder.
 *
 *   registerSearchSource({
 *     kind: 'briefing',
 *     load: async () => (await db.table('briefings').toArray()).map(briefingToDoc),
 *     subscribe: (onChange) => {
 *       const sub = liveQuery(() => db.table('briefings').toArray()).subscribe(() => onChange());
 *       return () => sub.unsubscribe();
 *     },
 *   });
 *
 * `load` returns every document of the kind (each { kind, id, href, title, text?, ... }, see
 * SearchDoc in shared/search/types.ts); it is called when the index starts and whenever
 * `onChange()` is called with no argument. For a cheaper update pass what changed:
 * `onChange({ upsert: [doc], remove: ['id'] })` — a new talking point is then findable at once.
 * Call registerSearchSource at module load (e.g. from your feature's index file imported by
 * App); sources registered after the index started are loaded straight away. It returns an
 * unregister function that also drops the kind's documents from the index.
 */
export interface SearchSourceChange {
  upsert?: SearchDoc[];
  /** Ids (within the source's kind) to drop. */
  remove?: string[];
}

export interface SearchSource {
  kind: string;
  load(): Promise<SearchDoc[]>;
  subscribe?(onChange: (change?: SearchSourceChange) => void): () => void;
}

type RegistryListener = (event: { type: 'added' | 'removed'; source: SearchSource }) => void;

const sources = new Map<string, SearchSource>();
const listeners = new Set<RegistryListener>();

export function registerSearchSource(source: SearchSource): () => void {
  sources.set(source.kind, source);
  for (const listener of listeners) listener({ type: 'added', source });
  return () => {
    if (sources.get(source.kind) !== source) return;
    sources.delete(source.kind);
    for (const listener of listeners) listener({ type: 'removed', source });
  };
}

export function registeredSearchSources(): SearchSource[] {
  return [...sources.values()];
}

export function onSearchSourcesChange(listener: RegistryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
