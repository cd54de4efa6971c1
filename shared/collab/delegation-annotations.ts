import type * as Y from 'yjs';
import { z } from 'zod';
import { COMMENT_MAX_LENGTH, commentsRoots, COMMENTS_DOC_FORMAT, type CommentAuthor } from './comments-doc';

/**
 * Annotations shared with the delegation of a shared briefing, kept in the briefing's comments
 * document (the relay lets lead, drafters and reviewers write it, readers only read it) under a
 * root of their own:
 *
 * - `annotations` Y.Map: annotation id -> one plain `DelegationAnnotation` value. Its author
 *   edits it by writing the whole value again under the same id; unsharing or deleting it writes
 *   a tombstone (`deletedAt` set, note and quote emptied) in its place. No entry is ever removed
 *   from the map, like comment threads (the relay checks all this: annotations-authorship.ts).
 *
 * The paper is named by what every member's copy shares: the SHA-256 of the version the
 * annotation was made on (each member attaches the file under their own paper id), with its file
 * name and title to show colleagues who have not attached it.
 */

/** Longest note on a shared annotation (the comments' limit). */
export const ANNOTATION_NOTE_MAX = COMMENT_MAX_LENGTH;
/** Longest highlighted passage kept in a shared annotation. */
export const ANNOTATION_QUOTE_MAX = 2000;
/** Longest context on either side of the passage (the anchoring keeps 32 characters). */
export const ANNOTATION_CONTEXT_MAX = 64;

const Author = z.object({ memberId: z.string().min(1).max(200), name: z.string().max(200) }).strict();
const Id = z.string().min(1).max(100);
const Time = z.string().min(1).max(40);

export const DelegationAnnotation = z
  .object({
    id: Id,
    author: Author,
    paper: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(300), title: z.string().max(300), meetingId: Id.optional() }).strict(),
    quote: z.object({ exact: z.string().max(ANNOTATION_QUOTE_MAX), prefix: z.string().max(ANNOTATION_CONTEXT_MAX), suffix: z.string().max(ANNOTATION_CONTEXT_MAX) }).strict(),
    position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().max(100_000_000) }).strict().refine((p) => p.end > p.start, 'an empty or reversed range').optional(),
    page: z.number().int().positive().max(100_000).optional(),
    kind: z.enum(['highlight', 'note']),
    color: z.enum(['yellow', 'green', 'blue', 'pink']),
    note: z.string().max(ANNOTATION_NOTE_MAX),
    link: z.object({ briefingId: Id, sectionId: Id, talkingPointId: Id.optional() }).strict().optional(),
    createdAt: Time,
    updatedAt: Time,
    deletedAt: Time.optional(),
  })
  .strict()
  // A live annotation has words to point at; a tombstone keeps none of its words.
  .refine((a) => (a.deletedAt ? a.note === '' && a.quote.exact === '' && a.quote.prefix === '' && a.quote.suffix === '' : a.quote.exact.length > 0), 'a live annotation has a quote; a deleted one keeps no words');
export type DelegationAnnotation = z.infer<typeof DelegationAnnotation>;

/** What never changes once an annotation is shared: its id, author, paper and creation. */
export function sameIdentity(a: DelegationAnnotation, b: DelegationAnnotation): boolean {
  return a.id === b.id && a.author.memberId === b.author.memberId && a.paper.sha256 === b.paper.sha256 && a.createdAt === b.createdAt;
}

export function annotationsRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('annotations');
}

/** One entry as an annotation; undefined for a value that is not one (never shown, never thrown on). */
export function parseDelegationAnnotation(value: unknown): DelegationAnnotation | undefined {
  const parsed = DelegationAnnotation.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Every live shared annotation, oldest first. */
export function readDelegationAnnotations(doc: Y.Doc): DelegationAnnotation[] {
  const out: DelegationAnnotation[] = [];
  for (const [key, value] of annotationsRoot(doc).entries()) {
    const a = parseDelegationAnnotation(value);
    if (a && a.id === key && !a.deletedAt) out.push(a);
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

export class AnnotationRefused extends Error {
  constructor(readonly code: 'malformed' | 'not-author') {
    super(`annotation refused: ${code}`);
  }
}

/**
 * Shares an annotation, or writes its author's edit of it (the whole value again under its id).
 * Throws `AnnotationRefused` for a value the relay would refuse: malformed, or another member's.
 */
export function putDelegationAnnotation(doc: Y.Doc, annotation: DelegationAnnotation, origin: unknown = null): void {
  const clean = parseDelegationAnnotation({ ...annotation, note: annotation.note.trim(), author: { ...annotation.author, name: annotation.author.name.trim().slice(0, 200) } });
  if (!clean) throw new AnnotationRefused('malformed');
  const root = annotationsRoot(doc);
  const before = parseDelegationAnnotation(root.get(clean.id));
  if (before && !sameIdentity(before, clean)) throw new AnnotationRefused('not-author');
  doc.transact(() => {
    const { meta } = commentsRoots(doc);
    if (meta.get('format') === undefined) meta.set('format', COMMENTS_DOC_FORMAT);
    root.set(clean.id, clean);
  }, origin);
}

/**
 * Shares an annotation under its id, or under `freshId` when that id already holds an entry of
 * another identity (a tombstone left by unsharing it on an earlier revision of the paper: an entry
 * never changes paper). Returns the id it was written under.
 */
export function shareDelegationAnnotation(doc: Y.Doc, annotation: DelegationAnnotation, freshId: string, origin: unknown = null): string {
  const before = parseDelegationAnnotation(annotationsRoot(doc).get(annotation.id));
  const id = before && !sameIdentity(before, annotation) ? freshId : annotation.id;
  putDelegationAnnotation(doc, { ...annotation, id }, origin);
  return id;
}

/** Unshares (or deletes) an annotation: a tombstone in its place, without its words. No-op when it is not shared. */
export function withdrawDelegationAnnotation(doc: Y.Doc, id: string, author: CommentAuthor, at: string, origin: unknown = null): void {
  const before = parseDelegationAnnotation(annotationsRoot(doc).get(id));
  if (!before || before.deletedAt) return;
  if (before.author.memberId !== author.memberId) throw new AnnotationRefused('not-author');
  const { position: _position, page: _page, link: _link, ...kept } = before;
  putDelegationAnnotation(doc, { ...kept, quote: { exact: '', prefix: '', suffix: '' }, note: '', updatedAt: at, deletedAt: at }, origin);
}
