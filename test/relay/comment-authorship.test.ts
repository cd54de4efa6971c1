import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, addThread, commentsRoots, readThreads, setThreadState } from '../../shared/collab/comments-doc';
import { deleteComment, editComment, restoreComment } from '../../shared/collab/comments-edits';
import { parseRelayNotice, relayDocumentName } from '../../shared/collab/relay-protocol';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * The relay checks who writes comments against the member the connection's token names: a
 * forged author, an edit or deletion of someone else's comment, a resolve in another's name and a
 * removed thread are refused before they are applied; the forger's connection is closed with
 * `not-comment-author`, and everyone else's comments carry on as if nothing was sent.
 */

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah', 'lead');
const drafter = member('Budi', 'drafter');
const reviewer = member('Chanthy', 'reviewer');
let id: string;

function open(who: TestMember, doc?: Y.Doc): TestClient {
  const client = connectClient(relay, id, who, 'comments', doc ? { doc } : {});
  clients.push(client);
  return client;
}
const as = (m: TestMember) => ({ memberId: m.memberId, name: m.name });
const onRelay = () => relay.current.hocuspocus.documents.get(relayDocumentName(id, 'comments')) as unknown as Y.Doc | undefined;
const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, drafter, reviewer]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

/** The lead's comment with the drafter's reply, seen by the lead, the drafter and the reviewer. */
async function threeWithAThread() {
  const leadClient = open(lead);
  const drafterClient = open(drafter);
  const reviewerClient = open(reviewer);
  await until(() => [leadClient, drafterClient, reviewerClient].every(synced), 'all connected');
  addThread(leadClient.doc, { id: 't1', sectionId: 's1', author: as(lead), at: at(0), text: 'Check the figures.' });
  await until(() => readThreads(drafterClient.doc).length === 1, 'the drafter gets the comment');
  addReply(drafterClient.doc, 't1', { id: 'r1', author: as(drafter), at: at(1), text: 'Checked: 2025 data.' });
  await until(() => [leadClient, reviewerClient].every((c) => readThreads(c.doc)[0]?.replies.length === 1), 'everyone has the reply');
  return { leadClient, drafterClient, reviewerClient };
}

/** Waits for the relay to refuse `client` and checks the refusal left the relay's and `witness`'s comments as they were. */
async function expectRefused(client: TestClient, witness: TestClient = client) {
  const notLater = (threads: ReturnType<typeof readThreads>) => threads.filter((t) => t.sectionId !== 's9');
  const before = JSON.stringify(notLater(readThreads(witness.doc)));
  await until(() => client.closes.includes('not-comment-author'), 'the connection closed as not-comment-author');
  expect(client.notices.map((n) => parseRelayNotice(n)?.code)).toContain('not-comment-author');
  // What the app does on this refusal: stop syncing comments (the provider would retry the same update).
  if (client !== witness) client.destroy();
  // The witness writes afterwards; its comment arriving back means the forged one would have too.
  const later = `later-${readThreads(witness.doc).length}`;
  addThread(witness.doc, { id: later, sectionId: 's9', author: as(lead), at: at(59), text: 'Later comment.' });
  await until(() => synced(witness) && readThreads(onRelay()!).some((t) => t.id === later), 'a later comment reaches the relay');
  expect(notLater(readThreads(onRelay()!))).toEqual(JSON.parse(before) as unknown[]);
}

describe('comment authorship on the relay', () => {
  it('a comment written in another member’s name is refused, reaches nobody, and the document stays sound', async () => {
    const { leadClient, reviewerClient } = await threeWithAThread();
    addThread(reviewerClient.doc, { id: 'forged', sectionId: 's1', author: as(lead), at: at(2), text: 'Approved. — Aminah' });
    await expectRefused(reviewerClient, leadClient);
    expect(readThreads(leadClient.doc).map((t) => t.id)).not.toContain('forged');
    expect(commentsRoots(onRelay()!).threads.has('forged')).toBe(false);
  });

  it('a forged reply, and a resolve in another’s name, are refused', async () => {
    const { leadClient, drafterClient } = await threeWithAThread();
    addReply(drafterClient.doc, 't1', { id: 'r-forged', author: as(lead), at: at(3), text: 'Agreed.' });
    await expectRefused(drafterClient, leadClient);
    expect(readThreads(leadClient.doc)[0]!.replies.map((r) => r.id)).toEqual(['r1']);

    const reviewerClient = open(reviewer);
    await until(() => synced(reviewerClient), 'a fresh reviewer client');
    setThreadState(reviewerClient.doc, 't1', { state: 'resolved', by: as(lead), at: at(4) });
    await expectRefused(reviewerClient, leadClient);
    expect(readThreads(onRelay()!).find((t) => t.id === 't1')?.state).toBe('open');
  });

  it('only the author edits or deletes a comment; a thread is never removed', async () => {
    const { leadClient, drafterClient } = await threeWithAThread();
    editComment(drafterClient.doc, { threadId: 't1' }, 'Ignore the figures.', at(5));
    await expectRefused(drafterClient, leadClient);
    expect(readThreads(onRelay()!).find((t) => t.id === 't1')?.text).toBe('Check the figures.');

    const second = open(drafter);
    await until(() => synced(second), 'the drafter again');
    deleteComment(second.doc, { threadId: 't1' }, at(6));
    await expectRefused(second, leadClient);

    const third = open(reviewer);
    await until(() => synced(third), 'the reviewer');
    deleteComment(third.doc, { threadId: 't1', replyId: 'r1' }, at(7));
    await expectRefused(third, leadClient);
    expect(readThreads(onRelay()!).find((t) => t.id === 't1')?.replies.map((r) => r.text)).toEqual(['Checked: 2025 data.']);

    const fourth = open(drafter);
    await until(() => synced(fourth), 'the drafter once more');
    commentsRoots(fourth.doc).threads.delete('t1');
    await expectRefused(fourth, leadClient);
    expect(readThreads(onRelay()!).map((t) => t.id)).toContain('t1');
  });

  it('authors edit, delete and restore their own comments and replies; everyone sees it', async () => {
    const { leadClient, drafterClient, reviewerClient } = await threeWithAThread();
    editComment(leadClient.doc, { threadId: 't1' }, 'Check the 2025 figures.', at(8));
    const before = editComment(drafterClient.doc, { threadId: 't1', replyId: 'r1' }, 'Checked against the 2025 report.', at(9));
    await until(() => readThreads(reviewerClient.doc)[0]?.replies[0]?.editedAt === at(9) && readThreads(reviewerClient.doc)[0]?.editedAt === at(8), 'the reviewer sees both edits');
    expect(readThreads(reviewerClient.doc)[0]).toMatchObject({ text: 'Check the 2025 figures.', replies: [{ id: 'r1', text: 'Checked against the 2025 report.' }] });

    const deleted = deleteComment(drafterClient.doc, { threadId: 't1', replyId: 'r1' }, at(10));
    await until(() => readThreads(reviewerClient.doc)[0]?.replies.length === 0, 'the reply is gone for the reviewer');
    restoreComment(drafterClient.doc, deleted);
    await until(() => readThreads(leadClient.doc)[0]?.replies[0]?.text === 'Checked against the 2025 report.', 'undo brings it back');
    restoreComment(drafterClient.doc, before);
    await until(() => readThreads(leadClient.doc)[0]?.replies[0]?.text === 'Checked: 2025 data.', 'undo of the edit');
    expect(readThreads(leadClient.doc)[0]?.replies[0]?.editedAt).toBeUndefined();

    // A reviewer resolves in their own name.
    setThreadState(reviewerClient.doc, 't1', { state: 'resolved', by: as(reviewer), at: at(11) });
    await until(() => readThreads(leadClient.doc)[0]?.state === 'resolved', 'resolved by the reviewer');
    for (const client of [leadClient, drafterClient, reviewerClient]) expect(client.closes).toEqual([]);
  });

  it('a lead whose relay lost its data uploads everyone’s comments again', async () => {
    const { leadClient } = await threeWithAThread();
    await until(() => synced(leadClient), 'stored');
    const kept = new Y.Doc();
    Y.applyUpdate(kept, Y.encodeStateAsUpdate(leadClient.doc));
    for (const client of clients.splice(0)) client.destroy();
    await relay.restart({ loseData: true });
    id = await (async () => {
      // The lead registers the briefing again under the same id (what the app does after `unknown-briefing`).
      const { registration } = await import('./relay-harness');
      const response = await fetch(`${relay.current.httpUrl}/v1/briefings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration(id, [lead, drafter, reviewer])) });
      expect(response.status).toBe(201);
      return id;
    })();
    const again = open(lead, kept);
    await until(() => synced(again) && readThreads(onRelay() ?? new Y.Doc()).length === 1, 'the relay has the comments again');
    expect(readThreads(onRelay()!)[0]?.replies.map((r) => r.author.name)).toEqual(['Budi']);
    expect(again.closes).toEqual([]);
  });
});
