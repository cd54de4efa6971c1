import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';
import { LockScreens } from './pages/lock';
import { freshPage, pageErrors } from './support/browser';
import { relayState, useRelayTeam } from './support/relay-team';

/*
 * A marking raised while a drafter without a passphrase has the briefing open in one tab and
 * "My sections" (the briefing's control document, no content session) in another tab of the
 * same profile. The lead (with a passphrase) marks it RESTRICTED, then assigns a section: the
 * second tab must keep the assignment in memory and say so, not write it in the clear.
 */
const team = useRelayTeam('raised-marking-tabs');

/** The rows of one object store of the app's database in this page's profile, as IndexedDB holds them. */
const storedRows = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('asean-delegate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as unknown[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );

describe('a marking raised while the briefing is open in another tab', () => {
  it('keeps the assignments of a tab without the content session in memory, and that tab says so', async () => {
    // The lead sets a passphrase, creates the briefing and shares it.
    const { page: lead } = await freshPage(team.app.browser, { firstRun: 'show' });
    await lead.goto(`${team.app.url}/briefings/new?meeting=asoen-36`);
    await new LockScreens(lead).setUp('correct horse battery staple');
    await lead.getByRole('button', { name: 'Create briefing' }).click();
    const leadEditor = new BriefingEditor(lead);
    await leadEditor.ready();
    await leadEditor.openItem(/Opening ceremony/i);
    const share = await team.share(lead, 'Aminah');
    const code = await share.invite('Budi', 'Drafter');
    await share.close();

    // The drafter (no passphrase) joins: the editor in one tab, My sections in another.
    const drafter = await team.join(code, /Opening ceremony/i);
    await relayState(drafter.page, 'synced');
    const mySections = await drafter.context.newPage();
    await new AppPage(mySections, team.app.url).open('/my-sections');
    await mySections.getByRole('heading', { name: 'My sections' }).waitFor();

    // The lead marks it RESTRICTED: the drafter's editor stops saving it and says why.
    await lead.locator('.header-fields label', { hasText: 'Marking' }).locator('select').selectOption('RESTRICTED');
    await leadEditor.waitSaved();
    await drafter.page.getByText('Not saved on this computer: a colleague marked this shared briefing RESTRICTED').waitFor({ timeout: 15_000 });

    // The lead assigns the section to the drafter: it reaches My sections, which may not store it.
    await lead.getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: 'Budi (Drafter)' });
    const alert = mySections.getByRole('alert').filter({ hasText: 'are kept in memory only' });
    await alert.waitFor({ timeout: 15_000 });
    assert.match((await alert.textContent()) ?? '', /it is marked RESTRICTED, which needs a passphrase\. Set one in Settings → Security/);
    await mySections.screenshot({ path: `${team.shots}/my-sections-kept-in-memory.png`, fullPage: true });

    // A comment the drafter writes in the editor is kept in memory too, and the comments panel says so.
    const comments = drafter.page.getByRole('region', { name: /^Comments on Opening ceremony/ });
    await comments.getByRole('textbox', { name: 'Comment' }).fill('Our red line is 2030.');
    await comments.getByRole('button', { name: 'Add comment' }).click();
    await comments.getByRole('alert').filter({ hasText: 'These comments are kept in memory only' }).waitFor({ timeout: 15_000 });
    await comments.getByText('Our red line is 2030.').waitFor();
    await comments.screenshot({ path: `${team.shots}/comments-kept-in-memory.png` });
    await drafter.page.screenshot({ path: `${team.shots}/editor-kept-in-memory.png`, fullPage: true });
    assert.deepEqual(await storedRows(mySections, 'assignments'), []);
    const raised = (await storedRows(mySections, 'settings')).filter((row) => String((row as { key: string }).key).startsWith('marking.raised:'));
    assert.deepEqual(raised.map((row) => (row as { value: unknown }).value), ['RESTRICTED']);
    assert.deepEqual([...pageErrors(mySections), ...pageErrors(drafter.page), ...pageErrors(lead)], []);
  });
});
