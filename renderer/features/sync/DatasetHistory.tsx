import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { undoLastUpdate } from '../../datasets/dataset-updates';
import { FailureAlert, fromSyncFailure, type ShownFailure } from './FailureAlert';
import { useDatasetHistory } from './dataset-queries';
import { ProgressBar, useDateTime } from './parts';
import type { HistoryEntry, SyncProgress, UpdateOrigin } from '../../datasets/types';

export function useOriginText(): (origin: UpdateOrigin | undefined) => string {
  const t = useT();
  return (origin) =>
    origin === undefined
      ? t('common.unknown')
      : origin.kind === 'builtin'
        ? t('sync.origin.builtin')
        : origin.kind === 'file'
          ? t('sync.origin.file', { name: origin.name })
          : t('sync.origin.feed', { url: origin.url });
}

type UndoState = { step: 'idle' } | { step: 'confirm'; entry: HistoryEntry } | { step: 'running'; progress?: SyncProgress } | { step: 'done'; version: number } | { step: 'failed'; failure: ShownFailure };

/** Installed versions, newest first, and undo of the last update. */
export function DatasetHistory() {
  const t = useT();
  const id = useId();
  const date = useDateTime();
  const originText = useOriginText();
  const history = useDatasetHistory();
  const [undo, setUndo] = useState<UndoState>({ step: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const undoable = history?.find((e) => e.undoable);

  const run = async (entry: HistoryEntry) => {
    controller.current = new AbortController();
    setUndo({ step: 'running' });
    const result = await undoLastUpdate(entry.datasetId, { signal: controller.current.signal, onProgress: (progress) => setUndo({ step: 'running', progress }) });
    setUndo(result.ok ? { step: 'done', version: entry.version } : { step: 'failed', failure: fromSyncFailure(result) });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-history`}>
      <h2 id={`${id}-history`}>{t('sync.history.title')}</h2>
      {history && history.length === 0 && <p className="muted">{t('sync.history.none')}</p>}
      {history && history.length > 0 && (
        <table className="data-table sync-history">
          <thead>
            <tr>
              <th scope="col">{t('sync.version')}</th>
              <th scope="col">{t('sync.installed')}</th>
              <th scope="col">{t('sync.source')}</th>
              <th scope="col">{t('sync.publisher')}</th>
              <th scope="col">{t('sync.history.state')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.id}>
                <td>
                  {entry.title} {entry.version}
                </td>
                <td>{date(entry.installedAt)}</td>
                <td className="sync-origin">{originText(entry.origin)}</td>
                <td>{entry.publisherName}</td>
                <td>
                  {entry.undoneAt
                    ? t('sync.history.undone', { date: date(entry.undoneAt) })
                    : entry.current
                      ? t('sync.history.current')
                      : t('sync.history.replaced')}
                  {entry.flagged > 0 && <div className="muted">{t('sync.history.flagged', { count: entry.flagged })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undoable && undo.step === 'idle' && (
        <p>
          <button type="button" onClick={() => setUndo({ step: 'confirm', entry: undoable })}>
            {t('sync.undo.button')}
          </button>
        </p>
      )}
      {undo.step === 'confirm' && (
        <div role="alertdialog" aria-label={t('sync.undo.button')} className="conflict">
          <p>{t('sync.undo.confirm', { title: undo.entry.title, version: undo.entry.version, previous: undo.entry.fromVersion ?? '—' })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void run(undo.entry)}>
              {t('sync.undo.yes')}
            </button>
            <button type="button" onClick={() => setUndo({ step: 'idle' })} autoFocus>
              {t('sync.cancel')}
            </button>
          </div>
        </div>
      )}
      {undo.step === 'running' && (
        <div>
          <ProgressBar label={t('sync.undo.running')} done={undo.progress?.done ?? 0} total={undo.progress?.total ?? 0} />
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('sync.cancel')}
          </button>
        </div>
      )}
      {undo.step === 'done' && (
        <p role="status" className="import-message">
          {t('sync.undo.done', { version: undo.version })}{' '}
          <button type="button" className="link-button" onClick={() => setUndo({ step: 'idle' })}>
            {t('sync.dismiss')}
          </button>
        </p>
      )}
      {undo.step === 'failed' && (
        <>
          <FailureAlert failure={undo.failure} title={t('sync.undo.failed')} />
          <button type="button" onClick={() => setUndo({ step: 'idle' })}>
            {t('sync.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}
