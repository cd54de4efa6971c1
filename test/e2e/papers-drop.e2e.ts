import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { makePdf } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { PaperPage } from './pages/paper';
import { freshPage, pageErrors } from './support/browser';
import { dragFilesOver, dropFiles, fileTransfer, type DroppedFile } from './support/file-drop';
import { useWebApp } from './support/harness';
import { countRows } from './support/idb';

/*
 * Issue 14: papers attach "from the picker or by drag and drop". Here the drop: a real PDF made
 * with pdf-lib, carried into the page as a File in a DataTransfer and dropped on the papers of a
 * meeting and of a briefing section, as Chromium delivers a drop from the file manager.
 */

const app = useWebApp();
const PAPER_STORES = ['papers', 'paperVersions', 'paperChunks', 'paperTexts'];
const FIRST_PAGE = 'The Meeting noted the progress of the ASEAN Working Group on Climate Change.';

/** "1.4 KB" as the list shows a size in English. */
function kilobytes(bytes: number): string {
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}

async function statement(): Promise<Uint8Array> {
  return makePdf([['Draft joint statement of ASOEN-36', FIRST_PAGE], ['Member States agreed to submit their national reports.']]);
}

/** Whether the drop zone shows its "drop here" outline (the state a delegate sees while dragging). */
function showsDropOutline(zone: Locator): Promise<boolean> {
  return zone.evaluate((element) => element.classList.contains('drop-over') && getComputedStyle(element).outlineStyle === 'dashed');
}

/** A long paper, whose text takes a while to read: room to act while it is being read. */
async function longReport(): Promise<DroppedFile> {
  const pages = Array.from({ length: 2000 }, (_, i) => [`Page ${i + 1} of the report of the previous meeting`, 'x'.repeat(90)]);
  return { name: 'Report of the previous meeting.pdf', type: 'application/pdf', bytes: await makePdf(pages) };
}
const READING_REPORT = /Reading the text of Report of the previous meeting\.pdf/;

async function openMeeting(page: Page): Promise<Locator> {
  await new AppPage(page, app.url).open('/meetings/asoen-36');
  return page.getByRole('region', { name: 'Papers of ASOEN-36' });
}

describe('papers dropped from the file manager', () => {
  it('a PDF dropped on the meeting’s papers is attached with its name, size and readable first page; the zone shows while a file is over it', async () => {
    const bytes = await statement();
    const { context, page } = await freshPage(app.browser);
    const zone = await openMeeting(page);
    await zone.getByText('or drop files here').waitFor();
    assert.equal(await showsDropOutline(zone), false);

    const transfer = await fileTransfer(page, [{ name: 'Draft joint statement.pdf', type: 'application/pdf', bytes }]);
    await dragFilesOver(zone, transfer);
    await page.waitForFunction((element) => element?.classList.contains('drop-over'), await zone.elementHandle());
    assert.equal(await showsDropOutline(zone), true);
    // Carried on over the attach button inside the zone (Chromium: dragenter on the button, then
    // dragleave on the zone it came from): still over the zone, the outline stays.
    const button = zone.getByRole('button', { name: 'Attach a paper…' });
    await button.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragleave', { dataTransfer: transfer, relatedTarget: await button.elementHandle() });
    assert.equal(await showsDropOutline(zone), true, 'the outline went while the file was over the button inside the zone');
    if (process.env.PAPERS_SCREENSHOTS) {
      await zone.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'drop-over.png') });
    }
    // Carried off the zone again (out of the button, past the zone's edge): the outline goes.
    await page.locator('body').dispatchEvent('dragenter', { dataTransfer: transfer });
    await button.dispatchEvent('dragleave', { dataTransfer: transfer });
    await page.waitForFunction((element) => !element?.classList.contains('drop-over'), await zone.elementHandle());

    await dropFiles(zone, transfer);
    await zone.getByRole('status').filter({ hasText: 'Draft joint statement.pdf is attached.' }).waitFor();
    assert.equal(await showsDropOutline(zone), false);
    const row = zone.getByRole('listitem').filter({ hasText: 'Draft joint statement' });
    await row.waitFor();
    assert.equal(await row.getByRole('link').innerText(), 'Draft joint statement');
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'dropped.png') });
    assert.match(await row.innerText(), new RegExp(`2 pages · ${kilobytes(bytes.byteLength).replace('.', '\\.')}`));
    assert.deepEqual(await countRows(page, ['papers', 'paperVersions']), { papers: 1, paperVersions: 1 });

    await row.getByRole('link').click();
    const paper = new PaperPage(page);
    await paper.waitForPage(1);
    await page.locator('.paper-page[data-page="1"] .textLayer').getByText(FIRST_PAGE).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('a PDF dropped on a briefing section’s papers is attached to that section', async () => {
    const bytes = await statement();
    const { context, page } = await freshPage(app.browser);
    await new AppPage(page, app.url).open('/briefings/new?meeting=asoen-36');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.openItem(/Joint Statement on Climate Change/);
    const zone = page.getByRole('region', { name: 'Papers of this section' });
    await dropFiles(zone, await fileTransfer(page, [{ name: 'Draft joint statement.pdf', type: 'application/pdf', bytes }]));
    await zone.getByRole('status').filter({ hasText: 'Draft joint statement.pdf is attached.' }).waitFor();
    const row = zone.getByRole('listitem').filter({ hasText: 'Draft joint statement' });
    assert.match(await row.innerText(), /2 pages/);
    await row.getByRole('link').click();
    await new PaperPage(page).waitForPage(1);
    await page.locator('.paper-page[data-page="1"] .textLayer').getByText(FIRST_PAGE).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('a dropped file that is not the PDF it says, or is over 200 MB, is refused with the app’s message and nothing is attached', async () => {
    const { context, page } = await freshPage(app.browser);
    const zone = await openMeeting(page);
    const refused = async (file: Parameters<typeof fileTransfer>[1][number], message: RegExp) => {
      await dropFiles(zone, await fileTransfer(page, [file]));
      const alert = zone.getByRole('alert').filter({ hasText: `${file.name} was not attached.` });
      await alert.waitFor();
      assert.match(await alert.innerText(), message);
      assert.match(await alert.innerText(), /Nothing was saved/);
      assert.equal(await zone.getByRole('list').count(), 0, `${file.name} left a paper behind`);
      assert.deepEqual(Object.values(await countRows(page, PAPER_STORES)), [0, 0, 0, 0], `${file.name} wrote to the database`);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
    };
    await refused({ name: 'Minutes.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('Minutes of the meeting, as plain text with a .pdf name.') }, /not a PDF file/);
    // 201 MB in the page from one repeated megabyte: refused on its size, before a byte is read.
    await refused({ name: 'Scanned report.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7\n'), padMegabytes: 201 }, /larger than 200 MB/);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('three files dropped together, the first not the PDF it says: that one is refused with its message, the other two are attached', async () => {
    const { context, page } = await freshPage(app.browser);
    const zone = await openMeeting(page);
    const notPdf = new TextEncoder().encode('Minutes of the meeting, as plain text with a .pdf name.');
    await dropFiles(
      zone,
      await fileTransfer(page, [
        { name: 'Minutes.pdf', type: 'application/pdf', bytes: notPdf },
        { name: 'Draft joint statement.pdf', type: 'application/pdf', bytes: await statement() },
        { name: 'Concept note.pdf', type: 'application/pdf', bytes: await makePdf([['Concept note on the regional workshop on carbon markets']]) },
      ]),
    );
    await zone.getByRole('status').filter({ hasText: 'Concept note.pdf is attached.' }).waitFor();
    // The list follows the database: wait for its second paper before reading it.
    await zone.getByRole('list').getByRole('link').nth(1).waitFor();
    assert.deepEqual(await zone.getByRole('list').getByRole('link').allInnerTexts(), ['Draft joint statement', 'Concept note']);
    // The refusal is still on screen after the others went in.
    const alert = zone.getByRole('alert');
    assert.match(await alert.innerText(), /Minutes\.pdf was not attached\. Its name says PDF but it is not a PDF file/);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await zone.getByRole('alert').count(), 0);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('Cancel while a dropped paper is being read stops it: nothing is attached, and the next drop is', async () => {
    const { context, page } = await freshPage(app.browser);
    const zone = await openMeeting(page);
    await dropFiles(zone, await fileTransfer(page, [await longReport()]));
    const reading = zone.getByRole('status').filter({ hasText: READING_REPORT });
    await reading.waitFor();
    await reading.getByRole('button', { name: 'Cancel' }).click();
    // Settled either way: the status gone (cancelled) or the paper attached regardless.
    await page.waitForFunction(() => {
      const status = document.querySelector('.paper-attachments .paper-intake');
      return status === null || status.textContent!.includes('is attached');
    });
    assert.equal(await zone.getByText('is attached').count(), 0, 'the cancelled paper was attached');
    assert.equal(await zone.getByRole('list').count(), 0);
    assert.deepEqual(Object.values(await countRows(page, PAPER_STORES)), [0, 0, 0, 0]);

    await dropFiles(zone, await fileTransfer(page, [{ name: 'Draft joint statement.pdf', type: 'application/pdf', bytes: await statement() }]));
    await zone.getByRole('status').filter({ hasText: 'Draft joint statement.pdf is attached.' }).waitFor();
    await zone.getByRole('list').getByRole('link').first().waitFor();
    assert.deepEqual(await zone.getByRole('list').getByRole('link').allInnerTexts(), ['Draft joint statement']);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('a second paper dropped while the first is still being read is attached after it: neither is lost', async () => {
    const { context, page } = await freshPage(app.browser);
    const zone = await openMeeting(page);
    const report = await fileTransfer(page, [await longReport()]);
    const draft = await fileTransfer(page, [{ name: 'Draft joint statement.pdf', type: 'application/pdf', bytes: await statement() }]);
    await dropFiles(zone, report);
    await zone.getByRole('status').filter({ hasText: READING_REPORT }).waitFor();
    await dropFiles(zone, draft);
    const links = zone.getByRole('list').getByRole('link');
    await links.nth(1).waitFor();
    assert.deepEqual(await links.allInnerTexts(), ['Report of the previous meeting', 'Draft joint statement']);
    await zone.getByRole('status').filter({ hasText: 'Draft joint statement.pdf is attached.' }).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('the picker is reached by keyboard: Tab to “Attach a paper…”, Enter opens the file chooser, and focus stays there for the next', async () => {
    const { context, page } = await freshPage(app.browser);
    const zone = await openMeeting(page);
    const button = zone.getByRole('button', { name: 'Attach a paper…' });
    const focused = () => button.evaluate((element) => element === document.activeElement);
    // Playwright turns on file-chooser interception when the first listener is added, without
    // waiting: a listener from the start keeps it on, so an Enter pressed at once is not missed.
    page.on('filechooser', () => undefined);
    let tabs = 0;
    while (!(await focused())) {
      assert.ok(++tabs < 200, 'Tab never reached the attach button');
      await page.keyboard.press('Tab');
    }
    for (const [name, lines] of [
      ['Draft joint statement.pdf', [FIRST_PAGE]],
      ['Concept note.pdf', ['Concept note on the regional workshop on carbon markets']],
    ] as const) {
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Enter');
      await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(await makePdf([[...lines]])) });
      await zone.getByRole('status').filter({ hasText: `${name} is attached.` }).waitFor();
      // Still on the button (not dropped to the top of the page while the file was read).
      assert.equal(await focused(), true, `focus left the attach button while ${name} was attached`);
    }
    await zone.getByRole('list').getByRole('link').nth(1).waitFor();
    assert.deepEqual(await zone.getByRole('list').getByRole('link').allInnerTexts(), ['Draft joint statement', 'Concept note']);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
