import { useId, useState, type KeyboardEvent } from 'react';
import type { CommentThread } from '../../../shared/collab/comments-doc';
import type { CommentsWorkspace, Me } from '../../collab/comments-workspace';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { changeState, reply } from './comment-actions';
import { CommentBody, type Undoable } from './CommentBody';

/** Ctrl+Enter (Cmd+Enter) in a comment box sends it. */
export function sendOnCtrlEnter(send: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };
}

/** One thread: the comment, its replies, who resolved or reopened it, and (for those who may) reply, resolve, reopen. */
export function CommentThreadView({ thread, workspace, me, canComment, anchor, onUndoable }: { thread: CommentThread; workspace: CommentsWorkspace; me: Me | undefined; canComment: boolean; anchor: string | undefined; onUndoable: (undo: Undoable) => void }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const id = useId();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const time = (iso: string) => formatDateTime(iso, language, 'medium', 'short');
  const last = thread.history.at(-1);
  const may = canComment && me !== undefined;

  const send = () => {
    if (!me) return;
    const result = reply(t, workspace, me, thread.id, text);
    if (!result.ok) return setError(result.message);
    setText('');
    setError(undefined);
    setReplying(false);
  };
  const toggle = () => {
    if (!me) return;
    const result = changeState(t, workspace, me, thread.id, thread.state === 'open' ? 'resolved' : 'open');
    if (!result.ok) setError(result.message);
  };

  return (
    <li className={`comment-thread thread-${thread.state}`} aria-labelledby={`${id}-by`} data-thread-state={thread.state}>
      {anchor && <p className="comment-anchor">{anchor}</p>}
      {thread.deletedAt ? (
        <p className="comment-meta muted" id={`${id}-by`}>
          {t('comments.deletedBy', { name: thread.author.name })}
        </p>
      ) : (
        <CommentBody target={{ threadId: thread.id }} author={thread.author} at={thread.at} text={thread.text} editedAt={thread.editedAt} time={time} workspace={workspace} me={me} canComment={canComment} labelId={`${id}-by`} onUndoable={onUndoable} />
      )}
      {thread.replies.length > 0 && (
        <ol className="comment-replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <CommentBody target={{ threadId: thread.id, replyId: r.id }} author={r.author} at={r.at} text={r.text} editedAt={r.editedAt} time={time} workspace={workspace} me={me} canComment={canComment} onUndoable={onUndoable} />
            </li>
          ))}
        </ol>
      )}
      {last && <p className="comment-state muted">{t(last.state === 'resolved' ? 'comments.resolvedBy' : 'comments.reopenedBy', { name: last.by.name, at: time(last.at) })}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {may && (
        <div className="comment-actions">
          {replying ? (
            <div className="comment-reply">
              <label className="field">
                {t('comments.replyLabel', { name: thread.author.name })}
                <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={sendOnCtrlEnter(send)} autoFocus aria-describedby={`${id}-hint`} />
              </label>
              <span id={`${id}-hint`} className="muted">
                {t('comments.submitHint')}
              </span>{' '}
              <button type="button" onClick={send}>
                {t('comments.send')}
              </button>
            </div>
          ) : (
            thread.state === 'open' && (
              <button type="button" onClick={() => setReplying(true)}>
                {t('comments.reply')}
              </button>
            )
          )}{' '}
          <button type="button" onClick={toggle}>
            {thread.state === 'open' ? t('comments.resolve') : t('comments.reopen')}
          </button>
        </div>
      )}
    </li>
  );
}
