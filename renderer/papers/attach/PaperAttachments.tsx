import { useLiveQuery } from 'dexie-react-hooks';
import { versionLabel } from './version-label';
import { useEffect } from 'react';
import { Link } from 'wouter';
import { ownerKey, type Paper, type PaperOwner, type PaperVersion } from '../../../shared/papers/model';
import { pickText, type LocalizedText } from '../../../shared/model';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { warmUpPdf } from '../pdf/pdfjs';
import type { IncomingFile } from '../storage/intake';
import { attachPaper } from '../storage/papers-repo';
import { currentDelegate } from '../storage/who';
import { formatBytes } from './format-bytes';
import { AttachControl } from './AttachControl';
import { useDropZone } from './drop-zone';
import { IntakeStatus } from './IntakeStatus';
import { useIntake } from './use-intake';

/**
 * The papers kept with one meeting, agenda item or briefing section, and the way to add one:
 * the attach button or a file dropped on the list. `compact` is the agenda item's one-line
 * form; a briefing section editor can place `<PaperAttachments owner={{ kind: 'section', id }} compact />`.
 */
export function PaperAttachments({ owner, compact = false, ownerLabel }: { owner: PaperOwner; compact?: boolean; ownerLabel?: string | LocalizedText }) {
  const t = useT();
  const key = ownerKey(owner);
  const rows = useLiveQuery(async () => {
    const papers = await db.papers.where('ownerKey').equals(key).sortBy('createdAt');
    const versions = await db.paperVersions.bulkGet(papers.map((p) => p.currentVersionId));
    return papers.map((paper, i) => ({ paper, version: versions[i] }));
  }, [key]);
  const intake = useIntake();
  const any = (rows?.length ?? 0) > 0;
  useEffect(() => {
    if (any) warmUpPdf();
  }, [any]);
  // Each file of a drop in turn; one refused does not keep the others out (its notice stays), a Cancel stops the rest.
  const attach = async (files: IncomingFile[]) => {
    for (const file of files) {
      const outcome = await intake.run(file, async (inspected) => attachPaper(owner, inspected, await currentDelegate()));
      if (outcome === 'cancelled') break;
    }
  };
  const drop = useDropZone((files) => void attach(files));
  const language = useAppStore((s) => s.language);
  const named = typeof ownerLabel === 'string' ? ownerLabel : ownerLabel ? pickText(ownerLabel, language).text : '';
  const label = named || t(`papers.owner.${owner.kind}`);
  return (
    <section
      className={`paper-attachments${compact ? ' compact' : ''}${drop.over ? ' drop-over' : ''}`}
      aria-label={t('papers.attachments.of', { owner: label })}
      {...drop.props}
    >
      {!compact && <h2>{t('papers.attachments.title')}</h2>}
      {rows && rows.length > 0 && (
        <ul className="paper-list">
          {rows.map(({ paper, version }) => (
            <PaperRow key={paper.id} paper={paper} version={version} />
          ))}
        </ul>
      )}
      {!compact && rows?.length === 0 && <p className="muted">{t('papers.attachments.none')}</p>}
      <div className="paper-attach">
        <AttachControl
          label={compact ? t('papers.attach.short') : t('papers.attach.button')}
          inputLabel={t('papers.attach.input', { owner: label })}
          onFile={(file) => void attach([file])}
          onRefused={(name, problem) => intake.fail(name, problem)}
          disabled={intake.state.phase === 'working'}
        />
        {!compact && <span className="muted">{t('papers.attach.dropHint')}</span>}
        {owner.kind === 'meeting' && any && <Link href={`/papers/annex?meeting=${encodeURIComponent(owner.id)}`}>{t('papers.annex.link')}</Link>}
      </div>
      <IntakeStatus intake={intake} />
    </section>
  );
}

function PaperRow({ paper, version }: { paper: Paper; version?: PaperVersion }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  return (
    <li>
      <Link href={`/papers/${paper.id}`}>{paper.title}</Link>{' '}
      <span className="muted">
        {version && [version.revision > 0 ? versionLabel(version, t) : undefined, version.isPdf ? t('papers.pages', { count: version.pageCount ?? 0 }) : version.type || version.name, formatBytes(version.size, language)].filter(Boolean).join(' · ')}
      </span>
    </li>
  );
}
