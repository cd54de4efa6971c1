/**
 * `npm run bench`: drives the built web app in headless Chromium with the built-in dataset
 * and synthetic datasets of 10k and 100k records, prints a table and writes bench-results.json.
 * Figures are medians of several runs; goals are checked and reported, never asserted in tests.
 */
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../test/e2e/support/browser';
import { startWebServer } from '../test/e2e/support/server';
import type { BenchContext, Metric } from './context';
import { backupSuite } from './suites/backup';
import { briefingSuite } from './suites/briefing';
import { bundleSuite } from './suites/bundle';
import { clearanceSuite } from './suites/clearance';
import { cryptoSuite } from './suites/crypto';
import { idbCostSuite } from './suites/idb-cost';
import { browseSuite } from './suites/browse';
import { packSuite } from './suites/pack';
import { relaySuite } from './suites/relay';
import { papersSuite } from './suites/papers';
import { searchSuite } from './suites/search';
import { syncSuite } from './suites/sync';

/** Every suite, in the order they run. Add a suite here. Run some only: `npm run bench -- sync browse` (or BENCH_ONLY=sync,browse). */
const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const ONLY = named.length > 0 ? named : process.env.BENCH_ONLY?.split(',');
const ALL_SUITES: { name: string; run: (ctx: BenchContext) => Promise<void> }[] = [
  { name: 'browse', run: browseSuite },
  { name: 'briefing', run: briefingSuite },
  { name: 'bundle', run: bundleSuite },
  { name: 'search', run: searchSuite },
  { name: 'pack', run: packSuite },
  { name: 'sync', run: syncSuite },
  { name: 'idb-cost', run: idbCostSuite },
  { name: 'relay', run: relaySuite },
  { name: 'papers', run: papersSuite },
  { name: 'crypto', run: cryptoSuite },
  { name: 'backup', run: backupSuite },
  { name: 'clearance', run: clearanceSuite },
];

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const round = (x: number) => (Math.abs(x) < 10 ? Math.round(x * 100) / 100 : Math.round(x * 10) / 10);

const metrics: Metric[] = [];
const record = (m: Metric) => {
  metrics.push({ ...m, value: round(m.value) });
};

const server = await startWebServer();
const browser = await launchBrowser();
try {
  for (const suite of ALL_SUITES.filter((s) => !ONLY || ONLY.includes(s.name))) {
    const started = Date.now();
    await suite.run({ browser, url: server.url, runs: RUNS, record });
    console.log(`bench: ${suite.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
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
for (const m of metrics.filter((x) => x.note)) console.log(`${m.name}: ${m.note}`);
writeFileSync('bench-results.json', `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, metrics }, null, 2)}\n`);
console.log(`bench: ${metrics.filter((m) => m.pass === true).length} goals met, ${metrics.filter((m) => m.pass === false).length} missed; written to bench-results.json`);
