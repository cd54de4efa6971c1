import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { pageErrors } from './support/browser';
import { fieldTrail, relayState, ShareDialog, useRelayTeam } from './support/relay-team';

/*
 * The delegation workspace end to end: two (then three) browser profiles against the real relay
 * on 127.0.0.1 (temporary data folder). The lead shares ASOEN-36's briefing, a drafter joins with
 * the invitation code, both type in one field, the drafter goes offline and comes back, a reader
 * gets a read-only editor, and a removed member is told so. Waits for content, never for time.
 */

const team = useRelayTeam('team');
const SHOTS = team.shots;

type Want = { equals: string } | { includes: string[] };

/** The profiles in play, for the hop-by-hop trail a failed wait reports. */
const profiles: Record<string, Page> = {};

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
      { timeout: 30_000 },
    )
    .catch(async (error: Error) => {
      throw new Error(`${what}: field holds ${JSON.stringify(await field.inputValue({ timeout: 5000 }).catch(() => '(no answer)'))} (${error.message})\n${await fieldTrail(team.relay, profiles)}`);
    });
  return field.inputValue();
}

describe('delegation workspace through the relay', () => {
  it('shares, joins, merges online and offline edits, keeps readers read-only and tells a removed member', async () => {
    // The lead creates ASOEN-36's briefing and shares it.
    const { context: leadContext, page: lead, editor: leadEditor } = await team.createBriefing(/Opening ceremony/i);
    profiles.lead = lead;
    await leadEditor.waitSaved();

    const share = new ShareDialog(lead);
    const { dialog } = share;
    await share.open();
    // A relay address that is not allowed is refused before anything is sent.
    await share.submit('ws://relay.example.org', 'Aminah');
    await dialog.getByRole('alert').filter({ hasText: 'must start with wss://' }).waitFor();
    await share.shareAsLead(team.relayAddress, 'Aminah');
    await relayState(lead, 'synced');

    const drafterCode = await share.invite('Budi', 'Drafter');
    await lead.screenshot({ path: `${SHOTS}/share-dialog.png`, fullPage: true });
    const readerCode = await share.invite('Chen', 'Reader');

    // The drafter joins with the code and gets the briefing.
    const drafter = await team.join(drafterCode, /Opening ceremony/i);
    profiles.drafter = drafter.page;
    await relayState(drafter.page, 'synced');
    await share.refresh();
    await share.member('Budi').filter({ hasText: 'Online' }).waitFor({ timeout: 15_000 });
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
    const reader = await team.join(readerCode, /Opening ceremony/i);
    await relayState(reader.page, 'synced');
    await waitForValue(reader.page, reader.editor.field('Objectives'), { equals: leadFinal }, 'reader reads');
    assert.equal(await reader.editor.field('Objectives').isDisabled(), true);
    assert.equal(await reader.editor.field('Title').isDisabled(), true);
    await reader.page.getByText('Your role (Reader) lets you read this briefing, not change it.').waitFor();
    await reader.page.screenshot({ path: `${SHOTS}/reader-editor.png`, fullPage: true });

    // The lead makes the reader a drafter: the relay reconnects them and their editor opens up.
    await share.refresh();
    await dialog.getByLabel('Role: Chen').selectOption({ label: 'Drafter' });
    await reader.page.locator('fieldset.editor-main:not([disabled])').waitFor({ timeout: 15_000 });
    assert.equal(await reader.editor.field('Objectives').isDisabled(), false);

    // The lead removes the drafter: the drafter is told at once, and keeps the copy.
    lead.on('dialog', (d) => void d.accept());
    await share.refresh();
    await share.member('Budi').getByRole('button', { name: 'Remove' }).click();
    await share.member('Budi').waitFor({ state: 'detached' });
    await drafter.page.getByRole('status', { name: 'Delegation relay' }).filter({ hasText: 'The lead removed you from this briefing.' }).waitFor({ timeout: 15_000 });
    assert.equal(await drafterField.inputValue(), leadFinal);
    await drafter.page.screenshot({ path: `${SHOTS}/drafter-removed.png`, fullPage: true });

    for (const page of [lead, drafter.page, reader.page]) assert.deepEqual(pageErrors(page), []);
    await Promise.all([leadContext.close(), drafter.context.close(), reader.context.close()]);
  });
});
