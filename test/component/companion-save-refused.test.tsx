import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignSection } from '../../shared/assignments/assignment';
import { readBriefing } from '../../shared/collab/briefing-doc';
import { updateBriefingHead } from '../../shared/collab/briefing-doc-changes';
import { BriefingSession } from '../../renderer/collab/briefing-session';
import { commentsDocId, CommentsWorkspace } from '../../renderer/collab/comments-workspace';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { MySectionsPage } from '../../renderer/features/assignments/MySectionsPage';
import { changeControl } from '../../renderer/features/clearance/control-session';
import { MarkingNeedsPassphraseError } from '../../renderer/features/lock/marking-guard';
import { ClearanceBar } from '../../renderer/features/clearance/ClearanceBar';
import { CommentsPanel } from '../../renderer/features/comments/CommentsPanel';
import { useAppStore } from '../../renderer/store/store';

/*
 * Without a passphrase, the comments and the assignments and clearances of a briefing a
 * colleague marked RESTRICTED are not written here: the screens that show them say so, plainly,
 * in the delegate's language, with what to do about it.
 */

/** An OFFICIAL brief open in this tab whose marking a colleague raises to RESTRICTED (as the relay applies it). */
async function raisedBrief(): Promise<{ id: string; session: BriefingSession }> {
  setPlainMode();
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  const session = (await BriefingSession.open(id))!;
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(session.doc));
  updateBriefingHead(theirs, { ...readBriefing(theirs), classification: 'RESTRICTED' });
  Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(session.doc)), { relay: true });
  return { id, session };
}

describe('companion documents not saved without a passphrase', { timeout: 30_000 }, () => {
  it('the comments panel says the comments are kept in memory only, and how to fix it', async () => {
    const { id, session } = await raisedBrief();
    const workspace = new CommentsWorkspace(id);
    await workspace.start();
    const user = userEvent.setup();
    render(<CommentsPanel workspace={workspace} me={{ memberId: null, name: 'Aminah', role: undefined }} sectionId="general" sectionTitle="General" talkingPoints={[]} />);
    const region = screen.getByRole('region', { name: /Comments on General/ });
    expect(within(region).queryByRole('alert')).toBeNull();
    await user.type(within(region).getByRole('textbox', { name: 'Comment' }), 'Our red line is 2030');
    await user.click(within(region).getByRole('button', { name: 'Add comment' }));
    await workspace.flush();
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toBe('These comments are kept in memory only, not saved on this computer: the briefing is marked RESTRICTED, which needs a passphrase. Set one in Settings → Security to keep them here.');
    expect(within(region).getByText('Our red line is 2030')).toBeTruthy();
    expect(await readDocUpdates(commentsDocId(id))).toEqual([]);
    // In Malay too.
    useAppStore.setState({ language: 'ms' });
    expect((await within(region).findByRole('alert')).textContent).toContain('Ulasan ini disimpan dalam memori sahaja');
    await workspace.close();
    await session.close({ save: false });
  });

  it('the clearance bar says the clearance is kept in memory only, never that it was done', async () => {
    const { id, session } = await raisedBrief();
    useAppStore.setState({ language: 'id' });
    const user = userEvent.setup();
    render(<ClearanceBar briefingId={id} />);
    const bar = await screen.findByRole('region', { name: 'Pengesahan' });
    await user.click(within(bar).getByRole('button', { name: 'Sahkan versi ini' }));
    await user.click(await within(bar).findByRole('button', { name: /Sahkan sekarang/ }));
    const alert = await within(bar).findByRole('alert');
    expect(alert.textContent).toBe('Penugasan dan pengesahan hanya disimpan di memori, tidak di komputer ini: briefing ini bertanda RESTRICTED, yang memerlukan frasa sandi. Tetapkan di Pengaturan → Keamanan agar tersimpan di sini.');
    expect(within(bar).getByRole('status').textContent).toBe('');
    expect(await db.clearances.count()).toBe(0);
    await session.close({ save: false });
  });

  it('My sections names the shared briefing whose assignments are kept in memory only', async () => {
    const { id, session } = await raisedBrief();
    // Shared (the page keeps every shared briefing's control document open); no relay reachable here.
    await db.settings.put({ key: `sharing:${id}`, value: {} });
    render(<MySectionsPage />);
    await screen.findByRole('heading', { name: 'My sections' });
    expect(screen.queryByRole('alert')).toBeNull();
    const assign = changeControl(id, (doc) => assignSection(doc, `${id}:general`, { memberId: 'member-dara-00000001', name: 'Dara', by: 'Aminah', at: '2026-12-01T09:00:00.000Z' }));
    await expect(assign).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    expect((await screen.findByRole('alert')).textContent).toBe('The assignments and clearances of “Lead’s brief” are kept in memory only, not saved on this computer: it is marked RESTRICTED, which needs a passphrase. Set one in Settings → Security to keep them here.');
    expect(await db.assignments.count()).toBe(0);
    await session.close({ save: false });
  });
});
