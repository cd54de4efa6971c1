import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readBriefing } from '../../shared/collab/briefing-doc';
import { addThread } from '../../shared/collab/comments-doc';
import { updateBriefingHead } from '../../shared/collab/briefing-doc-changes';
import { BriefingSession, type SessionSaveState } from '../../renderer/collab/briefing-session';
import { commentsDocId } from '../../renderer/collab/comments-workspace';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { raisedMarkingKey } from '../../renderer/collab/raised-markings';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';

/*
 * A colleague raises the marking of a shared briefing to RESTRICTED while its content session is
 * open in one tab (this module graph, "tab A"). Without a passphrase, another tab of the same
 * profile ("tab B": the app's modules loaded again, with their own database connection, tab id
 * and channel) must not write the briefing's comments in the clear, though the stored row still
 * says OFFICIAL; nor must a tab opened after tab A closed the briefing.
 */

/** Another tab of this profile: the app's modules loaded afresh (same IndexedDB, same BroadcastChannel name). */
async function openTab() {
  vi.resetModules();
  const keyState = await import('../../renderer/crypto/key-state');
  keyState.setPlainMode();
  const { CommentsWorkspace } = await import('../../renderer/collab/comments-workspace');
  const { db: tabDb } = await import('../../renderer/db/db');
  const { raisedMarking } = await import('../../renderer/collab/raised-markings');
  return { CommentsWorkspace, db: tabDb, raisedMarking };
}

const author = { memberId: null, name: 'Aminah' };
const comment = (id: string, text: string) => (doc: Y.Doc) => addThread(doc, { id, sectionId: 'general', author, at: '2026-12-01T09:00:00.000Z', text });

async function officialBriefOpen(): Promise<{ id: string; session: BriefingSession }> {
  setPlainMode();
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  return { id, session: (await BriefingSession.open(id))! };
}

/** The colleague's changes of marking (one after the other), as the relay applies them to a session's copy. */
function raise(session: BriefingSession, ...classifications: string[]): void {
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(session.doc));
  for (const classification of classifications) updateBriefingHead(theirs, { ...readBriefing(theirs), classification });
  Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(session.doc)), { relay: true });
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('a marking raised while the briefing is open in another tab', { timeout: 30_000 }, () => {
  it('keeps the comments of tab B (no content session there) in memory, and tab B says why', async () => {
    const { id, session } = await officialBriefOpen();
    const tabB = await openTab();
    const comments = new tabB.CommentsWorkspace(id);
    await comments.start();
    comments.change(comment('t-official', 'Check the figures'));
    await comments.flush();
    const stored = await readDocUpdates(commentsDocId(id));
    expect(stored).toHaveLength(1);

    raise(session, 'RESTRICTED');
    // What tab B's guard reads once tab A heard the raise: the row still says OFFICIAL.
    await until(async () => (await db.settings.get(raisedMarkingKey(id))) !== undefined);
    expect((await db.briefings.get(id))?.classification).toBe('OFFICIAL');
    comments.change(comment('t-restricted', 'Our red line is 2030'));
    await comments.flush();
    expect(comments.current.unsavedMarking).toBe('RESTRICTED');
    expect(await readDocUpdates(commentsDocId(id))).toEqual(stored);
    await comments.close();
    expect(await readDocUpdates(commentsDocId(id))).toEqual(stored);
    await session.close({ save: false });
    tabB.db.close();
  });

  it('tells tab B over the tab channel at once, before anything is stored', async () => {
    const { id, session } = await officialBriefOpen();
    const tabB = await openTab();
    const comments = new tabB.CommentsWorkspace(id);
    await comments.start();
    // No record of the raise can be kept (a failing write): only the tab channel tells tab B.
    const put = vi.spyOn(db.settings, 'put').mockRejectedValue(new Error('disk full'));
    raise(session, 'RESTRICTED');
    await until(async () => (await tabB.raisedMarking(id)) === 'RESTRICTED');
    comments.change(comment('t-restricted', 'Our red line is 2030'));
    await comments.flush();
    put.mockRestore();
    expect(comments.current.unsavedMarking).toBe('RESTRICTED');
    expect(await readDocUpdates(commentsDocId(id))).toEqual([]);
    await comments.close();
    await session.close({ save: false });
    tabB.db.close();
  });

  it('still guards the comments once the content session is closed, in a tab opened later, and the briefing reopened offline', async () => {
    const { id, session } = await officialBriefOpen();
    raise(session, 'RESTRICTED');
    await session.close();
    // Only the marking is kept beside the briefing, nothing of its content.
    expect(await db.settings.get(raisedMarkingKey(id))).toEqual({ key: raisedMarkingKey(id), value: 'RESTRICTED' });
    expect((await db.briefings.get(id))?.classification).toBe('OFFICIAL');

    const tabC = await openTab();
    const comments = new tabC.CommentsWorkspace(id);
    await comments.start();
    comments.change(comment('t-restricted', 'Our red line is 2030'));
    await comments.flush();
    expect(comments.current.unsavedMarking).toBe('RESTRICTED');
    expect(await readDocUpdates(commentsDocId(id))).toEqual([]);
    await comments.close();
    tabC.db.close();

    // Reopened from its log (which says OFFICIAL) before the relay brings the raise again: not written either.
    const reopened = (await BriefingSession.open(id))!;
    const states: SessionSaveState[] = [];
    reopened.on('save', (s) => states.push(s));
    const logged = (await readDocUpdates(id)).length;
    reopened.change('title', (doc) => updateBriefingHead(doc, { ...readBriefing(doc), title: 'Red lines' }));
    await reopened.flush();
    expect(states.at(-1)).toMatchObject({ state: 'error', marking: 'RESTRICTED' });
    expect((await readDocUpdates(id)).length).toBe(logged);

    // The relay brings the colleague's raise and their later lowering: the session hears it, writes, and the record goes.
    raise(reopened, 'RESTRICTED', 'OFFICIAL');
    await reopened.flush();
    expect(states.at(-1)).toMatchObject({ state: 'saved' });
    expect((await db.briefings.get(id))?.title).toBe('Red lines');
    await until(async () => (await db.settings.get(raisedMarkingKey(id))) === undefined);
    expect(await db.settings.get(raisedMarkingKey(id))).toBeUndefined();
    await reopened.close();
  });
});
