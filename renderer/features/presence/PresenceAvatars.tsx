import { initials, type PresentMember } from '../../collab/awareness-presence';

/** Colleagues as initials in small circles, each named for screen readers and on hover. */
export function PresenceAvatars({ members, label }: { members: readonly PresentMember[]; label: (member: PresentMember) => string }) {
  if (members.length === 0) return null;
  return (
    <span className="presence-avatars">
      {members.map((m) => (
        <span key={m.memberId} className={`presence-avatar role-${m.role ?? 'local'}`} title={label(m)} aria-label={label(m)} role="img" data-member={m.name}>
          {initials(m.name)}
        </span>
      ))}
    </span>
  );
}
