import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';

/*
 * Web mode in Chromium saves a backup through the File System Access API. Playwright cannot
 * answer the system's save picker, so the page's picker is replaced by one that hands back a
 * real file of the origin's private file system (the same FileSystemWritableFileStream); the
 * backup is streamed into it, and no download happens.
 */
const app = useWebApp();

describe('saving a backup through the save picker', () => {
  it('streams the backup into the picked file', async () => {
    const { page, context } = await freshPage(app.browser, { acceptDownloads: true });
    await page.goto(`${app.url}/backup`);
    await page.waitForSelector('html[data-app-ready="true"]');
    await page.evaluate(() => {
      const picked = { suggested: '' };
      (window as unknown as { picked: typeof picked }).picked = picked;
      (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: { suggestedName: string }) => {
        picked.suggested = options.suggestedName;
        const root = await navigator.storage.getDirectory();
        return root.getFileHandle('picked.adbackup', { create: true });
      };
    });
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: 'Back up all my work' }).click();
    await page.getByRole('status').filter({ hasText: 'Backup saved as "picked.adbackup"' }).waitFor();
    const file = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const text = await (await (await root.getFileHandle('picked.adbackup')).getFile()).text();
      const lines = text.split('\n').filter((l) => l !== '');
      return { first: lines[0] ?? '', last: lines[lines.length - 1] ?? '', suggested: (window as unknown as { picked: { suggested: string } }).picked.suggested };
    });
    assert.match(file.first, /"formatVersion":5/);
    // Written whole: the header first, the end record last.
    assert.match(file.last, /^\{"part":"end"/);
    assert.match(file.suggested, /^asean-delegate-backup-.*\.adbackup$/);
    assert.equal(downloaded, false);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
