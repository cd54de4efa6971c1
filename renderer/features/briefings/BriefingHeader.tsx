import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { BRIEFING_STATUSES, DEFAULT_CLASSIFICATIONS, type Briefing, type BriefingStatus } from '../../../shared/briefing/model';
import { db } from '../../db/db';
import { countryName, formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { DelegationOptions } from './DelegationOptions';
import { LineField } from './fields';
import { RelayStatusNote } from './RelayStatus';
import { ShareDialog } from '../sharing/ShareDialog';
import { useMyRole } from '../sharing/use-my-role';
import { ExportBriefingDialog } from './ExportBriefingDialog';
import { markingNeedsPassphrase } from '../lock/marking-guard';

/** Title, delegation, author, marking, status with who and when, save state, undo and redo. */
export function BriefingHeader({ briefing }: { briefing: Briefing }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const editBriefing = useAppStore((s) => s.editBriefing);
  const save = useAppStore((s) => s.save);
  const canUndo = useAppStore((s) => s.canUndo);
  const canRedo = useAppStore((s) => s.canRedo);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const meeting = useLiveQuery(() => db.meetings.get(briefing.meetingId), [briefing.meetingId]);
  const classifications = useLiveQuery(async () => ((await db.settings.get('classifications'))?.value as string[] | undefined) ?? [...DEFAULT_CLASSIFICATIONS], []);
  const heading = useRef<HTMLHeadingElement>(null);
  const time = (iso: string) => formatDateTime(iso, language, 'medium', 'medium');
  const last = briefing.statusHistory.at(-1);

  useEffect(() => {
    document.title = `${briefing.title} · ${t('app.name')}`;
  }, [briefing.title, t]);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  const flush = useAppStore((s) => s.flush);
  const { role, canEdit } = useMyRole(briefing.id);
  const [sharing, setSharing] = useState(false);
  const [, navigate] = useLocation();
  const [exporting, setExporting] = useState(false);

  const setStatus = (status: BriefingStatus) =>
    editBriefing('status', (b) => ({ ...b, status, statusHistory: [...b.statusHistory, { status, by: b.author, at: new Date().toISOString() }] }));

  return (
    <header className="briefing-header">
      <h1 ref={heading} tabIndex={-1}>
        <span className={`marking marking-${briefing.classification.toLowerCase()}`}>{briefing.classification}</span> {briefing.title}
      </h1>
      <p className="subtitle">
        {meeting && <Link href={`/meetings/${meeting.id}`}>{meeting.code}</Link>}
        {' · '}
        {countryName(briefing.delegation, language)}
        {last && ` · ${t('briefings.statusBy', { status: t(`briefings.status.${last.status}`), by: last.by || '—', at: time(last.at) })}`}
      </p>
      {!canEdit && role && (
        <p className="read-only-note" role="note">
          {t('sharing.readOnly', { role: t(`sharing.role.${role}`) })}
        </p>
      )}
      <fieldset className="header-fields plain" disabled={!canEdit}>
        <LineField label={t('briefings.titleField')} value={briefing.title} onChange={(title) => editBriefing('title', (b) => ({ ...b, title }))} />
        <LineField label={t('briefings.author')} value={briefing.author} onChange={(author) => editBriefing('author', (b) => ({ ...b, author }))} />
        <label className="field line">
          {t('briefings.delegation')}
          <select value={briefing.delegation} onChange={(e) => editBriefing('delegation', (b) => ({ ...b, delegation: e.target.value }))}>
            <DelegationOptions />
          </select>
        </label>
        <label className="field line">
          {t('briefings.classification')}
          <select value={briefing.classification} onChange={(e) => editBriefing('classification', (b) => ({ ...b, classification: e.target.value }))}>
            {[...new Set([...(classifications ?? []), briefing.classification])].map((c) => {
              // Without a passphrase a brief cannot be raised above the lowest marking (its own stays selectable).
              const refused = c !== briefing.classification && markingNeedsPassphrase(c, classifications ?? []);
              return (
                <option key={c} value={c} disabled={refused}>
                  {refused ? t('lock.marking.needsPassphrase', { marking: c }) : c}
                </option>
              );
            })}
          </select>
        </label>
        <label className="field line">
          {t('briefings.status')}
          <select value={briefing.status} onChange={(e) => setStatus(e.target.value as BriefingStatus)}>
            {BRIEFING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`briefings.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="editor-toolbar">
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
          {t('briefings.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
          {t('briefings.redo')}
        </button>
        <button type="button" onClick={() => setSharing((open) => !open)} aria-expanded={sharing}>
          {t('sharing.open')}
        </button>
        <button type="button" onClick={() => setExporting((open) => !open)} aria-expanded={exporting}>
          {t('briefings.export')}
        </button>
        <button type="button" onClick={() => void flush().then(() => navigate(`/briefings/${briefing.id}/pack`))}>
          {t('packs.printPack')}
        </button>
        <span className={`save-state save-${save.state}`} role="status" aria-live="polite" data-save-state={save.state}>
          {save.state === 'error'
            ? save.marking
              ? t('briefing.save.needsPassphrase', { marking: save.marking })
              : t('briefings.save.error', { message: save.message })
            : save.state === 'saved'
              ? save.at
                ? t('briefings.save.savedAt', { time: time(save.at) })
                : t('briefings.save.saved')
              : t(`briefings.save.${save.state}`)}
        </span>
        <RelayStatusNote />
      </div>
      {sharing && <ShareDialog briefingId={briefing.id} onClose={() => setSharing(false)} />}
      {exporting && <ExportBriefingDialog briefingId={briefing.id} marking={briefing.classification} markings={classifications ?? []} beforeExport={flush} onClose={() => setExporting(false)} />}
    </header>
  );
}
