import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePdf, makeProtectedPdf, pdfPageTexts } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { PaperPage } from './pages/paper';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { countRows } from './support/idb';

const app = useWebApp();
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papers-e2e-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ONE = 'noted the progress of the ASEAN Working Group on Climate Change';
const TWO = 'submit their national reports by 30 June 2026';
const THREE = 'welcomed the offer of Malaysia to host the regional workshop';

async function fixture(name: string, pages: string[][]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, await makePdf(pages));
  return file;
}

describe('meeting papers, as a delegate', () => {
  it('attaches a paper, annotates three passages, re-anchors them on Rev.1 and finds a word inside it', async () => {
    const original = await fixture('Draft joint statement.pdf', [
      ['Draft joint statement of ASOEN-36', `The Meeting ${ONE}.`, `Member States agreed to ${TWO}.`],
      [`The Meeting ${THREE} on carbon markets.`, 'The Meeting agreed on geothermal cooperation with partners.'],
    ]);
    const rev1 = await fixture('Draft joint statement Rev.1.pdf', [
      ['Draft joint statement of ASOEN-36 (Rev.1)', 'A paragraph added in this revision about the ASEAN Haze Agreement.', `The Meeting ${ONE}.`],
      ['Member States agreed to submit their national reports by 31 July 2026.', 'The Meeting agreed on geothermal cooperation with partners.'],
    ]);

    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    await page.getByLabel('Paper file for ASOEN-36').setInputFiles(original);
    await page.getByText('Draft joint statement.pdf is attached.').waitFor();
    await page.getByRole('region', { name: 'Papers of ASOEN-36' }).getByRole('link', { name: 'Draft joint statement' }).click();
    await ui.heading().filter({ hasText: 'Draft joint statement' }).waitFor();

    const paper = new PaperPage(page);
    await paper.waitForPage(1);
    // "Save a copy" gives back the very bytes attached, under the paper's own name.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save a copy' }).click();
    const copy = await download;
    assert.equal(copy.suggestedFilename(), 'Draft joint statement.pdf');
    await copy.saveAs(path.join(dir, 'copy.pdf'));
    assert.deepEqual(await readFile(path.join(dir, 'copy.pdf')), await readFile(original));
    await paper.highlight(ONE);
    await paper.highlight(TWO);
    // The third by keyboard: found with the paper's find, then Highlight.
    await page.getByRole('searchbox', { name: 'Find in this paper' }).fill(THREE);
    await page.getByText(`Find match: “${THREE}”`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Highlight', exact: true }).press('Enter');
    await paper.annotations().nth(2).waitFor();
    await page.getByRole('searchbox', { name: 'Find in this paper' }).fill('');
    await paper.waitForPage(2);
    assert.equal(await paper.annotations().count(), 3);
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'annotated.png') });
    // Highlights are drawn over the words on the page.
    assert.ok((await page.locator('.paper-marks .paper-mark').count()) >= 3);

    await paper.attachRevision(rev1);
    await page.getByText('2 annotations follow their text into the new version; 1 could not be placed').waitFor();
    // The new version becomes the one shown (the view follows the database).
    await page.waitForFunction(() => [...document.querySelectorAll('select')].some((s) => s.selectedOptions[0]?.textContent === 'Rev.1 (current)'));
    // The list follows the database: wait for the orphan to be listed before counting.
    await paper.orphans().first().waitFor();
    const placed = paper.annotations();
    assert.equal(await placed.count(), 2);
    assert.match(await placed.nth(0).innerText(), /Page 1/);
    assert.match(await placed.nth(0).innerText(), /Moved with its text/);
    assert.match(await placed.nth(1).innerText(), /national reports by 31 July 2026/);
    assert.match(await placed.nth(1).innerText(), /Page 2/);
    assert.equal(await paper.orphans().count(), 1);
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'rev1.png') });
    assert.match(await paper.orphans().first().innerText(), new RegExp(THREE));

    // The differences read side by side.
    await page.getByRole('link', { name: 'Compare versions' }).click();
    const diff = page.getByRole('table');
    await diff.waitFor();
    assert.match(await diff.locator('del').allInnerTexts().then((t) => t.join(' ')), /30 June/);
    assert.match(await diff.locator('ins').allInnerTexts().then((t) => t.join(' ')), /31 July/);
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'compare.png'), fullPage: true });
    await page.getByRole('link', { name: 'Back to the paper' }).click();

    // The app's search finds a word inside the paper and opens it at its page.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    await palette.getByRole('combobox').pressSequentially('geothermal');
    await page.waitForSelector('[role="listbox"][data-query="geothermal"]');
    const hit = palette.getByRole('option').filter({ hasText: 'Draft joint statement' });
    await hit.first().waitFor();
    await hit.first().click();
    await page.waitForURL(/\/papers\/[^/?]+\?page=2$/);
    await paper.waitForPage(2);
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'search-opened.png') });
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('refuses bad files with a clear message and writes nothing: protected, damaged, not a PDF, too large, a full disk; a PDF with scripts is kept with scripts off', async () => {
    const protectedPdf = path.join(dir, 'Protected.pdf');
    await writeFile(protectedPdf, await makeProtectedPdf());
    const damaged = path.join(dir, 'Damaged.pdf');
    await writeFile(damaged, '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not the rest of a PDF\n%%EOF');
    const notPdf = path.join(dir, 'Minutes.pdf');
    await writeFile(notPdf, 'Minutes of the meeting, as plain text with a .pdf name.');
    const huge = path.join(dir, 'Scanned report.pdf');
    await writeFile(huge, '%PDF-1.7\n');
    await truncate(huge, 500 * 1024 * 1024); // sparse: 500 MB on paper, nothing on disk
    const scripted = path.join(dir, 'Scripted.pdf');
    await writeFile(scripted, await makePdf([['A concept note with a script']], { javascript: 'app.alert("hello")' }));

    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    const input = page.getByLabel('Paper file for ASOEN-36');
    const region = page.getByRole('region', { name: 'Papers of ASOEN-36' });
    const refused = async (file: string, message: RegExp) => {
      await input.setInputFiles(file);
      const alert = region.getByRole('alert');
      await alert.filter({ hasText: `${path.basename(file)} was not attached.` }).waitFor();
      assert.match(await alert.innerText(), message);
      assert.match(await alert.innerText(), /Nothing was saved/);
      assert.equal(await region.getByRole('list').count(), 0, `${file} left a paper behind`);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
    };
    await refused(protectedPdf, /password-protected/);
    await refused(damaged, /damaged/);
    await refused(notPdf, /not a PDF file/);
    await refused(huge, /larger than 200 MB/);

    await input.setInputFiles(scripted);
    await region.getByText('Scripted.pdf is attached. It contains scripts, which are never run.').waitFor();
    await region.getByRole('link', { name: 'Scripted' }).click();
    await page.getByText('This PDF contains scripts. They are never run').waitFor();
    await new PaperPage(page).waitForPage(1);
    await page.goBack();

    // A full disk: IndexedDB refuses the file's bytes with the browser's QuotaExceededError, as it
    // does when the disk or the origin's quota is full. (Chromium's DevTools quota override does
    // not reach Playwright's browser contexts, so the refusal is injected at the store.)
    await page.evaluate(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'paperChunks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    });
    const big = path.join(dir, 'Report of the previous meeting.pdf');
    await writeFile(big, await makePdf(Array.from({ length: 40 }, (_, i) => [`Page ${i + 1} of the report`, 'x'.repeat(90)])));
    await input.setInputFiles(big);
    const full = region.getByRole('alert');
    await full.waitFor();
    assert.match(await full.innerText(), /not enough storage space/);
    // Only the scripted paper is kept; the full disk wrote no part of the report.
    assert.deepEqual(await region.getByRole('list').getByRole('link').allInnerTexts(), ['Scripted']);
    assert.deepEqual(await countRows(page, ['papers', 'paperVersions', 'paperChunks', 'paperTexts']), { papers: 1, paperVersions: 1, paperChunks: 1, paperTexts: 1 });
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('prints chosen papers as a pack annex in the browser: every page numbered and marked, the text kept', async () => {
    const agenda = await fixture('Provisional agenda.pdf', [['Provisional agenda of ASOEN-36', 'Item 1: adoption of the agenda'], ['Item 2: climate change and haze']]);
    const note = await fixture('Concept note.pdf', [['Concept note on the regional workshop on carbon markets']]);
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    const input = page.getByLabel('Paper file for ASOEN-36');
    for (const [file, name] of [[agenda, 'Provisional agenda.pdf'], [note, 'Concept note.pdf']] as const) {
      await input.setInputFiles(file);
      await page.getByText(`${name} is attached.`).waitFor();
    }
    await page.getByRole('link', { name: 'Print papers as an annex' }).click();
    await page.getByLabel('Marking stamped on every page').fill('RESTRICTED');
    await page.getByLabel('Number of the first annex page in the pack').fill('31');
    await page.getByText('The annex is numbered pages 31 to 33 of 33.').waitFor();
    await page.locator('.annex-pages[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Print' }).isEnabled(), true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (process.env.PAPERS_SCREENSHOTS) await writeFile(path.join(process.env.PAPERS_SCREENSHOTS, 'annex.pdf'), pdf);
    const texts = await pdfPageTexts(pdf);
    assert.equal(texts.length, 3);
    texts.forEach((text, i) => {
      assert.match(text, new RegExp(`Page ${31 + i} of 33`));
      assert.equal(text.match(/RESTRICTED/g)?.length, 2, `page ${i + 1} has the marking top and bottom`);
    });
    assert.match(texts[0]!, /Provisional agenda of ASOEN-36/);
    assert.match(texts[1]!, /climate change and haze/);
    assert.match(texts[2]!, /Concept note on the regional workshop/);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
