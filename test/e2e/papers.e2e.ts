import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePdf } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { PaperPage } from './pages/paper';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';

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
    await paper.highlight(ONE);
    await paper.highlight(TWO);
    await paper.waitForPage(2);
    await paper.highlight(THREE);
    assert.equal(await paper.annotations().count(), 3);
    if (process.env.PAPERS_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.PAPERS_SCREENSHOTS, 'annotated.png') });
    // Highlights are drawn over the words on the page.
    assert.ok((await page.locator('.paper-marks .paper-mark').count()) >= 3);

    await paper.attachRevision(rev1);
    await page.getByText('2 annotations follow their text into the new version; 1 could not be placed').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Version' }).inputValue(), await page.getByRole('option', { name: 'Rev.1 (current)' }).getAttribute('value'));
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
});
