import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendAnnex } from '../../shared/papers/annex';
import { freshPage } from '../../test/e2e/support/browser';
import { makeLongPdf, makePdf } from '../../test/unit/papers-fixtures';
import type { BenchContext } from '../context';
import { median } from '../measure';

/*
 * Meeting papers at the scale of real ones:
 * - attaching a 300-page PDF: read, SHA-256, every page's text extracted (the intake worker) and
 *   stored, with the longest interface-thread task meanwhile and how many were over 100 ms
 *   (PerformanceObserver 'longtask'),
 *   after pdf.js's one-time start (measured on its own);
 * - opening it: from the click on the paper to its first page painted (canvas and text layer);
 * - the pack annex: 200 pages of papers merged after a 10-page pack and stamped (pdf-lib, the
 *   code the desktop main process runs after printToPDF).
 */
export async function papersSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'papers-bench-'));
  try {
    const file = path.join(dir, 'Report of the 35th meeting.pdf');
    await writeFile(file, await makeLongPdf(300));
    const small = path.join(dir, 'Agenda.pdf');
    await writeFile(small, await makePdf([['Provisional agenda']]));
    const firstUse: number[] = [];
    const tries = Math.max(1, Math.min(runs, 3));
    const attach: number[] = [];
    const longest: number[] = [];
    const over100: number[] = [];
    const firstPage: number[] = [];
    const coldPage: number[] = [];
    for (let i = 0; i < tries; i++) {
      const { context, page } = await freshPage(browser);
      await context.addInitScript(() => {
        const w = window as unknown as { __longest: number; __over100: number };
        // longtask is Chromium's; elsewhere the figure reads -1 (unknown).
        w.__longest = PerformanceObserver.supportedEntryTypes.includes('longtask') ? 0 : -1;
        w.__over100 = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            w.__longest = Math.max(w.__longest, entry.duration);
            if (entry.duration > 100) w.__over100++;
          }
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${url}/meetings/asoen-36`);
      await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
      // A one-page paper first: pdf.js's module is evaluated once, on its first use (one task of
      // ~70 ms, reported apart), so the figure below is the 300-page extraction's own.
      const resetLongest = () =>
        page.evaluate(() => {
          const w = window as unknown as { __longest: number; __over100: number };
          const was = w.__longest;
          if (w.__longest >= 0) w.__longest = 0;
          w.__over100 = 0;
          return was;
        });
      await resetLongest();
      await page.getByLabel('Paper file for ASOEN-36').setInputFiles(small);
      await page.getByText('Agenda.pdf is attached.').waitFor({ timeout: 60_000 });
      firstUse.push(await resetLongest());
      const started = Date.now();
      await page.getByLabel('Paper file for ASOEN-36').setInputFiles(file);
      await page.getByText('Report of the 35th meeting.pdf is attached.').waitFor({ timeout: 120_000 });
      attach.push((Date.now() - started) / 1000);
      longest.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
      over100.push(await page.evaluate(() => (window as unknown as { __over100: number }).__over100));

      const link = page.getByRole('region', { name: 'Papers of ASOEN-36' }).getByRole('link', { name: 'Report of the 35th meeting' });
      const opened = Date.now();
      await link.click();
      await page.waitForSelector('.paper-page[data-page="1"][data-rendered="true"]', { timeout: 60_000 });
      firstPage.push(Date.now() - opened);

      // Cold: the paper's address typed or reopened, app start included.
      const paperUrl = page.url();
      const cold = Date.now();
      await page.goto(paperUrl);
      await page.waitForSelector('.paper-page[data-page="1"][data-rendered="true"]', { timeout: 60_000 });
      coldPage.push(Date.now() - cold);
      await context.close();
    }
    record({ name: 'attach a paper: read, hash, extract and store the text of every page', value: median(attach), unit: 's', datasetSize: '300 pages' });
    // Chromium reports tasks over 50 ms only: 0 means none was that long.
    const worst = Math.max(...longest);
    record({ name: 'longest interface task while attaching (0 = none over 50 ms)', value: worst, unit: 'ms', datasetSize: '300 pages', goal: '<= 100 ms', pass: worst >= 0 && worst <= 100 });
    const most = Math.max(...over100);
    record({ name: 'interface tasks over 100 ms while attaching (the most in one attach)', value: most, unit: 'tasks', datasetSize: '300 pages', goal: '0', pass: most === 0 });
    record({ name: 'first use of pdf.js in a session: longest task (module evaluation)', value: median(firstUse), unit: 'ms', datasetSize: '1 page' });
    record({ name: 'open a paper: click to first page painted', value: median(firstPage), unit: 'ms', datasetSize: '300 pages', goal: '<= 1000 ms', pass: median(firstPage) <= 1000 });
    record({ name: "open a paper's address cold: app start to first page painted", value: median(coldPage), unit: 'ms', datasetSize: '300 pages' });

    const pack = await makePdf(Array.from({ length: 10 }, (_, i) => [`Pack page ${i + 1}`]));
    const papers = await Promise.all([80, 70, 50].map(async (n, i) => ({ title: `Paper ${i + 1}`, bytes: await makeLongPdf(n, `annex${i}`) })));
    const merge: number[] = [];
    let pages = 0;
    for (let i = 0; i < tries; i++) {
      const started = performance.now();
      const { plan } = await appendAnnex(pack, papers, { marking: 'RESTRICTED', pageLabel: (x, y) => `Page ${x} of ${y}` });
      merge.push(performance.now() - started);
      pages = plan.totalPages;
    }
    record({ name: 'pack annex: merge and stamp papers after the pack (pdf-lib)', value: median(merge), unit: 'ms', datasetSize: `200 annex pages, ${pages} in all`, goal: '<= 10000 ms', pass: median(merge) <= 10_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
