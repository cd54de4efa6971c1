import { addReply, addThread, CommentRefused, COMMENT_MAX_LENGTH, setThreadState, type CommentAuthor, type ThreadState } from '../../../shared/collab/comments-doc';
import type { CommentsWorkspace, Me } from '../../collab/comments-workspace';
import type { T } from '../../i18n/use-t';

/** What the panel's buttons do: each one change to the comments document, or the reason it was refused (in the interface language). */
const author = (me: Me): CommentAuthor => ({ memberId: me.memberId, name: me.name });
const newId = () => globalThis.crypto.randomUUID();

export type ActionResult = { ok: true } | { ok: false; message: string };

function attempt(t: T, work: () => void): ActionResult {
  try {
    work();
    return { ok: true };
  } catch (error) {
    if (error instanceof CommentRefused) return { ok: false, message: t(`comments.error.${error.code}`, { max: COMMENT_MAX_LENGTH }) };
    throw error;
  }
}

export function startThread(t: T, workspace: CommentsWorkspace, me: Me, target: { sectionId: string; talkingPointId?: string }, text: string): ActionResult {
  return attempt(t, () => workspace.change((doc) => addThread(doc, { id: newId(), ...target, author: author(me), at: new Date().toISOString(), text })));
}

export function reply(t: T, workspace: CommentsWorkspace, me: Me, threadId: string, text: string): ActionResult {
  return attempt(t, () => workspace.change((doc) => addReply(doc, threadId, { id: newId(), author: author(me), at: new Date().toISOString(), text })));
}

export function changeState(t: T, workspace: CommentsWorkspace, me: Me, threadId: string, state: ThreadState): ActionResult {
  return attempt(t, () => workspace.change((doc) => setThreadState(doc, threadId, { state, by: author(me), at: new Date().toISOString() })));
}
