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
 *     `author` ({ memberId, name }), `at` (ISO time), `text` (plain string, never edited),
 *     `replies` Y.Array of plain `CommentReply` (appended to only),
 *     `states` Y.Array of plain `ThreadStateChange` (appended to only; the last one is the
 *     thread's state, so two people resolving and reopening at once end in one order for all,
 *     and who resolved and reopened when stays on record).
 *
 * Nothing is ever deleted: a thread whose talking point was removed stays on its section.
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

function cleanText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new CommentRefused('empty');
  if (trimmed.length > COMMENT_MAX_LENGTH) throw new CommentRefused('too-long');
  return trimmed;
}

function cleanAuthor(author: CommentAuthor): CommentAuthor {
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

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
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

const isAuthor = (value: unknown): value is CommentAuthor =>
  typeof value === 'object' && value !== null && typeof (value as CommentAuthor).name === 'string' && ((value as CommentAuthor).memberId === null || typeof (value as CommentAuthor).memberId === 'string');

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
  const history = states instanceof Y.Array ? (states.toArray() as ThreadStateChange[]).filter((s) => (s.state === 'open' || s.state === 'resolved') && isAuthor(s.by)) : [];
  return {
    id,
    sectionId,
    ...(typeof talkingPointId === 'string' ? { talkingPointId } : {}),
    author,
    at,
    text,
    replies: replies instanceof Y.Array ? (replies.toArray() as CommentReply[]).filter((r) => typeof r?.text === 'string' && isAuthor(r.author)) : [],
    state: history.at(-1)?.state ?? 'open',
    history,
  };
}

/** Every thread, oldest first. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const out: CommentThread[] = [];
  for (const map of commentsRoots(doc).threads.values()) {
    const thread = readThread(map);
    if (thread) out.push(thread);
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
