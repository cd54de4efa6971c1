import { anchorQuote, describeRange } from './anchor';
import type { Annotation, AnnotationTarget } from './model';
import { documentTextOf, pageOfOffset } from './page-text';

/*
 * Moving annotations onto a re-issued version. Each annotation is looked for by its quote in
 * the new version's text; found, it points at the new place (with the context there, so a
 * later revision is matched against what this one says); not found, it is orphaned with its
 * quote kept. Its earlier targets are kept in order: nothing is ever dropped.
 */

export interface ReanchorSummary {
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export function targetIn(versionId: string, pages: readonly string[], from: AnnotationTarget): AnnotationTarget {
  const doc = documentTextOf(pages);
  const found = anchorQuote(doc.text, from.quote, from.position);
  if (!found) return { versionId, quote: from.quote, status: 'orphaned' };
  const { quote, position } = describeRange(doc.text, found.start, found.end);
  return { versionId, quote, position, page: pageOfOffset(doc.pageStarts, found.start), status: found.status };
}

export function reanchor(annotations: readonly Annotation[], versionId: string, pages: readonly string[], now: string): { annotations: Annotation[]; summary: ReanchorSummary } {
  const summary: ReanchorSummary = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const updated = annotations.map((a) => {
    if (a.target.versionId === versionId) return a;
    const target = targetIn(versionId, pages, a.target);
    summary[target.status]++;
    return { ...a, target, previousTargets: [...a.previousTargets, a.target], updatedAt: now };
  });
  return { annotations: updated, summary };
}

/** The quote an annotation was first made on: what an orphan shows. */
export function originalQuote(a: Annotation): string {
  return (a.previousTargets[0] ?? a.target).quote.exact;
}
