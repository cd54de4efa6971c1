import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freshPage } from '../../test/e2e/support/browser';
import { putGenerated } from '../../test/e2e/support/idb';
import type { BenchContext } from '../context';

/*
 * Backing up and restoring 100k records through the Backup page: 333 briefings of 300 agenda
 * sections (99,900 sections) written straight into IndexedDB, then "Back up all my work" (the
 * snapshot, and the restore check every backup passes before it is saved), then the file chosen
 * (the check in the restore worker) and "Replace my work with this backup" (checked again and
 * written in one transaction, in the worker). Sizes: BENCH_RESTORE_BRIEFS, BENCH_RESTORE_SECTIONS.
 * Also: the progress the page showed while restoring, and its longest task meanwhile.
 */
const BRIEFS = Number(process.env.BENCH_RESTORE_BRIEFS ?? 333);
const SECTIONS = Number(process.env.BENCH_RESTORE_SECTIONS ?? 300);

/** Page source (sent as text): the rows of BRIEFS briefings of SECTIONS sections each, as stored. */
const generate = (briefs: number, perBrief: number) => `(() => {
  const now = new Date().toISOString();
  const briefings = [];
  const sections = [];
  for (let b = 0; b < ${briefs}; b++) {
    const id = 'bench-restore-' + b;
    briefings.push({ id, meetingId: 'asoen-36', title: 'Restore brief ' + b, delegation: 'MY', author: 'Bench', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: 'Key messages of brief ' + b, bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: now, updatedAt: now });
    for (let i = 0; i < ${perBrief}; i++) {
      sections.push({
        id: id + ':item-' + i, briefingId: id, agendaItemId: 'asoen-36-item-' + i, order: i, agendaTitle: 'Agenda item ' + (i + 1),
        objectives: 'Objectives for item ' + (i + 1) + ' of brief ' + b + ': secure agreement on the regional approach.',
        position: 'The delegation supports the draft text on item ' + (i + 1) + '.', redLines: 'No new financial commitments.', fallback: 'Welcome rather than endorse.',
        background: '', talkingPoints: [{ id: 'tp-' + i + '-0', text: 'ASEAN Member States should work together on item ' + (i + 1) + '.' }, { id: 'tp-' + i + '-1', text: 'With support from dialogue partners.' }],
        targets: [], followUps: [], privateNotes: '', review: [], updatedAt: now, targetIds: [],
      });
    }
  }
  return { briefings, sections };
})()`;

/** Records each distinct value the progress bar shows, and the page's long tasks, from now on. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: string[]; __longTasks: number[] };
    w.__progress = [];
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const text = document.querySelector('.backup-progress [role="status"]')?.textContent ?? '';
      if (text && w.__progress.at(-1) !== text) w.__progress.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const watched = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __progress: string[]; __longTasks: number[] };
  return { progress: w.__progress.length, longest: Math.max(0, ...w.__longTasks) };
});

export async function backupSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  const records = BRIEFS * (SECTIONS + 1);
  const size = `${BRIEFS} briefings x ${SECTIONS} sections = ${records.toLocaleString('en')} records`;
  const folder = mkdtempSync(join(tmpdir(), 'bench-backup-'));
  const { page, context } = await freshPage(browser, { acceptDownloads: true });
  try {
    await page.goto(`${url}/backup`);
    await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
    await putGenerated(page, generate(BRIEFS, SECTIONS));
    // Reloaded, so the page's live queries start from the injected rows.
    await page.reload();
    await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });

    const backups: number[] = [];
    const checks: number[] = [];
    const restores: number[] = [];
    const progress: number[] = [];
    const longest: number[] = [];
    // Two runs at most (see below), whatever BENCH_RUNS: one is a few minutes on a shared machine.
    for (let run = 0; run < Math.max(1, Math.min(runs, 2)); run++) {
      let started = Date.now();
      const download = page.waitForEvent('download', { timeout: 600_000 });
      await page.getByRole('button', { name: 'Back up all my work' }).click();
      const saved = await download;
      await page.getByRole('status').filter({ hasText: 'Backup saved as' }).waitFor({ timeout: 600_000 });
      backups.push(Date.now() - started);
      const path = join(folder, `run-${run}.adbackup`);
      await saved.saveAs(path);

      started = Date.now();
      await page.getByLabel('Choose a backup file').setInputFiles(path);
      await page.getByRole('alertdialog').getByText(`holds ${BRIEFS} briefings, ${(BRIEFS * SECTIONS).toLocaleString('en')} agenda sections`).waitFor({ timeout: 600_000 });
      checks.push(Date.now() - started);

      await watch(page);
      started = Date.now();
      await page.getByRole('button', { name: 'Replace my work with this backup' }).click();
      await page.getByRole('status').filter({ hasText: `Restored ${BRIEFS} briefings` }).waitFor({ timeout: 900_000 });
      restores.push(Date.now() - started);
      const seen = await watched(page);
      progress.push(seen.progress);
      longest.push(seen.longest);
    }
    // Run 1 restores rows written straight into IndexedDB, with no briefing documents: the restore
    // builds each briefing's document from its rows (as for a backup of format 1). Run 2 backs up
    // what run 1 restored, documents included, as every backup the app makes of real work.
    const label = (i: number) => (i === 0 ? 'rows only, documents built by the restore' : 'with each briefing\'s document');
    backups.forEach((ms, i) => record({ name: `backup: make a backup (one snapshot) and check it, through the Backup page (${label(i)})`, value: ms, unit: 'ms', datasetSize: size }));
    checks.forEach((ms, i) => record({ name: `backup: check a chosen backup in the restore worker (${label(i)})`, value: ms, unit: 'ms', datasetSize: size }));
    restores.forEach((ms, i) => record({ name: `backup: restore, checked again then written in one transaction, in the restore worker (${label(i)})`, value: ms, unit: 'ms', datasetSize: size }));
    record({ name: 'backup: progress steps shown while restoring', value: Math.min(...progress), unit: 'steps', datasetSize: size, goal: '>= 10', pass: Math.min(...progress) >= 10 });
    const worst = Math.max(...longest);
    record({ name: 'backup: longest interface task while restoring', value: worst, unit: 'ms', datasetSize: size, goal: '<= 100 ms', pass: worst <= 100 });
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
