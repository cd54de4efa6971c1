import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addThread } from '../../shared/collab/comments-doc';
import { annotationsRoot, putDelegationAnnotation, readDelegationAnnotations, shareDelegationAnnotation, withdrawDelegationAnnotation, type DelegationAnnotation } from '../../shared/collab/delegation-annotations';
import { parseRelayNotice, relayDocumentName } from '../../shared/collab/relay-protocol';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * Annotations shared with a briefing's delegation travel in its comments document through the
 * real relay: a member's own reach everyone (readers too, who cannot write them); one written as
 * someone else, or an edit or withdrawal of a colleague's (the lead's included), is refused, the
 * sender's connection closed with `not-comment-author`, and nobody else sees it.
 */

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah', 'lead');
const drafter = member('Budi', 'drafter');
const reviewer = member('Chanthy', 'reviewer');
const reader = member('Dara', 'reader');
let id: string;

const open = (who: TestMember) => {
  const client = connectClient(relay, id, who, 'comments');
  clients.push(client);
  return client;
};
const onRelay = () => relay.current.hocuspocus.documents.get(relayDocumentName(id, 'comments')) as unknown as Y.Doc;
const noteOn = (doc: Y.Doc, annotationId: string) => readDelegationAnnotations(doc).find((a) => a.id === annotationId)?.note;

function annotation(by: TestMember, note: string, over: Partial<DelegationAnnotation> = {}): DelegationAnnotation {
  return {
    id: 'a1',
    author: { memberId: by.memberId, name: by.name },
    paper: { sha256: 'c'.repeat(64), name: 'statement.pdf', title: 'Draft joint statement' },
    quote: { exact: 'sustainable fisheries', prefix: 'commit to ', suffix: ' management' },
    position: { start: 120, end: 141 },
    page: 2,
    kind: 'note',
    color: 'green',
    note,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...over,
  };
}

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, drafter, reviewer, reader]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

/** Everyone connected, with the lead's opening comment and the drafter's annotation seen by all. */
async function sharedByTheDrafter() {
  const [leadClient, drafterClient, reviewerClient, readerClient] = [open(lead), open(drafter), open(reviewer), open(reader)];
  await until(() => [leadClient, drafterClient, reviewerClient].every(synced) && readerClient.provider.isSynced, 'all connected');
  addThread(leadClient.doc, { id: 't1', sectionId: 's1', author: { memberId: lead.memberId, name: lead.name }, at: '2026-12-01T09:00:00.000Z', text: 'Start.' });
  await until(() => synced(leadClient), 'the comment stored');
  putDelegationAnnotation(drafterClient.doc, annotation(drafter, 'Support the 2030 target.'));
  await until(() => [leadClient, reviewerClient, readerClient].every((c) => noteOn(c.doc, 'a1') === 'Support the 2030 target.'), 'everyone has the annotation');
  return { leadClient, drafterClient, reviewerClient, readerClient };
}

async function expectRefused(client: TestClient, witness: TestClient) {
  await until(() => client.closes.includes('not-comment-author'), 'the connection closed as not-comment-author');
  expect(client.notices.map((n) => parseRelayNotice(n)?.code)).toContain('not-comment-author');
  client.destroy();
  // The witness's later change arriving on the relay means the refused one would have too.
  putDelegationAnnotation(witness.doc, annotation(drafter, 'Later.', { id: `later-${Date.now()}` }));
  await until(() => synced(witness) && readDelegationAnnotations(onRelay()).some((a) => a.note === 'Later.'), 'a later annotation reaches the relay');
}

describe('annotations shared with the delegation, on the relay', () => {
  it('the author’s annotation, edit and withdrawal reach every member, readers included', async () => {
    const { leadClient, drafterClient, readerClient } = await sharedByTheDrafter();
    expect(readDelegationAnnotations(readerClient.doc)[0]).toMatchObject({ author: { name: 'Budi' }, quote: { exact: 'sustainable fisheries' }, paper: { sha256: 'c'.repeat(64) } });
    putDelegationAnnotation(drafterClient.doc, annotation(drafter, 'Support, if the date stays.', { updatedAt: '2026-12-01T11:00:00.000Z' }));
    await until(() => noteOn(leadClient.doc, 'a1') === 'Support, if the date stays.', 'the lead sees the edit');
    withdrawDelegationAnnotation(drafterClient.doc, 'a1', { memberId: drafter.memberId, name: drafter.name }, '2026-12-01T12:00:00.000Z');
    await until(() => readDelegationAnnotations(readerClient.doc).length === 0, 'withdrawn for the reader');
    expect(JSON.stringify(annotationsRoot(onRelay()).get('a1'))).not.toContain('fisheries');
    for (const client of [leadClient, drafterClient]) expect(client.closes).toEqual([]);
  });

  it('shared again on a new revision after unsharing, it goes as a fresh entry the relay takes (its tombstone keeps the old paper)', async () => {
    const { leadClient, drafterClient } = await sharedByTheDrafter();
    withdrawDelegationAnnotation(drafterClient.doc, 'a1', { memberId: drafter.memberId, name: drafter.name }, '2026-12-01T12:00:00.000Z');
    const onRev1 = annotation(drafter, 'Still support it.', { paper: { sha256: 'e'.repeat(64), name: 'statement-rev1.pdf', title: 'Draft joint statement' }, updatedAt: '2026-12-01T13:00:00.000Z' });
    expect(shareDelegationAnnotation(drafterClient.doc, onRev1, 'a1-again')).toBe('a1-again');
    await until(() => noteOn(leadClient.doc, 'a1-again') === 'Still support it.', 'the lead sees it on Rev.1');
    expect(readDelegationAnnotations(onRelay()).map((a) => [a.id, a.paper.sha256])).toEqual([['a1-again', 'e'.repeat(64)]]);
    expect(drafterClient.closes).toEqual([]);
  });

  it('an annotation written as a colleague is refused and reaches nobody', async () => {
    const { leadClient, reviewerClient } = await sharedByTheDrafter();
    annotationsRoot(reviewerClient.doc).set('forged', annotation(lead, 'The lead agrees.', { id: 'forged' }));
    await expectRefused(reviewerClient, await fresh(drafter));
    expect(readDelegationAnnotations(leadClient.doc).map((a) => a.id)).not.toContain('forged');
    expect(annotationsRoot(onRelay()).has('forged')).toBe(false);
  });

  it('nobody else edits, withdraws or removes an annotation: not the lead either', async () => {
    const { leadClient } = await sharedByTheDrafter();
    annotationsRoot(leadClient.doc).set('a1', annotation(drafter, 'Oppose.'));
    await expectRefused(leadClient, await fresh(drafter));
    expect(noteOn(onRelay(), 'a1')).toBe('Support the 2030 target.');

    const again = await fresh(lead);
    annotationsRoot(again.doc).delete('a1');
    await expectRefused(again, await fresh(drafter));
    expect(noteOn(onRelay(), 'a1')).toBe('Support the 2030 target.');
  });

  it('a reader’s annotation is dropped as any reader’s write', async () => {
    const { leadClient, readerClient } = await sharedByTheDrafter();
    expect(readerClient.provider.authorizedScope).toBe('readonly');
    putDelegationAnnotation(readerClient.doc, annotation(reader, 'Reader note.', { id: 'r1' }));
    await until(() => readerClient.notices.some((n) => parseRelayNotice(n)?.code === 'forbidden-write'), 'forbidden-write notice');
    putDelegationAnnotation(leadClient.doc, annotation(lead, 'Lead note.', { id: 'l1' }));
    await until(() => noteOn(readerClient.doc, 'l1') === 'Lead note.', 'the reader reads the lead’s');
    expect(annotationsRoot(onRelay()).has('r1')).toBe(false);
  });
});

async function fresh(who: TestMember): Promise<TestClient> {
  const client = open(who);
  await until(() => synced(client) && readDelegationAnnotations(client.doc).length > 0, `${who.name} connected`);
  return client;
}
