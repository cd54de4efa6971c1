import { z } from 'zod';
import { fromUtf8, utf8 } from '../bundle/encoding';
import { relayIdSchema, roleSchema } from './relay-protocol';
import { fromBase64Url, isAllowedRelayUrl, isMemberToken, toBase64Url } from './relay-token';

/*
 * An invitation to a shared briefing: everything a member's app needs to connect. Two forms:
 *   - a code to paste: `ADB-INVITE-1.` + base64url(JSON), one line, survives chat and e-mail;
 *   - a small file (`*.adbinvite`, JSON with a format tag), to hand over on a memory stick.
 * The token inside is a password: whoever holds the invitation can connect as that member
 * until the lead removes them. Parse errors are typed so the UI says them in its languages.
 */

export const INVITATION_VERSION = 1;
export const INVITATION_CODE_PREFIX = 'ADB-INVITE-';
export const INVITATION_FILE_FORMAT = 'asean-delegate-briefing/invitation';
export const INVITATION_FILE_EXTENSION = '.adbinvite';
/** Far longer than any real invitation (≈ 400 characters); keeps the parser away from pasted novels. */
const MAX_INVITATION_LENGTH = 8192;

export const invitationSchema = z.object({
  v: z.literal(INVITATION_VERSION),
  relay: z.string().refine(isAllowedRelayUrl),
  documentId: relayIdSchema,
  memberId: relayIdSchema,
  token: z.string().refine(isMemberToken),
  /** The invited member's name as the lead typed it. */
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  briefingTitle: z.string().max(500),
  /** ISO 8601; the relay refuses a first connection after it. */
  expiresAt: z.string().datetime({ offset: true }),
});
export type Invitation = z.infer<typeof invitationSchema>;

export type InvitationError =
  | 'empty'
  | 'too-long'
  /** Not an invitation code or file at all. */
  | 'not-an-invitation'
  /** An invitation from a newer (or unknown) version of the app. */
  | 'unsupported-version'
  /** It looks like an invitation but is cut short or altered. */
  | 'damaged'
  /** The relay address is not wss:// (or ws:// on this machine). */
  | 'unsafe-relay-address'
  | 'expired';

export type InvitationResult = { ok: true; invitation: Invitation } | { ok: false; error: InvitationError };

export function encodeInvitationCode(invitation: Invitation): string {
  const checked = invitationSchema.parse(invitation);
  return `${INVITATION_CODE_PREFIX}${checked.v}.${toBase64Url(utf8(JSON.stringify(checked)))}`;
}

export function encodeInvitationFile(invitation: Invitation): string {
  const checked = invitationSchema.parse(invitation);
  return `${JSON.stringify({ format: INVITATION_FILE_FORMAT, ...checked }, null, 2)}\n`;
}

export function invitationFileName(invitation: Pick<Invitation, 'briefingTitle' | 'name'>): string {
  const slug = `${invitation.briefingTitle} ${invitation.name}`
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${slug || 'invitation'}${INVITATION_FILE_EXTENSION}`;
}

function checkPayload(payload: unknown, now: Date): InvitationResult {
  if (typeof payload !== 'object' || payload === null) return { ok: false, error: 'damaged' };
  const version = (payload as { v?: unknown }).v;
  if (version !== INVITATION_VERSION) return { ok: false, error: typeof version === 'number' ? 'unsupported-version' : 'damaged' };
  const parsed = invitationSchema.safeParse(payload);
  if (!parsed.success) {
    const badRelay = parsed.error.issues.some((issue) => issue.path[0] === 'relay');
    return { ok: false, error: badRelay ? 'unsafe-relay-address' : 'damaged' };
  }
  if (Date.parse(parsed.data.expiresAt) <= now.getTime()) return { ok: false, error: 'expired' };
  return { ok: true, invitation: parsed.data };
}

function parseCode(code: string, now: Date): InvitationResult {
  const match = /^ADB-INVITE-(\d+)\.([A-Za-z0-9_-]+)$/.exec(code);
  if (!match) return { ok: false, error: 'damaged' };
  if (Number(match[1]) !== INVITATION_VERSION) return { ok: false, error: 'unsupported-version' };
  const bytes = fromBase64Url(match[2]!);
  if (!bytes) return { ok: false, error: 'damaged' };
  try {
    return checkPayload(JSON.parse(fromUtf8(bytes)), now);
  } catch {
    return { ok: false, error: 'damaged' };
  }
}

function parseFile(text: string, now: Date): InvitationResult {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-an-invitation' };
  }
  if (typeof payload !== 'object' || payload === null || (payload as { format?: unknown }).format !== INVITATION_FILE_FORMAT) {
    return { ok: false, error: 'not-an-invitation' };
  }
  const { format: _format, ...rest } = payload as Record<string, unknown>;
  return checkPayload(rest, now);
}

/** Reads a pasted code or the text of an invitation file (whitespace around a code, e.g. from e-mail line wrapping, is ignored). */
export function parseInvitation(text: string, now: Date = new Date()): InvitationResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'empty' };
  if (text.length > MAX_INVITATION_LENGTH) return { ok: false, error: 'too-long' };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseFile(trimmed, now);
  const compact = trimmed.replace(/\s+/g, '');
  if (!compact.startsWith(INVITATION_CODE_PREFIX)) return { ok: false, error: 'not-an-invitation' };
  return parseCode(compact, now);
}
