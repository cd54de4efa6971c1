import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { pageErrors } from './support/browser';
import { fieldTrail, relayState, useRelayTeam } from './support/relay-team';

/*
 * Comments and presence end to end: two browser profiles against the real relay on 127.0.0.1.
 * The lead shares ASOEN-36's briefing, a reviewer joins, opens an agenda item (the lead sees
 * their initials there), comments on a talking point; the lead replies and resolves; the
 * reviewer sees the reply and the resolution, and still cannot edit the briefing. Then the
 * reviewer reads what the lead changed since they last looked, words cut included, under the
 * lead's name. Waits for content, never time.
 */

const team = useRelayTeam('comments');
const SHOTS = team.shots;

const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

describe('comments and presence through the relay', () => {
  it('a reviewer comments on a talking point, the lead replies and resolves, and each sees where the other is', async () => {
    const { context: leadContext, page: lead, editor: leadEditor } = await team.createBriefing(/Opening ceremony/i);
    await leadEditor.addTalkingPoint('Thank the host for the arrangements.');
    await leadEditor.waitSaved();

    const share = await team.share(lead, 'Aminah');
    const code = await share.invite('Chanthy Reviewer', 'Reviewer');

    // The reviewer joins and opens the same agenda item.
    const { context: reviewerContext, page: reviewer, editor: reviewerEditor } = await team.join(code, /Opening ceremony/i);
    await relayState(reviewer, 'synced');
    assert.equal(await reviewerEditor.field('Objectives').isDisabled(), true);

    // Presence: the lead sees the reviewer's initials on that agenda item, and in the members list.
    const outline = lead.getByRole('navigation', { name: 'Agenda items' });
    await outline.getByRole('link', { name: /Opening ceremony/i }).getByRole('img', { name: 'Chanthy Reviewer here' }).waitFor({ timeout: 15_000 });
    await comments(lead).getByText(/Chanthy Reviewer \(Reviewer\) in .*Opening ceremony/i).waitFor();
    await share.refresh();
    await share.member('Chanthy Reviewer').filter({ hasText: /In .*Opening ceremony/i }).waitFor({ timeout: 15_000 });
    await share.close();

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
    // A removal only, of words the reviewer has seen: listed under the lead, who cut them.
    const points = lead.getByRole('textbox', { name: /^Talking point \d+$/ });
    for (let i = 0; i < (await points.count()); i++) {
      if ((await points.nth(i).inputValue()) === 'Thank the host for the arrangements.') await points.nth(i).fill('Thank the host.');
    }
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
    await reviewer
      .waitForFunction((el) => (el as HTMLTextAreaElement).value === 'Open with the host minister named.', objectives, { timeout: 30_000 })
      .catch(async (error: Error) => {
        throw new Error(`the reviewer never saw the lead's Objectives (${error.message})\n${await fieldTrail(team.relay, { lead, reviewer })}`);
      });
    await panel.getByRole('link', { name: 'What changed since you last looked' }).click();
    const byLead = reviewer.getByRole('region', { name: 'Aminah' });
    await byLead.getByRole('heading', { name: 'By Aminah' }).waitFor({ timeout: 15_000 });
    await byLead.locator('ins').filter({ hasText: 'Open with the host minister named.' }).waitFor();
    await byLead.locator('del').filter({ hasText: 'for the arrangements' }).waitFor();
    assert.equal(await reviewer.getByRole('region', { name: /Author not recorded/ }).count(), 0);
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
