/**
 * The search index and the command palette measured in the page, for the search suite: the
 * worker's index build from the records (the saved index cleared first), the start that reads
 * the index saved by the one before, main-thread long tasks meanwhile, and keystroke to painted
 * results in the palette.
 */
import type { Page } from 'playwright-core';
import { BENCH_QUERIES } from './search-docs';

export interface IndexedStatus {
  docs: number;
  buildMs: number;
  readMs: number;
  from: 'records' | 'saved';
  saved: boolean;
  /** When the mark was made (page time). */
  at: number;
}

/** Counts main-thread long tasks from the first script on (Chromium only). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // longtask is Chromium-only; the figure is then reported as unknown.
    }
  });
}

/** The first status of this page load with the reference index ready over at least `docs` documents (and saved, if asked). */
export async function indexedStatus(page: Page, docs: number, saved = false): Promise<IndexedStatus> {
  const handle = await page.waitForFunction(
    ({ docs, saved }) => {
      const marks = performance.getEntriesByName('search:indexed') as PerformanceMark[];
      for (const mark of marks) {
        const s = mark.detail as { ready: boolean; building: boolean; docs: number; buildMs: number; readMs?: number; from?: string; saved?: boolean };
        if (s.ready && !s.building && s.docs >= docs && (!saved || s.saved)) return { docs: s.docs, buildMs: s.buildMs, readMs: s.readMs ?? 0, from: s.from, saved: !!s.saved, at: mark.startTime };
      }
      return false;
    },
    { docs, saved },
    { timeout: 180_000, polling: 100 },
  );
  return (await handle.jsonValue()) as IndexedStatus;
}

/** Reloads the app and waits until it is ready. */
export async function reload(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForSelector('html[data-app-ready="true"]', { timeout: 120_000 });
}

/** Forgets the saved search index, so the next start indexes the records. */
export async function clearSavedIndex(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('asean-delegate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const tx = database.transaction('searchIndex', 'readwrite');
          tx.objectStore('searchIndex').clear();
          tx.oncomplete = () => {
            database.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Long tasks on the main thread from app ready to `until` (page time): how many, and the longest. */
export function longTasksUntil(page: Page, until: number): Promise<{ count: number; longest: number }> {
  return page.evaluate((until) => {
    const ready = performance.getEntriesByName('app:ready')[0]?.startTime ?? 0;
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= ready && t.start <= until);
    return { count: tasks.length, longest: Math.max(0, ...tasks.map((t) => t.duration)) };
  }, until);
}

/**
 * Each bench query typed key by key into the palette: from the input event to the first
 * animation frame after the listbox shows results for exactly that text. Returns every keystroke's time.
 */
export async function paletteKeystrokes(page: Page, queries: readonly string[] = BENCH_QUERIES): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __paint: number[]; __pending?: { value: string; t0: number } };
    w.__paint = [];
    document.addEventListener(
      'input',
      (e) => {
        const target = e.target as HTMLInputElement;
        if (target.getAttribute('role') === 'combobox') w.__pending = { value: target.value.trim(), t0: performance.now() };
      },
      true,
    );
    new MutationObserver(() => {
      const list = document.querySelector('[role="listbox"]');
      const pending = w.__pending;
      if (!list || !pending || list.getAttribute('data-query') !== pending.value) return;
      w.__pending = undefined;
      requestAnimationFrame(() => w.__paint.push(performance.now() - pending.t0));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-query'], childList: true });
  });
  for (const query of queries) {
    await page.keyboard.press('Control+k');
    const input = page.getByRole('dialog').getByRole('combobox');
    await input.waitFor();
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForFunction(() => !(window as unknown as { __pending?: unknown }).__pending, undefined, { polling: 'raf', timeout: 10_000 }).catch(() => undefined);
    }
    await page.keyboard.press('Escape');
  }
  return (await page.evaluate(() => (window as unknown as { __paint: number[] }).__paint)) as number[];
}
