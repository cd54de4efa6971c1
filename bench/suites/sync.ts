/**
 * Dataset sync at 100k records, in the browser, through the app's own sync worker.
 *
 * - check (read, verify, compare with the installed data, briefing impact) and apply (one
 *   IndexedDB transaction, chunked) of a signed 100k-record bundle, timed from the page that
 *   posts the messages, exactly as renderer/datasets/dataset-updates.ts does;
 * - in the same run, the same records imported with dexie-export-import's importInto (an export
 *   file handed over as a Blob, bench/dexie-import.ts): what a developer would pick instead;
 * - in the same run, a raw IndexedDB bulk write of the same number of records into the same
 *   object stores (bench/measure.ts injectSynthetic, in a fresh origin): the ratio's baseline;
 * - the longest main-thread task during check + apply (PerformanceObserver 'longtask');
 * - the bundle is handed over as a Blob, as the app does with a picked file or fetched bytes
 *   (BENCH_SYNC_INPUT=bytes: as transferred bytes);
 * - peak memory: every ~20 ms, V8 heap used plus ArrayBuffer backing stores of the page's main
 *   thread and of the sync worker, via the DevTools protocol (Runtime.getHeapUsage, sent to the
 *   worker target through Target.sendMessageToTarget); the peak of the sum minus the sum just
 *   before the check (taken right after a forced full GC of both heaps, so that garbage from
 *   setting up, collected later, cannot hide growth), over the bundle's size. Garbage the import
 *   makes counts until the collector takes it. Sampling misses spikes shorter than a period,
 *   so the figure is a lower bound of the true peak; the browser's own buffer while it reads and
 *   decodes the Blob (outside the JS heap, freed at once) is not in it.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { RECORD_KINDS, type DatasetRecords } from '../../shared/model';
import { buildBundle, fingerprintOf, formatPublicKey, generateKeyPair, loadSigner, serializeBundle, signBundle, type PublicKey } from '../../shared/bundle';
import { CRYPTO_STATE_MESSAGE } from '../../renderer/crypto/worker-key';
import { freshPage } from '../../test/e2e/support/browser';
import type { BenchContext } from '../context';
import { dexieExportOf, dexieImportOnce } from '../dexie-import';
import { injectSynthetic, median } from '../measure';
import { observeLongTasks } from '../search-page';
import { countsFor } from '../synthetic';
import { syntheticRecords } from './bundle';

const TOTAL = 100_000;
const SIZE = '100k';
const MiB = 1024 * 1024;
const BUNDLE_PATH = '/__bench/sync-bundle.json';
/** The version installed before the measured update, in the over-installed variant. */
const FIRST_PATH = '/__bench/sync-first.json';
/** How the page hands the bundle over: a Blob (as the app does with files; the default) or bytes (BENCH_SYNC_INPUT=bytes). */
const INPUT = process.env.BENCH_SYNC_INPUT === 'bytes' ? 'bytes' : 'blob';

function syncWorkerUrl(): string {
  const assets = resolve(process.env.WEB_OUT_DIR ?? 'dist/renderer', 'assets');
  const file = readdirSync(assets).find((f) => /^dataset\.worker-.*\.js$/.test(f));
  if (!file) throw new Error(`bench: no sync worker in ${assets}; build the web app first`);
  return `/assets/${file}`;
}

/** Samples main-thread and worker heap (used + ArrayBuffer backing) until stopped. */
async function memorySampler(page: Page, browserCdp: CDPSession, workerUrl: string) {
  const pageCdp = await page.context().newCDPSession(page);
  // A module worker shows up as a target once its script has loaded: poll for it.
  let target: { targetId: string } | undefined;
  for (let attempt = 0; attempt < 100 && !target; attempt++) {
    const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    target = targetInfos.find((t) => t.type === 'worker' && t.url.endsWith(workerUrl));
    if (!target) await new Promise((r) => setTimeout(r, 100));
  }
  if (!target) throw new Error('bench: the sync worker target was not found');
  const { sessionId } = (await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const waiting = new Map<number, (value: { usedSize: number; backingStorageSize?: number }) => void>();
  let workerBuffers = 0;
  browserCdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize: number; backingStorageSize?: number } };
    if (reply.id !== undefined && reply.result) waiting.get(reply.id)?.(reply.result);
  });
  /** Any DevTools command to the worker (the profiler's, with BENCH_SYNC_PROFILE). */
  const workerCommand = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((done) => {
      const id = nextId++;
      waiting.set(id, done as (value: unknown) => void);
      void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  const workerHeap = () =>
    new Promise<number>((done) => {
      const id = nextId++;
      waiting.set(id, (r) => {
        workerBuffers = r.backingStorageSize ?? 0;
        done(r.usedSize + (r.backingStorageSize ?? 0));
      });
      void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    });
  const pageHeap = async () => {
    const r = (await pageCdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return r.usedSize + (r.backingStorageSize ?? 0);
  };
  // The split of the latest peak between the page and the worker, for the log.
  let split = { page: 0, worker: 0, workerBuffers: 0 };
  let splitAtPeak = split;
  const sample = async () => {
    const [page, worker] = await Promise.all([pageHeap(), workerHeap()]);
    split = { page, worker, workerBuffers };
    return page + worker;
  };
  // A full collection in both heaps first: garbage left from setting up (the page's start, the
  // fetched bundle) would otherwise sit in the baseline and, once collected during the check,
  // hide part of the import's growth.
  const collected = (id: number) =>
    new Promise<void>((done) => {
      waiting.set(id, () => done());
      void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }) });
    });
  await Promise.all([pageCdp.send('HeapProfiler.collectGarbage'), collected(nextId++)]);
  const baseline = await sample();
  const baseSplit = split;
  let peak = baseline;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const now = await sample();
        if (now > peak) {
          peak = now;
          splitAtPeak = split;
        }
      } catch {
        // The page closing ends the sampling.
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    baseline,
    workerCommand,
    /** Any DevTools command to the page's main thread (its profiler, with BENCH_SYNC_PROFILE). */
    pageCommand: (method: string, params: Record<string, unknown> = {}) => pageCdp.send(method as 'Profiler.start', params),
    /** The peak so far, and a fresh start for the next phase's peak. */
    async phase() {
      const sofar = Math.max(peak, await sample().catch(() => peak));
      const at = { page: splitAtPeak.page - baseSplit.page, worker: splitAtPeak.worker - baseSplit.worker, workerBuffers: splitAtPeak.workerBuffers - baseSplit.workerBuffers };
      peak = baseline;
      return { peak: sofar, at };
    },
    async stop() {
      running = false;
      await loop;
      return { baseline, peak };
    },
  };
}

export async function syncSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  // The bundle, built once in Node: the synthetic dataset as a publisher would ship it.
  const records = syntheticRecords(TOTAL);
  const { privateKeyFile, publicKey } = await generateKeyPair();
  const signer = await loadSigner(JSON.stringify(privateKeyFile));
  /** Each version's payload hash: the provenance hash the app stores on every record it writes. */
  const hashes = new Map<number, string>();
  const bundleOf = async (records: DatasetRecords, version: number) =>
    Buffer.from(
      serializeBundle(
        await signBundle(
          await buildBundle({
            records,
            publisherId: 'bench',
            publisherName: 'Benchmark',
            datasetId: 'bench-sync',
            title: 'Synthetic 100k',
            version,
            created: new Date(Date.now() - 60_000),
            expires: new Date(Date.now() + 86_400_000),
            minAppVersion: '0.0.1',
          }).then((file) => {
            hashes.set(version, (JSON.parse(file.manifest) as { payloadSha256: string }).payloadSha256);
            return file;
          }),
          signer,
        ),
      ),
      'utf8',
    );
  const body = await bundleOf(records, 1);
  const recordCount = Object.values(records).reduce((n, list) => n + list.length, 0);
  record({ name: `sync bundle size (handed over as ${INPUT === 'bytes' ? 'bytes' : 'a Blob'})`, value: body.length / MiB, unit: 'MiB', datasetSize: SIZE });


  // Triples of runs (raw write, dexie-export-import, then sync) so each ratio compares figures taken under the same load.
  // The same rows as the app writes, provenance hash included (a shorter stand-in made importInto's rows about 6 MB lighter).
  const exportFile = dexieExportOf(records, { datasetId: 'bench-sync', version: 1, hash: hashes.get(1)! });
  const samples: (SyncSample & { rawMs: number; dexieMs: number })[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const rawMs = await rawWrite(browser, url);
    const dexie = await dexieImportOnce(browser, url, exportFile);
    if (dexie.stored < recordCount) throw new Error(`bench: dexie-export-import stored only ${dexie.stored} records`);
    const sample = { ...(await syncOnce(browser, url, body, publicKey, recordCount)), rawMs, dexieMs: dexie.ms };
    samples.push(sample);
    console.log(
      `bench sync: run ${i + 1}: raw ${Math.round(rawMs)} ms, dexie-export-import ${Math.round(dexie.ms)} ms, check ${Math.round(sample.checkMs)} ms, apply ${Math.round(sample.applyMs)} ms, ` +
        `peak growth check ${Math.round(sample.checkGrowth / MiB)} MiB, apply ${Math.round(sample.applyGrowth / MiB)} MiB`,
    );
  }
  const med = (pick: (s: (typeof samples)[number]) => number) => median(samples.map(pick));
  const ratio = med((s) => (s.checkMs + s.applyMs) / s.rawMs);
  const longest = Math.max(...samples.map((s) => s.longest));
  // Each run's peak (check or apply); the bench reports medians of runs, and the highest run beside it.
  const peaks = samples.map((s) => Math.max(s.checkGrowth, s.applyGrowth));
  const growth = median(peaks);
  record({ name: 'raw IndexedDB bulk write (same record count)', value: med((s) => s.rawMs), unit: 'ms', datasetSize: SIZE });
  record({ name: 'sync check (read, verify, compare, impact) in the worker', value: med((s) => s.checkMs), unit: 'ms', datasetSize: `${samples[0]!.changes} changes` });
  record({ name: 'sync apply (one transaction, chunks of 2000)', value: med((s) => s.applyMs), unit: 'ms', datasetSize: SIZE });
  record({ name: 'sync check + apply / raw bulk write (median of paired runs)', value: ratio, unit: 'ratio', datasetSize: `${samples.length} pairs`, goal: '<= 1.5', pass: ratio <= 1.5 });
  const dexieRatio = med((s) => (s.checkMs + s.applyMs) / s.dexieMs);
  record({ name: 'dexie-export-import importInto of the same records (export file as a Blob)', value: med((s) => s.dexieMs), unit: 'ms', datasetSize: SIZE });
  record({ name: 'sync check + apply / dexie-export-import importInto (median of paired runs)', value: dexieRatio, unit: 'ratio', datasetSize: `${samples.length} pairs`, goal: '< 1', pass: dexieRatio < 1 });
  record({ name: 'main-thread long tasks during sync (longest of all runs)', value: longest, unit: 'ms', datasetSize: `${Math.max(...samples.map((s) => s.tasks))} tasks`, goal: 'none > 100 ms', pass: longest <= 100 });
  record({ name: 'sync peak JS memory growth during check (highest)', value: Math.max(...samples.map((s) => s.checkGrowth)) / MiB, unit: 'MiB', datasetSize: SIZE });
  record({ name: 'sync peak JS memory growth during apply (highest)', value: Math.max(...samples.map((s) => s.applyGrowth)) / MiB, unit: 'MiB', datasetSize: SIZE });
  console.log(
    'bench sync: memory = V8 heap used + ArrayBuffer backing stores of the page and the sync worker (CDP Runtime.getHeapUsage, ' +
      'the worker reached through Target.sendMessageToTarget), sampled every ~20 ms during check and apply; peak minus the value ' +
      'just before the check (taken right after a forced full GC of both heaps, HeapProfiler.collectGarbage), over the bundle file size. ' +
      'Garbage not yet collected during the import counts, so the figure moves with GC timing.',
  );
  record({ name: 'sync peak memory (main + worker) / bundle size, highest run', value: Math.max(...peaks) / body.length, unit: 'ratio', datasetSize: SIZE });
  record({ name: 'sync peak memory (main + worker) / bundle size, median run', value: growth / body.length, unit: 'ratio', datasetSize: `${samples.length} runs`, goal: '<= 3', pass: growth / body.length <= 3 });

  // The same over an installed dataset: version 1 of the 100k records is installed first (not
  // measured), then version 2, with about 10% of the records changed, is checked and applied.
  // The comparison then reads the installed records back, which an empty database hides.
  // BENCH_SYNC_OVER=0: the fresh install alone (the figures compared with importInto).
  if (process.env.BENCH_SYNC_OVER === '0') return;
  const body2 = await bundleOf(revised(records), 2);
  const over: (SyncSample & { rawMs: number })[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const rawMs = await rawWrite(browser, url);
    const sample = { ...(await syncOnce(browser, url, body2, publicKey, recordCount, body)), rawMs };
    over.push(sample);
    console.log(
      `bench sync (over v1): run ${i + 1}: raw ${Math.round(rawMs)} ms, check ${Math.round(sample.checkMs)} ms, apply ${Math.round(sample.applyMs)} ms, ` +
        `${sample.changes} changes, peak growth check ${Math.round(sample.checkGrowth / MiB)} MiB, apply ${Math.round(sample.applyGrowth / MiB)} MiB`,
    );
  }
  const overMed = (pick: (s: (typeof over)[number]) => number) => median(over.map(pick));
  const overRatio = overMed((s) => (s.checkMs + s.applyMs) / s.rawMs);
  const overPeaks = over.map((s) => Math.max(s.checkGrowth, s.applyGrowth));
  const overGrowth = median(overPeaks);
  const overSize = `${SIZE} over ${SIZE} installed, ${over[0]!.changes} changes`;
  record({ name: 'sync check over installed v1 (read, verify, compare, impact)', value: overMed((s) => s.checkMs), unit: 'ms', datasetSize: overSize });
  record({ name: 'sync apply over installed v1 (one transaction, chunks of 2000)', value: overMed((s) => s.applyMs), unit: 'ms', datasetSize: overSize });
  record({ name: 'sync over installed v1: check + apply / raw bulk write (median of paired runs)', value: overRatio, unit: 'ratio', datasetSize: `${over.length} pairs`, goal: '<= 1.5', pass: overRatio <= 1.5 });
  record({ name: 'sync over installed v1: peak JS memory growth during check (highest)', value: Math.max(...over.map((s) => s.checkGrowth)) / MiB, unit: 'MiB', datasetSize: overSize });
  record({ name: 'sync over installed v1: peak JS memory growth during apply (highest)', value: Math.max(...over.map((s) => s.applyGrowth)) / MiB, unit: 'MiB', datasetSize: overSize });
  record({ name: 'sync over installed v1: peak memory / bundle size, highest run', value: Math.max(...overPeaks) / body2.length, unit: 'ratio', datasetSize: overSize });
  record({
    name: 'sync over installed v1: peak memory / bundle size, median run',
    value: overGrowth / body2.length,
    unit: 'ratio',
    datasetSize: `${over.length} runs`,
    goal: '<= 3',
    pass: overGrowth / body2.length <= 3,
  });
}

/** Version 2 of the records: every tenth record of each kind has its title (name, text) revised. */
function revised(records: DatasetRecords): DatasetRecords {
  const revise = <T>(record: T, i: number): T => {
    if (i % 10 !== 0) return record;
    const r = record as Record<string, unknown>;
    const field = ['title', 'name', 'text'].find((f) => typeof r[f] === 'object' && r[f] !== null);
    if (!field) return record;
    const text = r[field] as Record<string, string>;
    return { ...r, [field]: { ...text, en: `${text.en ?? ''} (rev. 2)` } } as T;
  };
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, (records[k] as unknown[]).map(revise)])) as unknown as DatasetRecords;
}

/** A raw IndexedDB bulk write of as many records into the app's own stores, in a fresh origin. */
async function rawWrite(browser: BenchContext['browser'], url: string): Promise<number> {
  const raw = await freshPage(browser);
  try {
    await raw.page.goto(`${url}/`);
    await raw.page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
    return (await injectSynthetic(raw.page, countsFor(TOTAL))).ms;
  } finally {
    await raw.context.close();
  }
}

interface SyncSample {
  checkMs: number;
  applyMs: number;
  changes: number;
  longest: number;
  tasks: number;
  checkGrowth: number;
  applyGrowth: number;
}

/** One check + apply of the bundle through the sync worker, in a fresh origin. */
async function syncOnce(browser: BenchContext['browser'], url: string, body: Buffer, publicKey: PublicKey, recordCount: number, installFirst?: Buffer): Promise<SyncSample> {
  const { context, page } = await freshPage(browser, { serviceWorkers: 'block' });
  const browserCdp = await browser.newBrowserCDPSession();
  try {
    await observeLongTasks(page);
    await page.route(`**${BUNDLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    if (installFirst) await page.route(`**${FIRST_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: installFirst }));
    await page.goto(`${url}/`);
    await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });

    // The delegate trusts the publisher's key (as addTrustedKey stores it).
    const key = { keyId: publicKey.keyId, label: 'Benchmark', publicKey: formatPublicKey(publicKey.raw), fingerprint: await fingerprintOf(publicKey.raw), addedAt: new Date().toISOString(), builtIn: false };
    const workerUrl = syncWorkerUrl();
    await page.evaluate(
      async ({ key, workerUrl, bundlePath, asBytes, cryptoStateType }) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open('asean-delegate');
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise((done, fail) => {
          const tx = db.transaction('trustedKeys', 'readwrite');
          tx.objectStore('trustedKeys').put(key);
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error);
        });
        db.close();
        const w = window as unknown as { __sync: Worker; __bundle: Blob | Uint8Array };
        w.__sync = new Worker(workerUrl, { type: 'module', name: 'sync' });
        // As the app's keyedWorker does (renderer/crypto/worker-key.ts): a worker is locked until the
        // page tells it the state, and this fresh profile has no passphrase, so rows pass through plain.
        w.__sync.postMessage({ type: cryptoStateType, mode: 'plain', migrating: [] });
        // A Blob, as the app hands over a picked file (and wraps fetched bytes): the worker reads it.
        const blob = await (await fetch(bundlePath)).blob();
        w.__bundle = asBytes ? new Uint8Array(await blob.arrayBuffer()) : blob;
      },
      { key, workerUrl, bundlePath: BUNDLE_PATH, asBytes: INPUT === 'bytes', cryptoStateType: CRYPTO_STATE_MESSAGE },
    );

    if (installFirst) {
      // Version 1 goes in first, through the same worker, before memory is measured.
      const first = await page.evaluate(async (firstPath) => {
        const w = window as unknown as { __sync: Worker };
        const request = (message: Record<string, unknown>) =>
          new Promise<{ ok: boolean; preview?: { token: string }; message?: string }>((done) => {
            const listener = (event: MessageEvent<{ type: string; reqId: number; result: { ok: boolean; preview?: { token: string }; message?: string } }>) => {
              if (event.data.reqId !== message.reqId || event.data.type !== 'result') return;
              w.__sync.removeEventListener('message', listener);
              done(event.data.result);
            };
            w.__sync.addEventListener('message', listener);
            w.__sync.postMessage(message);
          });
        const blob = await (await fetch(firstPath)).blob();
        const checked = await request({ type: 'check', reqId: 101, input: blob, origin: { kind: 'feed', url: 'https://bench.invalid/feed.json' } });
        if (!checked.ok || !checked.preview) return checked;
        return request({ type: 'apply', reqId: 102, token: checked.preview.token });
      }, FIRST_PATH);
      if (!first.ok) throw new Error(`bench: installing version 1 failed: ${first.message}`);
    }
    const sampler = await memorySampler(page, browserCdp, workerUrl);
    // BENCH_SYNC_PROFILE=folder: a CPU profile of the worker over check + apply (open it in DevTools' Performance panel).
    const profileDir = process.env.BENCH_SYNC_PROFILE;
    if (profileDir) {
      await sampler.workerCommand('Profiler.enable');
      await sampler.workerCommand('Profiler.start');
      // The page's main thread too: where its long tasks come from.
      await sampler.pageCommand('Profiler.enable');
      await sampler.pageCommand('Profiler.start');
    }
    // Requests go to the worker as engine.ts sends them; the two phases are timed apart.
    await page.evaluate(() => {
      const w = window as unknown as { __sync: Worker; __request: (message: Record<string, unknown>, transfer?: Transferable[]) => Promise<unknown> };
      w.__request = (message, transfer = []) =>
        new Promise((done) => {
          const listener = (event: MessageEvent<{ type: string; reqId: number; result: unknown }>) => {
            if (event.data.reqId !== message.reqId || event.data.type !== 'result') return;
            w.__sync.removeEventListener('message', listener);
            done(event.data.result);
          };
          w.__sync.addEventListener('message', listener);
          w.__sync.postMessage(message, transfer);
        });
    });
    type Reply = { ok: boolean; preview?: { token: string; totalChanges: number }; message?: string };
    let checked: { ms: number; t0: number; reply: Reply };
    let applied: { ms: number; t1: number; reply: Reply };
    let checkPeak: number;
    let applyPeak: number;
    try {
      checked = await page.evaluate(async () => {
        const w = window as unknown as { __bundle?: Blob | Uint8Array; __request: (message: Record<string, unknown>, transfer?: Transferable[]) => Promise<Reply> };
        const file = w.__bundle!;
        delete w.__bundle;
        const t0 = performance.now();
        // Bytes move to the worker (transferred), as engine.ts sends a Uint8Array.
        const transfer = file instanceof Uint8Array ? [file.buffer] : [];
        const reply = await w.__request({ type: 'check', reqId: 1, input: file, origin: { kind: 'feed', url: 'https://bench.invalid/feed.json' } }, transfer);
        return { ms: performance.now() - t0, t0, reply };
      });
      const checkPhase = await sampler.phase();
      checkPeak = checkPhase.peak;
      console.log(`bench sync: check peak growth page ${Math.round(checkPhase.at.page / 2 ** 20)} MiB, worker ${Math.round(checkPhase.at.worker / 2 ** 20)} MiB (of which ArrayBuffers ${Math.round(checkPhase.at.workerBuffers / 2 ** 20)} MiB)`);
      if (!checked.reply.ok || !checked.reply.preview) throw new Error(`bench: check refused the bundle: ${checked.reply.message}`);
      applied = await page.evaluate(async (token) => {
        const w = window as unknown as { __request: (message: Record<string, unknown>) => Promise<Reply> };
        const t1 = performance.now();
        const reply = await w.__request({ type: 'apply', reqId: 2, token });
        return { ms: performance.now() - t1, t1, reply };
      }, checked.reply.preview.token);
      const applyPhase = await sampler.phase();
      applyPeak = applyPhase.peak;
      console.log(`bench sync: apply peak growth page ${Math.round(applyPhase.at.page / 2 ** 20)} MiB, worker ${Math.round(applyPhase.at.worker / 2 ** 20)} MiB (of which ArrayBuffers ${Math.round(applyPhase.at.workerBuffers / 2 ** 20)} MiB)`);
      if (!applied.reply.ok) throw new Error(`bench: apply failed: ${applied.reply.message}`);
      if (profileDir) {
        const { profile } = (await sampler.workerCommand('Profiler.stop')) as { profile: unknown };
        const file = join(profileDir, `sync-worker-${installFirst ? 'over-installed' : 'fresh'}-${Date.now()}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        console.log(`bench sync: worker CPU profile written to ${file}`);
        const { profile: pageProfile } = (await sampler.pageCommand('Profiler.stop')) as unknown as { profile: unknown };
        const pageFile = file.replace('sync-worker-', 'sync-page-');
        writeFileSync(pageFile, JSON.stringify(pageProfile));
        console.log(`bench sync: page CPU profile written to ${pageFile}`);
      }
    } finally {
      await sampler.stop();
    }
    const longTasks = await page.evaluate(
      ({ from, until }) => {
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from && t.start <= until);
        return { longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
      },
      { from: checked.t0, until: applied.t1 + applied.ms },
    );
    const timing = { checkMs: checked.ms, applyMs: applied.ms, changes: checked.reply.preview.totalChanges, longest: longTasks.longest, tasks: longTasks.count };
    const memory = { baseline: sampler.baseline, peak: Math.max(checkPeak, applyPeak), checkPeak, applyPeak };
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done) => {
        const request = indexedDB.open('asean-delegate');
        request.onsuccess = () => done(request.result);
      });
      const count = (store: string) =>
        new Promise<number>((done) => {
          const r = db.transaction(store).objectStore(store).count();
          r.onsuccess = () => done(r.result);
        });
      const n = (await Promise.all(['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets'].map(count))).reduce((a, b) => a + b, 0);
      db.close();
      return n;
    });
    if (stored < recordCount) throw new Error(`bench: only ${stored} records stored after the apply`);

    return { ...timing, checkGrowth: memory.checkPeak - memory.baseline, applyGrowth: memory.applyPeak - memory.baseline };
  } finally {
    await browserCdp.detach().catch(() => undefined);
    await context.close();
  }
}
