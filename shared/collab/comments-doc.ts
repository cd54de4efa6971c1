import * as Y from 'yjs';

/**
 * A briefing's comments as a Yjs document of their own (the relay's `comments` document, which
 * lead, drafters and reviewers may write and readers only read: shared/collab/relay-protocol.ts).
 * Kept apart from the briefing's content so that a reviewer can write comments while the relay
 * keeps their connection to the content read-only. Layout (format `COMMENTS_DOC_FORMAT`):
 *
 * - `meta` Y.Map: `format` (number).
 * - `threads` Y.Map: thread id -> Y.Map with
 *     `id`, `sectionId` (a section id, or `GENERAL_SECTION` for the briefing's general part),
 *     `talkingPointId` (optional: the thread is on one talking point of that section),
 *     `author` ({ memberId, name }), `at` (ISO time), `text` (plain string; its author may
 *     edit it, setting `editedAt`, or delete it: `text` emptied and `deletedAt` set),
 *     `replies` Y.Array of plain `CommentReply` (appended to; an author's edit or deletion
 *     replaces their reply in place with one of the same id: comments-edits.ts),
 *     `states` Y.Array of plain `ThreadStateChange` (appended to only; the last one is the
 *     thread's state, so two people resolving and reopening at once end in one order for all,
 *     and who resolved and reopened when stays on record).
 *
 * No thread is ever removed from the map: a deleted comment keeps its place (and its
 * colleagues' replies), and a thread whose talking point was removed stays on its section. The
 * relay checks every change against the member who sends it (comments-authorship.ts).
 */
export const COMMENTS_DOC_FORMAT = 1;

/** The thread is on the briefing's general part (header, key messages…), not on an agenda item. */
export const GENERAL_SECTION = 'general';

/** Longest comment or reply, in characters (a comment is a note, not a paper). */
export const COMMENT_MAX_LENGTH = 4000;

export interface CommentAuthor {
  /** The member's id on the relay; null for comments made on a briefing that was not shared. */
  memberId: string | null;
  name: string;
}

export interface CommentReply {
  id: string;
  author: CommentAuthor;
  at: string;
  text: string;
  /** When its author last changed the text. */
  editedAt?: string;
  /** When its author deleted it (its text is then empty). */
  deletedAt?: string;
}

export type ThreadState = 'open' | 'resolved';

export interface ThreadStateChange {
  state: ThreadState;
  by: CommentAuthor;
  at: string;
}

export interface CommentThread {
  id: string;
  sectionId: string;
  talkingPointId?: string;
  author: CommentAuthor;
  at: string;
  text: string;
  editedAt?: string;
  /** Set when its author deleted the comment: the thread stays for its replies, without the text. */
  deletedAt?: string;
  /** Replies not deleted, in order. */
  replies: CommentReply[];
  state: ThreadState;
  /** Every resolve and reopen, oldest first. */
  history: ThreadStateChange[];
}

export function commentsRoots(doc: Y.Doc): { meta: Y.Map<unknown>; threads: Y.Map<Y.Map<unknown>> } {
  return { meta: doc.getMap('meta'), threads: doc.getMap('threads') };
}

export type CommentError = 'empty' | 'too-long' | 'no-thread';

export class CommentRefused extends Error {
  constructor(readonly code: CommentError) {
    super(`comment refused: ${code}`);
  }
}

export function cleanText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new CommentRefused('empty');
  if (trimmed.length > COMMENT_MAX_LENGTH) throw new CommentRefused('too-long');
  return trimmed;
}

export function cleanAuthor(author: CommentAuthor): CommentAuthor {
  return { memberId: author.memberId, name: author.name.trim().slice(0, 200) };
}

export interface NewThread {
  id: string;
  sectionId: string;
  talkingPointId?: string;
  author: CommentAuthor;
  at: string;
  text: string;
}

/** Starts a thread; throws `CommentRefused` for an empty or too long text. */
export function addThread(doc: Y.Doc, thread: NewThread, origin: unknown = null): void {
  const text = cleanText(thread.text);
  const { meta, threads } = commentsRoots(doc);
  doc.transact(() => {
    if (meta.get('format') === undefined) meta.set('format', COMMENTS_DOC_FORMAT);
    const map = new Y.Map<unknown>();
    map.set('id', thread.id);
    map.set('sectionId', thread.sectionId);
    if (thread.talkingPointId) map.set('talkingPointId', thread.talkingPointId);
    map.set('author', cleanAuthor(thread.author));
    map.set('at', thread.at);
    map.set('text', text);
    map.set('replies', new Y.Array<CommentReply>());
    map.set('states', new Y.Array<ThreadStateChange>());
    threads.set(thread.id, map);
  }, origin);
}

export function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const map = commentsRoots(doc).threads.get(threadId);
  if (!map) throw new CommentRefused('no-thread');
  return map;
}

export function addReply(doc: Y.Doc, threadId: string, reply: CommentReply, origin: unknown = null): void {
  const text = cleanText(reply.text);
  const replies = threadMap(doc, threadId).get('replies') as Y.Array<CommentReply>;
  doc.transact(() => replies.push([{ id: reply.id, author: cleanAuthor(reply.author), at: reply.at, text }]), origin);
}

/** Resolves or reopens a thread (a no-op when it is in that state already). */
export function setThreadState(doc: Y.Doc, threadId: string, change: ThreadStateChange, origin: unknown = null): void {
  const states = threadMap(doc, threadId).get('states') as Y.Array<ThreadStateChange>;
  const current = states.length > 0 ? states.get(states.length - 1).state : 'open';
  if (current === change.state) return;
  doc.transact(() => states.push([{ state: change.state, by: cleanAuthor(change.by), at: change.at }]), origin);
}

export const isAuthor = (value: unknown): value is CommentAuthor =>
  typeof value === 'object' && value !== null && typeof (value as CommentAuthor).name === 'string' && ((value as CommentAuthor).memberId === null || typeof (value as CommentAuthor).memberId === 'string');

const isReply = (r: unknown): r is CommentReply => typeof r === 'object' && r !== null && typeof (r as CommentReply).id === 'string' && typeof (r as CommentReply).text === 'string' && isAuthor((r as CommentReply).author);

/** The live replies of a thread: an edited reply (same id, later in the array) replaces the earlier one; deleted ones left out. */
export function liveReplies(replies: unknown): CommentReply[] {
  if (!(replies instanceof Y.Array)) return [];
  const byId = new Map<string, CommentReply>();
  for (const reply of replies.toArray() as unknown[]) if (isReply(reply)) byId.set(reply.id, reply);
  return [...byId.values()].filter((r) => !r.deletedAt);
}

/** One thread as plain data; undefined for a map that is not a well-formed thread (never shown, never thrown on). */
export function readThread(map: Y.Map<unknown>): CommentThread | undefined {
  const id = map.get('id');
  const sectionId = map.get('sectionId');
  const author = map.get('author');
  const at = map.get('at');
  const text = map.get('text');
  if (typeof id !== 'string' || typeof sectionId !== 'string' || !isAuthor(author) || typeof at !== 'string' || typeof text !== 'string') return undefined;
  const talkingPointId = map.get('talkingPointId');
  const replies = map.get('replies');
  const states = map.get('states');
  const editedAt = map.get('editedAt');
  const deletedAt = map.get('deletedAt');
  const history = states instanceof Y.Array ? (states.toArray() as ThreadStateChange[]).filter((s) => (s.state === 'open' || s.state === 'resolved') && isAuthor(s.by)) : [];
  return {
    id,
    sectionId,
    ...(typeof talkingPointId === 'string' ? { talkingPointId } : {}),
    author,
    at,
    text,
    ...(typeof editedAt === 'string' ? { editedAt } : {}),
    ...(typeof deletedAt === 'string' ? { deletedAt } : {}),
    replies: liveReplies(replies),
    state: history.at(-1)?.state ?? 'open',
    history,
  };
}

/** Every thread, oldest first; a deleted comment only while it has replies. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const out: CommentThread[] = [];
  for (const map of commentsRoots(doc).threads.values()) {
    const thread = readThread(map);
    if (thread && (!thread.deletedAt || thread.replies.length > 0)) out.push(thread);
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** Open threads per section id (what the outline's badges show). */
export function openThreadCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) if (thread.state === 'open') counts.set(thread.sectionId, (counts.get(thread.sectionId) ?? 0) + 1);
  return counts;
}

/** The threads of one section: open ones first (oldest first within each group), then resolved. */
export function sectionThreads(threads: readonly CommentThread[], sectionId: string): CommentThread[] {
  const mine = threads.filter((t) => t.sectionId === sectionId);
  return [...mine.filter((t) => t.state === 'open'), ...mine.filter((t) => t.state === 'resolved')];
}
