import * as Y from 'yjs';
import { annotationsRoot, parseDelegationAnnotation, sameIdentity } from './delegation-annotations';
import { entryValue, Refused } from './update-check';

/*
 * The relay's rules for annotations shared with a delegation (the `annotations` root of a
 * briefing's comments document, delegation-annotations.ts), part of the comments check
 * (comments-authorship.ts), against the member the connection's token names:
 *
 * - a value written under an id is a well-formed annotation of that id (size limits included),
 *   written as the sender (`author.memberId`);
 * - only its author replaces it (an edit, or the tombstone of an unshare or deletion), and a
 *   replacement keeps its id, author, paper and creation time;
 * - no entry is removed from the map;
 * - the lead has no more say over a colleague's annotation than anyone else: an annotation is
 *   its author's note, shown to the delegation, never edited or withdrawn by another member;
 * - a lead restoring a relay that lost its comments uploads colleagues' annotations as they are.
 *
 * Pure, called from the comments check's walk with the items the update wrote and removed.
 */

export interface AnnotationJudge {
  /** Whether a value written as `memberId` is the sender's own. */
  own: (memberId: string) => boolean;
  restoring: boolean;
}

/** Refusal codes shared with the comments check. */
type Code = 'not-author' | 'immutable' | 'malformed';
const refuse = (code: Code, detail: string) => new Refused<Code>(code, detail);

/** A value the update wrote directly under the `annotations` root. */
export function judgeAnnotationWritten(item: Y.Item, judge: AnnotationJudge): void {
  if (!(item.content instanceof Y.ContentAny)) throw refuse('malformed', 'an annotation that is not a plain value');
  const annotation = parseDelegationAnnotation(entryValue(item));
  if (!annotation || annotation.id !== item.parentSub) throw refuse('malformed', 'an annotation that is not one (or over the size limits)');
  if (!judge.own(annotation.author.memberId) && !judge.restoring) throw refuse('not-author', `an annotation written as ${annotation.author.name || annotation.author.memberId}`);
}

/** A value the update removed from under the `annotations` root: only ever replaced, by its author, with the same identity. */
export function judgeAnnotationRemoved(probe: Y.Doc, struct: Y.Item, judge: AnnotationJudge): void {
  const before = parseDelegationAnnotation(struct.content.getContent().at(-1));
  if (!before) throw refuse('malformed', 'a stored annotation that is not one');
  if (!judge.own(before.author.memberId)) throw refuse('not-author', "an edit or withdrawal of another member's annotation");
  const key = struct.parentSub;
  const after = key === null ? undefined : parseDelegationAnnotation(annotationsRoot(probe).get(key));
  if (!after) throw refuse('immutable', 'an annotation removed');
  if (!sameIdentity(before, after)) throw refuse('immutable', "an annotation's id, author, paper or creation changed");
}
