import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { pageErrors } from './support/browser';
import { relayState, ShareDialog, useRelayTeam } from './support/relay-team';

/*
 * Two browser profiles against the real relay: the lead moves a talking point (Alt+Arrow, the
 * buttons) while the drafter types into it, and every typed word stays; the members list shows
 * members added, their role changed and who is online without anyone pressing Refresh (the relay
 * pushes it), and a removed member is cut off at once. Waits for content, never for time.
 */

const team = useRelayTeam('team-moves');
const SHOTS = team.shots;

/** The talking points' texts, in the order shown. */
const pointTexts = (page: Page) => page.locator('.talking-points textarea').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

async function waitForPoints(page: Page, want: string[], what: string): Promise<void> {
  await page
    .waitForFunction((w) => JSON.stringify([...document.querySelectorAll<HTMLTextAreaElement>('.talking-points textarea')].map((f) => f.value)) === JSON.stringify(w), want, { timeout: 15_000 })
    .catch(async (error: Error) => {
      throw new Error(`${what}: points are ${JSON.stringify(await pointTexts(page))} (${error.message})`);
    });
}

describe('moving talking points and the members list, through the relay', () => {
  it("keeps a colleague's typing in a moved point, and pushes member changes to every client", async () => {
    const { context: leadContext, page: lead, editor: leadEditor } = await team.createBriefing(/Opening ceremony/i);
    for (const text of ['Alpha', 'Bravo', 'Charlie']) await leadEditor.addTalkingPoint(text);
    await leadEditor.waitSaved();

    const leadShare = await team.share(lead, 'Aminah');
    const drafterCode = await leadShare.invite('Budi', 'Drafter');

    const drafter = await team.join(drafterCode, /Opening ceremony/i);
    await relayState(drafter.page, 'synced');
    await waitForPoints(drafter.page, ['Alpha', 'Bravo', 'Charlie'], 'the drafter has the points');
    // Pushed: the lead's list shows Budi online, nobody pressed Refresh.
    await leadShare.member('Budi').filter({ hasText: 'Online' }).waitFor({ timeout: 15_000 });

    // The drafter types into Alpha while offline; the lead moves Alpha to the end meanwhile.
    await drafter.context.setOffline(true);
    await relayState(drafter.page, 'offline');
    await drafter.editor.talkingPoint(1).focus();
    await drafter.page.keyboard.press('Control+End');
    await drafter.page.keyboard.type(' typed offline by Budi', { delay: 10 });
    await leadEditor.talkingPoint(1).focus();
    await lead.keyboard.press('Alt+ArrowDown');
    await lead.keyboard.press('Alt+ArrowDown');
    await waitForPoints(lead, ['Bravo', 'Charlie', 'Alpha'], 'the lead moved Alpha down twice');
    await drafter.context.setOffline(false);
    await relayState(drafter.page, 'synced');
    const afterOffline = ['Bravo', 'Charlie', 'Alpha typed offline by Budi'];
    await waitForPoints(lead, afterOffline, 'the lead has the drafter’s words in the moved point');
    await waitForPoints(drafter.page, afterOffline, 'the drafter has the lead’s order');

    // Live: the drafter types into Charlie while the lead moves it up with the button.
    await drafter.editor.talkingPoint(2).focus();
    await drafter.page.keyboard.press('Control+End');
    await Promise.all([
      drafter.page.keyboard.type(' and live words', { delay: 20 }),
      lead.getByRole('button', { name: 'Move talking point 2 up' }).click(),
    ]);
    const live = ['Charlie and live words', 'Bravo', 'Alpha typed offline by Budi'];
    await waitForPoints(lead, live, 'lead converges');
    await waitForPoints(drafter.page, live, 'drafter converges');
    await lead.screenshot({ path: `${SHOTS}/lead-after-moves.png`, fullPage: true });
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-after-moves.png`, fullPage: true });

    // The drafter opens the members list; the lead invites Chen: it shows on the drafter's side.
    const drafterShare = new ShareDialog(drafter.page);
    await drafterShare.open();
    await drafterShare.member('Aminah').waitFor();
    await leadShare.invite('Chen', 'Reader');
    await drafterShare.member('Chen').filter({ hasText: 'Reader' }).waitFor({ timeout: 15_000 });
    // A role change shows there too.
    await leadShare.dialog.getByLabel('Role: Chen').selectOption({ label: 'Reviewer' });
    await drafterShare.member('Chen').filter({ hasText: 'Reviewer' }).waitFor({ timeout: 15_000 });
    await drafterShare.dialog.locator('.members').screenshot({ path: `${SHOTS}/drafter-members-pushed.png` });

    // The lead removes Budi: Budi's connection is closed at once and the app says so.
    lead.on('dialog', (d) => void d.accept());
    await leadShare.member('Budi').getByRole('button', { name: 'Remove' }).click();
    await leadShare.member('Budi').waitFor({ state: 'detached' });
    await drafter.page.getByRole('status', { name: 'Delegation relay' }).filter({ hasText: 'The lead removed you from this briefing.' }).waitFor({ timeout: 15_000 });
    await waitForPoints(drafter.page, live, 'the removed drafter keeps the copy');
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-removed.png`, fullPage: true });

    for (const page of [lead, drafter.page]) assert.deepEqual(pageErrors(page), []);
    await Promise.all([leadContext.close(), drafter.context.close()]);
  });
});
