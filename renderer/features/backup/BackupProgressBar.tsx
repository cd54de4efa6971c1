import { useT } from '../../i18n/use-t';

/** What a backup or restore is doing: a count of records, or a fraction of the file read. */
export type Busy = { label: 'backup.making'; rows: number } | { label: 'backup.checking' | 'backup.writing'; fraction: number };

/** Progress of long backup work, with a Cancel that leaves everything as it was. */
export function BackupProgressBar({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const t = useT();
  const text = busy.label === 'backup.making' ? t(busy.label, { rows: busy.rows }) : t(busy.label, { percent: Math.floor(busy.fraction * 100) });
  return (
    <div className="backup-progress">
      <p role="status">{text}</p>
      {busy.label === 'backup.making' ? <progress aria-label={text} /> : <progress aria-label={text} max={1} value={busy.fraction} />}
      <button type="button" onClick={onCancel}>
        {t('backup.cancel')}
      </button>
    </div>
  );
}
