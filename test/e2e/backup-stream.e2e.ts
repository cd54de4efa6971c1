import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { freshPage, launchBrowser, pageErrors } from './support/browser';
import { startWebServer, type WebServer } from './support/server';
import { BriefingEditor } from './pages/briefing-editor';
import { LockScreens } from './pages/lock';

/*
 * A backup of format 4 (a stream of encrypted chunks) made on one computer and restored on
 * another with the passphrase, through the interface; a copy cut short is refused in the
 * delegate's language, with nothing changed.
 */
const PASSPHRASE = 'kopi susu tarik pagi';
const WORDS = 'Mangrove restoration finance: ask for a regional facility';

let server: WebServer;
let browser: Browser;
/** The backup outlives the first computer's browser context (whose downloads go with it). */
const folder = mkdtempSync(join(tmpdir(), 'delegate-backup-'));
before(async () => {
  server = await startWebServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('streamed backups through the interface', () => {
  it('backs up encrypted, restores on a new computer with the passphrase, and refuses a copy cut short (in Malay)', async () => {
    // Computer 1: a passphrase, a brief with words of the delegate's, a backup.
    const one = await freshPage(browser, { firstRun: 'show', acceptDownloads: true });
    const lock = new LockScreens(one.page);
    await one.page.goto(`${server.url}/meetings/asoen-36`);
    await lock.setUp(PASSPHRASE);
    await one.page.getByRole('link', { name: 'New briefing for this meeting' }).click();
    await one.page.getByLabel('Title').fill('Streamed brief');
    await one.page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(one.page);
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    await editor.field('Objectives').fill(WORDS);
    await editor.waitSaved();
    await one.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await one.page.getByRole('link', { name: 'Back up or restore my work' }).click();
    // The backup's download fallback: Playwright cannot answer the File System Access save picker.
    await one.page.evaluate(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
    const download = one.page.waitForEvent('download');
    await one.page.getByRole('button', { name: 'Back up all my work' }).click();
    const saved = await download;
    assert.match(saved.suggestedFilename(), /\.adbackup$/);
    const path = join(folder, saved.suggestedFilename());
    await saved.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').filter((l) => l !== '');
    assert.match(lines[0]!, /"formatVersion":5/);
    assert.ok(lines.length > 3, 'one chunk per line');
    assert.equal(text.includes('Mangrove'), false, 'the backup holds the words in the clear');
    await one.page.getByRole('status').filter({ hasText: 'Backup saved as' }).waitFor();
    assert.deepEqual(pageErrors(one.page), []);
    await one.context.close();

    // Computer 2: no passphrase of its own; the backup asks for the one it was made with.
    const two = await freshPage(browser);
    await two.page.goto(`${server.url}/backup`);
    await two.page.waitForSelector('html[data-app-ready="true"]');
    await two.page.getByLabel('Choose a backup file').setInputFiles(path);
    await two.page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await two.page.getByRole('button', { name: 'Open the file' }).click();
    await two.page.getByRole('alert').waitFor();
    await two.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await two.page.getByRole('button', { name: 'Open the file' }).click();
    await two.page.getByRole('alertdialog').getByText(/holds 1 briefing, 18 agenda sections/).waitFor({ timeout: 60_000 });
    await two.page.getByRole('button', { name: 'Replace my work with this backup' }).click();
    await two.page.getByRole('status').filter({ hasText: 'Restored 1 briefing from' }).waitFor({ timeout: 60_000 });
    await two.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click();
    await two.page.getByRole('link', { name: 'Streamed brief' }).click();
    const restored = new BriefingEditor(two.page);
    await restored.ready();
    await restored.openItem(/Opening ceremony/i);
    assert.equal(await restored.field('Objectives').inputValue(), WORDS);

    // A copy cut short (its last chunk lost): refused in Malay, nothing changed.
    const short = `${path}-short`;
    writeFileSync(short, `${lines.slice(0, -1).join('\n')}\n`);
    await two.page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ms');
    await two.page.getByRole('navigation', { name: 'Utama' }).waitFor();
    await two.page.goto(`${server.url}/backup`);
    await two.page.waitForSelector('html[data-app-ready="true"]');
    await two.page.locator('input[type="file"]').setInputFiles(short);
    await two.page.getByLabel('Frasa laluan', { exact: true }).fill(PASSPHRASE);
    await two.page.locator('form.conflict button[type="submit"]').click();
    await two.page.getByRole('status').filter({ hasText: 'Sandaran tidak lengkap' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(pageErrors(two.page), []);
    await two.context.close();
  });
});
