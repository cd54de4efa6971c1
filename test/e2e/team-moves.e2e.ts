import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startTestRelay, type TestRelay } from '../relay/relay-harness';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';

/*
 * Two browser profiles against the real relay: the lead moves a talking point (Alt+Arrow, the
 * buttons) while the drafter types into it, and every typed word stays; the members list shows
 * members added, their role changed and who is online without anyone pressing Refresh (the relay
 * pushes it), and a removed member is cut off at once. Waits for content, never for time.
 */

const app = useWebApp();
let relay: TestRelay;
const SHOTS = process.env.E2E_SCREENSHOTS ?? 'test-results/team-moves';

before(async () => {
  relay = await startTestRelay({ log: () => undefined });
  await mkdir(SHOTS, { recursive: true });
});
after(async () => relay?.close());

const relayState = (page: Page, state: string) => page.locator(`[data-relay-state="${state}"]`).waitFor({ timeout: 15_000 });

/** The talking points' texts, in the order shown. */
const pointTexts = (page: Page) => page.locator('.talking-points textarea').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

async function waitForPoints(page: Page, want: string[], what: string): Promise<void> {
  await page
    .waitForFunction((w) => JSON.stringify([...document.querySelectorAll<HTMLTextAreaElement>('.talking-points textarea')].map((f) => f.value)) === JSON.stringify(w), want, { timeout: 15_000 })
    .catch(async (error: Error) => {
      throw new Error(`${what}: points are ${JSON.stringify(await pointTexts(page))} (${error.message})`);
    });
}

async function invite(lead: Page, name: string, role: string): Promise<string> {
  const dialog = lead.getByRole('dialog', { name: 'Share with the delegation' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.locator('.invite-form select').selectOption({ label: role });
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  await dialog.getByText(`Invitation for ${name} (${role})`).waitFor();
  return dialog.getByLabel('Invitation code').inputValue();
}

async function join(code: string): Promise<{ context: BrowserContext; page: Page; editor: BriefingEditor }> {
  const { context, page } = await freshPage(app.browser);
  await new AppPage(page, app.url).open('/briefings');
  await page.getByRole('region', { name: 'Join a shared briefing' }).getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  const editor = new BriefingEditor(page);
  await editor.ready();
  await editor.openItem(/Opening ceremony/i);
  return { context, page, editor };
}

const row = (dialog: Locator, name: string) => dialog.locator(`tr[data-member="${name}"]`);

describe('moving talking points and the members list, through the relay', () => {
  it("keeps a colleague's typing in a moved point, and pushes member changes to every client", async () => {
    const { context: leadContext, page: lead } = await freshPage(app.browser);
    await new AppPage(lead, app.url).open('/briefings/new?meeting=asoen-36');
    await lead.getByRole('button', { name: 'Create briefing' }).click();
    const leadEditor = new BriefingEditor(lead);
    await leadEditor.ready();
    await leadEditor.openItem(/Opening ceremony/i);
    for (const text of ['Alpha', 'Bravo', 'Charlie']) await leadEditor.addTalkingPoint(text);
    await leadEditor.waitSaved();

    await lead.getByRole('button', { name: 'Share with the delegation…' }).click();
    const leadDialog = lead.getByRole('dialog', { name: 'Share with the delegation' });
    await leadDialog.getByLabel('Relay address (wss://…)').fill(`ws://127.0.0.1:${relay.port}`);
    await leadDialog.getByLabel('Your name, as the delegation sees it').fill('Aminah');
    await leadDialog.getByRole('button', { name: 'Share' }).click();
    await leadDialog.getByText('You are the lead.').waitFor();
    await relayState(lead, 'synced');
    const drafterCode = await invite(lead, 'Budi', 'Drafter');

    const drafter = await join(drafterCode);
    await relayState(drafter.page, 'synced');
    await waitForPoints(drafter.page, ['Alpha', 'Bravo', 'Charlie'], 'the drafter has the points');
    // Pushed: the lead's list shows Budi online, nobody pressed Refresh.
    await row(leadDialog, 'Budi').filter({ hasText: 'Online' }).waitFor({ timeout: 15_000 });

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
    await drafter.page.getByRole('button', { name: 'Share with the delegation…' }).click();
    const drafterDialog = drafter.page.getByRole('dialog', { name: 'Share with the delegation' });
    await row(drafterDialog, 'Aminah').waitFor();
    await invite(lead, 'Chen', 'Reader');
    await row(drafterDialog, 'Chen').filter({ hasText: 'Reader' }).waitFor({ timeout: 15_000 });
    // A role change shows there too.
    await leadDialog.getByLabel('Role: Chen').selectOption({ label: 'Reviewer' });
    await row(drafterDialog, 'Chen').filter({ hasText: 'Reviewer' }).waitFor({ timeout: 15_000 });
    await drafterDialog.locator('.members').screenshot({ path: `${SHOTS}/drafter-members-pushed.png` });

    // The lead removes Budi: Budi's connection is closed at once and the app says so.
    lead.on('dialog', (d) => void d.accept());
    await row(leadDialog, 'Budi').getByRole('button', { name: 'Remove' }).click();
    await row(leadDialog, 'Budi').waitFor({ state: 'detached' });
    await drafter.page.getByRole('status', { name: 'Delegation relay' }).filter({ hasText: 'The lead removed you from this briefing.' }).waitFor({ timeout: 15_000 });
    await waitForPoints(drafter.page, live, 'the removed drafter keeps the copy');
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-removed.png`, fullPage: true });

    for (const page of [lead, drafter.page]) assert.deepEqual(pageErrors(page), []);
    await Promise.all([leadContext.close(), drafter.context.close()]);
  });
});
