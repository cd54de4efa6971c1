import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dataKey, setMigrating, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import { setUpPassphrase } from '../../renderer/crypto/keyring';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { makeBackup } from '../../renderer/features/backup/backup';
import { makeStreamedBackup } from '../../renderer/features/backup/stream/backup-writer';
import { runRestore } from '../../renderer/features/backup/stream/restore-client';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { translate } from '../../renderer/i18n/translate';
import { newDataKey, useEmptiedAppDatabase } from './database-fixtures';

/*
 * Without a passphrase, a backup holding briefings marked above the lowest marking is refused
 * before anything is written (restoring it would store them in the clear), whether the backup
 * is encrypted (format 4, opened with its key) or an older one of one JSON text; the message
 * names the markings. A backup of OFFICIAL briefings still restores.
 */
async function work(...classifications: string[]): Promise<void> {
  await ensureBuiltinDataset(db);
  for (const classification of classifications) await createBriefingForMeeting({ meetingId: 'asoen-36', title: `${classification} brief`, delegation: 'MY', author: 'A', classification });
}

/** Sets a passphrase (the backup made then is encrypted under the data key). */
async function withPassphrase(): Promise<void> {
  await setUpPassphrase(db, 'kopi susu tarik pagi');
  setMigrating([]);
}

const counts = async () => ({ briefings: await db.briefings.count(), sections: await db.sections.count(), docs: await db.ydocUpdates.count() });

useEmptiedAppDatabase();

describe('restoring a backup without a passphrase', () => {
  it('refuses an encrypted backup of RESTRICTED and CONFIDENTIAL briefings, at the check and the restore, writing nothing', async () => {
    await withPassphrase();
    await work('OFFICIAL', 'CONFIDENTIAL', 'RESTRICTED');
    const made = await makeStreamedBackup();
    const key = dataKey();
    setPlainMode();
    await db.briefings.clear();
    await db.sections.clear();
    await db.ydocUpdates.clear();
    const before = await counts();
    const refused = { kind: 'problem', key: 'backup.problem.needsPassphrase', vars: { markings: 'RESTRICTED, CONFIDENTIAL' } };
    expect(await runRestore('check', { kind: 'streamed', file: made.blob, key })).toMatchObject(refused);
    expect(await runRestore('restore', { kind: 'streamed', file: made.blob, key })).toMatchObject(refused);
    expect(await counts()).toEqual(before);
    expect(translate('en', 'backup.problem.needsPassphrase', refused.vars)).toContain('This backup holds briefings marked RESTRICTED, CONFIDENTIAL: set a passphrase first');
    expect(translate('ms', 'backup.problem.needsPassphrase', refused.vars)).toContain('frasa laluan');
    expect(translate('id', 'backup.problem.needsPassphrase', refused.vars)).toContain('frasa sandi');
  }, 120_000); // Argon2id (64 MiB) on the test's own thread, on a shared machine

  it('refuses a backup of one JSON text (format 3) holding a RESTRICTED brief, writing nothing', async () => {
    setUnlocked(await newDataKey());
    await work('RESTRICTED');
    const { text } = await makeBackup();
    setPlainMode();
    await db.briefings.clear();
    const before = await counts();
    expect(await runRestore('restore', { kind: 'text', text })).toMatchObject({ kind: 'problem', key: 'backup.problem.needsPassphrase', vars: { markings: 'RESTRICTED' } });
    expect(await counts()).toEqual(before);
  });

  it('restores a backup of OFFICIAL briefings', async () => {
    await work('OFFICIAL');
    const made = await makeStreamedBackup();
    await db.briefings.clear();
    expect(await runRestore('restore', { kind: 'streamed', file: made.blob })).toMatchObject({ kind: 'ok' });
    expect((await db.briefings.toArray()).map((b) => b.classification)).toEqual(['OFFICIAL']);
  });
});
