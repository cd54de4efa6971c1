import { fromStored } from '../../renderer/datasets/stored-records';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { RECORD_KINDS, type DatasetRecords } from '../../shared/model';
import { countsFor, generateSynthetic } from '../../bench/synthetic';
import { validateDataset } from '../../shared/dataset/validate';
import { freshPage, waitForApp } from './support/browser';
import { builtinPublisher, builtinRecords, signedBundle, type Publisher } from './support/bundles';
import { useWebApp } from './support/harness';
import { BriefingEditor } from './pages/briefing-editor';
import { DatasetsPage } from './pages/datasets';

/*
 * An import killed at random points: Playwright closes the page at a random moment after
 * Apply is clicked, the app is opened again, and the database must be either fully the old
 * version or fully the new one, every time, with the delegate's briefing untouched.
 */

const app = useWebApp();

const ROUNDS = Number(process.env.SYNC_KILL_ROUNDS ?? 20);
/** Records the update adds: enough that writing them takes a while. */
const ADDED_RECORDS = Number(process.env.SYNC_KILL_RECORDS ?? 12_000);
const BRIEF_TEXT = 'Position on the joint statement: every word of this must survive a killed import.';

/** The built-in dataset plus thousands of synthetic records (ids `syn-…`, distinct from the built-in ones). */
function largeVersion2(): DatasetRecords {
  const builtin = builtinRecords();
  const synthetic = generateSynthetic(countsFor(ADDED_RECORDS), 'asean-builtin');
  // The synthetic records as a bundle carries them: without the fields the app derives on install.
  const merged = Object.fromEntries(RECORD_KINDS.map((k) => [k, [...builtin[k], ...(synthetic[k] as never[]).map((r) => fromStored(k, r))]]));
  const result = validateDataset(merged);
  if (!result.ok) throw new Error('sync-kill: the large dataset is not valid');
  return result.records;
}

interface DbState {
  version: number | undefined;
  counts: Record<string, number>;
  /** SHA-256 over every reference record (with its provenance), in key order. */
  checksum: string;
  /** The delegate's briefings and sections, exactly as stored. */
  userData: string;
}

/** Reads the database as it is on disk, with plain IndexedDB (not through the app). */
function readState(page: Page): Promise<DbState> {
  return page.evaluate(async (kinds) => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asean-delegate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = idb.transaction([...kinds, 'datasets', 'briefings', 'sections'], 'readonly');
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = tx.objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const counts: Record<string, number> = {};
    let text = '';
    for (const kind of kinds) {
      const rows = await all(kind);
      counts[kind] = rows.length;
      text += `${kind}:${JSON.stringify(rows)}\n`;
    }
    const datasets = (await all('datasets')) as { datasetId: string; version: number }[];
    const userData = JSON.stringify([await all('briefings'), await all('sections')]);
    idb.close();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    const checksum = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    return { version: datasets.find((d) => d.datasetId === 'asean-builtin')?.version, counts, checksum, userData };
  }, [...RECORD_KINDS]);
}

let dir: string;
let bundlePath: string;
let publisher: Publisher;
let expectedNewCount: number;

before(async () => {
  publisher = await builtinPublisher();
  const records = largeVersion2();
  expectedNewCount = RECORD_KINDS.reduce((n, k) => n + records[k].length, 0);
  dir = mkdtempSync(join(tmpdir(), 'sync-kill-'));
  bundlePath = join(dir, 'asean-v2.json');
  writeFileSync(bundlePath, await signedBundle(records, publisher, 2));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh app with the built-in dataset, a briefing written through the editor, the publisher trusted and the update previewed. */
async function prepareRound(): Promise<{ context: BrowserContext; page: Page; datasets: DatasetsPage; before: DbState }> {
  const { context, page } = await freshPage(app.browser);
  await page.goto(`${app.url}/briefings/new?meeting=asoen-36`);
  await waitForApp(page);
  await page.getByRole('button', { name: 'Create briefing' }).click();
  const editor = new BriefingEditor(page);
  await editor.ready();
  await editor.openItem(/Joint Statement on Climate Change/);
  await editor.field('National position').fill(BRIEF_TEXT);
  await editor.waitSaved();

  await page.goto(`${app.url}/datasets`);
  await waitForApp(page);
  const datasets = new DatasetsPage(page);
  await datasets.ready();
  await page.getByLabel('Dataset bundle file').setInputFiles(bundlePath);
  await datasets.applyButton().waitFor({ timeout: 120_000 });
  return { context, page, datasets, before: await readState(page) };
}

async function reopen(context: BrowserContext): Promise<DbState> {
  const page = await context.newPage();
  await page.goto(`${app.url}/datasets`);
  await waitForApp(page);
  const state = await readState(page);
  await page.close();
  return state;
}

describe('an import killed at random points', () => {
  it(`leaves the database fully old or fully new in each of ${ROUNDS} rounds, with the briefing intact`, async () => {
    // Calibration: one import that runs to the end gives the "new" state and how long writing takes.
    const first = await prepareRound();
    assert.equal(first.before.version, 1);
    assert.match(first.before.userData, new RegExp(BRIEF_TEXT.slice(0, 40)));
    const started = Date.now();
    await first.datasets.applyAndWait();
    const applyMs = Date.now() - started;
    await first.page.close();
    const fullyNew = await reopen(first.context);
    await first.context.close();
    const oldChecksum = first.before.checksum;
    assert.equal(fullyNew.version, 2);
    assert.equal(Object.values(fullyNew.counts).reduce((a, b) => a + b, 0), expectedNewCount);
    assert.notEqual(fullyNew.checksum, oldChecksum);
    assert.equal(fullyNew.userData, first.before.userData, 'applying the update changed the briefing');
    console.log(`# calibration: applying ${expectedNewCount} records took ${applyMs} ms in the interface`);

    const outcomes = { old: 0, new: 0 };
    const points: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { context, page, datasets, before: old } = await prepareRound();
      assert.equal(old.checksum, oldChecksum, `round ${round}: the fresh database is not the built-in dataset`);
      // Stratified random kill points over 0–130% of the write, chosen by what the app shows, not
      // by the clock: below 100% the page is closed as soon as the progress bar reaches that share
      // of the write; above it, as soon as the app says the update is installed. A loaded machine
      // slows the write, not the test's aim.
      const share = ((round + Math.random()) / ROUNDS) * 1.3;
      points.push(share < 1 ? `${Math.round(share * 100)}%` : 'installed');
      await datasets.applyButton().click();
      if (share < 1) await datasets.waitForApplyShare(share);
      else await datasets.installedStatus().waitFor({ timeout: 120_000 });
      await page.close();
      const after = await reopen(context);
      await context.close();

      const isOld = after.version === 1 && after.checksum === oldChecksum;
      const isNew = after.version === 2 && after.checksum === fullyNew.checksum;
      assert.ok(isOld || isNew, `round ${round} (killed at ${points[round]}): version ${after.version}, counts ${JSON.stringify(after.counts)} is neither fully old nor fully new`);
      assert.equal(after.userData, old.userData, `round ${round}: the briefing changed`);
      outcomes[isOld ? 'old' : 'new'] += 1;
    }
    console.log(`# ${ROUNDS} killed imports: ${outcomes.old} ended fully old, ${outcomes.new} fully new (kill points ${points.join(', ')}; apply ≈ ${applyMs} ms)`);
    // Kills after "installed" must leave the new version; kills early in the write the old one.
    assert.ok(outcomes.old > 0, 'no round ended fully old: every kill came after the commit');
    assert.ok(outcomes.new > 0, 'no round ended fully new: every kill came before the commit');
  });
});
