import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addReply, addThread, readThreads } from '../../shared/collab/comments-doc';
import { CommentsWorkspace, type Me } from '../../renderer/collab/comments-workspace';
import { CommentsPanel } from '../../renderer/features/comments/CommentsPanel';
import { useAppStore } from '../../renderer/store/store';

/* Editing and deleting one's own comments and replies, from the keyboard, with undo; never a colleague's. */

const me: Me = { memberId: 'drafter-member-id-001', name: 'Budi', role: 'drafter' };
const lead = { memberId: 'lead-member-id-000001', name: 'Aminah' };
const section = 'b1:item-1';
const workspaces: CommentsWorkspace[] = [];

async function seeded(): Promise<CommentsWorkspace> {
  const workspace = new CommentsWorkspace(`b-edit-${workspaces.length}`);
  workspaces.push(workspace);
  await workspace.start();
  workspace.change((doc) => {
    addThread(doc, { id: 't1', sectionId: section, author: lead, at: '2026-12-01T10:00:00.000Z', text: 'Check the date.' });
    addReply(doc, 't1', { id: 'r1', author: { memberId: me.memberId, name: me.name }, at: '2026-12-01T10:01:00.000Z', text: 'It is 14 March.' });
    addThread(doc, { id: 't2', sectionId: section, author: { memberId: me.memberId, name: me.name }, at: '2026-12-01T10:02:00.000Z', text: 'Add the venue.' });
  });
  return workspace;
}

const panel = (workspace: CommentsWorkspace) =>
  render(<CommentsPanel workspace={workspace} me={me} sectionId={section} sectionTitle="Opening ceremony" talkingPoints={[]} />);

afterEach(async () => {
  useAppStore.setState({ language: 'en' });
  for (const workspace of workspaces.splice(0)) await workspace.close();
});

describe('editing and deleting comments', () => {
  it('edits my comment and my reply from the keyboard, shows them as edited, and never offers a colleague’s', { timeout: 30_000 }, async () => {
    const workspace = await seeded();
    const user = userEvent.setup();
    panel(workspace);
    const region = screen.getByRole('region', { name: /Comments on Opening ceremony/ });
    const leadThread = within(region).getByRole('listitem', { name: /Aminah/ });
    // The lead's comment: no Edit or Delete for it; my reply inside it has both.
    expect(within(leadThread).queryByRole('button', { name: 'Edit comment' })).toBeNull();
    expect(within(leadThread).getByRole('button', { name: 'Edit reply' })).toBeTruthy();

    await user.click(within(leadThread).getByRole('button', { name: 'Edit reply' }));
    const box = within(leadThread).getByRole('textbox', { name: 'Edit your reply' });
    expect(document.activeElement).toBe(box);
    await user.clear(box);
    await user.type(box, 'It is 15 March.{Control>}{Enter}{/Control}');
    await within(leadThread).findByText('It is 15 March.');
    expect(within(leadThread).getByText('(edited)')).toBeTruthy();
    expect(readThreads(workspace.doc)[0]!.replies).toMatchObject([{ id: 'r1', text: 'It is 15 March.' }]);

    // Escape leaves an edit without changing anything.
    const mine = within(region).getByRole('listitem', { name: /Budi/ });
    await user.click(within(mine).getByRole('button', { name: 'Edit comment' }));
    await user.type(within(mine).getByRole('textbox', { name: 'Edit your comment' }), ' And the room.{Escape}');
    expect(within(mine).getByText('Add the venue.')).toBeTruthy();
    expect(within(mine).queryByText('(edited)')).toBeNull();

    // Undo puts the reply back as it was, unedited.
    await user.click(within(region).getByRole('button', { name: 'Undo' }));
    await within(leadThread).findByText('It is 14 March.');
    expect(within(leadThread).queryByText('(edited)')).toBeNull();
  });

  it('deletes my comment, moves focus to Undo, and Enter brings it back', { timeout: 30_000 }, async () => {
    const workspace = await seeded();
    const user = userEvent.setup();
    panel(workspace);
    const region = screen.getByRole('region', { name: /Comments on Opening ceremony/ });
    await user.click(within(within(region).getByRole('listitem', { name: /Budi/ })).getByRole('button', { name: 'Delete comment' }));
    await waitFor(() => expect(within(region).queryByText('Add the venue.')).toBeNull());
    expect(within(region).getByRole('status').textContent).toContain('Comment deleted.');
    expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Undo' }));
    expect(readThreads(workspace.doc).map((t) => t.id)).toEqual(['t1']);
    await user.keyboard('{Enter}');
    await within(region).findByText('Add the venue.');
    expect(within(region).queryByRole('status')).toBeNull();

    // My reply deleted from the lead's thread: the thread stays, the reply goes.
    await user.click(within(region).getByRole('button', { name: 'Delete reply' }));
    await waitFor(() => expect(within(region).queryByText('It is 14 March.')).toBeNull());
    expect(within(region).getByText('Check the date.')).toBeTruthy();
  });

  it('speaks Malay and Indonesian', async () => {
    useAppStore.setState({ language: 'ms' });
    const workspace = await seeded();
    const user = userEvent.setup();
    panel(workspace);
    await user.click(screen.getByRole('button', { name: 'Padam ulasan' }));
    expect((await screen.findByRole('status')).textContent).toContain('Ulasan dipadam.');
    useAppStore.setState({ language: 'id' });
    expect(await screen.findByRole('button', { name: 'Urungkan' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Edit balasan' }).length).toBe(1);
  });
});
