import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeClearance } from '../../shared/clearance/clearance-record';
import { recordClearance } from '../../shared/clearance/control-doc';
import { readBriefing } from '../../shared/collab/briefing-doc';
import { updateBriefingHead } from '../../shared/collab/briefing-doc-changes';
import { BriefingSession } from '../../renderer/collab/briefing-session';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { changeControl, controlDocId } from '../../renderer/features/clearance/control-session';
import { MarkingNeedsPassphraseError } from '../../renderer/features/lock/marking-guard';

/*
 * A member without a passphrase who has only My sections open (no content session in this
 * profile ever saw the lead raise the marking): the lead's clearance arrives in the control
 * document, and its cleared state is the briefing's words, marked RESTRICTED. It stays in memory.
 */

/** A clearance of the briefing's content as the lead's app holds it, with the marking given. */
async function leadsClearance(id: string, classification: string) {
  const session = (await BriefingSession.open(id))!;
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(session.doc));
  await session.close();
  updateBriefingHead(theirs, { ...readBriefing(theirs), classification });
  return makeClearance(Y.encodeStateAsUpdate(theirs), { memberId: 'lead-1', name: 'Aminah' }, new Date().toISOString(), crypto.randomUUID());
}

describe('a clearance whose state is marked above OFFICIAL, without a passphrase', { timeout: 30_000 }, () => {
  it('is kept off the disk even when this profile only knows the briefing as OFFICIAL', async () => {
    setPlainMode();
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Budi', classification: 'OFFICIAL' });
    const clearance = await leadsClearance(id, 'RESTRICTED');
    const refused = await changeControl(id, (doc) => recordClearance(doc, clearance)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MarkingNeedsPassphraseError);
    expect((refused as MarkingNeedsPassphraseError).marking).toBe('RESTRICTED');
    expect(await readDocUpdates(controlDocId(id))).toEqual([]);
    expect(await db.clearances.where('briefingId').equals(id).count()).toBe(0);
  });

  it('is kept off the disk when its state cannot be read, and a marking is never taken from another briefing’s clearance of the same id', async () => {
    setPlainMode();
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Budi', classification: 'OFFICIAL' });
    const other = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Another brief', delegation: 'MY', author: 'Budi', classification: 'OFFICIAL' });
    const official = await leadsClearance(other, 'OFFICIAL');
    await changeControl(other, (doc) => recordClearance(doc, official));
    // The same clearance id, with a state that is no briefing at all.
    const damaged = { ...official, state: new Uint8Array([1, 2, 3, 4]) };
    const refused = await changeControl(id, (doc) => recordClearance(doc, damaged)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MarkingNeedsPassphraseError);
    expect(await readDocUpdates(controlDocId(id))).toEqual([]);
  });

  it('an OFFICIAL clearance is saved as before', async () => {
    setPlainMode();
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Budi', classification: 'OFFICIAL' });
    const clearance = await leadsClearance(id, 'OFFICIAL');
    await changeControl(id, (doc) => recordClearance(doc, clearance));
    expect((await readDocUpdates(controlDocId(id))).length).toBeGreaterThan(0);
  });
});
