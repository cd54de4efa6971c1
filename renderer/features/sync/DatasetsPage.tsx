import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../components/Page';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { DatasetHistory, useOriginText } from './DatasetHistory';
import { applyUpdate, checkUpdate, discardUpdate } from '../../datasets/dataset-updates';
import { FailureAlert, fromSyncFailure, type ShownFailure } from './FailureAlert';
import { fetchFeed, isAllowedFeedUrl, saveCheckAtStart, saveFeedUrl, useFeedSettings } from './feed-settings';
import { useInstalledDatasets } from './dataset-queries';
import { ProgressBar, useDateTime } from './parts';
import { ReviewList } from './ReviewList';
import { dragHasFiles, droppedFile, hasDesktopFileDialog, openWithDialog, pickedFile, type FileSource } from './file-source';
import { takeStartupPreview, useStartupPreview } from './StartupCheck';
import { TrustedKeys } from './TrustedKeys';
import type { HistoryEntry, SyncProgress, UpdateOrigin, UpdatePreview } from '../../datasets/types';
import { ReferenceFlags } from './ReferenceFlags';
import { UpdatePreviewView } from './UpdatePreviewView';
import './sync.css';

type Flow =
  | { step: 'idle' }
  | { step: 'checking'; progress?: SyncProgress }
  | { step: 'refused'; failure: ShownFailure }
  | { step: 'preview'; preview: UpdatePreview }
  | { step: 'applying'; preview: UpdatePreview; progress?: SyncProgress }
  | { step: 'applied'; entry: HistoryEntry; flagged: number }
  /** The bundle offered is the installed version: a calm status, not a refusal. */
  | { step: 'current' };

/** `/datasets`: installed datasets, updates from a file or a feed with a preview, trusted keys, history. */
export function DatasetsPage() {
  const t = useT();
  // An expired bundle (only ever from a file: a feed's is refused) is applied once the delegate says so.
  const [expiredConfirmed, setExpiredConfirmed] = useState(false);
  const [flow, setFlow] = useState<Flow>(() => {
    const pending = takeStartupPreview();
    return pending ? { step: 'preview', preview: pending } : { step: 'idle' };
  });
  const controller = useRef<AbortController | undefined>(undefined);
  const pendingToken = useRef<string | undefined>(undefined);
  pendingToken.current = flow.step === 'preview' ? flow.preview.token : undefined;

  // The start-up check may find an update while this page is open.
  const startupPreview = useStartupPreview();
  useEffect(() => {
    if (!startupPreview || flow.step !== 'idle') return;
    const preview = takeStartupPreview();
    if (preview) setFlow({ step: 'preview', preview });
  }, [startupPreview, flow.step]);

  // A preview left behind (another page, another check) is discarded: the worker frees the bundle.
  useEffect(() => () => {
    if (pendingToken.current) discardUpdate(pendingToken.current);
  }, []);

  const check = useCallback(async (load: (signal: AbortSignal) => Promise<{ data: Uint8Array | Blob; origin: UpdateOrigin } | ShownFailure | 'cancelled'>) => {
    if (pendingToken.current) discardUpdate(pendingToken.current);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setFlow({ step: 'checking' });
    setExpiredConfirmed(false);
    const loaded = await load(abort.signal);
    if (abort.signal.aborted) return;
    if (loaded === 'cancelled') {
      setFlow({ step: 'idle' });
      return;
    }
    if ('code' in loaded) {
      setFlow({ step: 'refused', failure: loaded });
      return;
    }
    // Bytes move to the engine's worker without a copy; a picked File is read there.
    const result = await checkUpdate(loaded.data, loaded.origin, { signal: abort.signal, onProgress: (progress) => !abort.signal.aborted && setFlow({ step: 'checking', progress }) });
    if (abort.signal.aborted) {
      if (result.ok) discardUpdate(result.preview.token);
      return;
    }
    setFlow(result.ok ? { step: 'preview', preview: result.preview } : result.code === 'no-update' ? { step: 'current' } : { step: 'refused', failure: fromSyncFailure(result) });
  }, []);

  const fromFile = (source: FileSource): { data: Uint8Array | Blob; origin: UpdateOrigin } | ShownFailure | 'cancelled' => {
    switch (source.status) {
      case 'opened':
        return { data: source.data, origin: { kind: 'file', name: source.name } };
      case 'cancelled':
        return 'cancelled';
      case 'too-large':
        return { code: 'file-too-large', message: '', problems: [], ids: [], vars: { name: source.name, size: megabytes(source.size), limit: megabytes(source.limit) } };
      case 'failed':
        return { code: 'file-unreadable', message: source.message, problems: [], ids: [] };
    }
  };

  const checkFile = (file: File) => void check(async () => fromFile(pickedFile(file)));
  const checkWithDialog = () => void check(async () => fromFile(await openWithDialog(t('sync.file.dialogTitle'))));
  const checkFeed = (url: string) =>
    void check(async (signal) => {
      const fetched = await fetchFeed(url, { signal });
      if (fetched.ok) return { data: fetched.bytes, origin: { kind: 'feed', url } };
      return { code: fetched.code, message: fetched.message, problems: [], ids: [], vars: { status: fetched.status ?? '' } };
    });

  const apply = async (preview: UpdatePreview) => {
    const abort = new AbortController();
    controller.current = abort;
    setFlow({ step: 'applying', preview });
    const result = await applyUpdate(preview.token, { signal: abort.signal, onProgress: (progress) => setFlow({ step: 'applying', preview, progress }) });
    if (!result.ok && result.code === 'cancelled') setFlow({ step: 'idle' });
    else setFlow(result.ok ? { step: 'applied', entry: result.entry, flagged: preview.impact.length } : { step: 'refused', failure: fromSyncFailure(result) });
  };

  const discard = (preview: UpdatePreview) => {
    discardUpdate(preview.token);
    setFlow({ step: 'idle' });
  };

  const busy = flow.step === 'checking' || flow.step === 'applying';
  const dragging = useFileDrop(!busy, checkFile);

  return (
    <Page title={t('sync.title')}>
      <p>{t('sync.intro')}</p>
      <InstalledDatasets />
      <ReferenceFlags />
      <section className="panel" aria-labelledby="sync-update-heading">
        <h2 id="sync-update-heading">{t('sync.update.title')}</h2>
        <FileChooser disabled={busy} onFile={checkFile} onDialog={checkWithDialog} />
        <FeedForm disabled={busy} onCheck={checkFeed} />
        <p className="muted">{t('sync.file.dropHint')}</p>
      </section>
      {flow.step === 'checking' && (
        <div className="panel">
          <ProgressBar label={phaseLabel(t, flow.progress)} done={flow.progress?.done ?? 0} total={flow.progress?.total ?? 0} />
          <button type="button" onClick={() => { controller.current?.abort(); setFlow({ step: 'idle' }); }}>
            {t('sync.cancel')}
          </button>
        </div>
      )}
      {flow.step === 'refused' && (
        <div className="panel">
          <FailureAlert failure={flow.failure} title={t('sync.refused')} />
          <button type="button" onClick={() => setFlow({ step: 'idle' })}>
            {t('sync.dismiss')}
          </button>
        </div>
      )}
      {(flow.step === 'preview' || flow.step === 'applying') && (
        <>
          <UpdatePreviewView preview={flow.preview} />
          <div className="panel sync-actions">
            {flow.step === 'preview' ? (
              <>
                <p>{t('sync.apply.explain')}</p>
                {flow.preview.expired && (
                  <label className="sync-confirm">
                    <input type="checkbox" checked={expiredConfirmed} onChange={(e) => setExpiredConfirmed(e.target.checked)} /> {t('sync.apply.confirmExpired')}
                  </label>
                )}
                <div className="actions">
                  <button type="button" className="primary" disabled={flow.preview.expired && !expiredConfirmed} onClick={() => void apply(flow.preview)}>
                    {t('sync.apply.button', { version: flow.preview.toVersion })}
                  </button>
                  <button type="button" onClick={() => discard(flow.preview)}>
                    {t('sync.apply.discard')}
                  </button>
                </div>
              </>
            ) : (
              <>
                <ProgressBar label={phaseLabel(t, flow.progress)} done={flow.progress?.done ?? 0} total={flow.progress?.total ?? 0} />
                <button type="button" onClick={() => controller.current?.abort()}>
                  {t('sync.cancel')}
                </button>
              </>
            )}
          </div>
        </>
      )}
      {flow.step === 'current' && (
        <p role="status" className="panel import-message">
          {t('sync.alreadyInstalled')}{' '}
          <button type="button" className="link-button" onClick={() => setFlow({ step: 'idle' })}>
            {t('sync.dismiss')}
          </button>
        </p>
      )}
      {flow.step === 'applied' && (
        <p role="status" className="panel import-message">
          {t('sync.apply.done', { title: flow.entry.title, version: flow.entry.version, count: flow.flagged })}{' '}
          <button type="button" className="link-button" onClick={() => setFlow({ step: 'idle' })}>
            {t('sync.dismiss')}
          </button>
        </p>
      )}
      <ReviewList />
      <TrustedKeys />
      <DatasetHistory />
      {dragging && (
        <div className="sync-dropzone" aria-hidden="true">
          <p>{t('sync.file.dropHere')}</p>
        </div>
      )}
    </Page>
  );
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

function phaseLabel(t: ReturnType<typeof useT>, progress: SyncProgress | undefined): string {
  const phase = progress?.phase ?? 'reading';
  return t(`sync.phase.${phase}` as MessageKey, { done: progress?.done ?? 0, total: progress?.total ?? 0 });
}

/** Drag a file anywhere over the window while this page is open: a drop zone shows, a drop checks it. */
function useFileDrop(enabled: boolean, onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const file = droppedFile(e.dataTransfer);
      if (file && enabled) onFileRef.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
  return dragging;
}

function FileChooser({ disabled, onFile, onDialog }: { disabled: boolean; onFile: (file: File) => void; onDialog: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <p>
      <button type="button" disabled={disabled} onClick={() => (hasDesktopFileDialog() ? onDialog() : input.current?.click())}>
        {t('sync.file.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('sync.file.input')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </p>
  );
}

function FeedForm({ disabled, onCheck }: { disabled: boolean; onCheck: (url: string) => void }) {
  const t = useT();
  const id = useId();
  const settings = useFeedSettings();
  const [url, setUrl] = useState<string | undefined>();
  const shown = url ?? settings?.url ?? '';
  const invalid = shown.trim() !== '' && !isAllowedFeedUrl(shown.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = shown.trim();
    if (!address || invalid) return;
    await saveFeedUrl(address);
    onCheck(address);
  };

  return (
    <form className="sync-feed" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-url`}>{t('sync.feed.address')}</label>
      <div className="sync-feed-row">
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={shown}
          placeholder="https://"
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint`}
        />
        <button type="submit" className="primary" disabled={disabled || !shown.trim() || invalid}>
          {t('sync.feed.check')}
        </button>
      </div>
      <p id={`${id}-hint`} className={invalid ? 'sync-invalid' : 'muted'}>
        {invalid ? t('sync.error.not-https') : t('sync.feed.hint')}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={settings?.checkAtStart ?? false} onChange={(e) => void saveCheckAtStart(e.target.checked)} />{' '}
        {t('sync.feed.checkAtStart')}
      </label>
    </form>
  );
}

function InstalledDatasets() {
  const t = useT();
  const date = useDateTime();
  const originText = useOriginText();
  const installed = useInstalledDatasets();
  return (
    <section className="panel" aria-labelledby="sync-installed-heading">
      <h2 id="sync-installed-heading">{t('sync.installed.title')}</h2>
      {installed && installed.length === 0 && <p>{t('sync.installed.none')}</p>}
      {installed && installed.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.dataset')}</th>
              <th scope="col">{t('sync.version')}</th>
              <th scope="col">{t('sync.publisher')}</th>
              <th scope="col">{t('sync.installed')}</th>
              <th scope="col">{t('sync.source')}</th>
            </tr>
          </thead>
          <tbody>
            {installed.map((d) => (
              <tr key={d.datasetId}>
                <td>
                  {d.title} <span className="code">{d.datasetId}</span>
                  {d.expiresAt && new Date(d.expiresAt) < new Date() && <div className="sync-warning">{t('sync.installed.expired')}</div>}
                  {d.dependsOn && (
                    <div className="muted">
                      {t('layers.installed.buildsOn', {
                        bases: d.dependsOn.map((b) => t('layers.installed.base', { title: installed.find((i) => i.datasetId === b.datasetId)?.title ?? b.datasetId, version: b.minVersion })).join('; '),
                      })}
                    </div>
                  )}
                </td>
                <td>{d.version}</td>
                <td>{d.publisher}</td>
                <td>{date(d.installedAt)}</td>
                <td className="sync-origin">{originText(d.origin)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
