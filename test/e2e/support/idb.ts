import type { Page } from 'playwright-core';

/**
 * The one raw IndexedDB writer for large fixtures and benchmarks: rows put straight into the
 * app's object stores in ONE transaction, bypassing the app. `writeStores` runs in the page
 * (it is sent as source text, so it must stay self-contained); the rows either come from Node
 * (putRecords) or are generated in the page (putGenerated), so 100k rows need not cross the
 * DevTools connection.
 */

/** Runs in the page: opens the app's database and puts every row in one transaction; times the write alone. */
async function writeStores(data: Record<string, unknown[]>): Promise<{ ms: number; records: number }> {
  const started = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('asean-delegate');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  let records = 0;
  try {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(Object.keys(data), 'readwrite');
      for (const [store, list] of Object.entries(data)) {
        const objectStore = tx.objectStore(store);
        for (const record of list) objectStore.put(record);
        records += list.length;
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  return { ms: performance.now() - started, records };
}

/** Puts rows (already in their stored form) given from Node; `records` maps object-store names to rows. */
export async function putRecords(page: Page, records: Record<string, unknown[]>): Promise<{ ms: number; records: number }> {
  return page.evaluate(writeStores, records);
}

/**
 * Puts the rows that `expression` (JavaScript source evaluated in the page, giving the same
 * store-to-rows map) generates there. Only the write is timed.
 */
export async function putGenerated(page: Page, expression: string): Promise<{ ms: number; records: number }> {
  // tsx keeps function names with a __name helper; the page needs a stand-in for it.
  const script = `(async () => { const __name = (f) => f; const writeStores = ${writeStores.toString()}; return writeStores(${expression}); })()`;
  return (await page.evaluate(script)) as { ms: number; records: number };
}

/** How many rows each of the app's object stores holds (read straight from IndexedDB, past the app). */
export async function countRows(page: Page, stores: string[]): Promise<Record<string, number>> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asean-delegate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const counts = await Promise.all(
        names.map(
          (store) =>
            new Promise<number>((resolve, reject) => {
              const request = db.transaction(store).objectStore(store).count();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      return Object.fromEntries(names.map((store, i) => [store, counts[i]!]));
    } finally {
      db.close();
    }
  }, stores);
}
