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
 * The delegation workspace end to end: two (then three) browser profiles against the real relay
 * on 127.0.0.1 (temporary data folder). The lead shares ASOEN-36's briefing, a drafter joins with
 * the invitation code, both type in one field, the drafter goes offline and comes back, a reader
 * gets a read-only editor, and a removed member is told so. Waits for content, never for time.
 */

const app = useWebApp();
let relay: TestRelay;
const SHOTS = process.env.E2E_SCREENSHOTS ?? 'test-results/team';

before(async () => {
  relay = await startTestRelay({ log: () => undefined });
  await mkdir(SHOTS, { recursive: true });
});
after(async () => relay?.close());

type Want = { equals: string } | { includes: string[] };

/** Waits until a field holds `equals`, or every one of `includes` (content, not time). */
async function waitForValue(page: Page, field: Locator, want: Want, what: string): Promise<string> {
  const handle = await field.elementHandle();
  await page
    .waitForFunction(
      ([el, w]) => {
        const value = (el as HTMLTextAreaElement).value;
        return 'equals' in w ? value === w.equals : w.includes.every((word) => value.includes(word));
      },
      [handle, want] as const,
      { timeout: 15_000 },
    )
    .catch(async (error: Error) => {
      throw new Error(`${what}: field holds ${JSON.stringify(await field.inputValue())} (${error.message})`);
    });
  return field.inputValue();
}

const relayState = (page: Page, state: string) => page.locator(`[data-relay-state="${state}"]`).waitFor({ timeout: 15_000 });

async function invite(lead: Page, name: string, role: string): Promise<string> {
  const dialog = lead.getByRole('dialog', { name: 'Share with the delegation' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.locator('.invite-form select').selectOption({ label: role });
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  await dialog.getByText(`Invitation for ${name} (${role})`).waitFor();
  const code = await dialog.getByLabel('Invitation code').inputValue();
  assert.match(code, /^ADB-INVITE-1\./);
  return code;
}

async function join(browserContext: { browser: typeof app.browser }, code: string): Promise<{ context: BrowserContext; page: Page; editor: BriefingEditor }> {
  const { context, page } = await freshPage(browserContext.browser);
  await new AppPage(page, app.url).open('/briefings');
  await page.getByRole('region', { name: 'Join a shared briefing' }).getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  const editor = new BriefingEditor(page);
  await editor.ready();
  await editor.openItem(/Opening ceremony/i);
  return { context, page, editor };
}

describe('delegation workspace through the relay', () => {
  it('shares, joins, merges online and offline edits, keeps readers read-only and tells a removed member', async () => {
    // The lead creates ASOEN-36's briefing and shares it.
    const { context: leadContext, page: lead } = await freshPage(app.browser);
    await new AppPage(lead, app.url).open('/briefings/new?meeting=asoen-36');
    await lead.getByRole('button', { name: 'Create briefing' }).click();
    const leadEditor = new BriefingEditor(lead);
    await leadEditor.ready();
    await leadEditor.openItem(/Opening ceremony/i);
    await leadEditor.waitSaved();

    await lead.getByRole('button', { name: 'Share with the delegation…' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Share with the delegation' });
    // A relay address that is not allowed is refused before anything is sent.
    await dialog.getByLabel('Relay address (wss://…)').fill('ws://relay.example.org');
    await dialog.getByLabel('Your name, as the delegation sees it').fill('Aminah');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'must start with wss://' }).waitFor();
    await dialog.getByLabel('Relay address (wss://…)').fill(`ws://127.0.0.1:${relay.port}`);
    await dialog.getByRole('button', { name: 'Share' }).click();
    await dialog.getByText('You are the lead.').waitFor();
    await relayState(lead, 'synced');

    const drafterCode = await invite(lead, 'Budi', 'Drafter');
    await lead.screenshot({ path: `${SHOTS}/share-dialog.png`, fullPage: true });
    const readerCode = await invite(lead, 'Chen', 'Reader');

    // The drafter joins with the code and gets the briefing.
    const drafter = await join(app, drafterCode);
    await relayState(drafter.page, 'synced');
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await dialog.locator('tr[data-member="Budi"]').filter({ hasText: 'Online' }).waitFor({ timeout: 15_000 });
    await dialog.locator('.members').screenshot({ path: `${SHOTS}/members.png` });

    // Both type in the same field.
    const leadField = leadEditor.field('Objectives');
    const drafterField = drafter.editor.field('Objectives');
    await leadField.fill('Lead: secure the ASEAN paragraph.');
    await waitForValue(drafter.page, drafterField, { equals: 'Lead: secure the ASEAN paragraph.' }, 'drafter sees the lead');
    await drafterField.focus();
    await drafter.page.keyboard.press('Control+End');
    await leadField.focus();
    await lead.keyboard.press('Control+Home');
    await Promise.all([drafter.page.keyboard.type(' Drafter: cite the 2025 plan.', { delay: 15 }), lead.keyboard.type('First: ', { delay: 15 })]);
    const online = 'First: Lead: secure the ASEAN paragraph. Drafter: cite the 2025 plan.';
    await waitForValue(lead, leadField, { equals: online }, 'lead converges');
    await waitForValue(drafter.page, drafterField, { equals: online }, 'drafter converges');

    // The drafter goes offline (the app takes its provider down), both type, the drafter returns.
    await drafter.context.setOffline(true);
    await relayState(drafter.page, 'offline');
    await drafterField.focus();
    await drafter.page.keyboard.press('Control+End');
    await drafter.page.keyboard.type(' Offline: hotel wifi words.', { delay: 10 });
    await leadField.focus();
    await lead.keyboard.press('Control+End');
    await lead.keyboard.type(' Lead meanwhile.', { delay: 10 });
    await drafter.page.getByRole('status', { name: 'Delegation relay' }).filter({ hasText: /changes waiting: [1-9]/ }).waitFor();
    // The lead's words have reached the relay; the offline drafter really is cut off from it.
    await relayState(lead, 'synced');
    assert.ok(!(await drafterField.inputValue()).includes('Lead meanwhile.'), 'the offline drafter got an update');
    assert.ok(!(await leadField.inputValue()).includes('Offline: hotel wifi words.'), 'the lead got offline words');
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-offline.png`, fullPage: true });
    await drafter.context.setOffline(false);
    await relayState(drafter.page, 'synced');
    const words = ['First:', 'Lead: secure the ASEAN paragraph.', 'Drafter: cite the 2025 plan.', 'Offline: hotel wifi words.', 'Lead meanwhile.'];
    const leadFinal = await waitForValue(lead, leadField, { includes: words }, 'lead has every word');
    await waitForValue(drafter.page, drafterField, { includes: words }, 'drafter has every word');
    await waitForValue(drafter.page, drafterField, { equals: leadFinal }, 'both the same');
    await lead.screenshot({ path: `${SHOTS}/lead-editor.png`, fullPage: true });
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-editor.png`, fullPage: true });

    // A reader's editor is read-only.
    const reader = await join(app, readerCode);
    await relayState(reader.page, 'synced');
    await waitForValue(reader.page, reader.editor.field('Objectives'), { equals: leadFinal }, 'reader reads');
    assert.equal(await reader.editor.field('Objectives').isDisabled(), true);
    assert.equal(await reader.editor.field('Title').isDisabled(), true);
    await reader.page.getByText('Your role (Reader) lets you read this briefing, not change it.').waitFor();
    await reader.page.screenshot({ path: `${SHOTS}/reader-editor.png`, fullPage: true });

    // The lead makes the reader a drafter: the relay reconnects them and their editor opens up.
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await dialog.getByLabel('Role: Chen').selectOption({ label: 'Drafter' });
    await reader.page.locator('fieldset.editor-main:not([disabled])').waitFor({ timeout: 15_000 });
    assert.equal(await reader.editor.field('Objectives').isDisabled(), false);

    // The lead removes the drafter: the drafter is told at once, and keeps the copy.
    lead.on('dialog', (d) => void d.accept());
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await dialog.locator('tr[data-member="Budi"]').getByRole('button', { name: 'Remove' }).click();
    await dialog.locator('tr[data-member="Budi"]').waitFor({ state: 'detached' });
    await drafter.page.getByRole('status', { name: 'Delegation relay' }).filter({ hasText: 'The lead removed you from this briefing.' }).waitFor({ timeout: 15_000 });
    assert.equal(await drafterField.inputValue(), leadFinal);
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-removed.png`, fullPage: true });

    for (const page of [lead, drafter.page, reader.page]) assert.deepEqual(pageErrors(page), []);
    await Promise.all([leadContext.close(), drafter.context.close(), reader.context.close()]);
  });
});
