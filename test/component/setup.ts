import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { db } from '../../renderer/db/db';
import { initialAppState, useAppStore } from '../../renderer/store/store';

// Each test gets a brand-new in-memory IndexedDB, wired through Dexie's dependencies.
beforeEach(async () => {
  db.close();
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  await db.open();
});

afterEach(() => {
  cleanup();
  useAppStore.setState(initialAppState, true);
  delete document.documentElement.dataset.appReady;
  window.history.replaceState(null, '', '/');
});
