import { Server } from '@hocuspocus/server';
import { waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { readBriefing } from '../../shared/collab/briefing-doc';
import { addThread, readThreads } from '../../shared/collab/comments-doc';
import { updateBriefingHead } from '../../shared/collab/briefing-doc-changes';
import { loadBriefingDoc } from '../../renderer/collab/briefing-docs';
import { joinSharedBriefing, relayTargetFor } from '../../renderer/collab/briefing-relay';
import { BriefingSession, type SessionSaveState } from '../../renderer/collab/briefing-session';
import { commentsDocId, CommentsWorkspace } from '../../renderer/collab/comments-workspace';
import { connectToRelay } from '../../renderer/collab/connection';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting, deleteBriefing } from '../../renderer/features/briefings/repo';
import { MarkingNeedsPassphraseError } from '../../renderer/features/lock/marking-guard';

/*
 * Without a passphrase, a shared brief marked above the lowest marking is never written here in
 * the clear: joining one is refused (nothing stored, no relay target kept), and when a colleague
 * raises the marking of one already here, its session stops writing it and says why.
 */
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.destroy();
});

const brief = async (classification: string) => {
  await ensureBuiltinDataset(db);
  return createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Aminah', classification });
};

describe('a shared briefing without a passphrase', () => {
  it('refuses to join a RESTRICTED one and stores nothing', async () => {
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
    await server.listen();
    servers.push(server);
    const id = await brief('RESTRICTED');
    const target = { url: `ws://127.0.0.1:${server.address.port}`, documentName: 'briefing/marking-join-test/content', credential: 'member' };
    const leadDoc = (await loadBriefingDoc(id))!;
    const lead = connectToRelay(leadDoc, target);
    await waitFor(() => expect(lead.status.state).toBe('synced'), { timeout: 10_000 });
    await deleteBriefing(id);
    setPlainMode();
    await expect(joinSharedBriefing(target)).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    lead.destroy();
    expect(await db.briefings.count()).toBe(0);
    expect(await readDocUpdates(id)).toEqual([]);
    expect(await relayTargetFor(id)).toBeUndefined();
  });

  it('stops writing one a colleague marks RESTRICTED, and says why', async () => {
    setPlainMode();
    const id = await brief('OFFICIAL');
    const session = (await BriefingSession.open(id))!;
    const states: SessionSaveState[] = [];
    session.on('save', (s) => states.push(s));
    const logged = (await readDocUpdates(id)).length;
    // The colleague's change, as the relay applies it to this member's copy.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(session.doc));
    updateBriefingHead(theirs, { ...readBriefing(theirs), classification: 'RESTRICTED', title: 'Red lines' });
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(session.doc)), { relay: true });
    await session.flush();
    expect(states.at(-1)).toMatchObject({ state: 'error', marking: 'RESTRICTED' });
    expect((await db.briefings.get(id))?.classification).toBe('OFFICIAL');
    expect((await db.briefings.get(id))?.title).toBe('Lead’s brief');
    expect((await readDocUpdates(id)).length).toBe(logged);
    await session.close({ save: false });
    session.doc.destroy();
  });

  it('keeps the comments of one a colleague marks RESTRICTED in memory, and the OFFICIAL ones stored', async () => {
    setPlainMode();
    const id = await brief('OFFICIAL');
    const session = (await BriefingSession.open(id))!;
    const comments = new CommentsWorkspace(id);
    await comments.start();
    const author = { memberId: null, name: 'Aminah' };
    comments.change((doc) => addThread(doc, { id: 't-official', sectionId: 'general', author, at: '2026-12-01T09:00:00.000Z', text: 'Check the figures' }, comments.origin));
    await comments.flush();
    const stored = await readDocUpdates(commentsDocId(id));
    expect(stored.length).toBeGreaterThan(0);
    // The colleague raises the marking, as the relay applies it to this member's copy.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(session.doc));
    updateBriefingHead(theirs, { ...readBriefing(theirs), classification: 'RESTRICTED' });
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(session.doc)), { relay: true });
    comments.change((doc) => addThread(doc, { id: 't-restricted', sectionId: 'general', author, at: '2026-12-01T09:05:00.000Z', text: 'Our red line is 2030' }, comments.origin));
    await comments.flush();
    expect(comments.current.threads.map((t) => t.id).sort()).toEqual(['t-official', 't-restricted']);
    expect(await readDocUpdates(commentsDocId(id))).toEqual(stored);
    const onDisk = new Y.Doc();
    for (const update of stored) Y.applyUpdate(onDisk, update);
    expect(readThreads(onDisk).map((t) => t.id)).toEqual(['t-official']);
    await comments.close();
    expect(await readDocUpdates(commentsDocId(id))).toEqual(stored);
    await session.close({ save: false });
  });
});
