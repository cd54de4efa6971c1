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

/**
 * Installed versions, newest first, one table per dataset (a base and the layers over it apart,
 * each with its publisher), and undo of each dataset's last update on its own.
 */
export function DatasetHistory() {
  const t = useT();
  const id = useId();
  const history = useDatasetHistory();
  const [undo, setUndo] = useState<UndoState>({ step: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  // Datasets in the order of their latest entry (history is newest first).
  const datasets = [...new Set((history ?? []).map((e) => e.datasetId))];

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
      {history &&
        datasets.map((datasetId) => (
          <DatasetEntries
            key={datasetId}
            entries={history.filter((e) => e.datasetId === datasetId)}
            showHeading={datasets.length > 1}
            onUndo={undo.step === 'idle' ? (entry) => setUndo({ step: 'confirm', entry }) : undefined}
          />
        ))}
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

/** One dataset's installed versions, newest first, and the button that undoes its last update. */
function DatasetEntries({ entries, showHeading, onUndo }: { entries: HistoryEntry[]; showHeading: boolean; onUndo?: (entry: HistoryEntry) => void }) {
  const t = useT();
  const id = useId();
  const date = useDateTime();
  const originText = useOriginText();
  const undoable = entries.find((e) => e.undoable);
  const latest = entries[0]!;
  return (
    <div className="sync-history-dataset" role="group" aria-labelledby={showHeading ? `${id}-dataset` : undefined}>
      {showHeading && <h3 id={`${id}-dataset`}>{t('layers.history.dataset', { title: latest.title, datasetId: latest.datasetId })}</h3>}
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
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                {entry.title} {entry.version}
                <div className="muted">{t('layers.history.changes', totals(entry))}</div>
              </td>
              <td>{date(entry.installedAt)}</td>
              <td className="sync-origin">{originText(entry.origin)}</td>
              <td>{entry.publisherName}</td>
              <td>
                {entry.undoneAt ? t('sync.history.undone', { date: date(entry.undoneAt) }) : entry.current ? t('sync.history.current') : t('sync.history.replaced')}
                {entry.flagged > 0 && <div className="muted">{t('sync.history.flagged', { count: entry.flagged })}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {undoable && onUndo && (
        <p>
          <button type="button" onClick={() => onUndo(undoable)}>
            {showHeading ? t('layers.history.undo', { title: undoable.title }) : t('sync.undo.button')}
          </button>
        </p>
      )}
    </div>
  );
}

/** An entry's changes over every kind of record. */
function totals(entry: HistoryEntry): { added: number; changed: number; removed: number } {
  const all = Object.values(entry.counts);
  return { added: all.reduce((n, c) => n + c.added, 0), changed: all.reduce((n, c) => n + c.changed, 0), removed: all.reduce((n, c) => n + c.removed, 0) };
}
