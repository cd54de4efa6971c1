import type * as Y from 'yjs';
import { cleanText, CommentRefused, threadMap, type CommentReply } from './comments-doc';

/*
 * Editing and deleting a comment or a reply, by its author (the relay refuses anyone else's:
 * comments-authorship.ts). A thread's own comment is edited in place (`text`, `editedAt`); a
 * deletion empties `text` and sets `deletedAt`, so the words leave the document for everyone
 * while colleagues' replies keep their thread. A reply (a plain value in the thread's `replies`
 * array) is replaced in place by one of the same id. Each function answers what was there
 * before, so the author can undo with `restoreComment`.
 */

/** A comment's or reply's text and marks before a change: what undo puts back. */
export interface CommentVersion {
  threadId: string;
  /** Absent: the thread's own comment. */
  replyId?: string;
  text: string;
  editedAt?: string;
  deletedAt?: string;
}

function replyIndex(replies: Y.Array<CommentReply>, replyId: string): number {
  // The last entry with that id is the current one (an edit appends nothing: it replaces in place).
  const all = replies.toArray();
  for (let i = all.length - 1; i >= 0; i--) if (all[i]?.id === replyId) return i;
  throw new CommentRefused('no-thread');
}

function versionOf(map: Y.Map<unknown>, threadId: string): CommentVersion {
  const editedAt = map.get('editedAt');
  const deletedAt = map.get('deletedAt');
  return {
    threadId,
    text: String(map.get('text') ?? ''),
    ...(typeof editedAt === 'string' ? { editedAt } : {}),
    ...(typeof deletedAt === 'string' ? { deletedAt } : {}),
  };
}

function setMarks(map: Y.Map<unknown>, version: Omit<CommentVersion, 'threadId' | 'replyId'>): void {
  if (map.get('text') !== version.text) map.set('text', version.text);
  for (const key of ['editedAt', 'deletedAt'] as const) {
    const value = version[key];
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
    } else if (map.get(key) !== value) map.set(key, value);
  }
}

function replaceReply(replies: Y.Array<CommentReply>, index: number, next: CommentReply): void {
  replies.delete(index, 1);
  replies.insert(index, [next]);
}

const replyVersion = (threadId: string, reply: CommentReply): CommentVersion => ({
  threadId,
  replyId: reply.id,
  text: reply.text,
  ...(reply.editedAt ? { editedAt: reply.editedAt } : {}),
  ...(reply.deletedAt ? { deletedAt: reply.deletedAt } : {}),
});

/** Changes the text of a comment (or of one reply); answers what it was. Throws `CommentRefused` for an empty or too long text. */
export function editComment(doc: Y.Doc, target: { threadId: string; replyId?: string }, text: string, at: string, origin: unknown = null): CommentVersion {
  const clean = cleanText(text);
  const map = threadMap(doc, target.threadId);
  let before: CommentVersion | undefined;
  doc.transact(() => {
    if (!target.replyId) {
      before = versionOf(map, target.threadId);
      setMarks(map, { text: clean, editedAt: at });
      return;
    }
    const replies = map.get('replies') as Y.Array<CommentReply>;
    const index = replyIndex(replies, target.replyId);
    const reply = replies.get(index);
    before = replyVersion(target.threadId, reply);
    const { deletedAt: _gone, ...rest } = reply;
    replaceReply(replies, index, { ...rest, text: clean, editedAt: at });
  }, origin);
  return before!;
}

/** Deletes a comment (or one reply): its text leaves the document. Answers what it was, for undo. */
export function deleteComment(doc: Y.Doc, target: { threadId: string; replyId?: string }, at: string, origin: unknown = null): CommentVersion {
  const map = threadMap(doc, target.threadId);
  let before: CommentVersion | undefined;
  doc.transact(() => {
    if (!target.replyId) {
      before = versionOf(map, target.threadId);
      setMarks(map, { text: '', ...(before.editedAt ? { editedAt: before.editedAt } : {}), deletedAt: at });
      return;
    }
    const replies = map.get('replies') as Y.Array<CommentReply>;
    const index = replyIndex(replies, target.replyId);
    const reply = replies.get(index);
    before = replyVersion(target.threadId, reply);
    replaceReply(replies, index, { ...reply, text: '', deletedAt: at });
  }, origin);
  return before!;
}

/** Puts a comment or reply back as it was before an edit or a deletion (undo). */
export function restoreComment(doc: Y.Doc, version: CommentVersion, origin: unknown = null): void {
  const map = threadMap(doc, version.threadId);
  doc.transact(() => {
    if (!version.replyId) return setMarks(map, version);
    const replies = map.get('replies') as Y.Array<CommentReply>;
    const index = replyIndex(replies, version.replyId);
    const reply = replies.get(index);
    const { editedAt: _e, deletedAt: _d, ...rest } = reply;
    replaceReply(replies, index, {
      ...rest,
      text: version.text,
      ...(version.editedAt ? { editedAt: version.editedAt } : {}),
      ...(version.deletedAt ? { deletedAt: version.deletedAt } : {}),
    });
  }, origin);
}
