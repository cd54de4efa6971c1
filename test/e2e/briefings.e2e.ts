import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';

const app = useWebApp();

describe('a delegate prepares a brief for ASOEN-36', () => {
  it('creates it from the meeting, fills two agenda items and an assessment, reloads, and finds everything', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/meetings/asoen-36');
    await page.getByRole('link', { name: 'New briefing for this meeting' }).click();
    await page.getByLabel('Author').fill('Aminah Yusof');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();

    await editor.openItem(/Joint Statement on Climate Change/);
    await editor.field('Objectives').fill('Secure a *unified* ASEAN voice for COP30.');
    await editor.addTalkingPoint('Support the joint statement text as circulated.');
    await editor.addTalkingPoint('Stress **finance** for adaptation.');
    await editor.assess(/GPPIAL|carbon/i, 'On track');

    await editor.openItem(/19th ASEAN-Japan Dialogue/);
    await editor.field('National position').fill('Welcome Japan’s continued support.');
    await editor.waitSaved();

    await page.reload();
    await editor.ready();
    await editor.openItem(/Joint Statement on Climate Change/);
    assert.equal(await editor.field('Objectives').inputValue(), 'Secure a *unified* ASEAN voice for COP30.');
    assert.equal(await editor.talkingPoint(2).inputValue(), 'Stress **finance** for adaptation.');
    assert.equal(await editor.assessmentOf(/GPPIAL|carbon/i).inputValue(), 'on-track');
    await editor.openItem(/19th ASEAN-Japan Dialogue/);
    assert.equal(await editor.field('National position').inputValue(), 'Welcome Japan’s continued support.');
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });

  it('undoes and redoes typing, reorders talking points by keyboard, and loses nothing on reload', async () => {
    const { context, page } = await freshPage(app.browser);
    // The page's clock runs as usual but can be moved on: a typist's pause without waiting for it.
    await page.clock.install();
    const ui = new AppPage(page, app.url);
    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    await editor.field('Objectives').fill('First text');
    await page.clock.fastForward(1100); // a pause (past the undo step's 1 s) ends one undo step
    await editor.field('Objectives').fill('Second text');
    await page.keyboard.press('Control+z');
    assert.equal(await editor.field('Objectives').inputValue(), 'First text');
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await editor.field('Objectives').inputValue(), 'Second text');

    await editor.addTalkingPoint('Alpha');
    await editor.addTalkingPoint('Beta');
    await editor.talkingPoint(2).focus();
    await page.keyboard.press('Alt+ArrowUp');
    assert.equal(await editor.talkingPoint(1).inputValue(), 'Beta');
    await editor.waitSaved();
    await page.reload();
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    assert.equal(await editor.talkingPoint(1).inputValue(), 'Beta');
    assert.equal(await editor.field('Objectives').inputValue(), 'Second text');
    await context.close();
  });

  it('starts a new brief from an earlier one, with carried-over text marked for review until touched', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByLabel('Title').fill('Earlier brief');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.field('Key messages').fill('ASEAN centrality in climate talks.');
    await editor.openItem(/ASEAN Plus Three/);
    await editor.field('Objectives').fill('Deepen APT cooperation.');
    await editor.waitSaved();

    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByLabel('Title').fill('Follow-on brief');
    await page.getByLabel(/The brief "Earlier brief"/).check();
    await page.getByRole('button', { name: 'Create briefing' }).click();
    await editor.ready();
    await page.getByRole('heading', { level: 1, name: /Follow-on brief/ }).waitFor();
    assert.equal(await editor.field('Key messages').inputValue(), 'ASEAN centrality in climate talks.');
    assert.equal(await page.locator('.field.needs-review').count(), 1);
    await editor.openItem(/ASEAN Plus Three/);
    assert.equal(await editor.field('Objectives').inputValue(), 'Deepen APT cooperation.');
    assert.equal(await page.locator('.field.needs-review').count(), 1);
    await editor.field('Objectives').fill('Deepen APT cooperation, reviewed.');
    assert.equal(await page.locator('.field.needs-review').count(), 0);
    await context.close();
  });
});

describe('a delegate hands a brief to a colleague and backs up their work', () => {
  it('exports a brief to a file, imports it back as a copy after seeing what differs, and restores a backup', async () => {
    const { context, page } = await freshPage(app.browser, { acceptDownloads: true });
    const ui = new AppPage(page, app.url);
    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByLabel('Title').fill('Shared brief');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    await editor.field('Objectives').fill('Version one');
    await editor.waitSaved();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to file' }).click();
    await page.getByLabel('Plain, not encrypted').check();
    await page.getByRole('button', { name: 'Save the file' }).click();
    const file = await (await download).path();
    assert.ok(file);

    await editor.field('Objectives').fill('Version two');
    await editor.waitSaved();
    await ui.nav('Briefings').click();
    await page.getByLabel('Choose a briefing file (.json)').setInputFiles(file);
    const dialog = page.getByRole('alertdialog', { name: /You already have "Shared brief"/ });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Opening ceremony.*objectives/s);
    await dialog.getByRole('button', { name: 'Import as a copy' }).click();
    await page.getByRole('heading', { level: 1, name: /Shared brief \(imported copy\)/ }).waitFor();
    await editor.openItem(/Opening ceremony/i);
    assert.equal(await editor.field('Objectives').inputValue(), 'Version one');

    await ui.open('/briefings');
    await page.getByLabel('Choose a briefing file (.json)').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something"}') });
    await page.getByRole('alert').filter({ hasText: 'not a briefing exported from ASEAN Delegate Briefing' }).waitFor();

    await ui.open('/backup');
    // The backup's download fallback: Playwright cannot answer the File System Access save picker.
    await page.evaluate(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
    const backup = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up all my work' }).click();
    const backupFile = await (await backup).path();
    await page.evaluate(async () => {
      // Lose everything, as a broken disk or a new computer would.
      await new Promise((resolve) => {
        const request = indexedDB.open('asean-delegate');
        request.onsuccess = () => {
          const tx = request.result.transaction(['briefings', 'sections'], 'readwrite');
          tx.objectStore('briefings').clear();
          tx.objectStore('sections').clear();
          tx.oncomplete = () => resolve(undefined);
        };
      });
    });
    await page.getByLabel('Choose a backup file').setInputFiles(backupFile);
    await page.getByRole('button', { name: 'Replace my work with this backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored 2 briefings' }).waitFor();
    await ui.nav('Briefings').click();
    await page.getByRole('link', { name: 'Shared brief', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Shared brief (imported copy)' }).waitFor();
    await context.close();
  });
});

describe('the delegate finds their own words', () => {
  it('finds a new talking point in the search palette at once', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/briefings/new?meeting=asoen-36');
    await page.getByLabel('Title').fill('Searchable brief');
    await page.getByRole('button', { name: 'Create briefing' }).click();
    const editor = new BriefingEditor(page);
    await editor.ready();
    await editor.openItem(/Opening ceremony/i);
    await editor.addTalkingPoint('Mangrove restoration deserves regional funding');
    await editor.waitSaved();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search everything' });
    await dialog.getByRole('combobox').pressSequentially('mangrove');
    const option = dialog.getByRole('option', { name: /Opening ceremony.*Searchable brief/ });
    await option.waitFor({ timeout: 10_000 });
    assert.deepEqual(pageErrors(page), []);
    await page.keyboard.press('Escape');
    await context.close();
  });
});
