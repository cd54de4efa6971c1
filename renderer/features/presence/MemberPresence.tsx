import { useT } from '../../i18n/use-t';
import { useComments, useCommentsWorkspace } from '../comments/use-comments';
import { useSectionTitle } from './PresenceBar';

/** For the members list: where a member is in the briefing right now (nothing once they are gone). */
export function MemberPresence({ briefingId, memberId }: { briefingId: string; memberId: string }) {
  const t = useT();
  const workspace = useCommentsWorkspace(briefingId);
  const titleOf = useSectionTitle();
  const here = useComments(workspace, (s) => {
    const member = s.present.find((m) => m.memberId === memberId);
    return member ? (member.sectionId ?? '') : undefined;
  });
  if (here === undefined) return null;
  const section = titleOf(here || null);
  return (
    <span className="member-presence" data-presence="here">
      {' · '}
      {section ? t('presence.inShort', { section }) : t('presence.title')}
    </span>
  );
}
