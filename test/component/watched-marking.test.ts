import { Server } from '@hocuspocus/server';
import { waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { readBriefing } from '../../shared/collab/briefing-doc';
import { updateBriefingHead } from '../../shared/collab/briefing-doc-changes';
import { addThread, readThreads } from '../../shared/collab/comments-doc';
import { relayDocumentName } from '../../shared/collab/relay-protocol';
import { newRelayId } from '../../shared/collab/relay-token';
import { loadBriefingDoc } from '../../renderer/collab/briefing-docs';
import { setRelayTarget } from '../../renderer/collab/briefing-relay';
import { commentsDocumentName } from '../../renderer/collab/comments-relay';
import { commentsDocId, CommentsWorkspace } from '../../renderer/collab/comments-workspace';
import { connectToRelay, type RelayConnection } from '../../renderer/collab/connection';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { markingHeardFromRelay, watchMarking } from '../../renderer/collab/marking-watch';
import { BriefingSession, openBriefingMarking } from '../../renderer/collab/briefing-session';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';

/*
 * The paper and meeting pages sync a shared briefing's comments without its editor
 * (use-delegation.ts). Without a passphrase, a raise of its marking the lead made while the
 * drafter was away must still keep the comments written after it off the disk: the page watches
 * the marking (marking-watch.ts), and the comments wait until that watch has heard the relay.
 * Off the relay, the drafter's own comments are still saved.
 */
const servers: Server[] = [];
const connections: RelayConnection[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.destroy();
});

const author = { memberId: null, name: 'Budi' };

async function sharedOfficialBrief(port: number) {
  setPlainMode();
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  const target = { url: `ws://127.0.0.1:${port}`, documentName: relayDocumentName(newRelayId(), 'content'), credential: 'member' };
  await setRelayTarget(id, target);
  return { id, target };
}

async function synced(doc: Y.Doc, target: { url: string; documentName: string; credential: string }) {
  const connection = connectToRelay(doc, target);
  connections.push(connection);
  await waitFor(() => expect(connection.status.state).toBe('synced'), { timeout: 10_000 });
}

describe('a shared briefing whose comments are synced without its editor, no passphrase', () => {
  it('keeps the comments made after a raise the drafter was away for off the disk', async () => {
    // The drafter's content connection is slow to come in: its comments are synced first.
    let slowContent = false;
    const server = new Server({
      port: 0,
      address: '127.0.0.1',
      quiet: true,
      onAuthenticate: async ({ documentName }) => {
        if (slowContent && documentName.endsWith('/content')) await new Promise((r) => setTimeout(r, 1500));
      },
    });
    await server.listen();
    servers.push(server);
    const { id, target } = await sharedOfficialBrief(server.address.port);

    // The lead, meanwhile: the marking raised to RESTRICTED, then a comment under it.
    const leadContent = (await loadBriefingDoc(id))!;
    updateBriefingHead(leadContent, { ...readBriefing(leadContent), classification: 'RESTRICTED' });
    await synced(leadContent, target);
    const leadComments = new Y.Doc();
    addThread(leadComments, { id: 't-restricted', sectionId: 'general', author, at: '2026-12-02T09:05:00.000Z', text: 'Our red line is 2030' });
    await synced(leadComments, { ...target, documentName: commentsDocumentName(target)! });

    slowContent = true;
    // The drafter opens the meeting page: the marking watched, the comments workspace opened.
    const unwatch = watchMarking(id);
    const comments = new CommentsWorkspace(id);
    await comments.start();
    await waitFor(() => expect(comments.current.threads.map((t) => t.id)).toEqual(['t-restricted']), { timeout: 10_000 });
    await comments.flush();
    expect(comments.current.unsavedMarking).toBe('RESTRICTED');
    expect(await readDocUpdates(commentsDocId(id))).toEqual([]);
    expect((await db.briefings.get(id))?.classification).toBe('OFFICIAL');

    await comments.close();
    unwatch();
    expect(await readDocUpdates(commentsDocId(id))).toEqual([]);
  });

  it('still saves the drafter’s own comments when the relay is out of reach', async () => {
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
    await server.listen();
    const port = server.address.port;
    await server.destroy();
    const { id } = await sharedOfficialBrief(port);

    const unwatch = watchMarking(id);
    const comments = new CommentsWorkspace(id);
    await comments.start();
    comments.change((doc) => addThread(doc, { id: 't-offline', sectionId: 'general', author, at: '2026-12-02T09:10:00.000Z', text: 'Check the figures' }, comments.origin));
    await comments.flush();
    const onDisk = new Y.Doc();
    for (const update of await readDocUpdates(commentsDocId(id))) Y.applyUpdate(onDisk, update);
    expect(readThreads(onDisk).map((t) => t.id)).toEqual(['t-offline']);
    expect(comments.current.unsavedMarking).toBeUndefined();

    await comments.close();
    unwatch();
  });

  it('leaves the editor’s session of the briefing in charge when a watch of it in the same tab ends', async () => {
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
    await server.listen();
    const port = server.address.port;
    await server.destroy();
    const { id } = await sharedOfficialBrief(port);
    const editor = (await BriefingSession.open(id))!;

    const unwatch = watchMarking(id);
    await markingHeardFromRelay(id);
    unwatch();
    // The watch's session closes (it has nothing to save).
    await new Promise((r) => setTimeout(r, 300));
    expect(openBriefingMarking(id)).toEqual({ marking: 'OFFICIAL', heard: false });
    // A colleague's raise, as the editor's relay connection applies it.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(editor.doc));
    updateBriefingHead(theirs, { ...readBriefing(theirs), classification: 'RESTRICTED' });
    Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(editor.doc)), { relay: true });
    expect(openBriefingMarking(id)).toEqual({ marking: 'RESTRICTED', heard: true });
    await editor.close({ save: false });
  });
});
