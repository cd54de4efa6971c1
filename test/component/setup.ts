// Must come first: installs an in-memory IndexedDB before Dexie and the app's database load.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setMigrating, setUnlocked } from '../../renderer/crypto/key-state';
import { db } from '../../renderer/db/db';
import { initialAppState, useAppStore } from '../../renderer/store/store';

// findBy… and waitFor wait for content up to this ceiling (the default 1 s is a time, not a
// condition, and a loaded machine misses it). See testTimeout in vitest.config.ts.
configure({ asyncUtilTimeout: 10_000 });

// jsdom's Blob lacks arrayBuffer(), which every browser has: the dataset engine reads a picked
// File with it, the encryption middleware seals blobs (meeting papers) with it.
if (typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsArrayBuffer(this);
    });
  };
}

// Each test starts from an empty database, as on a delegate's first run.
// ... unlocked, with a passphrase set: every component test writes and reads through the
// encryption middleware, as a delegate with a passphrase does.
beforeEach(async () => {
  await db.delete();
  await db.open();
  setMigrating([]);
  setUnlocked(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
});

afterEach(() => {
  cleanup();
  useAppStore.setState(initialAppState, true);
  delete document.documentElement.dataset.appReady;
  window.history.replaceState(null, '', '/');
});
