import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, readThreads } from '../../shared/collab/comments-doc';
import { commentsDocId, CommentsWorkspace, type Me } from '../../renderer/collab/comments-workspace';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { CommentsPanel } from '../../renderer/features/comments/CommentsPanel';
import { useAppStore } from '../../renderer/store/store';
import { db } from '../../renderer/db/db';
import { deleteBriefing } from '../../renderer/features/briefings/repo';

const talkingPoints = [
  { id: 'tp1', text: 'Welcome the host.' },
  { id: 'tp2', text: 'Support the joint statement on climate change.' },
];

async function openWorkspace(briefingId = 'b1'): Promise<CommentsWorkspace> {
  const workspace = new CommentsWorkspace(briefingId);
  await workspace.start();
  return workspace;
}

function panel(workspace: CommentsWorkspace, me: Me) {
  return render(<CommentsPanel workspace={workspace} me={me} sectionId="b1:item-1" sectionTitle="Opening ceremony" talkingPoints={talkingPoints} />);
}

describe('the comments panel', () => {
  // Many steps through the real IndexedDB stand-in: on a loaded machine it takes more than the default 5 s.
  it('comments on a talking point from the keyboard, replies, resolves and reopens, and keeps it all in IndexedDB', { timeout: 30_000 }, async () => {
    const workspace = await openWorkspace();
    const me: Me = { memberId: null, name: 'Aminah', role: undefined };
    const user = userEvent.setup();
    panel(workspace, me);
    const region = screen.getByRole('region', { name: /Comments on Opening ceremony/ });
    expect(within(region).getByText('No comments on this part yet.')).toBeTruthy();
    expect(within(region).getByText(/not shared: comments stay on this computer/)).toBeTruthy();

    // Nothing written: an empty comment is refused with a message.
    await user.click(within(region).getByRole('button', { name: 'Add comment' }));
    expect(within(region).getByRole('alert').textContent).toBe('Write something first.');

    await user.selectOptions(within(region).getByRole('combobox', { name: 'About' }), 'tp2');
    await user.type(within(region).getByRole('textbox', { name: 'Comment' }), 'Quote the 2025 plan here.{Control>}{Enter}{/Control}');
    const thread = await within(region).findByRole('listitem', { name: /Aminah/ });
    expect(within(thread).getByText('Quote the 2025 plan here.')).toBeTruthy();
    expect(within(thread).getByText('On talking point 2: Support the joint statement on climate change.')).toBeTruthy();
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toContain('1 open comment');
    expect((within(region).getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('');

    await user.click(within(thread).getByRole('button', { name: 'Reply' }));
    await user.type(within(thread).getByRole('textbox', { name: 'Reply to Aminah' }), 'Done, with the page number.{Control>}{Enter}{/Control}');
    await within(thread).findByText('Done, with the page number.');
    await user.click(within(thread).getByRole('button', { name: 'Resolve' }));
    await within(region).findByRole('button', { name: 'Show 1 resolved thread' });
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toContain('No open comments');
    await user.click(within(region).getByRole('button', { name: 'Show 1 resolved thread' }));
    const resolved = within(region).getByRole('listitem', { name: /Aminah/ });
    expect(within(resolved).getByText(/^Resolved by Aminah/)).toBeTruthy();
    await user.click(within(resolved).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(within(region).getByRole('heading', { level: 2 }).textContent).toContain('1 open comment'));

    // Stored: another workspace (a reload) reads the same thread back from IndexedDB.
    await workspace.flush();
    const stored = new Y.Doc();
    for (const update of await readDocUpdates(commentsDocId('b1'))) Y.applyUpdate(stored, update);
    const [saved] = readThreads(stored);
    expect(saved).toMatchObject({ talkingPointId: 'tp2', text: 'Quote the 2025 plan here.', state: 'open', replies: [{ text: 'Done, with the page number.' }] });
    expect(saved!.history.map((h) => h.state)).toEqual(['resolved', 'open']);
    await workspace.close();
  });

  it('lets a reader read comments but not write them', async () => {
    const workspace = await openWorkspace();
    // What the lead wrote, as the relay would bring it.
    workspace.change((doc) => addThread(doc, { id: 't1', sectionId: 'b1:item-1', author: { memberId: 'lead-member-id-00001', name: 'Aminah' }, at: '2026-12-01T10:00:00.000Z', text: 'Check the date.' }));
    panel(workspace, { memberId: 'reader-member-id-0001', name: 'Dara', role: 'reader' });
    const region = screen.getByRole('region', { name: /Comments on Opening ceremony/ });
    const thread = within(region).getByRole('listitem', { name: /Aminah/ });
    expect(within(thread).getByText('Check the date.')).toBeTruthy();
    expect(within(thread).queryByRole('button')).toBeNull();
    expect(within(region).getByRole('note').textContent).toBe('Your role (Reader) lets you read comments, not write them.');
    expect(within(region).queryByRole('button', { name: 'Add comment' })).toBeNull();
    await workspace.close();
  });

  it('goes with its briefing when the briefing is deleted, and so does the "last looked" baseline', async () => {
    const workspace = await openWorkspace();
    workspace.change((doc) => addThread(doc, { id: 't1', sectionId: 'general', author: { memberId: null, name: 'Aminah' }, at: '2026-12-01T10:00:00.000Z', text: 'Private remark.' }));
    await workspace.close();
    await db.settings.put({ key: 'changes.seen:b1', value: { at: '2026-12-01T10:00:00.000Z', state: 'AAA=' } });
    expect(await readDocUpdates(commentsDocId('b1'))).toHaveLength(1);
    await deleteBriefing('b1');
    expect(await readDocUpdates(commentsDocId('b1'))).toEqual([]);
    expect(await db.settings.get('changes.seen:b1')).toBeUndefined();
  });

  it('speaks the interface language', async () => {
    useAppStore.setState({ language: 'ms' });
    const workspace = await openWorkspace();
    panel(workspace, { memberId: null, name: 'Aminah', role: undefined });
    expect(screen.getByRole('button', { name: 'Tambah ulasan' })).toBeTruthy();
    useAppStore.setState({ language: 'id' });
    expect(await screen.findByRole('button', { name: 'Tambah komentar' })).toBeTruthy();
    await workspace.close();
  });
});
