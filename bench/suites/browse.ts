import { freshPage } from '../../test/e2e/support/browser';
import type { BenchContext } from '../context';
import { firstRows, injectSynthetic, listMount, loadAndTime, median } from '../measure';
import { countsFor } from '../synthetic';

/** Start-up, first paint and the virtualized meetings list with the built-in, 10k and 100k datasets. */
export async function browseSuite({ browser, url, runs: RUNS, record }: BenchContext): Promise<void> {
  const startup = new Map<string, number>();
  for (const size of ['built-in', '10k', '100k'] as const) {
    const { context, page } = await freshPage(browser);
    await page.goto(`${url}/`);
    await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
    if (size !== 'built-in') {
      const total = size === '10k' ? 10_000 : 100_000;
      const written = await injectSynthetic(page, countsFor(total));
      record({ name: 'raw IndexedDB write of the synthetic dataset', value: written.ms, unit: 'ms', datasetSize: `${written.records} records` });
    }
    const samples = [];
    for (let i = 0; i < RUNS; i++) samples.push(await loadAndTime(page, `${url}/`));
    const paint = median(samples.map((s) => s.firstPaint));
    const ready = median(samples.map((s) => s.ready));
    startup.set(size, ready);
    record({ name: 'first paint', value: paint, unit: 'ms', datasetSize: size, goal: '<= 800 ms', pass: paint <= 800 });
    record({ name: 'start-up (database ready)', value: ready, unit: 'ms', datasetSize: size });

    const rows = [];
    for (let i = 0; i < RUNS; i++) rows.push(await firstRows(page, `${url}/meetings`));
    const firstRowMs = median(rows);
    record({
      name: 'first rows on screen (meetings list, full load)',
      value: firstRowMs,
      unit: 'ms',
      datasetSize: size,
      ...(size === '100k' ? { goal: '<= 1500 ms', pass: firstRowMs <= 1500 } : {}),
    });

    const mounts = [];
    for (let i = 0; i < RUNS; i++) mounts.push(await listMount(page));
    const mount = median(mounts.map((m) => m.mountMs));
    const keys = median(mounts.map((m) => m.keysMs));
    const rowsInDom = Math.max(...mounts.map((m) => m.rowsInDom));
    const rowCount = mounts[0]!.rowCount;
    record({ name: `meetings list key query (${rowCount} rows)`, value: keys, unit: 'ms', datasetSize: size });
    record({
      name: `meetings list mount (${rowCount} rows)`,
      value: mount,
      unit: 'ms',
      datasetSize: size,
      ...(size === '100k' ? { goal: '<= 100 ms', pass: mount <= 100 } : {}),
    });
    record({
      name: 'rows in the DOM',
      value: rowsInDom,
      unit: 'rows',
      datasetSize: size,
      ...(size === '100k' ? { goal: '<= 100 rows', pass: rowsInDom <= 100 } : {}),
    });
    await context.close();
  }
  const ratio = startup.get('100k')! / startup.get('built-in')!;
  record({ name: 'start-up 100k / start-up built-in', value: ratio, unit: 'ratio', datasetSize: '100k vs built-in', goal: '<= 1.2', pass: ratio <= 1.2 });
}
