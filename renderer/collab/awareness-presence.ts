import { PRESENCE_FIELD, type PresenceState } from '../../shared/collab/comments-presence';

export { PRESENCE_FIELD, type PresenceState };

/**
 * Presence: who has a shared briefing open and in which section, carried by Yjs awareness
 * (y-protocols) on the briefing's comments connection to the relay. Awareness is not content:
 * the relay relays it to every member (readers too) and stores none of it; when a member's
 * connection closes the relay drops their state and tells the others, and a state nobody
 * renews is dropped by every client after 30 s (y-protocols' outdated timeout). The relay
 * rewrites who a state says it is from the member's token, so presence cannot be forged.
 */

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
 * The members present, one entry per member (a member with two windows open shows once, in
 * the section of their most recent state), sorted by name. `states` is awareness's
 * client id -> state map; `myClientIds` the awareness client ids of this tab.
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

/** Others present per section id (me left out: the outline shows where colleagues are). */
export function othersBySection(members: readonly PresentMember[]): Map<string, PresentMember[]> {
  const out = new Map<string, PresentMember[]>();
  for (const member of members) {
    if (member.me || member.sectionId === null) continue;
    out.set(member.sectionId, [...(out.get(member.sectionId) ?? []), member]);
  }
  return out;
}

/** One or two letters for an avatar: "Aminah Binti Ali" -> "AB", "Budi" -> "BU". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return [...words[0]!].slice(0, 2).join('').toUpperCase();
  return ([...words[0]!][0]! + [...words[1]!][0]!).toUpperCase();
}
