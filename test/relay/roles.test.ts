import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, readThreads } from '../../shared/collab/comments-doc';
import { parseRelayNotice, relayDocumentName, RELAY_ERRORS } from '../../shared/collab/relay-protocol';
import { documentPath } from '../../relay/document-files';
import { api, connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestRelay } from './relay-harness';
import { RawClient } from './raw-client';

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah (lead)', 'lead');
const drafter = member('Budi (drafter)', 'drafter');
const reviewer = member('Chanthy (reviewer)', 'reviewer');
const reader = member('Dara (reader)', 'reader');
let id: string;

function open(...args: Parameters<typeof connectClient>): TestClient {
  const client = connectClient(...args);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, drafter, reviewer, reader]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

/** The drafter writes a sentinel and the lead receives it: everything the relay broadcast before has arrived too. */
async function sentinel(from: TestClient, to: TestClient, word: string): Promise<void> {
  from.doc.getText('body').insert(from.text().length, word);
  await until(() => to.text().includes(word), `${word} reaches the other client`);
}

describe('content edits by read-only members', () => {
  it('are refused by the relay and reach nobody, stored nowhere', async () => {
    const leadClient = open(relay, id, lead);
    const drafterClient = open(relay, id, drafter);
    const reviewerClient = open(relay, id, reviewer);
    const readerClient = open(relay, id, reader);
    await until(() => [leadClient, drafterClient].every(synced) && reviewerClient.provider.isAuthenticated && readerClient.provider.isAuthenticated, 'all connected');
    expect(reviewerClient.provider.authorizedScope).toBe('readonly');
    expect(readerClient.provider.authorizedScope).toBe('readonly');
    expect(drafterClient.provider.authorizedScope).toBe('read-write');

    reviewerClient.doc.getText('body').insert(0, 'REVIEWER-EDIT ');
    readerClient.doc.getText('body').insert(0, 'READER-EDIT ');
    await until(() => reviewerClient.notices.length > 0 && readerClient.notices.length > 0, 'forbidden-write notices');
    expect(parseRelayNotice(reviewerClient.notices[0]!)).toEqual({ type: 'relay-notice', code: 'forbidden-write', document: relayDocumentName(id, 'content') });

    await sentinel(drafterClient, leadClient, 'drafted ');
    expect(leadClient.text()).toBe('drafted ');
    await until(() => reviewerClient.text().includes('drafted'), 'reviewer still reads');
    const onRelay = relay.current.hocuspocus.documents.get(relayDocumentName(id, 'content'))!;
    expect(onRelay.getText('body').toString()).toBe('drafted ');

    await relay.restart();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(await readFile(documentPath(relay.dataDir, relayDocumentName(id, 'content')))));
    expect(stored.getText('body').toString()).toBe('drafted ');
  });

  it('a crafted raw update from a read-only connection is neither stored nor broadcast', async () => {
    const name = relayDocumentName(id, 'content');
    const leadClient = open(relay, id, lead);
    const drafterClient = open(relay, id, drafter);
    await until(() => [leadClient, drafterClient].every(synced), 'writers synced');

    const raw = await RawClient.open(relay.current.url);
    expect(await raw.authenticate(name, reader.token)).toEqual({ scope: 'readonly' });
    const forged = new Y.Doc();
    forged.getText('body').insert(0, 'FORGED ');
    const update = Y.encodeStateAsUpdate(forged);
    // Both ways a Yjs update can travel: as an update and as a sync step 2 answer.
    expect(await raw.sendUpdate(name, update, 2)).toBe(false);
    expect(await raw.sendUpdate(name, update, 1)).toBe(false);

    await sentinel(drafterClient, leadClient, 'after ');
    expect(leadClient.text()).toBe('after ');
    expect(relay.current.hocuspocus.documents.get(name)!.getText('body').toString()).toBe('after ');

    // The same bytes from a writer are applied: the refusal is the role, not the message.
    const writer = await RawClient.open(relay.current.url);
    expect(await writer.authenticate(name, drafter.token)).toEqual({ scope: 'read-write' });
    expect(await writer.sendUpdate(name, update, 2)).toBe(true);
    await until(() => leadClient.text().includes('FORGED'), 'a writer’s update arrives');
    raw.close();
    writer.close();
  });
});

describe('comments', () => {
  it('reviewers write them, readers only read them', async () => {
    const leadComments = open(relay, id, lead, 'comments');
    const reviewerComments = open(relay, id, reviewer, 'comments');
    const readerComments = open(relay, id, reader, 'comments');
    await until(() => [leadComments, reviewerComments].every(synced) && readerComments.provider.isAuthenticated, 'connected');
    expect(reviewerComments.provider.authorizedScope).toBe('read-write');
    expect(readerComments.provider.authorizedScope).toBe('readonly');

    // Real comments, each in its writer's own name (the relay refuses anything else in the comments document).
    const comment = (client: TestClient, who: typeof reviewer, text: string) => addThread(client.doc, { id: text, sectionId: 's1', author: { memberId: who.memberId, name: who.name }, at: '2026-12-01T10:00:00.000Z', text });
    const texts = (client: TestClient) => readThreads(client.doc).map((t) => t.text);
    comment(reviewerComments, reviewer, 'please-check-para-3');
    comment(readerComments, reader, 'reader-comment');
    await until(() => texts(leadComments).includes('please-check-para-3'), 'reviewer comment reaches the lead');
    await until(() => readerComments.notices.length > 0, 'reader told');
    comment(reviewerComments, reviewer, 'second');
    await until(() => texts(leadComments).includes('second'), 'a later comment reaches the lead');
    expect(texts(leadComments)).not.toContain('reader-comment');
  });

  it('only the lead writes the control document (assignments, clearance)', async () => {
    const leadControl = open(relay, id, lead, 'control');
    const drafterControl = open(relay, id, drafter, 'control');
    await until(() => synced(leadControl) && drafterControl.provider.isAuthenticated, 'connected');
    expect(leadControl.provider.authorizedScope).toBe('read-write');
    expect(drafterControl.provider.authorizedScope).toBe('readonly');
  });
});

describe('removing a member', () => {
  it('revokes the token at once and closes the open connection', async () => {
    const leadClient = open(relay, id, lead);
    const drafterClient = open(relay, id, drafter);
    await until(() => [leadClient, drafterClient].every(synced), 'connected');
    const raw = await RawClient.open(relay.current.url);
    expect(await raw.authenticate(relayDocumentName(id, 'comments'), drafter.token)).toEqual({ scope: 'read-write' });

    const removed = await api(relay, 'DELETE', `/v1/briefings/${id}/members/${drafter.memberId}`, { token: lead.token });
    expect(removed.status).toBe(200);
    expect((removed.body.members as { memberId: string }[]).map((m) => m.memberId)).not.toContain(drafter.memberId);

    await until(() => drafterClient.closes.includes('revoked'), 'provider told revoked');
    expect(await raw.waitClosed()).toEqual({ code: RELAY_ERRORS.revoked, reason: 'revoked' });
    // Its reconnection is refused, typed.
    await until(() => drafterClient.failures.includes('revoked'), 'reconnection refused');
    drafterClient.doc.getText('body').insert(0, 'too-late ');
    await sentinel(leadClient, leadClient, 'lead-still-works ');
    expect(relay.current.hocuspocus.documents.get(relayDocumentName(id, 'content'))!.getText('body').toString()).not.toContain('too-late');

    const listing = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: drafter.token });
    expect(listing).toEqual({ status: 403, body: { error: 'revoked', message: 'revoked' } });
  });

  it('only a lead may remove, and never the last lead', async () => {
    expect((await api(relay, 'DELETE', `/v1/briefings/${id}/members/${reader.memberId}`, { token: drafter.token })).body.error).toBe('forbidden');
    expect((await api(relay, 'DELETE', `/v1/briefings/${id}/members/${lead.memberId}`, { token: lead.token })).body.error).toBe('last-lead');
    const demote = await api(relay, 'PUT', `/v1/briefings/${id}/members/${lead.memberId}`, { token: lead.token, body: { name: lead.name, role: 'drafter' } });
    expect(demote.body.error).toBe('last-lead');
  });

  it('a role change closes the connection and the reconnection gets the new access', async () => {
    const readerClient = open(relay, id, reader);
    await until(() => readerClient.provider.authorizedScope === 'readonly', 'reader connected');
    const promoted = await api(relay, 'PUT', `/v1/briefings/${id}/members/${reader.memberId}`, { token: lead.token, body: { name: reader.name, role: 'drafter' } });
    expect(promoted.status).toBe(200);
    await until(() => readerClient.closes.includes('role-changed'), 'told role changed');
    // The socket carried only this document, so it closed too; the provider reconnects by itself.
    await until(() => readerClient.provider.authorizedScope === 'read-write', 'reconnected as drafter');
  });
});
