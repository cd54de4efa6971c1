// Must come first: installs an in-memory IndexedDB before Dexie and the app's database load.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { db } from '../../renderer/db/db';
import { initialAppState, useAppStore } from '../../renderer/store/store';

// Each test starts from an empty database, as on a delegate's first run.
beforeEach(async () => {
  await db.delete();
  await db.open();
});

afterEach(() => {
  cleanup();
  useAppStore.setState(initialAppState, true);
  delete document.documentElement.dataset.appReady;
  window.history.replaceState(null, '', '/');
});
