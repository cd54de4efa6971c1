import * as Y from 'yjs';
import { judgeAnnotationRemoved, judgeAnnotationWritten, type AnnotationJudge } from './annotations-authorship';
import { COMMENT_MAX_LENGTH, commentsRoots, isAuthor, readThread, type CommentAuthor } from './comments-doc';
import { annotationsRoot } from './delegation-annotations';
import type { Role } from './relay-protocol';
import { entryValue, judgeUpdate, Refused as Refusal, structsBetween, writtenClients } from './update-check';

/** A refusal of a comments change (the shared walk's, typed for comments). */
class Refused extends Refusal<CommentsRefusal> {}

/*
 * What a member may change in a briefing's comments document, checked by the relay on every
 * update before it is applied (relay/comments-authorship.ts), against the member the connection's
 * token names (never what the update claims):
 *
 * - a new comment or reply is written as oneself (its `author.memberId` is the sender's);
 * - only its author edits or deletes a comment (`text`, `editedAt`, `deletedAt` of their
 *   thread) or a reply (replaced in place, comments-edits.ts); nothing else of a thread changes
 *   once written, and no thread is ever removed;
 * - a resolve or reopen is recorded as oneself, by any member who may write comments (lead,
 *   drafters and reviewers: readers' connections are read-only);
 * - comments written before the briefing was shared (`memberId` null) are the lead's: only the
 *   lead uploads, edits or deletes them;
 * - a lead whose relay holds no comments yet (first share, or a relay that lost its data) may
 *   upload colleagues' comments as they are: restoring, not writing;
 * - annotations shared with the delegation (the `annotations` root) follow their own rules:
 *   annotations-authorship.ts.
 *
 * Pure: the relay calls it on a probe document that mirrors the stored one.
 */

export interface CommentsSender {
  memberId: string;
  role: Role;
}

export type CommentsRefusal =
  /** A comment, reply, resolve or reopen written in another member's name, or an edit or deletion of another member's comment. */
  | 'not-author'
  /** A change to what never changes once written (a thread's author, time, section; resolve history), or a thread removed. */
  | 'immutable'
  /** Something that is not a comment (another root, a malformed thread, a text over the length limit). */
  | 'malformed'
  /** The update builds on changes the relay does not have: it cannot be checked. */
  | 'incomplete';

export type CommentsVerdict = { ok: true } | { ok: false; refusal: CommentsRefusal; detail: string };

/** Keys of a thread that its author may change after writing it. */
const EDITABLE = new Set(['text', 'editedAt', 'deletedAt']);
const THREAD_KEYS = new Set(['id', 'sectionId', 'talkingPointId', 'author', 'at', 'text', 'replies', 'states', 'editedAt', 'deletedAt']);


/**
 * Applies `update` to `probe` and answers whether `sender` may make that change. After a
 * refusal the probe holds the refused change: the caller throws it away.
 */
export function checkCommentsUpdate(probe: Y.Doc, update: Uint8Array, sender: CommentsSender): CommentsVerdict {
  // The roots are defined before the update is applied: a probe built from an update holds
  // placeholders for them, and the items written now must have the roots as their parents.
  const { threads } = commentsRoots(probe);
  const annotations = annotationsRoot(probe);
  const restoring = sender.role === 'lead' && threads.size === 0 && annotations.size === 0;
  const verdict: CommentsVerdict = judgeUpdate<CommentsRefusal>(probe, update, (transaction) => judgeTransaction(probe, transaction, sender, restoring));
  if (verdict.ok && (probe.store.pendingStructs !== null || probe.store.pendingDs !== null)) {
    // Items waiting for others would be integrated later, when another member's update brings
    // what they build on, and checked against that member: refused now instead.
    return { ok: false, refusal: 'incomplete', detail: 'the update builds on changes the relay does not have' };
  }
  return verdict;
}

type Place =
  | { kind: 'meta'; key: string | null }
  | { kind: 'threads'; key: string | null }
  | { kind: 'annotations' }
  | { kind: 'thread-field'; thread: Y.Map<unknown>; key: string | null }
  | { kind: 'replies'; thread: Y.Map<unknown> }
  | { kind: 'states'; thread: Y.Map<unknown> }
  | { kind: 'other' };

function placeOf(probe: Y.Doc, item: Y.Item): Place {
  const { meta, threads } = commentsRoots(probe);
  const annotations = annotationsRoot(probe);
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (parent === meta) return { kind: 'meta', key: item.parentSub };
  if (parent === threads) return { kind: 'threads', key: item.parentSub };
  if (parent === annotations) return { kind: 'annotations' };
  const parentItem = parent?._item;
  if (!parent || !parentItem) return { kind: 'other' };
  if (parentItem.parent === threads && parent instanceof Y.Map) return { kind: 'thread-field', thread: parent as Y.Map<unknown>, key: item.parentSub };
  const grand = parentItem.parent as Y.AbstractType<unknown> | null;
  if (parent instanceof Y.Array && grand instanceof Y.Map && grand._item?.parent === threads) {
    if (parentItem.parentSub === 'replies') return { kind: 'replies', thread: grand as Y.Map<unknown> };
    if (parentItem.parentSub === 'states') return { kind: 'states', thread: grand as Y.Map<unknown> };
  }
  return { kind: 'other' };
}

const isNew = (item: Y.Item, transaction: Y.Transaction) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);

function judgeTransaction(probe: Y.Doc, transaction: Y.Transaction, sender: CommentsSender, restoring: boolean): void {
  const own = (author: CommentAuthor) => author.memberId === sender.memberId || (author.memberId === null && sender.role === 'lead');
  const writtenAs = (author: unknown, what: string) => {
    if (!isAuthor(author)) throw new Refused('malformed', `${what} without an author`);
    if (!own(author) && !restoring) throw new Refused('not-author', `${what} written as ${author.name || author.memberId || 'someone else'}`);
  };
  const threadIsNew = (thread: Y.Map<unknown>) => thread._item !== null && isNew(thread._item, transaction);
  const ownThread = (thread: Y.Map<unknown>) => {
    const author = thread.get('author');
    return isAuthor(author) && own(author);
  };
  const annotations: AnnotationJudge = { own: (memberId) => memberId === sender.memberId, restoring };

  // What was written.
  for (const { client, start, end } of writtenClients(transaction)) {
    for (const item of structsBetween(probe, client, start, end)) {
      if (!(item instanceof Y.Item) || item.deleted) continue;
      const place = placeOf(probe, item);
      switch (place.kind) {
        case 'meta':
          if (place.key !== 'format' || typeof entryValue(item) !== 'number') throw new Refused('malformed', 'only the format is kept in meta');
          break;
        case 'threads': {
          const map = item.content instanceof Y.ContentType ? item.content.type : undefined;
          const thread = map instanceof Y.Map ? readThread(map as Y.Map<unknown>) : undefined;
          if (!thread || thread.id !== place.key) throw new Refused('malformed', 'a thread that is not a comment');
          writtenAs(thread.author, 'a comment');
          if (thread.text.length > COMMENT_MAX_LENGTH) throw new Refused('malformed', 'a comment over the length limit');
          break;
        }
        case 'thread-field':
          if (!place.key || !THREAD_KEYS.has(place.key)) throw new Refused('malformed', `a thread field ${String(place.key)}`);
          if (threadIsNew(place.thread)) break; // written with its thread, checked there
          if (!EDITABLE.has(place.key)) throw new Refused('immutable', `a thread's ${place.key} changed`);
          if (!ownThread(place.thread)) throw new Refused('not-author', "an edit of another member's comment");
          if (place.key === 'text' && String(entryValue(item)).length > COMMENT_MAX_LENGTH) throw new Refused('malformed', 'a comment over the length limit');
          break;
        case 'replies':
          for (const reply of item.content.getContent() as { id?: unknown; author?: unknown; text?: unknown }[]) {
            writtenAs(reply?.author, 'a reply');
            if (typeof reply.id !== 'string' || typeof reply.text !== 'string' || reply.text.length > COMMENT_MAX_LENGTH) throw new Refused('malformed', 'a reply that is not one');
            // A reply with the id of another member's reply would replace it for every reader.
            const clash = (place.thread.get('replies') as Y.Array<{ id?: unknown; author?: CommentAuthor }>)
              .toArray()
              .some((other) => other?.id === reply.id && isAuthor(other.author) && other.author.memberId !== (reply.author as CommentAuthor).memberId);
            if (clash && !restoring) throw new Refused('not-author', "a reply in place of another member's");
          }
          break;
        case 'annotations':
          judgeAnnotationWritten(item, annotations);
          break;
        case 'states':
          for (const change of item.content.getContent() as { state?: unknown; by?: unknown }[]) {
            if (change?.state !== 'open' && change?.state !== 'resolved') throw new Refused('malformed', 'a thread state that is not one');
            writtenAs(change.by, change.state === 'resolved' ? 'a resolve' : 'a reopen');
          }
          break;
        default:
          throw new Refused('malformed', 'something that is not a comment');
      }
    }
  }

  // What was removed (an edit replaces a value: the old one is removed).
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || isNew(struct, transaction)) return;
    const place = placeOf(probe, struct);
    switch (place.kind) {
      case 'meta':
        if (place.key === 'format') return;
        break;
      case 'thread-field':
        if (place.key && EDITABLE.has(place.key)) {
          if (ownThread(place.thread)) return;
          throw new Refused('not-author', "an edit or deletion of another member's comment");
        }
        break;
      case 'replies':
        for (const reply of struct.content.getContent() as { author?: unknown }[]) {
          if (!isAuthor(reply?.author) || !own(reply.author)) throw new Refused('not-author', "an edit or deletion of another member's reply");
        }
        return;
      case 'annotations':
        judgeAnnotationRemoved(probe, struct, annotations);
        return;
      default:
        break;
    }
    throw new Refused('immutable', place.kind === 'threads' ? 'a thread removed' : 'something written removed');
  });
}
