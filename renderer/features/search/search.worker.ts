// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../../../shared/zod-jitless';
import { db } from '../../db/db';
import { createSearchHost } from './host';
import type { FromSearchWorker, ToSearchWorker } from './protocol';
import { loadReferenceDocs } from './reference-docs';
import { databaseIndexStore } from './saved-index';

/*
 * The search index lives here, off the main thread: building it over 50k documents takes a
 * second or two, which would otherwise freeze typing and scrolling. The worker reads the
 * reference tables from IndexedDB itself, so the records never cross the thread boundary, and
 * keeps their index in the database for the next start.
 */
// The renderer's TypeScript project has the DOM library, not the worker one: the two clash.
const scope = self as unknown as {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
};
const host = createSearchHost(
  (message: FromSearchWorker) => scope.postMessage(message),
  (onRead) => loadReferenceDocs(db, onRead),
  // The reference index is saved between starts (reference records only: saved-index.ts).
  { store: databaseIndexStore(db) },
);
scope.addEventListener('message', (event) => {
  void host.handle(event.data);
});
