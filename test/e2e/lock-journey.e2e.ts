import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { freshPage } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { LockScreens } from './pages/lock';

/*
 * The delegate's main journey with a passphrase set (the rest of the e2e suite runs without
 * one): create a brief, type, reload, unlock, find the words; hand it to a colleague as a file
 * protected by its own passphrase (a wrong one changes nothing); back up and restore.
 */
const app = useWebApp();
const PASSPHRASE = 'kopi susu tarik pagi';
const FILE_PASSPHRASE = 'nasi lemak sambal petai';
const BACKUP_LINK = 'Back up or restore my work';
const WORDS = 'Secure a unified ASEAN voice on mangrove finance';

describe('a delegate with a passphrase set', () => {
  it('types a brief, reloads and unlocks to find it, exports it for a colleague with a passphrase, imports it back, backs up and restores', async () => {
    const { context, page } = await freshPage(app.browser, { firstRun: 'show', acceptDownloads: true });
    const ui = new AppPage(page, app.url);
    const lock = new LockScreens(page);
    await page.goto(`${app.url}/meetings/asoen-36`);
    await lock.setUp(PASSPHRASE);

    await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
    await page.getByLabel('Title').fill('Protected brief');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    await editor.field('Objectives').fill(WORDS);
    await editor.waitSaved();

    await page.reload();
    await lock.locked();
    assert.equal((await page.content()).includes('mangrove finance'), false, 'the lock screen shows the brief');
    await lock.unlock(PASSPHRASE);
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    assert.equal(await editor.field('Objectives').inputValue(), WORDS);

    // For a colleague: protected with a passphrase of its own, the default.
    await page.getByRole('button', { name: 'Export to file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this briefing to a file' });
    assert.equal(await dialog.getByLabel('Protected with a passphrase for a colleague').isChecked(), true);
    await dialog.getByLabel('Passphrase for this file', { exact: true }).fill(FILE_PASSPHRASE);
    await dialog.getByLabel('Passphrase for this file again').fill(FILE_PASSPHRASE);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the file' }).click();
    const exported = await (await download).path();
    const exportedText = readFileSync(exported, 'utf8');
    assert.match(exportedText, /asean-delegate\/encrypted-file/);
    assert.equal(exportedText.includes('mangrove'), false, 'the exported file holds the words in the clear');
    assert.equal(exportedText.includes('Protected brief'), false, 'the exported file holds the title in the clear');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await editor.field('Objectives').fill('A later version');
    await editor.waitSaved();
    await ui.nav('Briefings').click();
    await page.getByLabel('Choose a briefing file (.json)').setInputFiles(exported);
    await page.getByText('This file is encrypted. Enter the passphrase it was made with.').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill('not the file passphrase');
    await page.getByRole('button', { name: 'Open the file' }).click();
    await page.getByRole('alert').filter({ hasText: 'That passphrase does not open this file.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Protected brief/ }).count(), 1, 'a wrong passphrase changed the briefings');
    await page.getByLabel('Passphrase', { exact: true }).fill(FILE_PASSPHRASE);
    await page.getByRole('button', { name: 'Open the file' }).click();
    const conflict = page.getByRole('alertdialog', { name: /You already have "Protected brief"/ });
    await conflict.waitFor({ timeout: 30_000 });
    await conflict.getByRole('button', { name: 'Import as a copy' }).click();
    await page.getByRole('heading', { level: 1, name: /Protected brief \(imported copy\)/ }).waitFor();
    await editor.openItem(/Opening ceremony/i);
    assert.equal(await editor.field('Objectives').inputValue(), WORDS);

    // A backup is encrypted under the delegate's key, and restores here without asking.
    // Reached in the app: loading an address afresh would lock it again.
    await ui.nav('Settings').click();
    await page.getByRole('link', { name: BACKUP_LINK }).click();
    // The backup's download fallback: Playwright cannot answer the File System Access save picker.
    await page.evaluate(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
    const backup = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up all my work' }).click();
    const backupFile = await (await backup).path();
    const backupText = readFileSync(backupFile, 'utf8');
    // Format 4: a header line (how the chunks are locked), then one encrypted chunk a line.
    assert.match(backupText.slice(0, backupText.indexOf('\n')), /"formatVersion":5.*"protection":\{"kind":"keyring"/);
    assert.equal(backupText.includes('mangrove'), false, 'the backup holds the words in the clear');
    await page.evaluate(async () => {
      await new Promise((resolve, reject) => {
        const request = indexedDB.open('asean-delegate');
        request.onsuccess = () => {
          const tx = request.result.transaction(['briefings', 'sections'], 'readwrite');
          tx.objectStore('briefings').clear();
          tx.objectStore('sections').clear();
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
        };
      });
    });
    await page.getByLabel('Choose a backup file').setInputFiles(backupFile);
    await page.getByRole('button', { name: 'Replace my work with this backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored 2 briefings' }).waitFor({ timeout: 30_000 });
    await ui.nav('Briefings').click();
    await page.getByRole('link', { name: 'Protected brief', exact: true }).click();
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    assert.equal(await editor.field('Objectives').inputValue(), 'A later version');
    await context.close();
  });
});
