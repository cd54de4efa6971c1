import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startTestRelay, type TestRelay } from '../relay/relay-harness';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { BriefingEditor } from './pages/briefing-editor';

/*
 * Comments and presence end to end: two browser profiles against the real relay on 127.0.0.1.
 * The lead shares ASOEN-36's briefing, a reviewer joins, opens an agenda item (the lead sees
 * their initials there), comments on a talking point; the lead replies and resolves; the
 * reviewer sees the reply and the resolution, and still cannot edit the briefing. Then the
 * reviewer reads what the lead changed since they last looked. Waits for content, never time.
 */

const app = useWebApp();
let relay: TestRelay;
const SHOTS = process.env.E2E_SCREENSHOTS ?? 'test-results/comments';

before(async () => {
  relay = await startTestRelay({ log: () => undefined });
  await mkdir(SHOTS, { recursive: true });
});
after(async () => relay?.close());

const relayState = (page: Page, state: string) => page.locator(`[data-relay-state="${state}"]`).waitFor({ timeout: 15_000 });
const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

describe('comments and presence through the relay', () => {
  it('a reviewer comments on a talking point, the lead replies and resolves, and each sees where the other is', async () => {
    const { context: leadContext, page: lead } = await freshPage(app.browser);
    await new AppPage(lead, app.url).open('/briefings/new?meeting=asoen-36');
    await lead.getByRole('button', { name: 'Create briefing' }).click();
    const leadEditor = new BriefingEditor(lead);
    await leadEditor.ready();
    await leadEditor.openItem(/Opening ceremony/i);
    await leadEditor.addTalkingPoint('Thank the host for the arrangements.');
    await leadEditor.waitSaved();

    await lead.getByRole('button', { name: 'Share with the delegation…' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Share with the delegation' });
    await dialog.getByLabel('Relay address (wss://…)').fill(`ws://127.0.0.1:${relay.port}`);
    await dialog.getByLabel('Your name, as the delegation sees it').fill('Aminah');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await dialog.getByText('You are the lead.').waitFor();
    await relayState(lead, 'synced');
    await dialog.getByLabel('Name', { exact: true }).fill('Chanthy Reviewer');
    await dialog.locator('.invite-form select').selectOption({ label: 'Reviewer' });
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const code = await dialog.getByLabel('Invitation code').inputValue();

    // The reviewer joins and opens the same agenda item.
    const { context: reviewerContext, page: reviewer } = await freshPage(app.browser);
    await new AppPage(reviewer, app.url).open('/briefings');
    await reviewer.getByRole('region', { name: 'Join a shared briefing' }).getByLabel('Invitation code').fill(code);
    await reviewer.getByRole('button', { name: 'Join', exact: true }).click();
    const reviewerEditor = new BriefingEditor(reviewer);
    await reviewerEditor.ready();
    await reviewerEditor.openItem(/Opening ceremony/i);
    await relayState(reviewer, 'synced');
    assert.equal(await reviewerEditor.field('Objectives').isDisabled(), true);

    // Presence: the lead sees the reviewer's initials on that agenda item, and in the members list.
    const outline = lead.getByRole('navigation', { name: 'Agenda items' });
    await outline.getByRole('link', { name: /Opening ceremony/i }).getByRole('img', { name: 'Chanthy Reviewer here' }).waitFor({ timeout: 15_000 });
    await comments(lead).getByText(/Chanthy Reviewer \(Reviewer\) in .*Opening ceremony/i).waitFor();
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await dialog.locator('tr[data-member="Chanthy Reviewer"]').filter({ hasText: /In .*Opening ceremony/i }).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    // The reviewer comments on the new talking point, from the keyboard.
    const panel = comments(reviewer);
    await panel.getByText('As a reviewer you comment; the briefing itself stays as the drafters wrote it.').waitFor();
    const about = panel.getByLabel('About');
    await about.selectOption((await about.locator('option', { hasText: 'Thank the host' }).getAttribute('value'))!);
    const box = panel.getByRole('textbox', { name: 'Comment', exact: true });
    await box.fill('Name the host minister as well.');
    await box.focus();
    await reviewer.keyboard.press('Control+Enter');
    await panel.locator('.comment-thread').filter({ hasText: 'Name the host minister as well.' }).waitFor();

    // The lead gets it with a count in the outline, replies and resolves.
    await outline.getByRole('link', { name: /Opening ceremony.*1 comment/i }).waitFor({ timeout: 15_000 });
    const thread = comments(lead).locator('.comment-thread').filter({ hasText: 'Name the host minister as well.' });
    await thread.getByText(/On talking point \d+: Thank the host/).waitFor();
    await thread.getByText('Chanthy Reviewer', { exact: true }).waitFor();
    await lead.screenshot({ path: `${SHOTS}/lead-comment-arrives.png`, fullPage: true });
    await thread.getByRole('button', { name: 'Reply' }).click();
    await thread.getByLabel('Reply to Chanthy Reviewer').fill('Added: the Minister of Environment.');
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await thread.getByText('Added: the Minister of Environment.').waitFor();
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await comments(lead).getByRole('button', { name: 'Show 1 resolved thread' }).waitFor();
    await outline.getByRole('link', { name: /Opening ceremony.*comment/i }).waitFor({ state: 'detached' });
    await leadEditor.field('Objectives').fill('Open with the host minister named.');
    await leadEditor.waitSaved();

    // The reviewer sees the reply and who resolved it.
    await panel.getByRole('button', { name: 'Show 1 resolved thread' }).click();
    const resolved = panel.locator('.comment-thread[data-thread-state="resolved"]');
    await resolved.getByText('Added: the Minister of Environment.').waitFor({ timeout: 15_000 });
    await resolved.getByText(/Resolved by Aminah/).waitFor();
    await reviewer.screenshot({ path: `${SHOTS}/reviewer-resolved.png`, fullPage: true });

    // What the lead changed since the reviewer last looked, by author.
    const objectives = await reviewerEditor.field('Objectives').elementHandle();
    await reviewer.waitForFunction((el) => (el as HTMLTextAreaElement).value === 'Open with the host minister named.', objectives, { timeout: 15_000 });
    await panel.getByRole('link', { name: 'What changed since you last looked' }).click();
    const byLead = reviewer.getByRole('region', { name: 'Aminah' });
    await byLead.getByRole('heading', { name: 'By Aminah' }).waitFor({ timeout: 15_000 });
    await byLead.locator('ins').filter({ hasText: 'Open with the host minister named.' }).waitFor();
    await reviewer.screenshot({ path: `${SHOTS}/reviewer-changes.png`, fullPage: true });
    await reviewer.getByRole('button', { name: 'Mark as seen' }).click();
    await reviewer.getByText('Nothing changed since you last looked.').waitFor();

    // The reviewer leaves: their initials go from the lead's outline.
    await reviewerContext.close();
    await outline.getByRole('img', { name: 'Chanthy Reviewer here' }).waitFor({ state: 'detached', timeout: 40_000 });

    assert.deepEqual(pageErrors(lead), []);
    await leadContext.close();
  });
});
