import { useT } from '../../i18n/use-t';
import { PresenceAvatars } from '../presence/PresenceAvatars';
import { useComments, useCommentsWorkspace } from './use-comments';

/**
 * What the outline shows beside an agenda item (or the general part): how many comment threads
 * are open on it, and the initials of colleagues who have it open now. Mounted by the editor.
 */
export function SectionMarks({ briefingId, sectionId }: { briefingId: string; sectionId: string }) {
  const t = useT();
  const workspace = useCommentsWorkspace(briefingId);
  const open = useComments(workspace, (s) => s.threads.reduce((n, thread) => n + (thread.sectionId === sectionId && thread.state === 'open' ? 1 : 0), 0));
  // A string, so the outline re-renders only when who is where changes.
  const here = useComments(workspace, (s) => JSON.stringify(s.present.filter((m) => !m.me && m.sectionId === sectionId)));
  const members = JSON.parse(here) as Parameters<typeof PresenceAvatars>[0]['members'];
  return (
    <>
      {open > 0 && (
        <span className="comment-count" data-comment-count={open}>
          {' '}
          {t('comments.badge', { count: open })}
        </span>
      )}
      {members.length > 0 && (
        <>
          {' '}
          <PresenceAvatars members={members} label={(m) => t('presence.here', { names: m.name })} />
        </>
      )}
    </>
  );
}
