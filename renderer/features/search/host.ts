import { SearchIndex, shippedThesaurus, type SearchDoc } from '../../../shared/search';
import { REFERENCE_KINDS, type FromSearchWorker, type IndexStatus, type ToSearchWorker } from './protocol';
import type { IndexStore } from './saved-index';

/** Documents indexed between two progress reports of a build. */
const PROGRESS_EVERY = 5000;
/** A fresh reference index is saved once no message has come for this long (saving 100k documents holds the worker for a moment). */
export const SAVE_WHEN_IDLE_MS = 2000;

/**
 * The index and its message handling, independent of where it runs: inside the Web Worker in
 * the app, in-process where no Worker exists (component tests in jsdom). With a `store`, the
 * reference index is read from the one saved by an earlier start when it was built from the
 * same records, and saved after a build otherwise (reference kinds only).
 */
export function createSearchHost(post: (message: FromSearchWorker) => void, loadReference: (onRead?: (share: number) => void) => Promise<SearchDoc[]>, saving?: { store: IndexStore; idleMs?: number }) {
  const store = saving?.store;
  // The term list finds a word's forms in the other two languages (kesihatan -> health, kesehatan).
  const index = new SearchIndex({ thesaurus: shippedThesaurus() });
  const status: IndexStatus = { ready: false, building: false, docs: 0, buildMs: 0, revision: 0 };
  const changed = () => {
    status.docs = index.size;
    status.revision++;
    post({ type: 'status', status: { ...status } });
  };
  // Progress of a build: the same revision, so views do not re-run their queries for it.
  const progress = (percent: number) => {
    status.percent = Math.round(percent);
    post({ type: 'status', status: { ...status } });
  };
  // Reference builds so far, and the last one if it is not saved yet.
  let builds = 0;
  let unsaved: { signature: string; build: number } | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const logStoreError = (error: unknown): undefined => {
    console.warn('Saved search index:', error instanceof Error ? error.message : error);
    return undefined;
  };

  /** Reads the index saved from the same records, if there is one; false when the records must be indexed. */
  async function restoreSaved(signature: string | undefined, readStarted: number): Promise<boolean> {
    if (signature === undefined || !store) return false;
    const snapshot = await store.read(signature).catch(logStoreError);
    if (!snapshot) return false;
    const started = performance.now();
    try {
      index.restore(snapshot);
    } catch (error) {
      logStoreError(error);
      return false;
    }
    status.readMs = started - readStarted;
    status.buildMs = performance.now() - started;
    status.from = 'saved';
    status.saved = true;
    return true;
  }

  /** Saves the last build once the host has been idle a while (a delegate typing puts it off). */
  function saveWhenIdle(): void {
    if (!unsaved || !store) return;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      const pending = unsaved;
      if (!pending || pending.build !== builds || status.building) return;
      unsaved = undefined;
      // Made at once (the index cannot change meanwhile); only the write is awaited.
      const snapshot = index.snapshot(REFERENCE_KINDS);
      store.write(pending.signature, snapshot).then(() => {
        if (pending.build !== builds) return;
        status.saved = true;
        post({ type: 'status', status: { ...status } });
      }, logStoreError);
    }, saving?.idleMs ?? SAVE_WHEN_IDLE_MS);
  }

  // Queries cancelled before they began (the delegate typed on): skipped when their turn comes.
  const cancelled = new Set<number>();
  // Messages are handled one at a time, in order: a query sent after an update sees it.
  let queue: Promise<void> = Promise.resolve();

  async function run(message: Exclude<ToSearchWorker, { type: 'cancel' }>): Promise<void> {
    switch (message.type) {
      case 'load-reference': {
        status.building = true;
        status.saved = false;
        progress(0);
        const build = ++builds;
        unsaved = undefined;
        const readStarted = performance.now();
        const signature = await store?.signature().catch(logStoreError);
        if (!(await restoreSaved(signature, readStarted))) {
          const docs = await loadReference((share) => progress(share * 50));
          const started = performance.now();
          status.readMs = started - readStarted;
          for (const kind of REFERENCE_KINDS) index.removeKind(kind);
          for (let i = 0; i < docs.length; i += PROGRESS_EVERY) {
            index.addAll(docs.slice(i, i + PROGRESS_EVERY));
            progress(50 + (50 * Math.min(docs.length, i + PROGRESS_EVERY)) / Math.max(1, docs.length));
          }
          index.settle();
          status.buildMs = performance.now() - started;
          status.from = 'records';
          if (signature !== undefined) unsaved = { signature, build };
        }
        status.ready = true;
        status.building = false;
        delete status.percent;
        changed();
        return;
      }
      case 'replace-kind':
        index.removeKind(message.kind);
        index.addAll(message.docs);
        // The rest of the change is on its way: views re-run their query once, after the last part.
        if (!message.more) changed();
        return;
      case 'upsert':
        index.addAll(message.docs);
        if (!message.more) changed();
        return;
      case 'remove':
        for (const id of message.ids) index.remove(message.kind, id);
        changed();
        return;
      case 'query':
        // Let messages that arrived meanwhile (a cancel, a newer query) be read before the work.
        await nextEvent();
        if (cancelled.delete(message.reqId)) {
          post({ type: 'skipped', reqId: message.reqId });
          return;
        }
        // Queries are handled in order: a cancel for an earlier one came after its answer.
        for (const id of cancelled) if (id < message.reqId) cancelled.delete(id);
        post({ type: 'result', reqId: message.reqId, result: index.search(message.q, { lang: message.lang, limit: message.limit }) });
        return;
      case 'describe':
        post({ type: 'described', reqId: message.reqId, hits: index.describe(message.keys, message.lang) });
        return;
    }
  }

  return {
    index,
    handle(message: ToSearchWorker): Promise<void> {
      if (message.type === 'cancel') {
        // At once, not in turn: the query it names may be waiting behind a build.
        cancelled.add(message.reqId);
        return queue;
      }
      queue = queue.then(() =>
        run(message)
          .catch((error: unknown) => {
            post({ type: 'error', reqId: 'reqId' in message ? message.reqId : undefined, message: error instanceof Error ? error.message : String(error) });
          })
          .finally(saveWhenIdle),
      );
      return queue;
    },
  };
}

/**
 * Resolves on a later task, after the messages already waiting have been dispatched (a promise
 * chain alone would run every queued query before reading a single new message).
 */
function nextEvent(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) return setTimeout(resolve, 0);
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

// In a worker, a message to itself: unlike nested timeouts, never clamped to 4 ms. Elsewhere
// (the in-thread host of component tests) a timeout, as an open port would keep Node running.
const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
const channel = inWorker ? new MessageChannel() : undefined;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();
