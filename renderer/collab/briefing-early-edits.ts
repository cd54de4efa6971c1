import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingRoots, readBriefing, readSection } from '../../shared/collab/briefing-doc';
import { updateBriefingHead, updateSection } from '../../shared/collab/briefing-doc-changes';
import { db } from '../db/db';
import type { BriefingSession } from './briefing-session';

/*
 * Opening a large briefing in two steps. Its rows (projected from its document in the same
 * transaction as every save, so they hold what the stored document holds) are read first and
 * the editor is drawn from them; the document itself (reading and applying a 300-item brief's
 * Yjs state is the longest part of an open) is loaded after that first paint. What the delegate
 * types meanwhile is kept here and written into the document as soon as it is loaded, before
 * any other tab's or the relay's changes are merged: field by field, only the fields typed in.
 */

/** A briefing and its sections as the rows have them, sections in order (undefined if there are no rows). */
export async function readBriefingRows(id: string): Promise<{ briefing: Briefing; sections: Section[] } | undefined> {
  const [briefing, rows] = await db.transaction('r', db.briefings, db.sections, () => Promise.all([db.briefings.get(id), db.sections.where('briefingId').equals(id).toArray()]));
  if (!briefing) return undefined;
  const sections = rows.map((row) => {
    // The machine-local flag and the index field are not the document's (the editor reads the flag live).
    const { datasetReview: _flag, targetIds: _index, ...section } = row as Section & { targetIds?: string[] };
    return section as Section;
  });
  sections.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return { briefing, sections };
}

interface Early<T> {
  /** As the rows had it when the first edit was made. */
  base: T;
  /** As the delegate left it. */
  latest: T;
}

/** The fields of `latest` that differ from `base`. */
function changedFields<T extends object>({ base, latest }: Early<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(latest) as (keyof T)[]) if (JSON.stringify(base[key]) !== JSON.stringify(latest[key])) out[key] = latest[key];
  return out;
}

/** Edits made while the document of the open briefing was still loading. */
export class EarlyEdits {
  private briefing: Early<Briefing> | undefined;
  private readonly sections = new Map<string, Early<Section>>();

  get empty(): boolean {
    return !this.briefing && this.sections.size === 0;
  }

  section(before: Section, after: Section): void {
    const early = this.sections.get(after.id);
    if (early) early.latest = after;
    else this.sections.set(after.id, { base: before, latest: after });
  }

  head(before: Briefing, after: Briefing): void {
    if (this.briefing) this.briefing.latest = after;
    else this.briefing = { base: before, latest: after };
  }

  /**
   * Writes the edits into the loaded document as this user's (undoable, saved like any edit).
   * Each record gets the fields the delegate changed, on top of what the document holds.
   */
  applyTo(session: BriefingSession): void {
    const roots = briefingRoots(session.doc);
    for (const [id, early] of this.sections) {
      const map = roots.sections.get(id);
      const current = map ? readSection(map) : early.base;
      const next = { ...current, ...changedFields(early) };
      session.change(`section:${id}:early`, (doc) => {
        updateSection(doc, next);
        briefingRoots(doc).briefing.set('updatedAt', next.updatedAt);
      });
    }
    if (this.briefing) {
      const next = { ...readBriefing(session.doc), ...changedFields(this.briefing) };
      session.change('briefing:early', (doc) => updateBriefingHead(doc, next));
    }
    this.briefing = undefined;
    this.sections.clear();
  }
}
