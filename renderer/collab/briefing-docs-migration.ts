import type { Transaction } from 'dexie';
import type { Briefing } from '../../shared/briefing/model';
import { briefingDocUpdate } from '../../shared/collab/briefing-doc';
import type { StoredSection } from '../db/schema';
import type { DocUpdateRow } from './doc-log';

/**
 * Schema 4: every briefing becomes a Yjs document. Each briefing's rows are written into one
 * snapshot row of `ydocUpdates`; the rows themselves stay as they are (from now on they are
 * projected from the document).
 */
export async function convertBriefingsToDocuments(tx: Transaction): Promise<void> {
  const briefings = (await tx.table('briefings').toArray()) as Briefing[];
  const at = new Date().toISOString();
  for (const briefing of briefings) {
    const sections = (await tx.table('sections').where('briefingId').equals(briefing.id).toArray()) as StoredSection[];
    sections.sort((a, b) => a.order - b.order);
    const row: DocUpdateRow = { docId: briefing.id, seq: 1, update: briefingDocUpdate(briefing, sections), kind: 'snapshot', at };
    await tx.table('ydocUpdates').put(row);
  }
}
