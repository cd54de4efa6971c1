import * as Y from 'yjs';
import type { BriefingFile } from '../../../shared/briefing/file-format';
import { base64ToUpdate, updateToBase64 } from '../../../shared/collab/briefing-doc';
import { COMPANION_PARTS, companionDocId, type CompanionPart } from '../../collab/companion-docs';
import { appendDocUpdate, docStateOf } from '../../collab/doc-log';
import { db } from '../../db/db';
import { clearanceHistory, currentClearance } from '../../../shared/clearance/control-doc';
import { projectControlRows } from '../clearance/control-session';

/*
 * A single briefing's companion documents in its export file (format 3): its comments, and its
 * control document (assignments, clearances). Import merges them into the imported briefing's
 * own companions (ids derived from its id: never another briefing's), as Yjs updates, so
 * nothing already here is overwritten, and projects the assignments and clearances rows again.
 * A copy under a new id takes neither: its comments and clearance belong to the original.
 */

export type Companions = Partial<Record<CompanionPart, Uint8Array>>;

/** The companions' states for the file. */
export async function exportCompanions(briefingId: string): Promise<NonNullable<BriefingFile['companions']> | undefined> {
  const out: NonNullable<BriefingFile['companions']> = {};
  for (const part of COMPANION_PARTS) {
    const state = await docStateOf(companionDocId(part, briefingId));
    if (state) out[part] = updateToBase64(state);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const DAMAGED = 'The briefing file’s comments or clearance are damaged; it was not imported.';
const FOREIGN = 'The briefing file’s clearance records belong to another briefing here; it was not imported.';

/** The file's companions, each checked to be a readable Yjs update; a clearance naming another briefing's records is refused. */
export async function readCompanions(file: BriefingFile, briefingId: string): Promise<{ ok: true; companions: Companions } | { ok: false; message: string }> {
  const companions: Companions = {};
  for (const part of COMPANION_PARTS) {
    const text = file.companions?.[part];
    if (text === undefined) continue;
    const doc = new Y.Doc();
    try {
      const state = base64ToUpdate(text);
      Y.applyUpdate(doc, state);
      if (part === 'control') {
        const current = currentClearance(doc);
        const ids = [...clearanceHistory(doc).map((c) => c.id), ...(current ? [current.id] : [])];
        const rows = await db.clearances.bulkGet(ids);
        if (rows.some((row) => row && row.briefingId !== briefingId)) return { ok: false, message: FOREIGN };
      }
      companions[part] = state;
    } catch {
      return { ok: false, message: DAMAGED };
    } finally {
      doc.destroy();
    }
  }
  return { ok: true, companions };
}

/** Merges the companions into the briefing's own (a Yjs merge: what is here stays), then projects its assignments and clearances. */
export async function importCompanions(briefingId: string, companions: Companions | undefined): Promise<void> {
  for (const part of COMPANION_PARTS) {
    const state = companions?.[part];
    if (state) await appendDocUpdate(companionDocId(part, briefingId), state);
  }
  if (!companions?.control) return;
  const merged = await docStateOf(companionDocId('control', briefingId));
  const doc = new Y.Doc();
  if (merged) Y.applyUpdate(doc, merged);
  await projectControlRows(briefingId, doc);
  doc.destroy();
}
