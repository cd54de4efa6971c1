import { describe, expect, it } from 'vitest';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { applyBriefingImport, checkBriefingImport, exportBriefing } from '../../renderer/features/briefings/briefing-export';
import { createBriefingForMeeting, deleteBriefing } from '../../renderer/features/briefings/repo';
import { MarkingNeedsPassphraseError } from '../../renderer/features/lock/marking-guard';

/*
 * Without a passphrase a brief marked above the lowest marking is never written in the clear:
 * creating one is refused, and so is importing a file of one (a colleague's RESTRICTED brief,
 * opened with the file's own passphrase, had been stored in plain text).
 */
async function exported(classification: string): Promise<string> {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: `${classification} brief`, delegation: 'MY', author: 'A', classification });
  const { text } = await exportBriefing(id);
  await deleteBriefing(id);
  return text;
}

describe('importing a briefing file without a passphrase', () => {
  it('refuses a brief marked above the lowest marking, as new or as a copy, and writes nothing', async () => {
    const text = await exported('RESTRICTED');
    setPlainMode();
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('new');
    if (check.kind !== 'new') return;
    await expect(applyBriefingImport(check.incoming, 'replace')).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    await expect(applyBriefingImport(check.incoming, 'copy', 'RESTRICTED brief (copy)')).rejects.toBeInstanceOf(MarkingNeedsPassphraseError);
    expect(await db.briefings.count()).toBe(0);
    expect(await db.sections.count()).toBe(0);
  });

  it('still imports a brief at the lowest marking', async () => {
    const text = await exported('OFFICIAL');
    setPlainMode();
    const check = await checkBriefingImport(text);
    if (check.kind !== 'new') throw new Error(`expected a new briefing, got ${check.kind}`);
    const id = await applyBriefingImport(check.incoming, 'replace');
    expect((await db.briefings.get(id))?.classification).toBe('OFFICIAL');
  });
});
