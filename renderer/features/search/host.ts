import { SearchIndex, shippedThesaurus, type SearchDoc } from '../../../shared/search';
import { REFERENCE_KINDS, type FromSearchWorker, type IndexStatus, type ToSearchWorker } from './protocol';

/**
 * The index and its message handling, independent of where it runs: inside the Web Worker in
 * the app, in-process where no Worker exists (component tests in jsdom).
 */
export function createSearchHost(post: (message: FromSearchWorker) => void, loadReference: () => Promise<SearchDoc[]>) {
  // The term list finds a word's forms in the other two languages (kesihatan -> health, kesehatan).
  const index = new SearchIndex({ thesaurus: shippedThesaurus() });
  const status: IndexStatus = { ready: false, docs: 0, buildMs: 0, revision: 0 };
  const changed = () => {
    status.docs = index.size;
    status.revision++;
    post({ type: 'status', status: { ...status } });
  };
  // Messages are handled one at a time, in order: a query sent after an update sees it.
  let queue: Promise<void> = Promise.resolve();

  async function run(message: ToSearchWorker): Promise<void> {
    switch (message.type) {
      case 'load-reference': {
        const docs = await loadReference();
        const started = performance.now();
        for (const kind of REFERENCE_KINDS) index.removeKind(kind);
        index.addAll(docs);
        status.buildMs = performance.now() - started;
        status.ready = true;
        changed();
        return;
      }
      case 'replace-kind':
        index.removeKind(message.kind);
        index.addAll(message.docs);
        changed();
        return;
      case 'upsert':
        index.addAll(message.docs);
        changed();
        return;
      case 'remove':
        for (const id of message.ids) index.remove(message.kind, id);
        changed();
        return;
      case 'query':
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
      queue = queue.then(() =>
        run(message).catch((error: unknown) => {
          post({ type: 'error', reqId: 'reqId' in message ? message.reqId : undefined, message: error instanceof Error ? error.message : String(error) });
        }),
      );
      return queue;
    },
  };
}
