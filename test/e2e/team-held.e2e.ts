import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { pageErrors } from './support/browser';
import { fieldTrail, relayState, useRelayTeam } from './support/relay-team';

/*
 * Changes the relay lost, end to end: the relay is restored from a backup taken before Budi's
 * words; Siti, who has them, comes back online and her upload is split — Budi's part is held and
 * she is told whose words wait. The lead sees the held change in the share dialog (whose words,
 * where, a preview), accepts it, and Budi's words appear for the lead and for Siti.
 */

const team = useRelayTeam('team-held');
const SHOTS = team.shots;
const profiles: Record<string, Page> = {};

async function waitForText(page: Page, field: Locator, words: string, what: string, present = true): Promise<void> {
  const handle = await field.elementHandle();
  await page
    .waitForFunction(([el, w, p]) => (el as HTMLTextAreaElement).value.includes(w as string) === p, [handle, words, present] as const, { timeout: 30_000 })
    .catch(async (error: Error) => {
      throw new Error(`${what}: field holds ${JSON.stringify(await field.inputValue({ timeout: 5000 }).catch(() => '(no answer)'))} (${error.message})\n${await fieldTrail(team.relay, profiles)}`);
    });
}

describe('changes the relay lost, held for the lead', () => {
  it('holds a colleague’s words a member re-uploads, names them to her, and the lead’s accept makes them appear for everyone', async () => {
    const { page: lead, editor: leadEditor, context: leadContext } = await team.createBriefing(/Opening ceremony/i);
    profiles.lead = lead;
    await leadEditor.waitSaved();
    const share = await team.share(lead, 'Aminah');
    const budiCode = await share.invite('Budi', 'Drafter');
    const sitiCode = await share.invite('Siti', 'Drafter');
    const budi = await team.join(budiCode, /Opening ceremony/i);
    const siti = await team.join(sitiCode, /Opening ceremony/i);
    profiles.budi = budi.page;
    profiles.siti = siti.page;
    for (const page of [lead, budi.page, siti.page]) await relayState(page, 'synced');

    // The relay's backup, taken now.
    await team.relay.stop();
    const backup = await mkdtemp(join(tmpdir(), 'adb-relay-backup-'));
    await cp(team.relay.dataDir, backup, { recursive: true });
    await team.relay.start();
    for (const page of [lead, budi.page, siti.page]) await relayState(page, 'synced');

    // The lead is away; Budi writes; Siti gets his words.
    await leadContext.setOffline(true);
    await relayState(lead, 'offline');
    const words = 'Budi: the 2025 plan needs a budget line.';
    await budi.editor.field('Objectives').fill(words);
    await waitForText(siti.page, siti.editor.field('Objectives'), words, 'Siti has Budi’s words');
    await relayState(budi.page, 'synced');
    await budi.context.close();
    delete profiles.budi;
    await siti.context.setOffline(true);
    await relayState(siti.page, 'offline');

    // Restored from the backup: Budi's words are gone from the relay.
    await team.relay.stop();
    await rm(team.relay.dataDir, { recursive: true, force: true });
    await cp(backup, team.relay.dataDir, { recursive: true });
    await rm(backup, { recursive: true, force: true });
    await team.relay.start();
    await leadContext.setOffline(false);
    await relayState(lead, 'synced');
    await siti.context.setOffline(false);
    // Siti's upload carries Budi's words: held, and she is told whose.
    await siti.page.getByRole('alert').filter({ hasText: 'Changes by Budi that the relay had lost are waiting for the head of delegation to accept them.' }).waitFor({ timeout: 30_000 });
    // She keeps syncing: her connection is not stopped.
    await relayState(siti.page, 'synced');
    await siti.page.screenshot({ path: `${SHOTS}/held-member-notice.png` });
    assert.ok(!(await leadEditor.field('Objectives').inputValue()).includes(words), 'held words reached the lead before the accept');

    // The lead's share dialog lists the held change (read again on the relay's push).
    const held = share.dialog.getByRole('region', { name: /Changes waiting for your decision/ });
    const change = held.getByRole('listitem', { name: 'Words by Budi' });
    await change.waitFor({ timeout: 30_000 });
    assert.match(await change.innerText(), /Uploaded by Siti/);
    assert.match(await change.innerText(), /Opening ceremony of ASOEN-36.* — Objectives/);
    assert.doesNotMatch(await change.innerText(), /another part of the briefing/);
    assert.match(await change.innerText(), /Budi: the 2025 plan needs a budget line\./);
    await held.scrollIntoViewIfNeeded();
    await held.screenshot({ path: `${SHOTS}/held-list.png` });
    await lead.screenshot({ path: `${SHOTS}/held-lead-dialog.png`, fullPage: true });

    await change.getByRole('button', { name: 'Accept the changes by Budi' }).click();
    await held.getByRole('status').filter({ hasText: 'Accepted: the words by Budi are now in the briefing for everyone.' }).waitFor();
    await waitForText(lead, leadEditor.field('Objectives'), words, 'the lead gets Budi’s words on accepting');
    await waitForText(siti.page, siti.editor.field('Objectives'), words, 'Siti keeps them');
    assert.equal(await change.count(), 0);
    await held.screenshot({ path: `${SHOTS}/held-accepted.png` });
    for (const page of [lead, siti.page]) assert.deepEqual(pageErrors(page), []);
  });
});
