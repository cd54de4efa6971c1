import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { pageErrors } from './support/browser';
import { relayState, useRelayTeam } from './support/relay-team';

/*
 * Editing and deleting comments end to end: two browser profiles against the real relay on
 * 127.0.0.1. A reviewer comments, edits the comment (the lead sees it marked edited and has no
 * Edit or Delete for it), deletes it (gone for the lead), and undoes the deletion from the
 * keyboard (back for the lead). Waits for content, never time.
 */

const team = useRelayTeam('comments-edit');
const SHOTS = team.shots;

const comments = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

describe('editing and deleting comments through the relay', () => {
  it('a reviewer edits, deletes and undeletes their comment; the lead follows and may not touch it', async () => {
    const { context: leadContext, page: lead } = await team.createBriefing(/Opening ceremony/i);
    const share = await team.share(lead, 'Aminah');
    const code = await share.invite('Chanthy Reviewer', 'Reviewer');
    await share.close();

    const { context: reviewerContext, page: reviewer } = await team.join(code, /Opening ceremony/i);
    await relayState(reviewer, 'synced');

    const panel = comments(reviewer);
    const box = panel.getByRole('textbox', { name: 'Comment', exact: true });
    await box.fill('Name the host minister.');
    await box.focus();
    await reviewer.keyboard.press('Control+Enter');
    const mine = panel.locator('.comment-thread').filter({ hasText: 'Name the host minister.' });
    await mine.waitFor();
    const theirs = comments(lead).locator('.comment-thread').filter({ hasText: 'Name the host minister.' });
    await theirs.waitFor({ timeout: 15_000 });
    assert.equal(await theirs.getByRole('button', { name: 'Edit comment' }).count(), 0);
    assert.equal(await theirs.getByRole('button', { name: 'Delete comment' }).count(), 0);

    // The reviewer edits from the keyboard; the lead sees the new words, marked edited.
    await mine.getByRole('button', { name: 'Edit comment' }).click();
    const edit = mine.getByRole('textbox', { name: 'Edit your comment' });
    await edit.fill('Name the host minister and the venue.');
    await reviewer.keyboard.press('Control+Enter');
    const edited = comments(lead).locator('.comment-thread').filter({ hasText: 'Name the host minister and the venue.' });
    await edited.getByText('(edited)').waitFor({ timeout: 15_000 });
    await lead.screenshot({ path: `${SHOTS}/lead-sees-edited.png`, fullPage: true });

    // Deleted: gone for the lead. Undo (focused, Enter) brings it back for both.
    await panel.locator('.comment-thread').filter({ hasText: 'and the venue.' }).getByRole('button', { name: 'Delete comment' }).click();
    await panel.getByRole('status').filter({ hasText: 'Comment deleted.' }).waitFor();
    await edited.waitFor({ state: 'detached', timeout: 15_000 });
    await reviewer.screenshot({ path: `${SHOTS}/reviewer-deleted-undo.png`, fullPage: true });
    assert.equal(await panel.getByRole('button', { name: 'Undo' }).evaluate((el) => el === document.activeElement), true);
    await reviewer.keyboard.press('Enter');
    await edited.waitFor({ timeout: 15_000 });
    await panel.locator('.comment-thread').filter({ hasText: 'and the venue.' }).waitFor();
    await lead.screenshot({ path: `${SHOTS}/lead-sees-undone.png`, fullPage: true });

    assert.deepEqual(pageErrors(lead), []);
    assert.deepEqual(pageErrors(reviewer), []);
    await reviewerContext.close();
    await leadContext.close();
  });
});
