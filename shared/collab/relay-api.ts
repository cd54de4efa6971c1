import { z } from 'zod';
import { relayIdSchema, roleSchema } from './relay-protocol';
import { TOKEN_HASH } from './relay-token';

/*
 * The relay's small HTTP API, on the same port as the WebSocket (docs/relay.md). Why HTTP and
 * not a Yjs document the lead writes: membership is security state. It must take effect at once
 * and on the relay's terms (a removal cannot be "merged away" by a concurrent offline edit, the
 * last lead cannot be removed, token hashes are never sent to members), and every change must be
 * answered yes or no — a CRDT accepts every edit and converges later.
 *
 *   GET    /v1/relay                                   → RelayInfo (no credential)
 *   POST   /v1/briefings                               register (enrolment secret if the relay has one)
 *   GET    /v1/briefings/:documentId/members           any member → MembersResponse
 *   PUT    /v1/briefings/:documentId/members/:memberId lead: add a member, or change name/role/token
 *   DELETE /v1/briefings/:documentId/members/:memberId lead: remove (revokes the token, closes sockets)
 *   GET    /v1/briefings/:documentId/held              lead: colleagues' changes a member uploaded that the relay lacked → HeldChangesResponse
 *   POST   /v1/briefings/:documentId/held/:heldId      lead: accept (applied to the briefing, after the authorship checks)
 *   DELETE /v1/briefings/:documentId/held/:heldId      lead: decline (deleted)
 *
 * Credentials: `Authorization: Bearer adb-relay-1.<token>` (relayCredential); registration sends
 * `X-Enrolment-Secret: <secret>` when the relay is configured with one. Errors answer
 * `{ error: RelayApiError, message }` with the HTTP status below.
 */

export const ENROLMENT_HEADER = 'x-enrolment-secret';

const isoDate = z.string().datetime({ offset: true });

export const memberInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  /** hashMemberToken(token); required when adding a member, optional (re-issue) when changing one. */
  tokenHash: z.string().regex(TOKEN_HASH).optional(),
  /** The invitation must be used (first connection) before this instant; absent: no expiry. */
  invitationExpiresAt: isoDate.optional(),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const registerBriefingSchema = z.object({
  documentId: relayIdSchema,
  /** Every member the lead knows, the lead included: also how a lead restores a briefing on a relay that lost its data folder. */
  members: z
    .array(memberInputSchema.extend({ memberId: relayIdSchema, tokenHash: z.string().regex(TOKEN_HASH) }))
    .min(1)
    .max(500),
});
export type RegisterBriefing = z.infer<typeof registerBriefingSchema>;

export const memberViewSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  role: roleSchema,
  addedAt: z.string(),
  /** Last connection or disconnection the relay saw; null until the invitation is used. */
  lastSeenAt: z.string().nullable(),
  online: z.boolean(),
  invitationExpiresAt: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const membersResponseSchema = z.object({
  documentId: z.string(),
  you: z.string(),
  members: z.array(memberViewSchema),
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;

const heldMemberSchema = z.object({ memberId: z.string().nullable(), name: z.string().nullable() });

/** Where a held change writes (relay/held-summary.ts): a section's field, or (sectionId null) a field of the briefing's header and general sections. */
export const heldPlaceSchema = z.object({ sectionId: z.string().nullable(), sectionTitle: z.string().nullable(), field: z.string() });
export type HeldPlace = z.infer<typeof heldPlaceSchema>;

/**
 * Changes held by the relay (relay/held-edits.ts): who uploaded them, whose sessions they are
 * (null memberId: a session with no named member — the lead's before sharing, or an older app's;
 * null name: no longer a member), where they write and a short preview of their words.
 */
export const heldChangeViewSchema = z.object({
  heldId: z.string(),
  uploadedBy: heldMemberSchema,
  sessions: z.array(heldMemberSchema),
  items: z.number(),
  at: z.string(),
  places: z.array(heldPlaceSchema),
  preview: z.string(),
});
export type HeldChangeView = z.infer<typeof heldChangeViewSchema>;

export const heldChangesResponseSchema = z.object({ documentId: z.string(), held: z.array(heldChangeViewSchema) });
export type HeldChangesResponse = z.infer<typeof heldChangesResponseSchema>;

export const relayInfoSchema = z.object({
  service: z.literal('adb-relay'),
  protocol: z.string(),
  enrolment: z.enum(['open', 'secret']),
});
export type RelayInfo = z.infer<typeof relayInfoSchema>;

export const RELAY_API_ERRORS = {
  'bad-request': 400,
  'bad-token': 401,
  'enrolment-required': 401,
  revoked: 403,
  forbidden: 403,
  'unknown-briefing': 404,
  'unknown-member': 404,
  'not-found': 404,
  'briefing-exists': 409,
  'last-lead': 409,
  /** A held change the lead accepted failed the authorship checks that still hold (left held: decline it). */
  'held-refused': 409,
  'invitation-expired': 410,
  'too-large': 413,
  'protocol-mismatch': 426,
  internal: 500,
} as const;
export type RelayApiError = keyof typeof RELAY_API_ERRORS;

export const apiErrorSchema = z.object({ error: z.enum(Object.keys(RELAY_API_ERRORS) as [RelayApiError, ...RelayApiError[]]), message: z.string() });
