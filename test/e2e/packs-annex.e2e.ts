import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePdf } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { PackScreen, PdfFile } from './pages/pack';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';

const app = useWebApp();
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pack-annex-e2e-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PAPER_ONE = 'ANNEXFIRST the Meeting noted the concept note on blue carbon';
const PAPER_TWO = 'ANNEXSECOND Member States agreed to share their peatland data';

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('a pack with meeting papers as its annex, as a delegate', () => {
  it('prints the chosen paper after the pack, numbered in its "Page X of Y", marked, and listed in the contents', async () => {
    const file = path.join(dir, 'Concept note on blue carbon.pdf');
    await writeFile(file, await makePdf([['Concept note on blue carbon', PAPER_ONE], ['Annex to the concept note', PAPER_TWO]]));

    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    await page.getByLabel('Paper file for ASOEN-36').setInputFiles(file);
    await page.getByText('Concept note on blue carbon.pdf is attached.').waitFor();

    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.waitSaved();
    await page.getByRole('button', { name: 'Print pack…' }).click();
    const pack = new PackScreen(page);
    const packOnly = await pack.waitReady();

    const papers = page.getByRole('group', { name: 'Meeting papers in the annex' });
    await papers.getByRole('checkbox', { name: /Concept note on blue carbon/ }).check();
    // The pack lays itself out again with the annex; ready once the paper's pages are drawn.
    await page.locator('.annex-pages[data-ready="true"]').waitFor({ timeout: 60_000 });
    const pages = await pack.waitReady();
    assert.equal(pages, packOnly + 2, 'the two pages of the paper are counted in the pack');
    assert.equal(await page.locator('.annex-sheet').count(), 2);
    if (process.env.PACK_ANNEX_PNG) await page.screenshot({ path: path.join(process.env.PACK_ANNEX_PNG, 'pack-page.png') });

    const pdf = new PdfFile(await pack.pdf());
    assert.equal(pdf.pageCount(), pages, 'the PDF has the pack and the annex');
    for (let n = 1; n <= pages; n++) {
      const text = pdf.pageText(n);
      assert.match(squash(text), new RegExp(`Page ${n} of ${pages}\\b`), `page ${n}: its number and the total`);
      assert.ok((text.match(/OFFICIAL/g) ?? []).length >= 2, `page ${n}: the marking at the top and the foot`);
    }
    assert.match(squash(pdf.pageText(pages - 1)), new RegExp(PAPER_ONE), 'the paper\'s first page follows the pack');
    assert.match(squash(pdf.pageText(pages)), new RegExp(PAPER_TWO), 'and its second page');
    assert.ok(!squash(pdf.pageText(packOnly)).includes('ANNEXFIRST'), 'the pack\'s own pages come first');

    // The contents (page 2): the annex's line, and the paper with the page it starts on.
    const contents = squash(lines(pdf.pageText(2)).join('\n'));
    assert.match(contents, /Annex: meeting papers/);
    assert.match(contents, new RegExp(`Concept note on blue carbon (\\d+)`));
    assert.equal(Number(/Concept note on blue carbon (\d+)/.exec(contents)![1]), pages - 1, 'the contents give the page the paper starts on');

    if (process.env.PACK_ANNEX_PNG) execFileSync('pdftoppm', ['-png', '-r', '50', pdf.path, path.join(process.env.PACK_ANNEX_PNG, 'annex')]);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
