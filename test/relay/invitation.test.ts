import { describe, expect, it } from 'vitest';
import {
  encodeInvitationCode,
  encodeInvitationFile,
  invitationFileName,
  parseInvitation,
  type Invitation,
} from '../../shared/collab/invitation';
import { newMemberToken, newRelayId, toBase64Url } from '../../shared/collab/relay-token';

const now = new Date('2026-12-01T09:00:00Z');
const invitation: Invitation = {
  v: 1,
  relay: 'wss://relay.kln.gov.my/briefings',
  documentId: newRelayId(),
  memberId: newRelayId(),
  token: newMemberToken(),
  name: 'Siti Rahimah',
  role: 'drafter',
  briefingTitle: 'ASOEN-36 — Kuala Lumpur',
  expiresAt: '2026-12-08T09:00:00Z',
};

const codeOf = (payload: unknown, version = 1) => `ADB-INVITE-${version}.${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;

describe('invitation codes and files', () => {
  it('round-trips as a code and as a file', () => {
    const code = encodeInvitationCode(invitation);
    expect(code).toMatch(/^ADB-INVITE-1\.[A-Za-z0-9_-]+$/);
    expect(parseInvitation(code, now)).toEqual({ ok: true, invitation });
    expect(parseInvitation(encodeInvitationFile(invitation), now)).toEqual({ ok: true, invitation });
  });

  it('survives line wrapping and surrounding whitespace from e-mail', () => {
    const code = encodeInvitationCode(invitation);
    const wrapped = `  ${code.slice(0, 60)}\n${code.slice(60, 130)}\r\n${code.slice(130)}  \n`;
    expect(parseInvitation(wrapped, now)).toEqual({ ok: true, invitation });
  });

  it('types every way it can be wrong', () => {
    const code = encodeInvitationCode(invitation);
    expect(parseInvitation('', now)).toEqual({ ok: false, error: 'empty' });
    expect(parseInvitation('x'.repeat(9000), now)).toEqual({ ok: false, error: 'too-long' });
    expect(parseInvitation('hello, here is the briefing', now)).toEqual({ ok: false, error: 'not-an-invitation' });
    expect(parseInvitation('{"format":"something-else"}', now)).toEqual({ ok: false, error: 'not-an-invitation' });
    expect(parseInvitation(code.slice(0, -10), now)).toEqual({ ok: false, error: 'damaged' });
    expect(parseInvitation(code.replace('ADB-INVITE-1.', 'ADB-INVITE-1.Zm9v'), now)).toEqual({ ok: false, error: 'damaged' });
    expect(parseInvitation(code.replace('ADB-INVITE-1.', 'ADB-INVITE-2.'), now)).toEqual({ ok: false, error: 'unsupported-version' });
    expect(parseInvitation(codeOf({ ...invitation, v: 2 }), now)).toEqual({ ok: false, error: 'unsupported-version' });
    expect(parseInvitation(codeOf({ ...invitation, token: 'short' }), now)).toEqual({ ok: false, error: 'damaged' });
    expect(parseInvitation(codeOf({ ...invitation, role: 'admin' }), now)).toEqual({ ok: false, error: 'damaged' });
    expect(parseInvitation(codeOf({ ...invitation, relay: 'ws://relay.kln.gov.my' }), now)).toEqual({ ok: false, error: 'unsafe-relay-address' });
    expect(parseInvitation(codeOf({ ...invitation, relay: 'https://relay.kln.gov.my' }), now)).toEqual({ ok: false, error: 'unsafe-relay-address' });
    expect(parseInvitation(code, new Date('2026-12-08T09:00:00Z'))).toEqual({ ok: false, error: 'expired' });
    const file = JSON.parse(encodeInvitationFile(invitation)) as Record<string, unknown>;
    expect(parseInvitation(JSON.stringify({ ...file, v: 9 }), now)).toEqual({ ok: false, error: 'unsupported-version' });
    expect(parseInvitation(JSON.stringify({ ...file, documentId: '../x' }), now)).toEqual({ ok: false, error: 'damaged' });
  });

  it('refuses to encode an invitation that would not parse', () => {
    expect(() => encodeInvitationCode({ ...invitation, relay: 'ws://example.org' })).toThrow();
  });

  it('names the file after the briefing and the member', () => {
    expect(invitationFileName(invitation)).toBe('ASOEN-36-Kuala-Lumpur-Siti-Rahimah.adbinvite');
    expect(invitationFileName({ briefingTitle: '…', name: '' })).toBe('invitation.adbinvite');
  });
});
