import type { Role } from './relay-protocol';

/**
 * Presence as it travels in Yjs awareness on a briefing's comments connection (the app writes
 * it, renderer/collab/awareness-presence.ts; the relay rewrites who it is from the member's
 * token, relay/access-control.ts). Pure, shared by both.
 */
export const PRESENCE_FIELD = 'adbPresence';

export interface PresenceState {
  memberId: string;
  name: string;
  role: Role | null;
  /** The section open in their editor (`general` for the briefing's general part), null elsewhere. */
  sectionId: string | null;
}

/** A presence state with who it is taken from the relay's member record; null when it is not a presence state at all. */
export function presenceAs(claimed: unknown, member: { memberId: string; name: string; role: Role }): PresenceState | null {
  if (typeof claimed !== 'object' || claimed === null) return null;
  const sectionId = (claimed as { sectionId?: unknown }).sectionId;
  return { memberId: member.memberId, name: member.name, role: member.role, sectionId: typeof sectionId === 'string' ? sectionId.slice(0, 200) : null };
}
