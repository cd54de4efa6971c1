/**
 * What one IndexedDB put costs in this Chromium, and what it depends on: the floor under every
 * importer of 100k records (the app's dataset apply and backup restore, dexie-export-import's
 * importInto, the raw bulk write the sync suite compares them with).
 *
 * In a fresh origin's scratch database (never the app's), 20,000 records are put in variants
 * that change one thing at a time from a baseline (500-byte records, two indexes, one
 * transaction): the record's size, the number of index entries it makes, how the writes are cut
 * into transactions. Each variant's time per put is the median of the runs.
 *
 * Read with the sync suite: when the time per put barely moves with the record's size, an
 * importer can only be faster by making fewer puts or fewer index entries, and every importer
 * that writes the same rows into the same stores pays the same floor.
 */
import type { Page } from 'playwright-core';
import { freshPage } from '../../test/e2e/support/browser';
import type { BenchContext } from '../context';
import { median } from '../measure';

const RECORDS = 20_000;

interface Variant {
  name: string;
  /** Bytes of padding in each record. */
  size: number;
  /** Indexes on the store (each record makes one entry in each; multi-entry ones make two). */
  indexes: number;
  multiEntry?: boolean;
  /** Records per transaction; all in one when absent. */
  perTransaction?: number;
}

const VARIANTS: Variant[] = [
  { name: 'baseline: 500 B, 2 indexes, one transaction', size: 500, indexes: 2 },
  { name: '50 B records', size: 50, indexes: 2 },
  { name: '5,000 B records', size: 5000, indexes: 2 },
  { name: 'no index', size: 500, indexes: 0 },
  { name: '10 multi-entry indexes (20 entries a record)', size: 500, indexes: 10, multiEntry: true },
  { name: 'transactions of 2,000 records', size: 500, indexes: 2, perTransaction: 2000 },
];

/** Runs in the page: opens a scratch database with the variant's store, puts the records, returns the time. */
async function putAll(page: Page, variant: Variant, count: number): Promise<number> {
  return page.evaluate(
    async ({ variant, count }) => {
      const name = `bench-idb-cost-${Math.random()}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('records', { keyPath: 'id' });
          for (let i = 0; i < variant.indexes; i++) store.createIndex(`f${i}`, `f${i}`, { multiEntry: variant.multiEntry === true });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const pad = 'x'.repeat(variant.size);
      const record = (i: number) => {
        const row: Record<string, unknown> = { id: `record-${String(i).padStart(7, '0')}`, pad };
        for (let k = 0; k < variant.indexes; k++) row[`f${k}`] = variant.multiEntry ? [`a${i % 97}`, `b${i % 13}`] : `v${i % 1000}`;
        return row;
      };
      const per = variant.perTransaction ?? count;
      const started = performance.now();
      for (let first = 0; first < count; first += per) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('records', 'readwrite');
          const store = tx.objectStore('records');
          for (let i = first; i < Math.min(count, first + per); i++) store.put(record(i));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      const ms = performance.now() - started;
      db.close();
      await new Promise((done) => {
        const drop = indexedDB.deleteDatabase(name);
        drop.onsuccess = drop.onerror = done;
      });
      return ms;
    },
    { variant, count },
  );
}

export async function idbCostSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  const perPut = new Map<string, number>();
  for (const variant of VARIANTS) {
    const samples: number[] = [];
    for (let run = 0; run < Math.min(runs, 3); run++) {
      const { context, page } = await freshPage(browser, { serviceWorkers: 'block' });
      try {
        await page.goto(`${url}/`);
        samples.push(await putAll(page, variant, RECORDS));
      } finally {
        await context.close();
      }
    }
    const us = (median(samples) / RECORDS) * 1000;
    perPut.set(variant.name, us);
    console.log(`bench idb-cost: ${variant.name}: ${samples.map((s) => Math.round(s)).join(', ')} ms for ${RECORDS} puts`);
    record({ name: `IndexedDB put, ${variant.name}`, value: us, unit: 'µs a put', datasetSize: `${RECORDS} records` });
  }
  const base = perPut.get(VARIANTS[0]!.name)!;
  record({ name: 'IndexedDB put: 5,000 B record / 50 B record', value: perPut.get('5,000 B records')! / perPut.get('50 B records')!, unit: 'ratio', datasetSize: `${RECORDS} records` });
  record({ name: 'IndexedDB put: 20 index entries / 2', value: perPut.get('10 multi-entry indexes (20 entries a record)')! / base, unit: 'ratio', datasetSize: `${RECORDS} records` });
}
