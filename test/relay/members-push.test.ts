import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMembersChanged } from '../../shared/collab/relay-protocol';
import { hashMemberToken, newMemberToken, newRelayId } from '../../shared/collab/relay-token';
import { api, connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * The members list is pushed, not polled: every connection of a briefing is told
 * `members-changed` when a member is added, removed or given another role, and when someone
 * comes online or goes away; a removed member's connection is closed at once, not told.
 */

let relay: TestRelay;
let clients: TestClient[] = [];
let lead: TestMember;
let drafter: TestMember;
let reader: TestMember;
let id: string;

beforeEach(async () => {
  relay = await startTestRelay();
  lead = member('Lead', 'lead');
  drafter = member('Drafter', 'drafter');
  reader = member('Reader', 'reader');
  id = await registerBriefing(relay, [lead, drafter, reader]);
});
afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await relay.close();
});

const pushes = (client: TestClient) => client.stateless.filter((payload) => parseMembersChanged(payload)?.documentId === id).length;

function open(who: TestMember): TestClient {
  const client = connectClient(relay, id, who);
  clients.push(client);
  return client;
}

/** Waits until every client was pushed at least once more than `before`. */
async function pushedAgain(all: TestClient[], before: number[], what: string): Promise<void> {
  await until(() => all.every((c, i) => pushes(c) > before[i]!), what);
}

describe('the members list is pushed to every connection', () => {
  it('when a member is added, given another role, or comes online', async () => {
    const leadClient = open(lead);
    const drafterClient = open(drafter);
    await until(() => [leadClient, drafterClient].every(synced), 'connected');
    // The drafter coming online was itself pushed to the lead.
    await until(() => pushes(leadClient) > 0, 'lead told the drafter came online');

    let before = [leadClient, drafterClient].map(pushes);
    const newcomer = { memberId: newRelayId(), token: newMemberToken() };
    const added = await api(relay, 'PUT', `/v1/briefings/${id}/members/${newcomer.memberId}`, { token: lead.token, body: { name: 'Newcomer', role: 'reviewer', tokenHash: hashMemberToken(newcomer.token) } });
    expect(added.status).toBe(200);
    await pushedAgain([leadClient, drafterClient], before, 'both told of the new member');
    // What they read then has the newcomer.
    const listing = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: drafter.token });
    expect((listing.body.members as { name: string; role: string }[]).find((m) => m.name === 'Newcomer')?.role).toBe('reviewer');

    before = [leadClient, drafterClient].map(pushes);
    const readerClient = open(reader);
    await until(() => synced(readerClient), 'reader connected');
    await pushedAgain([leadClient, drafterClient], before, 'both told the reader came online');
    const online = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: lead.token });
    expect((online.body.members as { name: string; online: boolean }[]).find((m) => m.name === 'Reader')?.online).toBe(true);

    before = [leadClient, readerClient].map(pushes);
    const promoted = await api(relay, 'PUT', `/v1/briefings/${id}/members/${reader.memberId}`, { token: lead.token, body: { name: 'Reader', role: 'drafter' } });
    expect(promoted.status).toBe(200);
    // The reader's connection is closed with role-changed (its provider reconnects with the new
    // role); the lead is told the list changed.
    await until(() => readerClient.closes.includes('role-changed'), 'reader told role-changed');
    await pushedAgain([leadClient], before.slice(0, 1), 'lead told of the role change');
    await until(() => readerClient.provider.isAuthenticated && readerClient.provider.authorizedScope === 'read-write', 'the reader reconnects as a drafter');
  });

  it('when a member is removed: the others are told, the removed member is closed at once', async () => {
    const leadClient = open(lead);
    const drafterClient = open(drafter);
    const readerClient = open(reader);
    await until(() => [leadClient, drafterClient, readerClient].every(synced), 'connected');
    const before = [leadClient, readerClient].map(pushes);
    const removed = await api(relay, 'DELETE', `/v1/briefings/${id}/members/${drafter.memberId}`, { token: lead.token });
    expect(removed.status).toBe(200);
    await until(() => drafterClient.closes.includes('revoked'), 'the removed drafter closed with revoked');
    await pushedAgain([leadClient, readerClient], before, 'the others told');
    const listing = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: reader.token });
    expect((listing.body.members as { name: string }[]).map((m) => m.name).sort()).toEqual(['Lead', 'Reader']);
    await until(() => drafterClient.failures.includes('revoked'), 'its reconnection is refused');
  });

  it('when a member goes away', async () => {
    const leadClient = open(lead);
    const drafterClient = open(drafter);
    await until(() => [leadClient, drafterClient].every(synced), 'connected');
    await until(() => pushes(leadClient) > 0, 'lead told the drafter came online');
    const before = pushes(leadClient);
    drafterClient.offline();
    await until(() => pushes(leadClient) > before, 'lead told the drafter went away');
    const listing = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: lead.token });
    const seen = (listing.body.members as { name: string; online: boolean; lastSeenAt: string | null }[]).find((m) => m.name === 'Drafter')!;
    expect(seen.online).toBe(false);
    expect(seen.lastSeenAt).not.toBeNull();
  });
});
