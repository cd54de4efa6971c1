import type { Page } from 'playwright-core';
import { injectBrief, PackScreen } from '../../test/e2e/pages/pack';
import { freshPage } from '../../test/e2e/support/browser';
import type { BenchContext } from '../context';
import { median } from '../measure';

/** From opening the pack page to the PDF's bytes: load, compose, measure, paginate (splitting long passages), render, print. */
async function timePack(page: Page, url: string, id: string): Promise<{ seconds: number; pages: number; bytes: number }> {
  const start = Date.now();
  await page.goto(`${url}/briefings/${id}/pack`);
  const pack = new PackScreen(page);
  const pages = await pack.waitReady(120_000);
  const pdf = await pack.pdf();
  return { seconds: (Date.now() - start) / 1000, pages, bytes: pdf.byteLength };
}

/** From "Export to Word" to the .docx handed over as a download (the layout cancelled first, so it does not compete). */
async function timeDocx(page: Page, url: string, id: string): Promise<{ seconds: number; bytes: number }> {
  await page.goto(`${url}/briefings/${id}/pack`);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Layout cancelled.' }).waitFor();
  const start = Date.now();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Word (.docx)' }).click();
  await page.getByRole('status').filter({ hasText: 'Word document saved as' }).waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - start) / 1000;
  const file = await download;
  const stream = await file.createReadStream();
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return { seconds, bytes };
}

/**
 * Briefing packs of about 100 and 200 pages, each with five positions longer than a page, built
 * to PDF; the ratio shows whether the cost grows linearly. Then the Word export of a 300-item brief.
 */
export async function packSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  const { context, page } = await freshPage(browser, { acceptDownloads: true });
  await page.goto(`${url}/`);
  await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
  // Agenda items giving about 100 and about 200 printed pages.
  const small = await injectBrief(page, 44, { longPassages: 5 });
  const large = await injectBrief(page, 88, { longPassages: 5 });
  const tries = Math.max(1, Math.min(runs, 3));
  // One run to warm the caches (scripts compiled, fonts loaded), not counted; then the two packs
  // alternately, so that the load of a shared machine drifting during the suite weighs on both alike.
  await timePack(page, url, small);
  const smallRuns = [];
  const largeRuns = [];
  for (let i = 0; i < tries; i++) {
    smallRuns.push(await timePack(page, url, small));
    largeRuns.push(await timePack(page, url, large));
  }
  const hundred = { seconds: median(smallRuns.map((r) => r.seconds)), pages: smallRuns[0]!.pages };
  const twoHundred = { seconds: median(largeRuns.map((r) => r.seconds)), pages: largeRuns[0]!.pages };
  const name = 'pack to PDF, five passages longer than a page (open the pack page to PDF bytes)';
  record({ name, value: hundred.seconds, unit: 's', datasetSize: `${hundred.pages} pages` });
  record({ name, value: twoHundred.seconds, unit: 's', datasetSize: `${twoHundred.pages} pages`, goal: '<= 30 s', pass: twoHundred.seconds <= 30 });
  const ratio = twoHundred.seconds / hundred.seconds;
  record({ name: `time ratio, ${twoHundred.pages} pages / ${hundred.pages} pages`, value: ratio, unit: 'x', datasetSize: `${hundred.pages} and ${twoHundred.pages} pages`, goal: '<= 2.3', pass: ratio <= 2.3 });

  const items300 = await injectBrief(page, 300);
  const docx = [];
  for (let i = 0; i < tries; i++) docx.push(await timeDocx(page, url, items300));
  const seconds = median(docx.map((d) => d.seconds));
  record({ name: 'brief to Word (.docx), click to download', value: seconds, unit: 's', datasetSize: `300 agenda items, ${Math.round(docx[0]!.bytes / 1024)} KiB`, goal: '<= 3 s', pass: seconds <= 3 });
  await context.close();
}
