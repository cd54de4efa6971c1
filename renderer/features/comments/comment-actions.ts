import { addReply, addThread, CommentRefused, COMMENT_MAX_LENGTH, setThreadState, type CommentAuthor, type ThreadState } from '../../../shared/collab/comments-doc';
import { deleteComment, editComment, restoreComment, type CommentVersion } from '../../../shared/collab/comments-edits';
import type { CommentsWorkspace, Me } from '../../collab/comments-workspace';
import type { T } from '../../i18n/use-t';

/** What the panel's buttons do: each one change to the comments document, or the reason it was refused (in the interface language). */
const author = (me: Me): CommentAuthor => ({ memberId: me.memberId, name: me.name });
const newId = () => globalThis.crypto.randomUUID();

/** A thread's comment, or one of its replies. */
export type CommentTarget = { threadId: string; replyId?: string };

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

/** May `me` edit or delete what `author` wrote? Their own; comments from before the briefing was shared are the lead's (the relay checks the same). */
export function isMine(author: CommentAuthor, me: Me | undefined): boolean {
  if (!me) return false;
  if (author.memberId === null) return me.memberId === null || me.role === 'lead';
  return author.memberId === me.memberId;
}

export type EditResult = { ok: true; undo: CommentVersion } | { ok: false; message: string };

function attemptEdit(t: T, work: () => CommentVersion): EditResult {
  let undo: CommentVersion | undefined;
  const result = attempt(t, () => (undo = work()));
  return result.ok ? { ok: true, undo: undo! } : result;
}

export function editText(t: T, workspace: CommentsWorkspace, target: CommentTarget, text: string): EditResult {
  return attemptEdit(t, () => {
    let before: CommentVersion | undefined;
    workspace.change((doc) => (before = editComment(doc, target, text, new Date().toISOString())));
    return before!;
  });
}

export function remove(t: T, workspace: CommentsWorkspace, target: CommentTarget): EditResult {
  return attemptEdit(t, () => {
    let before: CommentVersion | undefined;
    workspace.change((doc) => (before = deleteComment(doc, target, new Date().toISOString())));
    return before!;
  });
}

/** Undo of an edit or a deletion: the comment as it was. */
export function restore(t: T, workspace: CommentsWorkspace, version: CommentVersion): ActionResult {
  return attempt(t, () => workspace.change((doc) => restoreComment(doc, version)));
}
