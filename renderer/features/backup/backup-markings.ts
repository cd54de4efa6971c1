import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { db } from '../../db/db';
import { markingsNeedingPassphrase } from '../lock/marking-guard';
import { BackupProblem } from './stream/backup-problem';

/*
 * Without a passphrase a backup holding briefings marked above the lowest marking is refused
 * before anything is written: restoring it would write those briefings to disk in the clear
 * (an encrypted backup restored into an app without a passphrase is the same case). The
 * markings are judged against the backup's own list (it replaces the settings), else the
 * app's; the rule itself does not depend on that list's order (lock/marking-guard.ts).
 */
export async function refuseMarkingsWithoutPassphrase(used: Iterable<string>, backupSettings: readonly { key: string; value: unknown }[] | undefined): Promise<void> {
  const fromBackup = backupSettings?.find((s) => s.key === 'classifications')?.value;
  const markings = Array.isArray(fromBackup) ? (fromBackup as string[]) : (((await db.settings.get('classifications'))?.value as string[] | undefined) ?? [...DEFAULT_CLASSIFICATIONS]);
  const needing = markingsNeedingPassphrase(used, markings);
  if (needing.length > 0) throw new BackupProblem('backup.problem.needsPassphrase', { markings: needing.join(', ') });
}
