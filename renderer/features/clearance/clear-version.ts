import type { ClearedBy } from '../../../shared/clearance/clearance-record';
import { makeClearance } from '../../../shared/clearance/clearance-record';
import { recordClearance } from '../../../shared/clearance/control-doc';
import { LOCAL_MEMBER } from '../../../shared/assignments/assignment';
import { mergeLog, readDocUpdates } from '../../collab/doc-log';
import { db } from '../../db/db';
import { useAppStore } from '../../store/store';
import { shareRecordFor } from '../sharing/share-record';
import { changeControl } from './control-session';

/** Who I am on a briefing: my member id and name on its relay, or the person at this computer for one that is not shared. */
export async function whoAmI(briefingId: string, fallbackName: string): Promise<ClearedBy & { role: string | undefined }> {
  const record = await shareRecordFor(briefingId);
  if (record) return { memberId: record.memberId, name: record.name, role: record.role };
  const briefing = await db.briefings.get(briefingId);
  return { memberId: LOCAL_MEMBER, name: briefing?.author.trim() || fallbackName, role: undefined };
}

/**
 * The lead clears the briefing as it is now: whatever the editor has not written yet is saved
 * first, then the document's whole state is read from its log (garbage-collected: what was
 * deleted is not kept), hashed, and recorded in the control document, which the relay passes to
 * every member. With the editor open, the briefing's status becomes "cleared" too. Refused here
 * for anyone but the lead; the relay refuses it too.
 */
export async function clearVersion(briefingId: string, fallbackName: string, now = new Date()): Promise<string> {
  const me = await whoAmI(briefingId, fallbackName);
  if (me.role !== undefined && me.role !== 'lead') throw new Error('only the lead clears the briefing');
  const clearedAt = now.toISOString();
  const store = useAppStore.getState();
  if (store.draft?.briefing.id === briefingId) {
    // The briefing's status follows (recorded with who and when, as the status field is); not content, so not in the hash.
    if (store.draft.briefing.status !== 'cleared') store.editBriefing('status', (b) => ({ ...b, status: 'cleared', statusHistory: [...b.statusHistory, { status: 'cleared', by: me.name, at: clearedAt }] }));
    await store.flush();
  }
  const updates = await readDocUpdates(briefingId);
  if (updates.length === 0) throw new Error('this briefing has no document');
  const clearance = makeClearance(mergeLog(updates), { memberId: me.memberId, name: me.name }, clearedAt, crypto.randomUUID());
  await changeControl(briefingId, (doc) => recordClearance(doc, clearance));
  return clearance.clearedAt;
}
