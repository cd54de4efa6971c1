import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { Page } from '../../components/Page';
import { keyForLock } from '../../crypto/file-envelope';
import { dataKey } from '../../crypto/key-state';
import { WrongSecretError } from '../../crypto/key-wrap';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { openChosenFile } from '../lock/backup-protection';
import { FileSecretPrompt } from '../lock/FileSecretPrompt';
import { BackupProgressBar, type Busy } from './BackupProgressBar';
import { backupFileName, makeStreamedBackup } from './stream/backup-writer';
import { chooseBackupTarget, type BackupTarget } from './save-backup-file';
import type { BackupSummary } from './stream/restore-engine';
import { runRestore } from './stream/restore-client';
import type { RestoreOutcome, RestoreSource } from './stream/restore-protocol';
import { MAX_STREAMED_BACKUP_BYTES, sniffHeader } from './stream/stream-format';
import { BackupRefused } from './backup';
import { MAX_BACKUP_BYTES } from '../../../shared/briefing/file-format';

type Secret = { passphrase: string } | { recoveryKey: string };

/** `/backup`: all user data to one file and back; checking and restoring run in the restore worker. */
export function BackupPage() {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  const current = useLiveQuery(() => db.briefings.count(), []);
  const [message, setMessage] = useState<string | undefined>();
  const [pending, setPending] = useState<{ source: RestoreSource; summary: BackupSummary } | undefined>();
  // An encrypted backup made elsewhere waits here for its passphrase.
  const [locked, setLocked] = useState<{ file: File; wrong: boolean } | undefined>();
  const [busy, setBusy] = useState<Busy | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);
  const date = (iso: string) => formatDateTime(iso, language, 'long', 'short');

  const outcomeText = (outcome: Exclude<RestoreOutcome, { kind: 'ok' }>) =>
    outcome.kind === 'problem' ? t(outcome.key, outcome.vars) : outcome.kind === 'cancelled' ? t('backup.cancelled') : t('backup.failed', { message: outcome.message });

  const begin = (state: Busy) => {
    abort.current = new AbortController();
    setBusy(state);
    setMessage(undefined);
    return abort.current.signal;
  };

  const backUp = async () => {
    setMessage(undefined);
    // Where to save is asked first: a browser shows its save picker only straight after the click.
    let target: BackupTarget | 'cancelled';
    try {
      target = await chooseBackupTarget(backupFileName(new Date().toISOString()), t('backup.make'));
    } catch (error) {
      return setMessage(t('backup.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
    if (target === 'cancelled') return setMessage(t('backup.makeCancelled'));
    const signal = begin({ label: 'backup.making', rows: 0 });
    let saved = false;
    try {
      const made = await makeStreamedBackup((p) => setBusy({ label: 'backup.making', rows: p.rows }), signal);
      // A backup that could not be restored is never saved: the restore check reads it first.
      const check = await runRestore('check', { kind: 'streamed', file: made.blob, key: dataKey() }, { signal, onProgress: (p) => setBusy({ label: 'backup.checking', fraction: p.done / Math.max(1, p.total) }) });
      if (check.kind === 'ok') {
        await target.write(made.blob);
        const file = await target.close();
        saved = true;
        const c = made.counts;
        setMessage(t('backup.madeStreamed', { file, briefings: c.briefings ?? 0, sections: c.sections ?? 0, settings: c.settings ?? 0, papers: c.papers ?? 0, annotations: c.annotations ?? 0 }));
      } else setMessage(check.kind === 'cancelled' ? t('backup.makeCancelled') : t('backup.notRestorable', { message: outcomeText(check) }));
    } catch (error) {
      if (signal.aborted) setMessage(t('backup.makeCancelled'));
      else if (error instanceof BackupRefused) setMessage(t(error.key, error.vars));
      else setMessage(t('backup.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
    // Not saved (refused, cancelled, failed): the half-written file goes, nothing keeps the backup's name.
    if (!saved) await target.abort();
    setBusy(undefined);
  };

  /** Reads the header (or, for an older backup, the text) and checks the whole file in the worker, writing nothing. */
  const choose = async (file: File, secret?: Secret) => {
    setPending(undefined);
    setMessage(undefined);
    let source: RestoreSource;
    // Refused on its size before it is read (an older backup would be read whole, as one text).
    const tooLarge = (cap: number) => setMessage(t('backup.fileTooLarge', { size: Math.ceil(file.size / 1024 / 1024), max: Math.ceil(cap / 1024 / 1024) }));
    if (file.size > MAX_STREAMED_BACKUP_BYTES) return tooLarge(MAX_STREAMED_BACKUP_BYTES);
    const streamed = await sniffHeader(file);
    if (!streamed && file.size > MAX_BACKUP_BYTES) return tooLarge(MAX_BACKUP_BYTES);
    if (streamed) {
      const protection = streamed.header.protection;
      let key: CryptoKey | undefined;
      if (protection.kind !== 'plain') {
        const mine = dataKey();
        try {
          key = secret ? await keyForLock(protection, secret) : protection.kind === 'keyring' && mine ? mine : undefined;
        } catch (error) {
          if (!(error instanceof WrongSecretError)) throw error;
        }
        if (!key) return setLocked({ file, wrong: secret !== undefined });
      }
      source = { kind: 'streamed', file, key };
    } else {
      const opened = await openChosenFile(await file.text(), secret);
      if (opened.kind === 'needs-secret') return setLocked({ file, wrong: opened.wrong });
      source = { kind: 'text', text: opened.text };
    }
    const signal = begin({ label: 'backup.checking', fraction: 0 });
    const check = await runRestore('check', source, { signal, onProgress: (p) => setBusy({ label: 'backup.checking', fraction: p.done / Math.max(1, p.total) }) });
    setBusy(undefined);
    if (check.kind === 'problem' && check.key === 'backup.problem.wrongKey') return setLocked({ file, wrong: secret !== undefined });
    setLocked(undefined);
    if (check.kind === 'ok') setPending({ source, summary: check.summary });
    else setMessage(outcomeText(check));
  };

  const restore = async () => {
    if (!pending) return;
    const signal = begin({ label: 'backup.writing', fraction: 0 });
    const done = await runRestore('restore', pending.source, {
      signal,
      onProgress: (p) => setBusy({ label: p.phase === 'checking' ? 'backup.checking' : 'backup.writing', fraction: p.done / Math.max(1, p.total) }),
    });
    setBusy(undefined);
    setPending(undefined);
    setMessage(done.kind === 'ok' ? t('backup.restored', { briefings: done.summary.counts.briefings ?? 0, date: date(done.summary.createdAt) }) : outcomeText(done));
  };

  const count = (key: string) => pending?.summary.counts[key] ?? 0;
  const fail = (error: unknown) => setMessage(t('backup.failed', { message: error instanceof Error ? error.message : String(error) }));

  return (
    <Page title={t('backup.title')}>
      <p>{t('backup.intro')}</p>
      <p>
        <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void backUp()}>
          {t('backup.make')}
        </button>
      </p>
      <section className="panel" aria-labelledby={`${id}-restore`}>
        <h2 id={`${id}-restore`}>{t('backup.restoreTitle')}</h2>
        <label>
          {t('backup.choose')}{' '}
          <input
            type="file"
            accept=".adbackup,.json,application/json,application/x-ndjson"
            disabled={busy !== undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) choose(file).catch(fail);
              e.target.value = '';
            }}
          />
        </label>
        {locked && <FileSecretPrompt wrong={locked.wrong} onSubmit={(secret) => void choose(locked.file, secret).catch(fail)} onCancel={() => setLocked(undefined)} />}
        {pending && (
          <div role="alertdialog" aria-label={t('backup.restoreTitle')} className="conflict">
            <p>{t('backup.summary', { date: date(pending.summary.createdAt), briefings: count('briefings'), sections: count('sections'), papers: count('papers'), annotations: count('annotations') })}</p>
            <p>{t('backup.confirm', { date: date(pending.summary.createdAt), briefings: count('briefings'), current: current ?? 0 })}</p>
            <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void restore()}>
              {t('backup.restore')}
            </button>{' '}
            <button type="button" disabled={busy !== undefined} onClick={() => setPending(undefined)}>
              {t('briefings.import.cancel')}
            </button>
          </div>
        )}
      </section>
      {busy && <BackupProgressBar busy={busy} onCancel={() => abort.current?.abort()} />}
      {message && (
        <p role="status" className="import-message">
          {message}
        </p>
      )}
    </Page>
  );
}


