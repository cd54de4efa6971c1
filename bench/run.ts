/**
 * `npm run bench`: drives the built web app in headless Chromium with the built-in dataset
 * and synthetic datasets of 10k and 100k records, prints a table and writes bench-results.json.
 * Figures are medians of several runs; goals are checked and reported, never asserted in tests.
 */
import { writeFileSync } from 'node:fs';
import { freshPage, launchBrowser } from '../test/e2e/support/browser';
import { startWebServer } from '../test/e2e/support/server';
import { firstRows, injectSynthetic, listMount, loadAndTime } from './measure';
import { countsFor } from './synthetic';

interface Metric {
  name: string;
  value: number;
  unit: string;
  datasetSize: string;
  goal?: string;
  pass?: boolean;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

const metrics: Metric[] = [];
const record = (m: Metric) => {
  metrics.push({ ...m, value: round(m.value) });
};

const server = await startWebServer();
const browser = await launchBrowser();
const startup = new Map<string, number>();
try {
  for (const size of ['built-in', '10k', '100k'] as const) {
    const { context, page } = await freshPage(browser);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
    if (size !== 'built-in') {
      const total = size === '10k' ? 10_000 : 100_000;
      const written = await injectSynthetic(page, countsFor(total));
      record({ name: 'raw IndexedDB write of the synthetic dataset', value: written.ms, unit: 'ms', datasetSize: `${written.records} records` });
    }
    const samples = [];
    for (let i = 0; i < RUNS; i++) samples.push(await loadAndTime(page, `${server.url}/`));
    const paint = median(samples.map((s) => s.firstPaint));
    const ready = median(samples.map((s) => s.ready));
    startup.set(size, ready);
    record({ name: 'first paint', value: paint, unit: 'ms', datasetSize: size, goal: '<= 800 ms', pass: paint <= 800 });
    record({ name: 'start-up (database ready)', value: ready, unit: 'ms', datasetSize: size });

    const rows = [];
    for (let i = 0; i < RUNS; i++) rows.push(await firstRows(page, `${server.url}/meetings`));
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
  metrics[metrics.length - 1]!.value = Math.round(ratio * 100) / 100;
} finally {
  await browser.close();
  await server.stop();
}

const table = metrics.map((m) => ({
  metric: m.name,
  dataset: m.datasetSize,
  value: `${m.value} ${m.unit}`,
  goal: m.goal ?? '',
  result: m.pass === undefined ? '' : m.pass ? 'pass' : 'MISS',
}));
console.table(table);
writeFileSync('bench-results.json', `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, metrics }, null, 2)}\n`);
console.log(`bench: ${metrics.filter((m) => m.pass === true).length} goals met, ${metrics.filter((m) => m.pass === false).length} missed; written to bench-results.json`);
