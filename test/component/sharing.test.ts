import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeInvitationCode, parseInvitation } from '../../shared/collab/invitation';
import { newMemberToken } from '../../shared/collab/relay-token';
import { relayTargetFor } from '../../renderer/collab/briefing-relay';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { checkRelay, listMembers, SharingError } from '../../renderer/features/sharing/relay-client';
import { changeMemberRole, inviteMember, joinWithInvitation, registerAgain, removeMember, shareBriefing, shareRecordFor } from '../../renderer/features/sharing/share-record';
import { startTestRelay, type TestRelay } from '../relay/relay-harness';

let relay: TestRelay;
let url: string;
beforeAll(async () => {
  relay = await startTestRelay({ log: () => undefined });
  url = `ws://127.0.0.1:${relay.port}`;
});
afterAll(async () => relay.close());

const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error instanceof SharingError ? error.code : `not a SharingError: ${String(error)}`;
  }
  return 'no error';
};

async function newBriefing(): Promise<string> {
  await ensureBuiltinDataset(db);
  return createBriefingForMeeting({ meetingId: 'asoen-36', title: 'ASOEN-36 brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
}

describe('the relay, as the sharing screens see it', () => {
  it('tells a relay that is down, a server that is not a relay and a real relay apart', async () => {
    const web = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hotel portal</html>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const webPort = (web.address() as AddressInfo).port;
    expect(await codeOf(checkRelay(`ws://127.0.0.1:${webPort}`))).toBe('not-a-relay');
    await new Promise((resolve) => web.close(resolve));
    expect(await codeOf(checkRelay(`ws://127.0.0.1:${webPort}`))).toBe('unreachable');
    expect(await codeOf(checkRelay('ws://relay.example.org'))).toBe('address');
    await expect(checkRelay(url)).resolves.toMatchObject({ service: 'adb-relay', enrolment: 'open' });
  });
});

describe('sharing a briefing', () => {
  it('registers it, invites, lists, changes a role, removes (revoked at once) and restores a relay that lost its data', async () => {
    const id = await newBriefing();
    expect(await codeOf(shareBriefing(id, { relayUrl: 'ws://relay.example.org', leadName: 'Aminah' }))).toBe('address');
    expect(await shareRecordFor(id)).toBeUndefined();

    const record = await shareBriefing(id, { relayUrl: url, leadName: 'Aminah' });
    expect(record.role).toBe('lead');
    const lead = (await relayTargetFor(id))!;
    expect(lead.documentName).toBe(`briefing/${record.documentId}/content`);

    const issued = await inviteMember(id, { name: 'Budi', role: 'drafter' });
    const parsed = parseInvitation(issued.code);
    expect(parsed.ok && parsed.invitation).toMatchObject({ name: 'Budi', role: 'drafter', relay: url, documentId: record.documentId, briefingTitle: 'ASOEN-36 brief' });
    expect(parseInvitation(issued.file.text)).toEqual(parsed);
    expect(issued.file.name).toMatch(/\.adbinvite$/);

    // The lead's machine keeps every member (hashes, never tokens).
    const kept = (await shareRecordFor(id))!.members!;
    expect(kept.map((m) => [m.name, m.role])).toEqual([
      ['Aminah', 'lead'],
      ['Budi', 'drafter'],
    ]);
    expect(JSON.stringify(kept)).not.toContain(parsed.ok ? parsed.invitation.token : 'x');

    const listed = await listMembers(url, record.documentId, lead.credential);
    expect(listed.members.map((m) => [m.name, m.role, m.online, m.lastSeenAt])).toEqual([
      ['Aminah', 'lead', false, null],
      ['Budi', 'drafter', false, null],
    ]);

    const budi = kept[1]!.memberId;
    await changeMemberRole(id, budi, 'reviewer');
    expect((await listMembers(url, record.documentId, lead.credential)).members[1]!.role).toBe('reviewer');
    expect((await shareRecordFor(id))!.members![1]!.role).toBe('reviewer');

    // The relay loses its data folder: the lead is told, and registering again restores every member.
    await relay.restart({ loseData: true });
    expect(await codeOf(listMembers(url, record.documentId, lead.credential))).toBe('unknown-briefing');
    await registerAgain(id);
    expect((await listMembers(url, record.documentId, lead.credential)).members.map((m) => [m.name, m.role])).toEqual([
      ['Aminah', 'lead'],
      ['Budi', 'reviewer'],
    ]);
    // Budi's invitation still works after the restore (only its hash was needed).
    const budiCredential = `adb-relay-1.${parsed.ok ? parsed.invitation.token : ''}`;
    expect((await listMembers(url, record.documentId, budiCredential)).you).toBe(budi);

    await removeMember(id, budi);
    expect(await codeOf(listMembers(url, record.documentId, budiCredential))).toBe('revoked');
    expect((await shareRecordFor(id))!.members!.map((m) => m.name)).toEqual(['Aminah']);
    // The last lead cannot be removed.
    expect(await codeOf(removeMember(id, record.memberId))).toBe('last-lead');
  });
});

describe('joining with an invitation', () => {
  it('says what is wrong with a bad, expired or refused invitation and stores nothing', async () => {
    const before = await db.briefings.count();
    expect(await joinWithInvitation('hello')).toEqual({ ok: false, invitation: 'not-an-invitation' });
    expect(await joinWithInvitation('ADB-INVITE-1.abc')).toEqual({ ok: false, invitation: 'damaged' });
    const invitation = {
      v: 1 as const,
      relay: url,
      documentId: 'AAAAAAAAAAAAAAAAAAAAAA',
      memberId: 'BBBBBBBBBBBBBBBBBBBBBB',
      token: newMemberToken(),
      name: 'Chen',
      role: 'reader' as const,
      briefingTitle: 'ASOEN-36 brief',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    expect(await joinWithInvitation(encodeInvitationCode({ ...invitation, expiresAt: new Date(Date.now() - 1000).toISOString() }))).toEqual({ ok: false, invitation: 'expired' });
    // A relay that does not know the briefing or the token refuses; nothing is stored.
    const refused = await joinWithInvitation(encodeInvitationCode(invitation));
    expect(refused.ok).toBe(false);
    expect(['unknown-briefing', 'bad-token']).toContain('relay' in refused ? refused.relay : '');
    await relay.stop();
    expect(await joinWithInvitation(encodeInvitationCode(invitation))).toEqual({ ok: false, relay: 'unreachable' });
    await relay.start();
    expect(await db.briefings.count()).toBe(before);
  });
});
