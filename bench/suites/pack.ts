import type { Page } from 'playwright-core';
import { injectBrief, PackScreen } from '../../test/e2e/pages/pack';
import { freshPage } from '../../test/e2e/support/browser';
import type { BenchContext } from '../context';
import { median } from '../measure';

/** From opening the pack page to the PDF's bytes: load, compose, measure, paginate, render, print. */
async function timePack(page: Page, url: string, id: string): Promise<{ seconds: number; pages: number; bytes: number }> {
  const start = Date.now();
  await page.goto(`${url}/briefings/${id}/pack`);
  const pack = new PackScreen(page);
  const pages = await pack.waitReady(120_000);
  const pdf = await pack.pdf();
  return { seconds: (Date.now() - start) / 1000, pages, bytes: pdf.byteLength };
}

/** Briefing packs of about 100 and 200 pages built to PDF; the ratio shows whether the cost grows linearly. */
export async function packSuite({ browser, url, runs, record }: BenchContext): Promise<void> {
  const { context, page } = await freshPage(browser);
  await page.goto(`${url}/`);
  await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
  // Agenda items giving about 100 and about 200 printed pages.
  const small = await injectBrief(page, 46);
  const large = await injectBrief(page, 92);
  const tries = Math.max(1, Math.min(runs, 3));
  const measure = async (id: string) => {
    const results = [];
    for (let i = 0; i < tries; i++) results.push(await timePack(page, url, id));
    return { seconds: median(results.map((r) => r.seconds)), pages: results[0]!.pages };
  };
  const hundred = await measure(small);
  const twoHundred = await measure(large);
  record({ name: 'pack to PDF (open the pack page to PDF bytes)', value: hundred.seconds, unit: 's', datasetSize: `${hundred.pages} pages` });
  record({ name: 'pack to PDF (open the pack page to PDF bytes)', value: twoHundred.seconds, unit: 's', datasetSize: `${twoHundred.pages} pages`, goal: '<= 30 s', pass: twoHundred.seconds <= 30 });
  const ratio = twoHundred.seconds / hundred.seconds;
  record({ name: `time ratio, ${twoHundred.pages} pages / ${hundred.pages} pages`, value: ratio, unit: 'x', datasetSize: `${hundred.pages} and ${twoHundred.pages} pages`, goal: '<= 2.3', pass: ratio <= 2.3 });
  await context.close();
}
