import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import type { Briefing, Section } from '../../../shared/briefing/model';
import { GENERAL_SECTION } from '../../../shared/collab/comments-doc';
import { useT } from '../../i18n/use-t';
import { ChangesLink } from '../changes/ChangesLink';
import { ensureSeenBaseline } from '../changes/seen-baseline';
import { PresenceBar } from '../presence/PresenceBar';
import { shareRecordFor } from '../sharing/share-record';
import { CommentsPanel } from './CommentsPanel';
import { useCommentsWorkspace, useMe } from './use-comments';

/**
 * The delegation workspace beside the editor (mounted by the editor with one line): who else is
 * here and where, what changed since I last looked, and the comments on the part being edited.
 * Outside the editor's read-only fieldset, so that a reviewer can comment.
 */
export function BriefingSidePanel({ briefing, section }: { briefing: Briefing; section: Section | undefined }) {
  const t = useT();
  const workspace = useCommentsWorkspace(briefing.id);
  const me = useMe(briefing.id, briefing.author.trim() || t('comments.me'));
  const sectionId = section?.id ?? GENERAL_SECTION;
  const sharedAs = useLiveQuery(async () => (await shareRecordFor(briefing.id))?.documentId ?? null, [briefing.id]);
  const connectedAs = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    void ensureSeenBaseline(briefing.id).catch((error: unknown) => console.warn('Could not keep when this briefing was last seen', error));
  }, [briefing.id]);
  useEffect(() => {
    if (workspace && me) workspace.setMe(me);
  }, [workspace, me?.memberId, me?.name, me?.role]); // eslint-disable-line react-hooks/exhaustive-deps -- the identity's fields, not the object made on each render
  useEffect(() => workspace?.setSection(sectionId), [workspace, sectionId]);
  useEffect(() => {
    // Shared (or joined elsewhere) while open: connect the comments to the relay now.
    if (!workspace || sharedAs === undefined) return;
    if (connectedAs.current !== undefined && connectedAs.current !== sharedAs) void workspace.connect();
    connectedAs.current = sharedAs;
  }, [workspace, sharedAs]);

  if (!workspace) return null;
  return (
    <aside className="workspace-side" aria-label={t('comments.title')}>
      <PresenceBar workspace={workspace} />
      <ChangesLink briefingId={briefing.id} />
      <CommentsPanel workspace={workspace} me={me} sectionId={sectionId} sectionTitle={section?.agendaTitle ?? t('comments.general')} talkingPoints={section?.talkingPoints ?? []} />
    </aside>
  );
}
