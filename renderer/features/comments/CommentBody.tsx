import { useId, useState, type KeyboardEvent } from 'react';
import type { CommentAuthor } from '../../../shared/collab/comments-doc';
import type { CommentVersion } from '../../../shared/collab/comments-edits';
import type { CommentsWorkspace, Me } from '../../collab/comments-workspace';
import { useT } from '../../i18n/use-t';
import { editText, isMine, remove, type CommentTarget } from './comment-actions';

/** Something the author can take back: the version before their edit or deletion. */
export interface Undoable {
  version: CommentVersion;
  kind: 'edited' | 'deleted';
}

/**
 * One comment or reply: who and when, the text (marked "edited" once its author changed it),
 * and for its author Edit (Ctrl+Enter saves, Escape cancels) and Delete, each undoable from the
 * panel.
 */
export function CommentBody({ target, author, at, text, editedAt, time, workspace, me, canComment, labelId, onUndoable }: {
  target: CommentTarget;
  author: CommentAuthor;
  at: string;
  text: string;
  editedAt: string | undefined;
  time: (iso: string) => string;
  workspace: CommentsWorkspace;
  me: Me | undefined;
  canComment: boolean;
  labelId?: string;
  onUndoable: (undo: Undoable) => void;
}) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const [error, setError] = useState<string | undefined>();
  const mine = canComment && isMine(author, me);
  const what = target.replyId ? 'reply' : 'comment';

  const save = () => {
    if (draft.trim() === text) return setEditing(false);
    const result = editText(t, workspace, target, draft);
    if (!result.ok) return setError(result.message);
    setError(undefined);
    setEditing(false);
    onUndoable({ version: result.undo, kind: 'edited' });
  };
  const del = () => {
    const result = remove(t, workspace, target);
    if (!result.ok) return setError(result.message);
    onUndoable({ version: result.undo, kind: 'deleted' });
  };
  const keys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(false);
      setError(undefined);
    }
  };

  return (
    <>
      <p className="comment-meta" id={labelId}>
        <strong>{author.name}</strong> <time dateTime={at}>{time(at)}</time>
        {editedAt && (
          <>
            {' '}
            <span className="comment-edited muted" title={t('comments.editedAt', { at: time(editedAt) })}>
              {t('comments.edited')}
            </span>
          </>
        )}
      </p>
      {editing ? (
        <div className="comment-edit">
          <label className="field">
            {t(what === 'reply' ? 'comments.editReplyLabel' : 'comments.editLabel')}
            <textarea rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={keys} autoFocus aria-describedby={`${id}-hint`} />
          </label>
          <span id={`${id}-hint`} className="muted">
            {t('comments.editHint')}
          </span>{' '}
          <button type="button" onClick={save}>
            {t('comments.save')}
          </button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            {t('comments.cancel')}
          </button>
        </div>
      ) : (
        <p className="comment-text">{text}</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {mine && !editing && (
        <div className="comment-own-actions">
          <button
            type="button"
            onClick={() => {
              setDraft(text);
              setEditing(true);
            }}
            aria-label={t(what === 'reply' ? 'comments.editReply' : 'comments.editComment')}
          >
            {t('comments.edit')}
          </button>{' '}
          <button type="button" onClick={del} aria-label={t(what === 'reply' ? 'comments.deleteReply' : 'comments.deleteComment')}>
            {t('comments.delete')}
          </button>
        </div>
      )}
    </>
  );
}
