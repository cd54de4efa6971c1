import type { Page } from 'playwright-core';
import { waitForApp } from '../test/e2e/support/browser';
import { putGenerated } from '../test/e2e/support/idb';
import { generateSynthetic, type SyntheticCounts } from './synthetic';

export const BENCH_DATASET_ID = 'bench-synthetic';

/**
 * Writes a synthetic dataset straight into the app's IndexedDB (test/e2e/support/idb.ts, the one
 * raw writer: one transaction), as a stand-in for a dataset installed earlier. The rows are
 * generated in the page; returns the write time.
 */
export async function injectSynthetic(page: Page, counts: SyntheticCounts): Promise<{ ms: number; records: number }> {
  const register = { datasetId: BENCH_DATASET_ID, version: 1, hash: 'synthetic', title: 'Synthetic benchmark dataset', publisher: 'bench' };
  return putGenerated(
    page,
    `(() => {
      const generate = ${generateSynthetic.toString()};
      const data = generate(${JSON.stringify(counts)}, ${JSON.stringify(BENCH_DATASET_ID)});
      const counts = Object.fromEntries(Object.keys(data).map((k) => [k, data[k].length]));
      return { ...data, datasets: [{ ...${JSON.stringify(register)}, installedAt: new Date().toISOString(), counts }] };
    })()`,
  );
}

export interface StartupSample {
  firstPaint: number;
  ready: number;
}

/** A full load of an address: first contentful paint and the app's ready mark, from navigation start. */
export async function loadAndTime(page: Page, url: string): Promise<StartupSample> {
  await page.goto(url);
  await waitForApp(page);
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0];
    const ready = performance.getEntriesByName('app:ready')[0];
    return { firstPaint: paint?.startTime ?? NaN, ready: ready?.startTime ?? NaN };
  });
}

/** A full load of the meetings list: time until the first row shows a loaded meeting. */
export async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (document.querySelector('.virtual-row .row-link:not(.placeholder)') ? performance.now() : 0),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** From a click on "Meetings" in the app: key query time, list mount time and rows in the DOM. */
export async function listMount(page: Page): Promise<{ keysMs: number; mountMs: number; totalMs: number; rowsInDom: number; rowCount: number }> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.evaluate(() => performance.clearMarks());
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('list:mounted').length > 0, undefined, { polling: 'raf', timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('.virtual-row .row-link:not(.placeholder)') !== null, undefined, { polling: 'raf' });
  return page.evaluate((start) => {
    const keys = performance.getEntriesByName('meetings:keys').at(-1)!.startTime;
    const mounted = performance.getEntriesByName('list:mounted').at(-1)!.startTime;
    const list = document.querySelector('.virtual-list') as HTMLElement;
    return {
      keysMs: keys - start,
      mountMs: mounted - keys,
      totalMs: mounted - start,
      rowsInDom: document.querySelectorAll('.virtual-row').length,
      rowCount: Number(list.dataset.rowCount),
    };
  }, clicked);
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The value at a percentile (0-100) of the samples, nearest-rank. */
export const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
