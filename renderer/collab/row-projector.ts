import type * as Y from 'yjs';
import type { Section } from '../../shared/briefing/model';
import { briefingRoots, readBriefing, readSection, type ChangedParts } from '../../shared/collab/briefing-doc';
import { db } from '../db/db';
import { toStoredSection } from '../db/schema';

/**
 * The one place the `briefings` and `sections` rows are written from a briefing's document.
 * Lists, search, packs, the target pages and backups read those rows; nothing else writes
 * their content. A section's dataset-review flag is not in the document: the flag stored on
 * the row (set and cleared by dataset updates and "Mark reviewed") is kept as it is.
 * Runs in one transaction (joins the caller's if it includes both tables).
 */
export async function projectBriefingRows(doc: Y.Doc, parts: ChangedParts): Promise<void> {
  if (!parts.briefing && parts.sections.size === 0) return;
  const roots = briefingRoots(doc);
  await db.transaction('rw', db.briefings, db.sections, async () => {
    if (parts.briefing) await db.briefings.put(readBriefing(doc));
    const ids = [...parts.sections];
    if (ids.length === 0) return;
    const stored = await db.sections.bulkGet(ids);
    const puts: Section[] = [];
    const gone: string[] = [];
    ids.forEach((id, i) => {
      const map = roots.sections.get(id);
      if (!map) {
        gone.push(id);
        return;
      }
      const section = readSection(map);
      const flag = stored[i]?.datasetReview;
      puts.push(flag ? { ...section, datasetReview: flag } : section);
    });
    if (puts.length > 0) await db.sections.bulkPut(puts.map(toStoredSection));
    if (gone.length > 0) await db.sections.bulkDelete(gone);
  });
}

/** Every part of a document, for a projection of the whole briefing. */
export function allParts(doc: Y.Doc): ChangedParts {
  return { briefing: true, sections: new Set(briefingRoots(doc).sections.keys()) };
}
