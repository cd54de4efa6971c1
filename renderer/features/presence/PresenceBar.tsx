import { useId } from 'react';
import { GENERAL_SECTION } from '../../../shared/collab/comments-doc';
import type { PresentMember } from '../../collab/awareness-presence';
import type { CommentsWorkspace } from '../../collab/comments-workspace';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { useComments } from '../comments/use-comments';
import { PresenceAvatars } from './PresenceAvatars';

/** The title of a section of the open briefing, for "in …" (the general part, or the agenda item). */
export function useSectionTitle(): (sectionId: string | null) => string | undefined {
  const t = useT();
  const sections = useAppStore((s) => s.draft?.sections);
  return (sectionId) => (sectionId === null ? undefined : sectionId === GENERAL_SECTION ? t('comments.general') : sections?.[sectionId]?.agendaTitle);
}

/** Who else has the briefing open now, and where (shared briefings only). */
export function PresenceBar({ workspace }: { workspace: CommentsWorkspace }) {
  const t = useT();
  const id = useId();
  const relay = useComments(workspace, (s) => s.relay);
  const present = useComments(workspace, (s) => s.present);
  const titleOf = useSectionTitle();
  if (relay === 'local') return null;
  const others = present.filter((m) => !m.me);
  const label = (m: PresentMember) => {
    const section = titleOf(m.sectionId);
    const role = m.role ? t(`sharing.role.${m.role}`) : '';
    return section ? t('presence.in', { name: m.name, role, section }) : t('presence.elsewhere', { name: m.name, role });
  };
  return (
    <section className="presence-bar" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('presence.title')}</h2>
      {others.length === 0 ? (
        <p className="muted">{t('presence.nobody')}</p>
      ) : (
        <>
          <PresenceAvatars members={others} label={label} />
          <ul className="presence-list">
            {others.map((m) => (
              <li key={m.memberId} data-member={m.name}>
                {label(m)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
