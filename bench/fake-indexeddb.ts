import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

/**
 * An in-memory IndexedDB in Node, for the parts of a bench that run the app's database code
 * outside the browser. Dexie reads its IndexedDB when it is first loaded, which may be before
 * this: it is handed the fake one here, as the unit tests do.
 */
export function useFakeIndexedDb(): void {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
}
