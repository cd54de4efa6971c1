import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addReply, addThread, readThreads, setThreadState } from '../../shared/collab/comments-doc';
import { parseRelayNotice, relayDocumentName } from '../../shared/collab/relay-protocol';
import { PRESENCE_FIELD, presentMembers } from '../../shared/collab/comments-presence';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestRelay } from './relay-harness';

/*
 * The comments document against the real relay: reviewers write comments (while their
 * connection to the briefing's content stays read-only), readers are refused, and presence
 * travels as awareness on the comments connection for every member, readers included.
 */

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah', 'lead');
const reviewer = member('Chanthy', 'reviewer');
const reader = member('Dara', 'reader');
let id: string;

function open(...args: Parameters<typeof connectClient>): TestClient {
  const client = connectClient(...args);
  clients.push(client);
  return client;
}
const who = (m: typeof lead) => ({ memberId: m.memberId, name: m.name });

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, reviewer, reader]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

describe('comments through the relay', () => {
  it('a reviewer comments, the lead replies and resolves; the reviewer still cannot edit the briefing', async () => {
    const leadComments = open(relay, id, lead, 'comments');
    const reviewerComments = open(relay, id, reviewer, 'comments');
    const reviewerContent = open(relay, id, reviewer, 'content');
    await until(() => [leadComments, reviewerComments].every(synced) && reviewerContent.provider.isAuthenticated, 'connected');
    expect(reviewerComments.provider.authorizedScope).toBe('read-write');
    expect(reviewerContent.provider.authorizedScope).toBe('readonly');

    addThread(reviewerComments.doc, { id: 't1', sectionId: 's1', talkingPointId: 'tp1', author: who(reviewer), at: '2026-12-01T10:00:00.000Z', text: 'Cite the 2025 plan.' });
    await until(() => readThreads(leadComments.doc).length === 1, 'the lead gets the comment');
    addReply(leadComments.doc, 't1', { id: 'r1', author: who(lead), at: '2026-12-01T10:01:00.000Z', text: 'Added.' });
    setThreadState(leadComments.doc, 't1', { state: 'resolved', by: who(lead), at: '2026-12-01T10:02:00.000Z' });
    await until(() => readThreads(reviewerComments.doc)[0]?.state === 'resolved', 'the reviewer sees it resolved');
    expect(readThreads(reviewerComments.doc)[0]).toMatchObject({ talkingPointId: 'tp1', replies: [{ text: 'Added.' }] });

    // The reviewer's edit to the briefing itself is still dropped.
    reviewerContent.doc.getText('body').insert(0, 'REVIEWER-EDIT');
    await until(() => reviewerContent.notices.length > 0, 'forbidden-write notice');
    expect(parseRelayNotice(reviewerContent.notices[0]!)?.code).toBe('forbidden-write');
    expect(relay.current.hocuspocus.documents.get(relayDocumentName(id, 'content'))?.getText('body').toString() ?? '').toBe('');

    // Stored by the relay: after a restart a new client gets the thread.
    await until(() => synced(leadComments) && synced(reviewerComments), 'all stored');
    await relay.restart();
    const later = open(relay, id, lead, 'comments');
    await until(() => synced(later) && readThreads(later.doc).length === 1, 'the thread after a restart');
    expect(readThreads(later.doc)[0]?.state).toBe('resolved');
  });

  it("a reader's comment is refused by the relay and reaches nobody", async () => {
    const leadComments = open(relay, id, lead, 'comments');
    const readerComments = open(relay, id, reader, 'comments');
    await until(() => synced(leadComments) && readerComments.provider.isAuthenticated, 'connected');
    expect(readerComments.provider.authorizedScope).toBe('readonly');

    addThread(readerComments.doc, { id: 'forged', sectionId: 's1', author: who(reader), at: '2026-12-01T10:00:00.000Z', text: 'Reader comment' });
    await until(() => readerComments.notices.length > 0, 'forbidden-write notice');
    expect(parseRelayNotice(readerComments.notices[0]!)).toEqual({ type: 'relay-notice', code: 'forbidden-write', document: relayDocumentName(id, 'comments') });
    // A comment the lead makes afterwards arrives: everything before it would have too.
    addThread(leadComments.doc, { id: 'lead', sectionId: 's1', author: who(lead), at: '2026-12-01T10:01:00.000Z', text: 'Lead comment' });
    await until(() => readThreads(readerComments.doc).some((t) => t.id === 'lead'), 'the reader reads comments');
    expect(readThreads(leadComments.doc).map((t) => t.id)).toEqual(['lead']);
    const onRelay = relay.current.hocuspocus.documents.get(relayDocumentName(id, 'comments'))!;
    expect(readThreads(onRelay as unknown as Y.Doc).map((t) => t.id)).toEqual(['lead']);
  });

  it('presence: every member, readers too, shows in their section and is gone when they go offline', async () => {
    const leadComments = open(relay, id, lead, 'comments');
    const readerComments = open(relay, id, reader, 'comments');
    await until(() => synced(leadComments) && readerComments.provider.isAuthenticated, 'connected');
    leadComments.provider.awareness!.setLocalStateField(PRESENCE_FIELD, { memberId: lead.memberId, name: lead.name, role: 'lead', sectionId: 's1' });
    readerComments.provider.awareness!.setLocalStateField(PRESENCE_FIELD, { memberId: reader.memberId, name: reader.name, role: 'reader', sectionId: 's2' });
    const seenByLead = () => presentMembers(leadComments.provider.awareness!.getStates() as Map<number, Record<string, unknown>>, lead.memberId, leadComments.doc.clientID);
    await until(() => seenByLead().length === 2, 'the lead sees the reader');
    expect(seenByLead().map((m) => [m.name, m.sectionId, m.me])).toEqual([
      ['Aminah', 's1', true],
      ['Dara', 's2', false],
    ]);
    readerComments.provider.awareness!.setLocalStateField(PRESENCE_FIELD, { memberId: reader.memberId, name: reader.name, role: 'reader', sectionId: 's3' });
    await until(() => seenByLead().some((m) => m.name === 'Dara' && m.sectionId === 's3'), 'the reader moves to another section');

    // A client that claims to be someone else is shown as who its token says it is.
    readerComments.provider.awareness!.setLocalStateField(PRESENCE_FIELD, { memberId: lead.memberId, name: 'Aminah (forged)', role: 'lead', sectionId: 's4' });
    await until(() => seenByLead().some((m) => m.sectionId === 's4'), 'the forged state arrives');
    expect(seenByLead().find((m) => m.sectionId === 's4')).toMatchObject({ memberId: reader.memberId, name: 'Dara', role: 'reader', me: false });

    readerComments.destroy();
    await until(() => seenByLead().length === 1, 'the reader is gone once offline');
    expect(seenByLead()[0]?.name).toBe('Aminah');
  });
});
