import { afterEach, describe, expect, it } from 'vitest';
import type { MemberView } from '../../shared/collab/relay-api';
import { RELAY_ERRORS, RELAY_PROTOCOL, relayDocumentName } from '../../shared/collab/relay-protocol';
import { hashMemberToken, newMemberToken, newRelayId } from '../../shared/collab/relay-token';
import { api, connectClient, member, registerBriefing, registration, startTestRelay, until, type TestClient, type TestRelay } from './relay-harness';
import { RawClient } from './raw-client';

let relay: TestRelay;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

async function refusal(documentId: string, token: string, credential?: string): Promise<string> {
  const client = connectClient(relay, documentId, { token }, 'content', credential ? { credential } : {});
  clients.push(client);
  await until(() => client.failures.length > 0, 'a refusal');
  expect(client.provider.isAuthenticated).toBe(false);
  return client.failures[0]!;
}

describe('each refusal has its typed reason', () => {
  it('wrong token, unknown briefing, another protocol version, a malformed token', async () => {
    relay = await startTestRelay();
    const lead = member('Lead', 'lead');
    const id = await registerBriefing(relay, [lead]);
    expect(await refusal(id, newMemberToken())).toBe('bad-token');
    expect(await refusal(newRelayId(), lead.token)).toBe('unknown-briefing');
    expect(await refusal(id, lead.token, `adb-relay-2.${lead.token}`)).toBe('protocol-mismatch');
    expect(await refusal(id, lead.token, lead.token)).toBe('protocol-mismatch');
    expect(await refusal(id, lead.token, `${RELAY_PROTOCOL}.not-a-token`)).toBe('bad-token');
  });

  it('an invitation used after its expiry is refused; one used in time keeps working after it', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    relay = await startTestRelay({ now: () => now });
    const lead = member('Lead', 'lead');
    const early = member('Early', 'drafter');
    const late = member('Late', 'drafter');
    const id = newRelayId();
    const body = registration(id, [lead, early, late]);
    for (const m of body.members.slice(1)) m.invitationExpiresAt = '2026-12-02T09:00:00Z';
    expect((await api(relay, 'POST', '/v1/briefings', { body })).status).toBe(201);

    const first = connectClient(relay, id, early);
    clients.push(first);
    await until(() => first.provider.isAuthenticated, 'early member joins in time');
    now = new Date('2026-12-03T09:00:00Z');
    expect(await refusal(id, late.token)).toBe('invitation-expired');
    const again = connectClient(relay, id, early);
    clients.push(again);
    await until(() => again.provider.isAuthenticated, 'the early member still gets in');
  });

  it('a client that does not speak Hocuspocus is closed with protocol-mismatch; a foreign document name with bad-document', async () => {
    relay = await startTestRelay();
    // A y-websocket client's first frame: sync step 1 with an empty state vector, no document name.
    const foreign = await RawClient.open(relay.current.url);
    foreign.sendBytes(new Uint8Array([0, 0, 1, 0]));
    expect(await foreign.waitClosed()).toEqual({ code: RELAY_ERRORS['protocol-mismatch'], reason: 'protocol-mismatch' });

    const stranger = await RawClient.open(relay.current.url);
    const encoder = new TextEncoder().encode('../../etc/passwd');
    stranger.sendBytes(new Uint8Array([encoder.length, ...encoder, 2, 0, 0]));
    expect(await stranger.waitClosed()).toEqual({ code: RELAY_ERRORS['bad-document'], reason: 'bad-document' });
  });

  it('a raw client with a good token but another contract version is refused in the auth answer', async () => {
    relay = await startTestRelay();
    const lead = member('Lead', 'lead');
    const id = await registerBriefing(relay, [lead]);
    const raw = await RawClient.open(relay.current.url);
    expect(await raw.authenticate(relayDocumentName(id, 'content'), newMemberToken())).toEqual({ denied: 'bad-token' });
    expect(await raw.authenticate(relayDocumentName(id, 'content'), lead.token)).toEqual({ scope: 'read-write' });
    raw.close();
  });
});

describe('registration and the members list', () => {
  it('an enrolment secret guards registration', async () => {
    relay = await startTestRelay({ enrolmentSecret: 'ministry-it-secret-0001' });
    const lead = member('Lead', 'lead');
    const body = registration(newRelayId(), [lead]);
    expect(await api(relay, 'GET', '/v1/relay')).toEqual({ status: 200, body: { service: 'adb-relay', protocol: RELAY_PROTOCOL, enrolment: 'secret' } });
    expect((await api(relay, 'POST', '/v1/briefings', { body })).body.error).toBe('enrolment-required');
    expect((await api(relay, 'POST', '/v1/briefings', { body, headers: { 'x-enrolment-secret': 'wrong-secret-wrong-secret' } })).status).toBe(401);
    expect((await api(relay, 'POST', '/v1/briefings', { body, headers: { 'x-enrolment-secret': 'ministry-it-secret-0001' } })).status).toBe(201);
    expect((await api(relay, 'POST', '/v1/briefings', { body, headers: { 'x-enrolment-secret': 'ministry-it-secret-0001' } })).body.error).toBe('briefing-exists');
  });

  it('lists members with name, role, online and last seen (recorded by the relay), to members only', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    relay = await startTestRelay({ now: () => now });
    const lead = member('Aminah', 'lead');
    const reader = member('Dara', 'reader');
    const id = await registerBriefing(relay, [lead, reader]);
    const before = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: reader.token });
    expect(before.status).toBe(200);
    expect(before.body.you).toBe(reader.memberId);
    expect(before.body.members).toEqual([
      expect.objectContaining({ name: 'Aminah', role: 'lead', lastSeenAt: null, online: false }),
      expect.objectContaining({ name: 'Dara', role: 'reader', lastSeenAt: null, online: false }),
    ]);
    const client = connectClient(relay, id, reader);
    clients.push(client);
    await until(() => client.provider.isAuthenticated, 'reader connected');
    const dara = async () => ((await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: lead.token })).body.members as MemberView[]).find((m) => m.name === 'Dara')!;
    // The relay records the connection just after answering it: ask until it has.
    let during = await dara();
    while (during.lastSeenAt === null) during = await dara();
    expect(during).toMatchObject({ online: true, lastSeenAt: '2026-12-01T09:00:00.000Z' });
    now = new Date('2026-12-01T10:00:00Z');
    client.offline();
    await until(() => relay.current.hocuspocus.getConnectionsCount() === 0, 'reader gone');
    const after = await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: lead.token });
    expect(after.body.members).toContainEqual(expect.objectContaining({ name: 'Dara', online: false, lastSeenAt: '2026-12-01T10:00:00.000Z' }));
    expect((await api(relay, 'GET', `/v1/briefings/${id}/members`, { token: newMemberToken() })).status).toBe(401);
    expect((await api(relay, 'GET', `/v1/briefings/${id}/members`)).body.error).toBe('protocol-mismatch');
  });

  it('the lead adds a member, who can then connect; a re-issued token revokes the old one', async () => {
    relay = await startTestRelay();
    const lead = member('Lead', 'lead');
    const id = await registerBriefing(relay, [lead]);
    const added = member('New drafter', 'drafter');
    const put = await api(relay, 'PUT', `/v1/briefings/${id}/members/${added.memberId}`, { token: lead.token, body: { name: added.name, role: 'drafter', tokenHash: hashMemberToken(added.token) } });
    expect(put.status).toBe(200);
    const client = connectClient(relay, id, added);
    clients.push(client);
    await until(() => client.provider.authorizedScope === 'read-write', 'new member connects');
    const fresh = newMemberToken();
    await api(relay, 'PUT', `/v1/briefings/${id}/members/${added.memberId}`, { token: lead.token, body: { name: added.name, role: 'drafter', tokenHash: hashMemberToken(fresh) } });
    await until(() => client.failures.includes('revoked'), 'old token refused after reconnecting');
    const renewed = connectClient(relay, id, { token: fresh });
    clients.push(renewed);
    await until(() => renewed.provider.isAuthenticated, 'new token works');
  });

  it('rejects malformed requests with a typed error', async () => {
    relay = await startTestRelay();
    expect((await api(relay, 'POST', '/v1/briefings', { body: { documentId: 'short', members: [] } })).body.error).toBe('bad-request');
    const noLead = registration(newRelayId(), [member('Only a drafter', 'drafter')]);
    expect((await api(relay, 'POST', '/v1/briefings', { body: noLead })).body.error).toBe('last-lead');
    expect((await api(relay, 'GET', '/v1/nothing')).status).toBe(404);
  });
});
