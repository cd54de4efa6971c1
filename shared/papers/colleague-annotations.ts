import type { CommentAuthor } from '../collab/comments-doc';
import type { DelegationAnnotation } from '../collab/delegation-annotations';
import type { Annotation, AnnotationTarget, Paper, PaperVersion } from './model';
import { targetIn } from './reanchor';

/*
 * Annotations colleagues shared with a delegation, projected onto this member's copy of a paper
 * (one function from the comments documents' entries to the rows the viewer and the panel show).
 * A colleague's annotation names the paper by the SHA-256 of the version it was made on: it
 * belongs to this paper when one of its versions has those bytes. On that version it points at
 * the same place; on another (a revision one of the two has not attached) it is looked for by
 * its quote, and stays listed as an orphan when the words are gone.
 */

/** One entry of a briefing's comments document, with the briefing it came through. */
export interface DelegationEntry {
  briefingId: string;
  annotation: DelegationAnnotation;
}

/** An annotation shown on a paper: this member's own, or a colleague's (read-only, `colleague` set). */
export type ShownAnnotation = Annotation & { colleague?: { author: CommentAuthor; briefingId: string } };

/** Ids the colleagues' annotations take here (never those of a local row). */
export const colleagueAnnotationId = (entry: DelegationEntry) => `delegation:${entry.briefingId}:${entry.annotation.id}`;

export interface ColleagueView {
  paper: Pick<Paper, 'id'>;
  versions: readonly Pick<PaperVersion, 'id' | 'sha256'>[];
  /** The version on screen and its page texts (absent while they are read). */
  shown: Pick<PaperVersion, 'id' | 'sha256'>;
  pages: readonly string[] | undefined;
  /** Ids of this member's own annotation rows: their shared copies are not shown twice. */
  ownIds: ReadonlySet<string>;
}

function targetOn(entry: DelegationAnnotation, view: ColleagueView): AnnotationTarget {
  const quote = { type: 'TextQuoteSelector' as const, ...entry.quote };
  const position = entry.position ? { type: 'TextPositionSelector' as const, ...entry.position } : undefined;
  // Anchored by the quote even on the same bytes: the position is only a hint (its words are
  // checked there first), so an entry whose position does not hold its quote is never drawn
  // over other words. Until the page texts are read, the same bytes trust the position.
  if (view.pages) return targetIn(view.shown.id, view.pages, { versionId: `sha256:${entry.paper.sha256}`, quote, ...(position ? { position } : {}), status: 'anchored' });
  if (entry.paper.sha256 === view.shown.sha256 && position) return { versionId: view.shown.id, quote, position, ...(entry.page ? { page: entry.page } : {}), status: 'anchored' };
  return { versionId: view.shown.id, quote, status: 'orphaned' };
}

/** The colleagues' annotations on this paper, placed in the version shown. */
export function colleagueAnnotations(entries: readonly DelegationEntry[], view: ColleagueView): ShownAnnotation[] {
  const shas = new Set(view.versions.map((v) => v.sha256));
  const seen = new Set<string>();
  const out: ShownAnnotation[] = [];
  for (const entry of entries) {
    const a = entry.annotation;
    // The same annotation can come through two briefings of the meeting: shown once.
    if (a.deletedAt || !shas.has(a.paper.sha256) || view.ownIds.has(a.id) || seen.has(a.id)) continue;
    seen.add(a.id);
    out.push({
      id: colleagueAnnotationId(entry),
      paperId: view.paper.id,
      kind: a.kind,
      note: a.note,
      color: a.color,
      target: targetOn(a, view),
      previousTargets: [],
      ...(a.link ? { link: a.link } : {}),
      scope: 'delegation',
      shared: { briefingId: entry.briefingId, versionId: view.shown.id },
      createdAt: a.createdAt,
      createdBy: a.author.name,
      updatedAt: a.updatedAt,
      colleague: { author: a.author, briefingId: entry.briefingId },
    });
  }
  return out;
}

/** Colleagues' annotations on papers this member has not attached (no version with their bytes), by paper. */
export function annotationsOnPapersNotHere(entries: readonly DelegationEntry[], localShas: ReadonlySet<string>, myMemberIds: ReadonlySet<string>): { paper: DelegationAnnotation['paper']; annotations: DelegationAnnotation[] }[] {
  const byPaper = new Map<string, { paper: DelegationAnnotation['paper']; annotations: DelegationAnnotation[] }>();
  const seen = new Set<string>();
  for (const { annotation: a } of entries) {
    if (a.deletedAt || localShas.has(a.paper.sha256) || myMemberIds.has(a.author.memberId) || seen.has(a.id)) continue;
    seen.add(a.id);
    const group = byPaper.get(a.paper.sha256) ?? { paper: a.paper, annotations: [] };
    group.annotations.push(a);
    byPaper.set(a.paper.sha256, group);
  }
  return [...byPaper.values()];
}
