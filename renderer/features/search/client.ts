import type { SearchHit, SearchResult } from '../../../shared/search';
import { db } from '../../db/db';
import { WorkerClient, inThreadPort, workerPort } from '../../workers/worker-client';
import { afterFirstPaint } from './first-paint';
import { createSearchHost } from './host';
import { Outbox, splitCommand } from './intake';
import type { FromSearchWorker, IndexStatus, SearchCommand, ToSearchWorker } from './protocol';
import { loadReferenceDocs } from './reference-docs';

const NOT_READY: IndexStatus = { ready: false, building: false, docs: 0, buildMs: 0, revision: 0 };

/** The main thread's handle on the search index: queries return promises; status is observable. */
export class SearchClient {
  private readonly statusListeners = new Set<(status: IndexStatus) => void>();
  /** Commands that build the index, replayed into a new worker when one had to be started again. */
  private readonly commands: SearchCommand[] = [];
  private readonly worker: WorkerClient<ToSearchWorker, FromSearchWorker>;
  /** Commands on their way to the worker, in bounded messages a task apart (intake.ts). */
  private readonly outbox: Outbox;
  private referenceRequested = false;
  /** The first build, waiting for the first page to paint; a query or an opened palette sends it at once. */
  private referenceWaiting: SearchCommand | undefined;
  status: IndexStatus = NOT_READY;

  /**
   * `startWhen` decides when the first reference build may start (by default once the first page
   * has painted and the page is idle; at once where there is no page, as in tests).
   */
  constructor(
    inThread = typeof Worker !== 'function',
    private readonly startWhen: (start: () => void) => void = defaultStart,
  ) {
    this.worker = new WorkerClient<ToSearchWorker, FromSearchWorker>({
      name: 'search',
      start: () =>
        inThread
          ? // The same host in this thread, for environments without Web Workers (jsdom in component tests).
            inThreadPort(
              (post) => createSearchHost(post, (onRead) => loadReferenceDocs(db, onRead)),
              (send) => setTimeout(send, 0),
            )
          : workerPort(new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' })),
      requestOf: (message) => (message.type === 'status' ? undefined : message.reqId),
      isFinal: () => true,
      cancel: (reqId) => ({ type: 'cancel', reqId }),
      onBroadcast: (message) => this.broadcast(message),
      onStart: (port, restarted) => {
        if (!restarted) return;
        // A new worker has an empty index: it is rebuilt from what the first one was told.
        this.setStatus({ ...NOT_READY, revision: this.status.revision + 1 });
        // Those still in the outbox follow from there, in their turn.
        for (const command of this.compacted()) if (!this.outbox.holds(command)) port.post(command);
      },
    });
    this.outbox = new Outbox((message) => this.worker.send(message));
  }

  send(command: SearchCommand): void {
    // Kept (for a restarted worker) as the parts that are posted: each a bounded message.
    const parts = splitCommand(command);
    this.commands.push(...parts);
    if (this.commands.length > 500) this.compacted();
    if (command.type === 'load-reference' && !this.referenceRequested) {
      // The first build reads every reference record (100k at scale) in the worker, and while it
      // does, IndexedDB serves the page's own queries slowly: the first screen's rows go first.
      // It starts once that screen has painted and the page is idle, or as soon as someone
      // searches, whichever comes first.
      this.referenceRequested = true;
      this.referenceWaiting = command;
      this.startWhen(() => this.startReference());
      return;
    }
    if (command.type === 'load-reference' && this.referenceWaiting) return; // the waiting build will read the same tables
    // Other kinds (briefings, notes) go at once: the reference build touches only its own kinds.
    this.outbox.push(parts);
  }

  /** Sends the first build if it is still waiting: a search is wanted now. */
  startReference(): void {
    const command = this.referenceWaiting;
    if (!command) return;
    this.referenceWaiting = undefined;
    this.outbox.push([command]);
  }

  /**
   * Results for `q`. Asked during a build, it is answered when the build ends (the worker handles
   * messages in order); `signal` drops an answer no longer wanted (the delegate typed on), and the
   * worker skips a query that a newer one has overtaken before it began.
   */
  query(q: string, lang: string, limit = 30, signal?: AbortSignal): Promise<SearchResult> {
    this.startReference();
    return this.request((reqId) => ({ type: 'query', reqId, q, lang, limit }), signal).then((m) => (m as Extract<FromSearchWorker, { type: 'result' }>).result);
  }

  describe(keys: string[], lang: string): Promise<SearchHit[]> {
    this.startReference();
    return this.request((reqId) => ({ type: 'describe', reqId, keys, lang })).then((m) => (m as Extract<FromSearchWorker, { type: 'described' }>).hits);
  }

  onStatus(listener: (status: IndexStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Stops the worker (tests); the next query starts a new one, rebuilt from the commands sent so far. */
  dispose(): void {
    this.worker.dispose();
  }

  private async request(build: (reqId: number) => ToSearchWorker, signal?: AbortSignal): Promise<FromSearchWorker> {
    // After every change sent before it, as the worker handles messages in order.
    await this.outbox.drained();
    const message = await this.worker.request(build, { signal });
    if (message.type === 'error') throw new Error(message.message);
    if (message.type === 'skipped') throw new QuerySkippedError();
    return message;
  }

  private broadcast(message: FromSearchWorker): void {
    if (message.type === 'status') {
      this.setStatus(message.status);
      // For the benchmark: when the index was (re)built and how long the worker took.
      if (typeof performance.mark === 'function') performance.mark('search:indexed', { detail: message.status });
      return;
    }
    console.error('Search index:', message.type === 'error' ? message.message : message);
  }

  private setStatus(status: IndexStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  /**
   * The commands to replay, in order, without those a later one supersedes: an earlier
   * load-reference (the last re-reads the tables), an earlier replace-kind of the same kind, and
   * upserts and removals of a kind replaced later. Keeps the list as small as the index's state.
   */
  private compacted(): SearchCommand[] {
    const replacedLater = new Set<string>();
    let loadLater = false;
    const kept: SearchCommand[] = [];
    for (let i = this.commands.length - 1; i >= 0; i--) {
      const command = this.commands[i]!;
      let keep: boolean;
      if (command.type === 'load-reference') {
        keep = !loadLater;
        loadLater = true;
      } else if (command.type === 'replace-kind') {
        keep = !replacedLater.has(command.kind);
        replacedLater.add(command.kind);
      } else if (command.type === 'remove') {
        keep = !replacedLater.has(command.kind);
      } else {
        keep = !command.docs.every((d) => replacedLater.has(d.kind));
      }
      if (keep) kept.push(command);
    }
    kept.reverse();
    this.commands.splice(0, this.commands.length, ...kept);
    return kept;
  }
}

/** The worker dropped a query because a newer one was already waiting: nobody wants its answer. */
export class QuerySkippedError extends Error {
  override readonly name = 'QuerySkippedError';
  constructor() {
    super('A newer query overtook this one');
  }
}

function defaultStart(start: () => void): void {
  if (typeof document === 'undefined' || typeof window === 'undefined' || import.meta.env?.MODE === 'test') start();
  else afterFirstPaint(start);
}

let client: SearchClient | undefined;

/** The one search client of the app; the worker starts on first use. */
export function getSearchClient(): SearchClient {
  client ??= new SearchClient();
  return client;
}

/** For tests: forget the client so the next test starts with a fresh index. */
export function resetSearchClient(): void {
  client?.dispose();
  client = undefined;
}
