import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Request } from 'playwright-core';
import { makeNamedFontsPdf } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { PaperPage } from './pages/paper';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';

/*
 * A paper whose fonts are named, not embedded (Helvetica, Times, Courier, and Japanese in a CID
 * font with the UniJIS-UCS2-H CMap), read offline: pdf.js's standard fonts and CMaps ship with
 * the app and come from the offline cache, not the network and not the computer's fonts.
 */
const app = useWebApp();
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papers-fonts-e2e-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('papers with fonts they do not embed', () => {
  it('render offline with the bundled standard fonts, and Japanese text through the bundled CMaps', async () => {
    const file = path.join(dir, 'Named fonts.pdf');
    await writeFile(file, await makeNamedFontsPdf('日本語の議題'));
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    // Reloaded offline: the page (and the pdf.js worker it starts) is served by the offline cache.
    await ui.open('/meetings/asoen-36');
    await ui.heading().filter({ hasText: 'ASOEN-36' }).waitFor();

    const data: { url: string; status: number | undefined; cached: boolean | undefined }[] = [];
    const record = async (request: Request) => {
      if (!request.url().includes('/pdfjs/')) return;
      const response = await request.response();
      data.push({ url: new URL(request.url()).pathname, status: response?.status(), cached: response?.fromServiceWorker() });
    };
    context.on('requestfinished', (request) => void record(request));
    context.on('requestfailed', (request) => {
      if (request.url().includes('/pdfjs/')) data.push({ url: new URL(request.url()).pathname, status: undefined, cached: undefined });
    });

    await page.getByLabel('Paper file for ASOEN-36').setInputFiles(file);
    await page.getByText('Named fonts.pdf is attached.').waitFor();
    await page.getByRole('region', { name: 'Papers of ASOEN-36' }).getByRole('link', { name: 'Named fonts' }).click();
    const paper = new PaperPage(page);
    await paper.waitForPage(1);
    const layer = page.locator('.paper-page[data-page="1"] .textLayer');
    await layer.getByText('Helvetica named not embedded', { exact: false }).waitFor();
    await layer.getByText('日本語の議題', { exact: false }).waitFor();
    // pdf.js lays a monospaced line out word by word: compare the words, not the spacing.
    const words = (await layer.innerText()).replace(/\s+/g, ' ');
    assert.match(words, /Times named not embedded: the Meeting welcomed the offer/);
    assert.match(words, /Courier named not embedded: agenda item 4\.2/);

    // The words are drawn, not only laid over: the page's canvas has dark pixels where each line is.
    const inked = await page.locator('.paper-page[data-page="1"] canvas').first().evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!;
      const band = (top: number, bottom: number) => {
        const y0 = Math.floor((top / 842) * canvas.height);
        const y1 = Math.ceil((bottom / 842) * canvas.height);
        const pixels = ctx.getImageData(0, y0, canvas.width, y1 - y0).data;
        let dark = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 3]! > 0) dark++;
        return dark;
      };
      // PDF y runs up from the bottom: Helvetica at 780, Japanese at 640.
      return { helvetica: band(842 - 800, 842 - 772), japanese: band(842 - 670, 842 - 632) };
    });
    assert.ok(inked.helvetica > 50, `Helvetica line drawn (${inked.helvetica} dark pixels)`);
    assert.ok(inked.japanese > 50, `Japanese line drawn (${inked.japanese} dark pixels)`);
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'named-fonts.png') });

    // The fonts and maps came from the app's offline cache.
    const fetched = (prefix: string) => data.filter((d) => d.url.startsWith(prefix));
    assert.ok(fetched('/pdfjs/standard_fonts/').length >= 1, `standard fonts fetched: ${JSON.stringify(data)}`);
    assert.ok(fetched('/pdfjs/cmaps/UniJIS-UCS2-H.bcmap').length >= 1, `the CMap fetched: ${JSON.stringify(data)}`);
    for (const d of data) {
      assert.equal(d.status, 200, `${d.url} answered`);
      assert.equal(d.cached, true, `${d.url} from the offline cache`);
    }
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
