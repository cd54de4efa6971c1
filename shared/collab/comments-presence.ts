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

export interface PresentMember extends PresenceState {
  /** Whether this is me (another tab or window of mine counts as me). */
  me: boolean;
}

function isPresence(value: unknown): value is PresenceState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as PresenceState;
  return typeof v.memberId === 'string' && typeof v.name === 'string' && (v.sectionId === null || typeof v.sectionId === 'string');
}

/**
 * The members present, one entry per member (a member with two windows open shows once: for me
 * this tab's state, for others the state of their highest client id), sorted by name. `states`
 * is awareness's client id -> state map; `myClientId` this tab's awareness client id.
 */
export function presentMembers(states: ReadonlyMap<number, Record<string, unknown>>, myMemberId: string | null, myClientId: number): PresentMember[] {
  const byMember = new Map<string, PresentMember & { clientId: number }>();
  for (const [clientId, state] of states) {
    const presence = state[PRESENCE_FIELD];
    if (!isPresence(presence)) continue;
    const me = presence.memberId === myMemberId;
    const entry = { memberId: presence.memberId, name: presence.name.slice(0, 200), role: presence.role ?? null, sectionId: presence.sectionId, me, clientId };
    const seen = byMember.get(presence.memberId);
    // This tab's own state wins for me; otherwise the highest client id, for a stable choice.
    if (!seen || (clientId === myClientId && me) || (seen.clientId !== myClientId && clientId > seen.clientId)) byMember.set(presence.memberId, entry);
  }
  return [...byMember.values()].map(({ clientId: _c, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name) || (a.memberId < b.memberId ? -1 : 1));
}
