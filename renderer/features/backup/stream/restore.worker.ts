// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../../../../shared/zod-jitless';
import { createRestoreHost } from './restore-host';
import type { FromRestoreWorker, ToRestoreWorker } from './restore-protocol';

/*
 * Backups are checked and restored here, off the interface thread: reading, decrypting and
 * checking 100k records takes seconds, and so does writing them. The worker opens the same
 * database (with the data key the page hands it, renderer/crypto/worker-key.ts); Dexie tells
 * the page's live queries about the changes.
 */
// The renderer's TypeScript project has the DOM library, not the worker one: the two clash.
const scope = self as unknown as {
  postMessage(message: FromRestoreWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToRestoreWorker>) => void): void;
};
const host = createRestoreHost((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => {
  void host.handle(event.data);
});
