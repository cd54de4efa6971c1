import { z } from 'zod';
import { encodeInvitationCode, encodeInvitationFile, invitationFileName, parseInvitation, type Invitation, type InvitationError } from '../../../shared/collab/invitation';
import { relayDocumentName, relayIdSchema, roleSchema, type Role } from '../../../shared/collab/relay-protocol';
import { hashMemberToken, isAllowedRelayUrl, newMemberToken, newRelayId, parseRelayCredential, relayCredential } from '../../../shared/collab/relay-token';
import { joinSharedBriefing, relayTargetFor, setRelayTarget } from '../../collab/briefing-relay';
import { db } from '../../db/db';
import { checkRelay, deleteMember, putMember, registerOnRelay, SharingError, type SharingErrorCode } from './relay-client';

/*
 * What this machine knows about a shared briefing, in a settings row `sharing:<briefing id>`:
 * the relay, the briefing's id there, who I am on it and my role. The lead's row also keeps
 * every member's id, name, role, token hash and invitation expiry: the relay can lose its data
 * folder, and registering again from this list restores it (tokens already handed out keep
 * working, since only their hashes are needed). Tokens themselves are never stored here: an
 * invitation is shown once, and a lost one is issued again with a new token.
 */

export const INVITATION_DAYS = 14;

const localMemberSchema = z.object({ memberId: relayIdSchema, name: z.string().min(1).max(200), role: roleSchema, tokenHash: z.string(), expiresAt: z.string().nullable() });
export type LocalMember = z.infer<typeof localMemberSchema>;

const shareRecordSchema = z.object({
  relayUrl: z.string().refine(isAllowedRelayUrl),
  documentId: relayIdSchema,
  memberId: relayIdSchema,
  name: z.string(),
  role: roleSchema,
  /** The lead's list of members (the lead included). */
  members: z.array(localMemberSchema).optional(),
});
export type ShareRecord = z.infer<typeof shareRecordSchema>;

const recordKey = (briefingId: string) => `sharing:${briefingId}`;

export async function shareRecordFor(briefingId: string): Promise<ShareRecord | undefined> {
  const parsed = shareRecordSchema.safeParse((await db.settings.get(recordKey(briefingId)))?.value);
  return parsed.success ? parsed.data : undefined;
}

async function writeRecord(briefingId: string, record: ShareRecord): Promise<void> {
  await db.settings.put({ key: recordKey(briefingId), value: shareRecordSchema.parse(record) });
}

/** The credential this machine connects with (kept with the relay target). */
async function myCredential(briefingId: string): Promise<string> {
  const target = await relayTargetFor(briefingId);
  if (!target) throw new SharingError('bad-token', 'this briefing is not shared from here');
  return target.credential;
}

async function leadRecord(briefingId: string): Promise<ShareRecord & { members: LocalMember[] }> {
  const record = await shareRecordFor(briefingId);
  if (!record || record.role !== 'lead' || !record.members) throw new SharingError('forbidden', 'only the lead manages members');
  return record as ShareRecord & { members: LocalMember[] };
}

/** The lead shares a briefing: registers it on the relay with the lead as its first member. */
export async function shareBriefing(briefingId: string, input: { relayUrl: string; leadName: string; enrolmentSecret?: string }): Promise<ShareRecord> {
  const relayUrl = input.relayUrl.trim();
  if (!isAllowedRelayUrl(relayUrl)) throw new SharingError('address');
  await checkRelay(relayUrl);
  const documentId = newRelayId();
  const memberId = newRelayId();
  const token = newMemberToken();
  const lead: LocalMember = { memberId, name: input.leadName.trim(), role: 'lead', tokenHash: hashMemberToken(token), expiresAt: null };
  await registerOnRelay(relayUrl, { documentId, members: [{ memberId, name: lead.name, role: 'lead', tokenHash: lead.tokenHash }] }, input.enrolmentSecret || undefined);
  const record: ShareRecord = { relayUrl, documentId, memberId, name: lead.name, role: 'lead', members: [lead] };
  await writeRecord(briefingId, record);
  await setRelayTarget(briefingId, { url: relayUrl, documentName: relayDocumentName(documentId, 'content'), credential: relayCredential(token) });
  return record;
}

/** Registers the briefing again from the lead's list, on a relay that lost its data. */
export async function registerAgain(briefingId: string, enrolmentSecret?: string): Promise<void> {
  const record = await leadRecord(briefingId);
  const members = record.members.map((m) => ({
    memberId: m.memberId,
    name: m.name,
    role: m.role,
    tokenHash: m.tokenHash,
    ...(m.expiresAt ? { invitationExpiresAt: m.expiresAt } : {}),
  }));
  await registerOnRelay(record.relayUrl, { documentId: record.documentId, members }, enrolmentSecret || undefined);
}

export interface IssuedInvitation {
  invitation: Invitation;
  code: string;
  file: { name: string; text: string };
}

function issue(record: ShareRecord, member: LocalMember, token: string, briefingTitle: string): IssuedInvitation {
  const invitation: Invitation = {
    v: 1,
    relay: record.relayUrl,
    documentId: record.documentId,
    memberId: member.memberId,
    token,
    name: member.name,
    role: member.role,
    briefingTitle: briefingTitle.slice(0, 500),
    expiresAt: member.expiresAt!,
  };
  return { invitation, code: encodeInvitationCode(invitation), file: { name: invitationFileName(invitation), text: encodeInvitationFile(invitation) } };
}

async function putAndKeep(briefingId: string, record: ShareRecord & { members: LocalMember[] }, member: LocalMember, send: { tokenHash?: string }) {
  await putMember(record.relayUrl, record.documentId, await myCredential(briefingId), member.memberId, {
    name: member.name,
    role: member.role,
    ...send,
    ...(send.tokenHash && member.expiresAt ? { invitationExpiresAt: member.expiresAt } : {}),
  });
  const members = record.members.some((m) => m.memberId === member.memberId) ? record.members.map((m) => (m.memberId === member.memberId ? member : m)) : [...record.members, member];
  await writeRecord(briefingId, { ...record, members });
}

/** Adds a member (or issues a new invitation to one): a new token, its hash to the relay, the invitation to hand over. */
export async function inviteMember(briefingId: string, input: { name: string; role: Role; memberId?: string }, now = new Date()): Promise<IssuedInvitation> {
  const record = await leadRecord(briefingId);
  const briefing = await db.briefings.get(briefingId);
  const token = newMemberToken();
  const member: LocalMember = {
    memberId: input.memberId ?? newRelayId(),
    name: input.name.trim(),
    role: input.role,
    tokenHash: hashMemberToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
  };
  await putAndKeep(briefingId, record, member, { tokenHash: member.tokenHash });
  return issue(record, member, token, briefing?.title ?? '');
}

export async function changeMemberRole(briefingId: string, memberId: string, role: Role): Promise<void> {
  const record = await leadRecord(briefingId);
  const member = record.members.find((m) => m.memberId === memberId);
  if (!member) throw new SharingError('unknown-member');
  await putAndKeep(briefingId, record, { ...member, role }, {});
}

/** Removes a member: the relay revokes their token and closes their connections at once. */
export async function removeMember(briefingId: string, memberId: string): Promise<void> {
  const record = await leadRecord(briefingId);
  await deleteMember(record.relayUrl, record.documentId, await myCredential(briefingId), memberId);
  await writeRecord(briefingId, { ...record, members: record.members.filter((m) => m.memberId !== memberId) });
}

/** Keeps a member's own role in step with what the relay says (the lead may have changed it). */
export async function rememberMyRole(briefingId: string, role: Role): Promise<void> {
  const record = await shareRecordFor(briefingId);
  if (record && record.role !== role) await writeRecord(briefingId, { ...record, role });
}

export type JoinOutcome = { ok: true; briefingId: string } | { ok: false; invitation: InvitationError } | { ok: false; relay: SharingErrorCode | string };

/** A member pastes a code or opens a file: the briefing is fetched from the relay and stored here. */
export async function joinWithInvitation(text: string, now = new Date()): Promise<JoinOutcome> {
  const parsed = parseInvitation(text, now);
  if (!parsed.ok) return { ok: false, invitation: parsed.error };
  const invitation = parsed.invitation;
  try {
    await checkRelay(invitation.relay);
  } catch (error) {
    return { ok: false, relay: error instanceof SharingError ? error.code : 'unreachable' };
  }
  const credential = relayCredential(invitation.token);
  if (!parseRelayCredential(credential).ok) return { ok: false, invitation: 'damaged' };
  const joined = await joinSharedBriefing({ url: invitation.relay, documentName: relayDocumentName(invitation.documentId, 'content'), credential });
  if (!joined.ok) return { ok: false, relay: joined.reason };
  await writeRecord(joined.briefingId, { relayUrl: invitation.relay, documentId: invitation.documentId, memberId: invitation.memberId, name: invitation.name, role: invitation.role });
  return { ok: true, briefingId: joined.briefingId };
}
