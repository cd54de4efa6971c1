import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { diffBriefing } from '../../../shared/clearance/briefing-diff';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import './clearance.css';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { MarkingNeedsPassphraseError } from '../lock/marking-guard';
import { clearVersion } from './clear-version';
import { FieldChanges } from './DiffView';
import { useClearedContent, useControlSession, useMayLead } from './use-control';

/**
 * The briefing's clearance, under the editor's header: cleared by whom and when with its
 * fingerprint, what changed since (per section, word by word), "Clear this version" for the
 * lead, and the history. Mounted by the editor with one line; reads the projected rows only.
 */
export function ClearanceBar({ briefingId }: { briefingId: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const unsavedMarking = useControlSession(briefingId);
  const mayLead = useMayLead(briefingId);
  const cleared = useClearedContent(briefingId);
  const history = useLiveQuery(async () => (await db.clearances.where('briefingId').equals(briefingId).toArray()).sort((a, b) => (a.clearedAt < b.clearedAt ? 1 : -1)), [briefingId]);
  const current = useLiveQuery(async () => {
    const briefing = await db.briefings.get(briefingId);
    const sections = await db.sections.where('briefingId').equals(briefingId).sortBy('order');
    return briefing ? { briefing, sections } : undefined;
  }, [briefingId]);
  const changes = useMemo(() => (cleared?.content && current ? diffBriefing(cleared.content, current) : undefined), [cleared, current]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const when = (iso: string) => formatDateTime(iso, language);

  if (cleared === undefined || current === undefined) return null;
  const row = cleared?.row;
  const changedCount = changes ? changes.sections.length + (changes.general.length > 0 ? 1 : 0) : 0;
  const clear = async () => {
    setBusy(true);
    setMessage(t('clearance.clearing'));
    try {
      const at = await clearVersion(briefingId, t('assignments.me'));
      setMessage(t('clearance.done', { date: when(at) }));
      setConfirming(false);
    } catch (error) {
      // Kept in memory only: the alert above says so and how to fix it.
      if (error instanceof MarkingNeedsPassphraseError) return setMessage('');
      setMessage(t('clearance.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  const at = (item?: string) => `/briefings/${encodeURIComponent(briefingId)}${item ? `?item=${encodeURIComponent(item)}` : ''}`;

  return (
    <section className={`clearance-bar${changedCount > 0 ? ' changed' : ''}`} aria-label={t('clearance.region')}>
      {unsavedMarking && (
        <p className="unsaved-here" role="alert">
          {t('control.save.needsPassphrase', { marking: unsavedMarking })}
        </p>
      )}
      <div className="clearance-summary">
        {row ? (
          <p>
            <strong>{t('clearance.clearedBy', { name: row.clearedBy.name, date: when(row.clearedAt) })}</strong>{' '}
            <span className="muted clearance-hash" title={row.hash}>
              {t('clearance.fingerprint', { hash: row.hash.slice(0, 12) })}
            </span>
          </p>
        ) : (
          <p>{t('clearance.notCleared')}</p>
        )}
        {row && cleared?.content && !cleared.content.verified && <p role="alert">{t('clearance.damaged')}</p>}
        {row && changes && <p className={changedCount > 0 ? 'clearance-changed' : 'muted'}>{changedCount > 0 ? t('clearance.changed', { count: changedCount }) : t('clearance.unchanged')}</p>}
        <Link href="/my-sections">{t('mySections.link')}</Link>
        {mayLead && !confirming && (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
            {t('clearance.clear')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="clearance-confirm" role="group" aria-label={t('clearance.clear')}>
          <p>{row ? t('clearance.confirmReplace', { date: when(row.clearedAt) }) : t('clearance.confirm')}</p>
          <button type="button" className="primary" onClick={() => void clear()} disabled={busy}>
            {t('clearance.confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
            {t('clearance.cancel')}
          </button>
        </div>
      )}
      {changes && changedCount > 0 && (
        <details className="clearance-differences">
          <summary>{t('clearance.showDifferences')}</summary>
          <p className="muted">{t('clearance.legend')}</p>
          {changes.general.length > 0 && (
            <section>
              <h3>
                <Link href={at()}>{t('clearance.general')}</Link>
              </h3>
              <FieldChanges fields={changes.general} />
            </section>
          )}
          {changes.sections.map((s) => (
            <section key={s.sectionId}>
              <h3>
                {s.change === 'removed' ? s.title : <Link href={at(s.agendaItemId)}>{s.title}</Link>}{' '}
                <span className="badge">{t(s.change === 'added' ? 'clearance.sectionAdded' : s.change === 'removed' ? 'clearance.sectionRemoved' : 'clearance.sectionChanged')}</span>
              </h3>
              <FieldChanges fields={s.fields} />
            </section>
          ))}
        </details>
      )}
      {history && history.length > 0 && (
        <details className="clearance-history">
          <summary>{t('clearance.history', { count: history.length })}</summary>
          <ol>
            {history.map((h) => (
              <li key={h.id}>
                {t('clearance.historyEntry', { date: when(h.clearedAt), name: h.clearedBy.name, hash: h.hash.slice(0, 12) })}
                {h.current && <span className="badge"> {t('clearance.historyCurrent')}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {!mayLead && !row && <p className="muted">{t('clearance.onlyLead')}</p>}
      <p role="status" className="clearance-status">
        {message}
      </p>
    </section>
  );
}
