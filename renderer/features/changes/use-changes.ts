import { useLiveQuery } from 'dexie-react-hooks';
import { loadBriefingDoc } from '../../collab/briefing-docs';
import { docLogLength } from '../../collab/doc-log';
import { db } from '../../db/db';
import { changesSince, type SectionChange } from './changes-since';
import { seenBaseline } from './seen-baseline';

export interface ChangesSinceSeen {
  at: string;
  changes: SectionChange[];
}

/**
 * The changes since I last looked, read from the stored document (the editor saves within a
 * second), again whenever the baseline changes and, when `live`, whenever the document's log
 * does (the changes page; the editor's link counts once on opening, not on every keystroke's save
 * of a 300-item brief). Undefined while reading; null when the briefing has no baseline yet.
 */
export function useChangesSinceSeen(briefingId: string, live = false): ChangesSinceSeen | null | undefined {
  const log = useLiveQuery(() => (live ? docLogLength(briefingId) : 0), [briefingId, live]);
  const seenAt = useLiveQuery(async () => ((await db.settings.get(`changes.seen:${briefingId}`))?.value as { at?: string } | undefined)?.at ?? null, [briefingId]);
  return useLiveQuery(async () => {
    const baseline = await seenBaseline(briefingId);
    if (!baseline) return null;
    const doc = await loadBriefingDoc(briefingId);
    if (!doc) return null;
    try {
      return { at: baseline.at, changes: changesSince(doc, baseline.state) };
    } finally {
      doc.destroy();
    }
  }, [briefingId, log, seenAt]);
}
