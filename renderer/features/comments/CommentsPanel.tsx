import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { sectionThreads } from '../../../shared/collab/comments-doc';
import type { TalkingPoint } from '../../../shared/briefing/model';
import type { CommentsWorkspace, Me } from '../../collab/comments-workspace';
import { useT } from '../../i18n/use-t';
import { restore, startThread } from './comment-actions';
import type { Undoable } from './CommentBody';
import { CommentThreadView, sendOnCtrlEnter } from './CommentThreadView';
import { useComments } from './use-comments';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text || '—');

/**
 * The comments on one part of the briefing (an agenda item's section, or the general part):
 * open threads first, resolved ones behind a toggle, and a form to comment on the whole
 * section or on one of its talking points. Readers read; the relay refuses their comments too.
 */
export function CommentsPanel({ workspace, me, sectionId, sectionTitle, talkingPoints }: { workspace: CommentsWorkspace; me: Me | undefined; sectionId: string; sectionTitle: string; talkingPoints: readonly TalkingPoint[] }) {
  const t = useT();
  const id = useId();
  const snapshot = useComments(workspace, (s) => s);
  const threads = useMemo(() => sectionThreads(snapshot.threads, sectionId), [snapshot.threads, sectionId]);
  const open = threads.filter((th) => th.state === 'open');
  const resolved = threads.filter((th) => th.state === 'resolved');
  const [showResolved, setShowResolved] = useState(false);
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const canComment = snapshot.canComment && me !== undefined && me.role !== 'reader';
  // The last edit or deletion made here, which Undo takes back (the author's own change: the relay allows it).
  const [undoable, setUndoable] = useState<Undoable | undefined>();
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A deleted comment leaves the list: focus goes to Undo, not to the top of the page.
    if (undoable) undoButton.current?.focus();
  }, [undoable]);
  const undo = () => {
    if (!undoable) return;
    const result = restore(t, workspace, undoable.version);
    setUndoable(undefined);
    setError(result.ok ? undefined : result.message);
  };

  const anchorOf = (talkingPointId: string | undefined) => {
    if (!talkingPointId) return undefined;
    const index = talkingPoints.findIndex((p) => p.id === talkingPointId);
    return index < 0 ? t('comments.talkingPointGone') : t('comments.onTalkingPoint', { n: index + 1, text: short(talkingPoints[index]!.text) });
  };
  const add = () => {
    if (!me) return;
    const chosen = talkingPoints.some((p) => p.id === target) ? target : undefined;
    const result = startThread(t, workspace, me, { sectionId, ...(chosen ? { talkingPointId: chosen } : {}) }, text);
    if (!result.ok) return setError(result.message);
    setText('');
    setError(undefined);
  };

  return (
    <section className="comments-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {t('comments.on', { section: sectionTitle })} <span className="comment-count">({t('comments.count', { count: open.length })})</span>
      </h2>
      {snapshot.unsavedMarking && (
        <p className="unsaved-here" role="alert">
          {t('comments.save.needsPassphrase', { marking: snapshot.unsavedMarking })}
        </p>
      )}
      {snapshot.relay === 'local' && snapshot.loaded && <p className="muted">{t('comments.localOnly')}</p>}
      {snapshot.relay === 'offline' && <p className="muted">{t('comments.relay.offline')}</p>}
      {snapshot.relay === 'refused' && (
        <p className="error" role="alert">
          {snapshot.refusal ? t(`relay.error.${snapshot.refusal}`) : t('comments.relay.refused')}
        </p>
      )}
      {undoable && (
        <p role="status" className="comment-undo">
          {t(undoable.kind === 'deleted' ? 'comments.deletedNotice' : 'comments.editedNotice')}{' '}
          <button type="button" ref={undoButton} onClick={undo}>
            {t('comments.undo')}
          </button>
        </p>
      )}
      {me?.role === 'reviewer' && <p className="muted">{t('comments.reviewerNote')}</p>}
      {!snapshot.loaded ? (
        <p>{t('comments.loading')}</p>
      ) : threads.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ul className="comment-threads" aria-label={t('comments.title')}>
          {[...open, ...(showResolved ? resolved : [])].map((thread) => (
            <CommentThreadView key={thread.id} thread={thread} workspace={workspace} me={me} canComment={canComment} anchor={anchorOf(thread.talkingPointId)} onUndoable={setUndoable} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <button type="button" aria-expanded={showResolved} onClick={() => setShowResolved((s) => !s)}>
          {showResolved ? t('comments.hideResolved') : t('comments.showResolved', { count: resolved.length })}
        </button>
      )}
      {canComment ? (
        <div className="comment-new" role="group" aria-labelledby={`${id}-new`}>
          <h3 id={`${id}-new`}>{t('comments.new')}</h3>
          {talkingPoints.length > 0 && (
            <label className="field line">
              {t('comments.target')}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t('comments.wholeSection')}</option>
                {talkingPoints.map((p, i) => (
                  <option key={p.id} value={p.id}>
                    {t('comments.talkingPoint', { n: i + 1, text: short(p.text) })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            {t('comments.text')}
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={sendOnCtrlEnter(add)} aria-describedby={`${id}-hint`} />
          </label>
          <span id={`${id}-hint`} className="muted">
            {t('comments.submitHint')}
          </span>{' '}
          <button type="button" onClick={add}>
            {t('comments.add')}
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </div>
      ) : (
        me?.role === 'reader' && <p role="note">{t('comments.readOnly')}</p>
      )}
    </section>
  );
}
