import type { Page } from 'playwright-core';

/**
 * Writes records straight into the app's IndexedDB in one transaction, bypassing the app (for
 * large fixtures and benchmarks). `records` maps object-store names to the rows to put, already
 * in their stored form.
 */
export async function putRecords(page: Page, records: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asean-delegate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      await new Promise((resolve, reject) => {
        const tx = db.transaction(Object.keys(data), 'readwrite');
        for (const [store, list] of Object.entries(data)) for (const record of list) tx.objectStore(store).put(record);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, records);
}
