import { BackupRefused, checkBackup, restoreBackup, verifyBackup } from '../backup';
import { BackupProblem } from './backup-problem';
import { refuseMarkingsWithoutPassphrase } from '../backup-markings';
import { checkStreamedBackup, RestoreCancelled, restoreStreamedBackup, type BackupSummary } from './restore-engine';
import type { FromRestoreWorker, RestoreOutcome, RestoreSource, ToRestoreWorker } from './restore-protocol';
import type { BackupFile } from '../../../../shared/briefing/file-format';

/** What a backup of format 1 to 3 holds, in the counts a streamed one reports. */
function summaryOf(file: BackupFile): BackupSummary {
  const papers = file.tables.papers;
  return {
    createdAt: file.createdAt,
    counts: {
      briefings: file.tables.briefings.length,
      sections: file.tables.sections.length,
      settings: file.tables.settings.length,
      documents: file.tables.documents?.length ?? 0,
      papers: papers?.papers.length ?? 0,
      versions: papers?.versions.length ?? 0,
      annotations: papers?.annotations.length ?? 0,
    },
  };
}

async function checkedText(text: string): Promise<BackupFile> {
  const check = checkBackup(text);
  const problem = check.kind === 'ok' ? await verifyBackup(check.file) : check;
  if (problem) throw new BackupProblem(problem.key ?? 'backup.problem.damaged', problem.vars ?? {});
  if (check.kind !== 'ok') throw new BackupProblem('backup.problem.damaged', { where: 'file' });
  await refuseMarkingsWithoutPassphrase(check.file.tables.briefings.map((b) => b.classification), check.file.tables.settings as { key: string; value: unknown }[]);
  return check.file;
}

async function run(kind: 'check' | 'restore', source: RestoreSource, post: (m: FromRestoreWorker) => void, reqId: number, signal: AbortSignal): Promise<RestoreOutcome> {
  if (source.kind === 'text') {
    const file = await checkedText(source.text);
    if (kind === 'check') return { kind: 'ok', summary: summaryOf(file) };
    if (signal.aborted) throw new RestoreCancelled();
    return { kind: 'ok', summary: summaryOf(file), replaced: await restoreBackup(file, { announce: false }) };
  }
  const restoreRun = { file: source.file, key: source.key, signal, onProgress: (progress: Parameters<NonNullable<Parameters<typeof checkStreamedBackup>[0]['onProgress']>>[0]) => post({ reqId, kind: 'progress', progress }) };
  if (kind === 'check') return { kind: 'ok', summary: await checkStreamedBackup(restoreRun) };
  const { summary, replaced } = await restoreStreamedBackup(restoreRun);
  return { kind: 'ok', summary, replaced };
}

/** The restore worker's host (also run in this thread where there are no workers). */
export function createRestoreHost(post: (message: FromRestoreWorker) => void): { handle(message: ToRestoreWorker): Promise<void> } {
  const running = new Map<number, AbortController>();
  return {
    async handle(message) {
      if (message.kind === 'cancel') return void running.get(message.reqId)?.abort();
      const controller = new AbortController();
      running.set(message.reqId, controller);
      let outcome: RestoreOutcome;
      try {
        outcome = await run(message.kind, message.source, post, message.reqId, controller.signal);
      } catch (error) {
        if (error instanceof RestoreCancelled || controller.signal.aborted) outcome = { kind: 'cancelled' };
        else if (error instanceof BackupProblem || error instanceof BackupRefused) outcome = { kind: 'problem', key: error.key, vars: error.vars };
        else outcome = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      } finally {
        running.delete(message.reqId);
      }
      post({ reqId: message.reqId, kind: 'result', outcome });
    },
  };
}
