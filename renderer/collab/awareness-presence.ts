import { PRESENCE_FIELD, presentMembers, type PresenceState, type PresentMember } from '../../shared/collab/comments-presence';

export { PRESENCE_FIELD, presentMembers, type PresenceState, type PresentMember };

/**
 * Presence: who has a shared briefing open and in which section, carried by Yjs awareness
 * (y-protocols) on the briefing's comments connection to the relay. Awareness is not content:
 * the relay relays it to every member (readers too) and stores none of it; when a member's
 * connection closes the relay drops their state and tells the others, and a state nobody
 * renews is dropped by every client after 30 s (y-protocols' outdated timeout). The relay
 * rewrites who a state says it is from the member's token, so presence cannot be forged.
 */

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
