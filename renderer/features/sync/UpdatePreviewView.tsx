import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { RECORD_KINDS } from '../../../shared/model';
import { LocalText } from '../../components/LocalText';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { listChanges } from '../../datasets/dataset-updates';
import { LayerPreview } from './LayerPreview';
import { Fingerprint, useDateTime } from './parts';
import type { RecordChange, UpdatePreview } from '../../datasets/types';

/** Changes rendered at a time: a 100k-record update shows its first page, the rest on demand. */
export const CHANGES_PAGE = 50;

/** What an update would do, before anything is written. */
export function UpdatePreviewView({ preview }: { preview: UpdatePreview }) {
  const t = useT();
  const id = useId();
  const date = useDateTime();
  const origin = preview.origin.kind === 'file' ? preview.origin.name : preview.origin.kind === 'feed' ? preview.origin.url : t('sync.origin.builtin');
  return (
    <section className="panel sync-preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sync.preview.title', { title: preview.title })}</h2>
      <p>
        {preview.fromVersion === undefined
          ? t('sync.preview.firstVersion', { to: preview.toVersion })
          : t('sync.preview.versions', { from: preview.fromVersion, to: preview.toVersion })}
      </p>
      <dl className="facts">
        <dt>{t('sync.publisher')}</dt>
        <dd>
          {preview.publisherName} <span className="code">{preview.publisherId}</span>
        </dd>
        <dt>{t('sync.preview.from')}</dt>
        <dd className="sync-origin">{origin}</dd>
        <dt>{t('sync.preview.created')}</dt>
        <dd>{date(preview.createdAt)}</dd>
        <dt>{t('sync.preview.expires')}</dt>
        <dd>{date(preview.expiresAt)}</dd>
        <dt>{t('sync.preview.signedBy')}</dt>
        <dd>
          <ul className="plain-list">
            {preview.signedBy.map((key) => (
              <li key={key.keyId}>
                {key.label} <Fingerprint value={key.fingerprint} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {preview.publisherChange?.kind === 'replaces-builtin' && (
        <p role="alert" className="sync-warning">
          {t('sync.preview.publisherBuiltin', { publisher: preview.publisherName })}
        </p>
      )}
      {preview.publisherChange?.kind === 'rotated' && (
        <div role="alert" className="sync-warning">
          <p>{t('sync.preview.publisherRotated', { from: preview.publisherChange.from.map((k) => k.label).join(', '), threshold: preview.publisherChange.threshold })}</p>
          <ul className="plain-list">
            {preview.publisherChange.to.map((key) => (
              <li key={key.keyId}>
                <Fingerprint value={key.fingerprint} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.layers && <LayerPreview layers={preview.layers} />}
      {preview.expired && (
        <p role="alert" className="sync-warning">
          {t('sync.preview.expired', { date: date(preview.expiresAt) })}
        </p>
      )}
      {preview.changelog.length > 0 && (
        <>
          <h3>{t('sync.preview.changelog')}</h3>
          <ul>
            {preview.changelog.map((entry, i) => (
              <li key={i}>{typeof entry === 'string' ? entry : t('sync.changelogEntry', { version: entry.version, notes: entry.notes })}</li>
            ))}
          </ul>
        </>
      )}
      <CountsTable preview={preview} />
      <ImpactList preview={preview} />
      <ChangesList preview={preview} />
    </section>
  );
}

function CountsTable({ preview }: { preview: UpdatePreview }) {
  const t = useT();
  return (
    <table className="data-table sync-counts">
      <caption>{t('sync.preview.summary')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sync.preview.kind')}</th>
          <th scope="col">{t('sync.change.added')}</th>
          <th scope="col">{t('sync.change.changed')}</th>
          <th scope="col">{t('sync.change.removed')}</th>
        </tr>
      </thead>
      <tbody>
        {RECORD_KINDS.map((kind) => {
          const c = preview.counts[kind];
          return (
            <tr key={kind}>
              <th scope="row">{t(`sync.kind.${kind}` as MessageKey)}</th>
              <td>{c.added}</td>
              <td>{c.changed}</td>
              <td>{c.removed}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ImpactList({ preview }: { preview: UpdatePreview }) {
  const t = useT();
  const id = useId();
  const [limit, setLimit] = useState(CHANGES_PAGE);
  const rest = preview.impact.length - limit;
  return (
    <section aria-labelledby={`${id}-impact`} className="sync-impact">
      <h3 id={`${id}-impact`}>{t('sync.preview.impact', { count: preview.impact.length })}</h3>
      {preview.impact.length === 0 ? (
        <p className="muted">{t('sync.preview.noImpact')}</p>
      ) : (
        <ul>
          {preview.impact.slice(0, limit).map((impact) => (
            <li key={impact.sectionId}>
              <Link href={`/briefings/${impact.briefingId}?item=${encodeURIComponent(impact.agendaItemId)}`}>
                {impact.briefingTitle} › {impact.before ? <LocalText value={impact.before.title} /> : impact.agendaItemId}
              </Link>{' '}
              <span className="badge">{t(impact.change === 'removed' ? 'sync.impact.removed' : 'sync.impact.changed')}</span>
              {impact.change === 'changed' && impact.after && impact.before && (
                <span className="muted">
                  {' '}
                  → <LocalText value={impact.after.title} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {rest > 0 && (
        <button type="button" onClick={() => setLimit((l) => l + CHANGES_PAGE)}>
          {t('sync.preview.showMore', { count: Math.min(CHANGES_PAGE, rest) })}
        </button>
      )}
    </section>
  );
}

function ChangesList({ preview }: { preview: UpdatePreview }) {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState(CHANGES_PAGE);
  const [extra, setExtra] = useState<RecordChange[]>([]);
  const [loading, setLoading] = useState(false);
  const known = preview.changes.length + extra.length;
  const total = preview.totalChanges;
  useEffect(() => {
    setShown(CHANGES_PAGE);
    setExtra([]);
  }, [preview.token]);

  const showMore = async () => {
    const next = shown + CHANGES_PAGE;
    if (next > known && known < total) {
      setLoading(true);
      try {
        const page = await listChanges(preview.token, { offset: known, limit: Math.max(CHANGES_PAGE * 4, next - known) });
        if (page.ok) setExtra((e) => [...e, ...page.changes]);
      } finally {
        setLoading(false);
      }
    }
    setShown(next);
  };

  const all = extra.length === 0 ? preview.changes : [...preview.changes, ...extra];
  const visible = all.slice(0, shown);
  return (
    <section aria-labelledby={`${id}-changes`}>
      <h3 id={`${id}-changes`}>{t('sync.preview.changes', { count: total })}</h3>
      <ul className="sync-changes">
        {visible.map((change) => (
          <li key={`${change.kind}/${change.id}`}>
            <ChangeItem change={change} />
          </li>
        ))}
      </ul>
      {visible.length < total && (
        <p>
          <span className="muted">{t('sync.preview.showing', { shown: visible.length, total })}</span>{' '}
          <button type="button" onClick={() => void showMore()} disabled={loading}>
            {t('sync.preview.showMore', { count: Math.min(CHANGES_PAGE, total - visible.length) })}
          </button>
        </p>
      )}
    </section>
  );
}

function ChangeItem({ change }: { change: RecordChange }) {
  const t = useT();
  const head = (
    <>
      <span className={`badge sync-${change.change}`}>{t(`sync.change.${change.change}`)}</span> {t(`sync.kind.${change.kind}` as MessageKey)}: {change.label}{' '}
      <span className="code">{change.id}</span>
    </>
  );
  if (change.fields.length === 0) return <span>{head}</span>;
  return (
    <details>
      <summary>
        {head} <span className="muted">{t('sync.preview.fieldCount', { count: change.fields.length })}</span>
      </summary>
      <table className="data-table sync-fields">
        <thead>
          <tr>
            <th scope="col">{t('sync.preview.field')}</th>
            <th scope="col">{t('sync.preview.before')}</th>
            <th scope="col">{t('sync.preview.after')}</th>
          </tr>
        </thead>
        <tbody>
          {change.fields.map((field) => (
            <tr key={field.path}>
              <th scope="row" className="code">
                {field.path}
              </th>
              <td>
                <Value value={field.before} />
              </td>
              <td>
                <Value value={field.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Value({ value }: { value: unknown }) {
  const t = useT();
  if (value === undefined) return <span className="muted">{t('sync.preview.absent')}</span>;
  if (typeof value === 'string') return <span>{value}</span>;
  return <span className="code">{JSON.stringify(value)}</span>;
}
