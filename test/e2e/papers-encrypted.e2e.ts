import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePdf } from '../unit/papers-fixtures';
import { LockScreens } from './pages/lock';
import { PaperPage } from './pages/paper';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';

/*
 * The papers journey with a passphrase set: every papers table is encrypted by the crypto
 * middleware, whose Web Crypto waits happen inside the attach and revision transactions.
 */

const app = useWebApp();
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papers-encrypted-e2e-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEPT = 'noted the progress of the ASEAN Working Group on Climate Change';

describe('meeting papers in an encrypted profile', () => {
  it('attaches a paper, highlights a passage, attaches Rev.1 and the highlight follows it', async () => {
    const original = path.join(dir, 'Chair summary.pdf');
    const rev1 = path.join(dir, 'Chair summary Rev.1.pdf');
    await writeFile(original, await makePdf([['Chair summary of ASOEN-36', `The Meeting ${KEPT}.`]]));
    await writeFile(rev1, await makePdf([['Chair summary of ASOEN-36 (Rev.1)', 'A paragraph added in this revision.', `The Meeting ${KEPT}.`]]));

    const { context, page } = await freshPage(app.browser, { firstRun: 'show' });
    try {
      await page.goto(`${app.url}/meetings/asoen-36`);
      await new LockScreens(page).setUp('correct horse battery staple 36');
      await page.getByLabel('Paper file for ASOEN-36').setInputFiles(original);
      await page.getByText('Chair summary.pdf is attached.').waitFor();
      await page.getByRole('region', { name: 'Papers of ASOEN-36' }).getByRole('link', { name: 'Chair summary' }).click();
      const paper = new PaperPage(page);
      await paper.waitForPage(1);
      await paper.highlight(KEPT);

      await page.getByLabel('File of the new version').setInputFiles(rev1);
      await page.getByText('1 annotation follows its text into the new version; 0 could not be placed').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('select')].some((s) => s.selectedOptions[0]?.textContent === 'Rev.1 (current)'));
      // The list follows the database: wait for the highlight to be listed on Rev.1 before counting.
      await paper.annotations().first().waitFor();
      assert.equal(await paper.annotations().count(), 1);
      assert.deepEqual(pageErrors(page), []);
    } finally {
      await context.close();
    }
  });
});
