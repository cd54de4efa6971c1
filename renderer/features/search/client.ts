import type { SearchHit, SearchResult } from '../../../shared/search';
import { db } from '../../db/db';
import { createSearchHost } from './host';
import type { FromSearchWorker, IndexStatus, SearchCommand, ToSearchWorker } from './protocol';
import { loadReferenceDocs } from './reference-docs';

interface Port {
  post(message: ToSearchWorker): void;
  listen(listener: (message: FromSearchWorker) => void): void;
}

function workerPort(): Port {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  return {
    post: (message) => worker.postMessage(message),
    listen: (listener) => worker.addEventListener('message', (event: MessageEvent<FromSearchWorker>) => listener(event.data)),
  };
}

/** The same host in this thread, for environments without Web Workers (jsdom in component tests). */
function inlinePort(): Port {
  const listeners: ((message: FromSearchWorker) => void)[] = [];
  const host = createSearchHost(
    (message) => setTimeout(() => listeners.forEach((l) => l(message)), 0),
    () => loadReferenceDocs(db),
  );
  return { post: (message) => void host.handle(message), listen: (listener) => listeners.push(listener) };
}

/** The main thread's handle on the search index: queries return promises; status is observable. */
export class SearchClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private readonly statusListeners = new Set<(status: IndexStatus) => void>();
  status: IndexStatus = { ready: false, docs: 0, buildMs: 0, revision: 0 };

  constructor(private readonly port: Port) {
    port.listen((message) => this.receive(message));
  }

  send(command: SearchCommand): void {
    this.port.post(command);
  }

  query(q: string, lang: string, limit = 30): Promise<SearchResult> {
    return this.request((reqId) => ({ type: 'query', reqId, q, lang, limit }));
  }

  describe(keys: string[], lang: string): Promise<SearchHit[]> {
    return this.request((reqId) => ({ type: 'describe', reqId, keys, lang }));
  }

  onStatus(listener: (status: IndexStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private request<T>(build: (reqId: number) => ToSearchWorker): Promise<T> {
    const reqId = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(reqId, { resolve: resolve as (value: never) => void, reject });
      this.port.post(build(reqId));
    });
  }

  private receive(message: FromSearchWorker): void {
    if (message.type === 'status') {
      this.status = message.status;
      // For the benchmark: when the index was (re)built and how long the worker took.
      if (typeof performance.mark === 'function') performance.mark('search:indexed', { detail: message.status });
      for (const listener of this.statusListeners) listener(message.status);
      return;
    }
    const reqId = message.reqId;
    if (reqId === undefined) {
      console.error('Search index:', message.type === 'error' ? message.message : message);
      return;
    }
    const waiting = this.pending.get(reqId);
    if (!waiting) return;
    this.pending.delete(reqId);
    if (message.type === 'error') waiting.reject(new Error(message.message));
    else if (message.type === 'result') waiting.resolve(message.result as never);
    else waiting.resolve(message.hits as never);
  }
}

let client: SearchClient | undefined;

/** The one search client of the app; the worker starts on first use. */
export function getSearchClient(): SearchClient {
  client ??= new SearchClient(typeof Worker === 'function' ? workerPort() : inlinePort());
  return client;
}

/** For tests: forget the client so the next test starts with a fresh index. */
export function resetSearchClient(): void {
  client = undefined;
}
