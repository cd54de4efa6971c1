import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { BackupFile } from '../../../shared/briefing/file-format';
import { Page } from '../../components/Page';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { saveTextFile } from '../../platform/platform';
import { openChosenFile, protectBackup } from '../lock/backup-protection';
import { FileSecretPrompt } from '../lock/FileSecretPrompt';
import { BackupRefused, checkBackup, makeBackup, restoreBackup, verifyBackup, type RestoreProblem } from './backup';

/** `/backup`: all user data to one file and back. */
export function BackupPage() {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  const current = useLiveQuery(() => db.briefings.count(), []);
  const [message, setMessage] = useState<string | undefined>();
  const [pending, setPending] = useState<BackupFile | undefined>();
  // An encrypted backup made elsewhere waits here for its passphrase.
  const [locked, setLocked] = useState<{ text: string; wrong: boolean } | undefined>();
  const date = (iso: string) => formatDateTime(iso, language, 'long', 'short');

  const [busy, setBusy] = useState(false);
  const problemText = (p: RestoreProblem) => (p.key ? t(p.key, p.vars) : t('backup.failed', { message: p.message }));
  const failure = (error: unknown) =>
    error instanceof BackupRefused ? t(error.key, error.vars) : t('backup.failed', { message: error instanceof Error ? error.message : String(error) });

  const backUp = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { fileName, text, file } = await makeBackup();
      saveTextFile(fileName, await protectBackup(text));
      const papers = file.tables.papers;
      setMessage(
        `${t('backup.made', { file: fileName, briefings: file.tables.briefings.length, sections: file.tables.sections.length, settings: file.tables.settings.length })}` +
          (papers && papers.papers.length > 0 ? ` ${t('backup.madePapers', { papers: papers.papers.length, versions: papers.versions.length, annotations: papers.annotations.length })}` : ''),
      );
    } catch (error) {
      setMessage(failure(error));
    }
    setBusy(false);
  };

  const choose = async (file: File | undefined, secret?: { passphrase: string } | { recoveryKey: string }, known?: string) => {
    const raw = known ?? (await file?.text());
    if (raw === undefined) return;
    setPending(undefined);
    const opened = await openChosenFile(raw, secret);
    if (opened.kind === 'needs-secret') return setLocked({ text: raw, wrong: opened.wrong });
    setLocked(undefined);
    const check = checkBackup(opened.text);
    const problem = check.kind === 'ok' ? await verifyBackup(check.file) : check;
    if (problem) setMessage(problemText(problem));
    else if (check.kind === 'ok') {
      setMessage(undefined);
      setPending(check.file);
    }
  };

  const restore = async () => {
    if (!pending) return;
    try {
      await restoreBackup(pending);
      setMessage(t('backup.restored', { briefings: pending.tables.briefings.length, date: date(pending.createdAt) }));
    } catch (error) {
      setMessage(failure(error));
    }
    setPending(undefined);
  };

  return (
    <Page title={t('backup.title')}>
      <p>{t('backup.intro')}</p>
      <p>
        <button type="button" className="primary" disabled={busy} onClick={() => void backUp()}>
          {t('backup.make')}
        </button>
      </p>
      <section className="panel" aria-labelledby={`${id}-restore`}>
        <h2 id={`${id}-restore`}>{t('backup.restoreTitle')}</h2>
        <label>
          {t('backup.choose')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        {locked && <FileSecretPrompt wrong={locked.wrong} onSubmit={(secret) => void choose(undefined, secret, locked.text)} onCancel={() => setLocked(undefined)} />}
        {pending && (
          <div role="alertdialog" aria-label={t('backup.restoreTitle')} className="conflict">
            <p>{t('backup.confirm', { date: date(pending.createdAt), briefings: pending.tables.briefings.length, current: current ?? 0 })}</p>
            {pending.tables.papers && pending.tables.papers.papers.length > 0 && <p>{t('backup.confirmPapers', { papers: pending.tables.papers.papers.length, annotations: pending.tables.papers.annotations.length })}</p>}
            <button type="button" className="primary" onClick={() => void restore()}>
              {t('backup.restore')}
            </button>{' '}
            <button type="button" onClick={() => setPending(undefined)}>
              {t('briefings.import.cancel')}
            </button>
          </div>
        )}
      </section>
      {message && (
        <p role="status" className="import-message">
          {message}
        </p>
      )}
    </Page>
  );
}
