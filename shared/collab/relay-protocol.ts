import { z } from 'zod';

/*
 * The contract between the app and the briefing relay (relay/, a configured Hocuspocus server).
 * Pure: used by the relay, the renderer and the tests. See docs/relay.md for the whole picture.
 *
 * One shared briefing is three Yjs documents on the relay, because Hocuspocus grants write
 * access per document connection (read-only or read-write), not per field:
 *   content   the briefing itself (header, sections, talking points…): lead and drafters write
 *   comments  comments, replies, resolve: lead, drafters and reviewers write
 *   control   assignments of sections to members, clearance records: only the lead writes
 * Everybody who is a member reads all three. Presence (Yjs awareness) may be sent by every
 * member on every document: it is not content and is never stored.
 */

/** Version of this contract. A client sends it with its token; a relay that speaks another refuses with `protocol-mismatch`. */
export const RELAY_PROTOCOL = 'adb-relay-1';

export const ROLES = ['lead', 'drafter', 'reviewer', 'reader'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const DOCUMENT_KINDS = ['content', 'comments', 'control'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who may write each document; everyone else connects read-only (and the relay drops their updates). */
export const WRITERS: Readonly<Record<DocumentKind, readonly Role[]>> = {
  content: ['lead', 'drafter'],
  comments: ['lead', 'drafter', 'reviewer'],
  control: ['lead'],
};

export function mayWrite(role: Role, kind: DocumentKind): boolean {
  return WRITERS[kind].includes(role);
}

/** Only the lead manages members (HTTP API below). */
export function mayManageMembers(role: Role): boolean {
  return role === 'lead';
}

/**
 * A shared briefing's id on a relay: random, not the local briefing id (which may be guessable
 * or collide across machines). base64url, 16 to 64 characters. Member ids follow the same rule.
 */
export const RELAY_ID = /^[A-Za-z0-9_-]{16,64}$/;
export const relayIdSchema = z.string().regex(RELAY_ID);

const DOCUMENT_NAME = /^briefing\/([A-Za-z0-9_-]{16,64})\/(content|comments|control)$/;

/** The Hocuspocus document name, e.g. `briefing/3q2-…/content`. */
export function relayDocumentName(documentId: string, kind: DocumentKind): string {
  if (!RELAY_ID.test(documentId)) throw new Error('not a relay document id');
  return `briefing/${documentId}/${kind}`;
}

export function parseRelayDocumentName(name: string): { documentId: string; kind: DocumentKind } | undefined {
  const match = DOCUMENT_NAME.exec(name);
  if (!match) return undefined;
  return { documentId: match[1]!, kind: match[2] as DocumentKind };
}

/*
 * Why a connection is refused or closed. Each has a WebSocket close code in the application
 * range (4000–4999), used when the relay closes a whole socket, and the code string itself is
 * the reason Hocuspocus passes to the client:
 *   - refused at authentication: `onAuthenticationFailed({ reason })` on the provider;
 *   - closed while open (member removed, role changed): the provider's `onClose` with
 *     `event.reason`, and the socket's own close event when nothing else used it;
 *   - a write refused on a read-only document: a stateless notice (below), and the provider
 *     never gets a "synced" acknowledgement for it.
 */
export const RELAY_ERRORS = {
  /** The document name is not `briefing/<id>/<kind>`. */
  'bad-document': 4400,
  /** No such member token for this briefing (never issued, or mistyped). */
  'bad-token': 4401,
  /** The token belonged to a member the lead removed. */
  revoked: 4403,
  /** This relay does not know the briefing (never shared here, or its data folder was lost: the lead re-registers it). */
  'unknown-briefing': 4404,
  /** A read-only member (reviewer, reader) sent an update to a document they may not write: dropped, reaches nobody. */
  'forbidden-write': 4405,
  /**
   * A change to the comments this member may not make (a comment, reply or resolve in another
   * member's name; an edit or deletion of another member's comment): refused before it is
   * applied, reaches nobody, and the comments connection is closed (relay/comments-authorship.ts).
   */
  'not-comment-author': 4406,
  /**
   * A change to the content that says someone else wrote or removed it (an `authors` entry or a
   * removal record for another member's session, content under another member's session):
   * refused before it is applied, reaches nobody, and the content connection is closed
   * (relay/edit-authorship-check.ts).
   */
  'not-edit-author': 4407,
  /**
   * A notice only, never a close: the member's upload carried colleagues' changes the relay did
   * not have (it lost them); the member's own part was applied, the colleagues' part is held until
   * the colleague reconnects or the lead accepts it (relay/held-edits.ts). Syncing carries on.
   */
  'edits-held': 4408,
  /** The lead changed this member's role: reconnect to get the new access. */
  'role-changed': 4409,
  /** The invitation was never used before its expiry. */
  'invitation-expired': 4410,
  /** The client speaks another version of this contract (or not this contract at all). */
  'protocol-mismatch': 4426,
} as const;
export type RelayErrorCode = keyof typeof RELAY_ERRORS;

/** The typed code behind a Hocuspocus reason string or a close code, or undefined for anything else. */
export function relayErrorFrom(reasonOrCode: string | number | undefined): RelayErrorCode | undefined {
  if (typeof reasonOrCode === 'number') {
    return (Object.keys(RELAY_ERRORS) as RelayErrorCode[]).find((key) => RELAY_ERRORS[key] === reasonOrCode);
  }
  return typeof reasonOrCode === 'string' && Object.hasOwn(RELAY_ERRORS, reasonOrCode) ? (reasonOrCode as RelayErrorCode) : undefined;
}

/** Stateless message the relay sends on a document connection (provider `onStateless({ payload })`). */
export const relayNoticeSchema = z.object({
  type: z.literal('relay-notice'),
  code: z.enum(Object.keys(RELAY_ERRORS) as [RelayErrorCode, ...RelayErrorCode[]]),
  document: z.string(),
  /** `edits-held`: the names of the colleagues whose changes were held (absent when none is a member any more). */
  names: z.array(z.string().max(200)).max(50).optional(),
});
export type RelayNotice = z.infer<typeof relayNoticeSchema>;

export function parseRelayNotice(payload: string): RelayNotice | undefined {
  try {
    const parsed = relayNoticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stateless message the relay sends on every connection to a briefing when its members list
 * changed (a member added, removed, renamed, given another role or token; someone came online or
 * went away): the app reads the list again instead of polling it.
 */
export const membersChangedSchema = z.object({ type: z.literal('members-changed'), documentId: z.string() });
export type MembersChanged = z.infer<typeof membersChangedSchema>;

export function parseMembersChanged(payload: string): MembersChanged | undefined {
  try {
    const parsed = membersChangedSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stateless message the relay sends to the leads connected to a briefing's content when the
 * changes it holds for them changed (a member's upload was partly held, a held change was
 * accepted, declined or made moot by its author's own upload): the lead's list is read again.
 */
export const heldChangedSchema = z.object({ type: z.literal('held-changed'), documentId: z.string() });
export type HeldChanged = z.infer<typeof heldChangedSchema>;

export function parseHeldChanged(payload: string): HeldChanged | undefined {
  try {
    const parsed = heldChangedSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
