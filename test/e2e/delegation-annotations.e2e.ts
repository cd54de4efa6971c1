import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { makePdf } from '../unit/papers-fixtures';
import { AppPage } from './pages/app-page';
import { PaperPage } from './pages/paper';
import { pageErrors } from './support/browser';
import { relayState, useRelayTeam } from './support/relay-team';

/*
 * An annotation shared with the delegation, end to end: the lead and a drafter share ASOEN-36's
 * briefing through the real relay (127.0.0.1), both attach the same PDF to the meeting, the
 * drafter highlights a passage with a note and shares it; the lead sees it on their copy with
 * the drafter's name, read-only. The drafter edits the note offline; back online, the lead sees
 * the edit. Then the drafter takes it back. Waits for content, never for time.
 */

const team = useRelayTeam('delegation-annotations');
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'delegation-annotations-e2e-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PASSAGE = 'welcomed the offer of Malaysia to host the regional workshop';
const NOTE = 'Support the Malaysia offer.';
const OTHER = 'adopted the work plan on marine debris';
const EDITED = 'Support the Malaysia offer, if the workshop stays in 2027.';

/** Attaches the paper to ASOEN-36 in this profile and opens it (its title is its file's name). */
async function attachAndOpen(page: Page, file: string): Promise<PaperPage> {
  const ui = new AppPage(page, team.app.url);
  const title = path.basename(file, '.pdf');
  await ui.open('/meetings/asoen-36');
  await page.getByLabel('Paper file for ASOEN-36').setInputFiles(file);
  await page.getByText(`${title}.pdf is attached.`).waitFor();
  await page.getByRole('region', { name: 'Papers of ASOEN-36' }).getByRole('link', { name: title }).click();
  await ui.heading().filter({ hasText: title }).waitFor();
  const paper = new PaperPage(page);
  await paper.waitForPage(1);
  return paper;
}

/** The keys of the comments documents' log rows in this profile (`ydocUpdates`, `[docId, seq]`). */
function commentsLogKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asean-delegate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = db.transaction('ydocUpdates').objectStore('ydocUpdates').getAllKeys(IDBKeyRange.bound(['comments:'], ['comments:\uffff']));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return keys.map((key) => JSON.stringify(key));
    } finally {
      db.close();
    }
  });
}

/** Waits for content read from the page (checked again after each answer), failing with `what`. */
async function until(condition: () => Promise<boolean>, what: string, limitMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) if (Date.now() - started > limitMs) throw new Error(`never happened: ${what}`);
}

describe('annotations shared with the delegation', () => {
  it('a drafter’s shared note reaches the lead’s copy of the paper, read-only, and its offline edit follows', async () => {
    const file = path.join(dir, 'Draft joint statement.pdf');
    await writeFile(file, await makePdf([['Draft joint statement of ASOEN-36', 'The Meeting noted the progress of the Working Group.'], [`The Meeting ${PASSAGE} on carbon markets.`, 'The Meeting agreed on geothermal cooperation.']]));

    const { page: lead, editor } = await team.createBriefing(/Opening ceremony/i);
    await editor.waitSaved();
    const share = await team.share(lead, 'Aminah');
    const code = await share.invite('Budi', 'Drafter');
    await share.close();
    const drafter = await team.join(code, /Opening ceremony/i);
    await relayState(drafter.page, 'synced');

    const leadPaper = await attachAndOpen(lead, file);
    const drafterPaper = await attachAndOpen(drafter.page, file);

    // The drafter highlights the passage, writes a note and shares it with the delegation.
    await drafterPaper.highlight(PASSAGE);
    const own = drafterPaper.annotations().first();
    await own.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await drafter.page.locator(`.paper-mark[title="${NOTE}"]`).first().waitFor();
    // Linked to a section of the shared briefing (the first "Whole section" of the list).
    await own.getByRole('combobox', { name: 'Linked to' }).selectOption({ index: 1 });
    await own.getByRole('combobox', { name: 'Share with the delegation of' }).selectOption({ index: 1 });
    await own.locator('.delegation-badge').waitFor();

    // The lead sees it on their own copy (another paper id, the same bytes), with Budi's name.
    const theirs = lead.getByRole('listitem', { name: `Budi’s annotation on “${PASSAGE}”` });
    await theirs.filter({ hasText: NOTE }).waitFor({ timeout: 30_000 });
    assert.match(await theirs.innerText(), /By Budi/);
    assert.match(await theirs.innerText(), /Delegation/);
    await theirs.getByText(/^Linked to /).waitFor();
    assert.equal(await theirs.getByRole('textbox').count(), 0, 'the lead has no box to edit it');
    assert.equal(await theirs.getByRole('button', { name: 'Delete' }).count(), 0, 'the lead cannot delete it');
    // Its highlight is drawn on the lead's page 2, outlined as a colleague's.
    await theirs.getByRole('button', { name: 'Page 2' }).click();
    await leadPaper.waitForPage(2);
    await lead.locator('.paper-mark.colleague').first().waitFor();
    await lead.screenshot({ path: `${team.shots}/lead-sees-drafter-note.png`, fullPage: true });
    await drafter.page.screenshot({ path: `${team.shots}/drafter-shared.png`, fullPage: true });

    // Offline, the drafter edits the note: stored here (the comments document's log has the
    // change), not on the lead's screen until they are back.
    await drafter.context.setOffline(true);
    const logBefore = await commentsLogKeys(drafter.page);
    await own.getByRole('textbox', { name: 'Note' }).fill(EDITED);
    await drafter.page.locator(`.paper-mark[title="${EDITED}"]`).first().waitFor();
    await until(async () => (await commentsLogKeys(drafter.page)).some((key) => !logBefore.includes(key)), 'the offline edit is in the comments log');
    assert.match(await theirs.innerText(), new RegExp(NOTE.replace('.', '\\.')), 'the lead got an offline edit');
    assert.doesNotMatch(await theirs.innerText(), /2027/);
    await drafter.context.setOffline(false);
    await theirs.filter({ hasText: EDITED }).waitFor({ timeout: 30_000 });
    await lead.screenshot({ path: `${team.shots}/lead-sees-offline-edit.png`, fullPage: true });

    // The drafter takes it back: gone from the lead's list and page.
    await own.getByRole('combobox', { name: 'Share with the delegation of' }).selectOption({ index: 0 });
    await theirs.waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await lead.locator('.paper-mark.colleague').count(), 0);

    // A note on a paper the lead has not attached is listed under the meeting's papers, with its quote.
    const summary = path.join(dir, 'Chair summary.pdf');
    await writeFile(summary, await makePdf([['Summary of the Chair', `The Meeting ${OTHER} in Bangkok.`]]));
    const second = await attachAndOpen(drafter.page, summary);
    await second.highlight(OTHER);
    await second.annotations().first().getByRole('combobox', { name: 'Share with the delegation of' }).selectOption({ index: 1 });
    await second.annotations().first().locator('.delegation-badge').waitFor();
    await new AppPage(lead, team.app.url).open('/meetings/asoen-36');
    const elsewhere = lead.getByText('1 delegation note on papers you have not attached');
    await elsewhere.waitFor({ timeout: 30_000 });
    await elsewhere.click();
    await lead.getByRole('listitem', { name: `Budi’s annotation on “${OTHER}”` }).waitFor();
    await lead.getByRole('heading', { name: 'Chair summary (Chair summary.pdf)' }).waitFor();
    await lead.screenshot({ path: `${team.shots}/lead-notes-elsewhere.png`, fullPage: true });
    // In Malay, the same list.
    await lead.getByRole('combobox', { name: 'Language' }).selectOption('ms');
    await lead.getByText('1 catatan delegasi pada kertas yang belum anda lampirkan').waitFor();
    await lead.getByText('Oleh Budi').waitFor();
    await lead.locator('.delegation-notes-elsewhere').screenshot({ path: `${team.shots}/lead-notes-elsewhere-ms.png` });
    assert.deepEqual(pageErrors(lead), []);
    assert.deepEqual(pageErrors(drafter.page), []);
  });
});
