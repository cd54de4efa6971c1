// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../../shared/zod-jitless';
import { db } from '../db/db';
import { createSyncHost } from './engine-host';
import type { FromSyncWorker, ToSyncWorker } from './worker-protocol';

/*
 * Dataset updates are checked and applied here, off the interface thread: parsing, verifying
 * and comparing a 100k-record bundle takes seconds, and so does writing it. The worker opens
 * the same IndexedDB database itself; Dexie tells the page's live queries about the changes.
 */
// The renderer's TypeScript project has the DOM library, not the worker one: the two clash.
const scope = self as unknown as {
  postMessage(message: FromSyncWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSyncWorker>) => void): void;
};
const host = createSyncHost((message) => scope.postMessage(message), { database: db, appVersion: __APP_VERSION__ });
scope.addEventListener('message', (event) => {
  void host.handle(event.data);
});
