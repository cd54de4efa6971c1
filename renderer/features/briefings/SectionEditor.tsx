import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { ASSESSMENTS, type Assessment, type Section, type SectionTextField } from '../../../shared/briefing/model';
import { LocalText } from '../../components/LocalText';
import { TextPlaceholder } from '../../components/Placeholder';
import { Markdown, MarkdownHelp } from '../../components/Markdown';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { SectionPapers } from '../../papers/attach/SectionPapers';
import { useAppStore } from '../../store/store';
import { DatasetReviewNote } from '../sync/ReviewNote';
import { LineField, TextField } from './fields';
import { clearDatasetReview, newId } from './repo';
import { TalkingPoints } from './TalkingPoints';
import { SectionWorkspace } from '../clearance/SectionWorkspace';

const TEXT_FIELDS: { field: SectionTextField; rows: number }[] = [
  { field: 'objectives', rows: 3 },
  { field: 'position', rows: 4 },
  { field: 'redLines', rows: 2 },
  { field: 'fallback', rows: 2 },
];

/** Everything the delegation prepares for one agenda item. */
export function SectionEditor({ section, detached, meetingId }: { section: Section; detached: boolean; meetingId: string }) {
  const t = useT();
  const editSection = useAppStore((s) => s.editSection);
  const [preview, setPreview] = useState(false);
  const headingId = useId();
  const edit = (field: string, update: (s: Section) => Section) => editSection(section.id, field, update);
  const setText = (field: SectionTextField) => (value: string) => edit(field, (s) => ({ ...s, [field]: value }));
  // The flag a dataset update sets lives in the database, not in the editor's draft: read it live,
  // so an update applied while the brief is open shows at once.
  const datasetReview = useLiveQuery(async () => (await db.sections.get(section.id))?.datasetReview, [section.id]);

  return (
    <section className="section-editor" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId}>{section.agendaTitle}</h2>
        <div className="section-tools">
          {!detached && <Link href={`/meetings/${meetingId}#item-${section.agendaItemId}`}>{t('briefings.section.openAgenda')}</Link>}
          <button type="button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
            {preview ? t('briefings.edit') : t('briefings.preview')}
          </button>
        </div>
      </header>
      <SectionWorkspace section={section} />
      {detached && (
        <p className="detached-note" role="note">
          {t('briefings.section.detached')}
        </p>
      )}
      <DatasetReviewNote
        review={datasetReview}
        onReviewed={() => {
          void clearDatasetReview(section.id).catch((error: unknown) => console.error('Could not mark the section reviewed', error));
        }}
      />
      {preview ? (
        <SectionPreview section={section} />
      ) : (
        <>
          <details className="format-help">
            <summary>{t('markdown.help')}</summary>
            <MarkdownHelp t={t} />
          </details>
          {TEXT_FIELDS.map(({ field, rows }) => (
            <TextField
              key={field}
              label={t(`briefings.section.${field}`)}
              value={section[field]}
              rows={rows}
              review={section.review.includes(field)}
              onChange={setText(field)}
            />
          ))}
          <fieldset className="group">
            <legend>{t('briefings.section.talkingPoints')}</legend>
            <TalkingPoints
              points={section.talkingPoints}
              review={section.review}
              fieldPrefix="talkingPoints"
              onChange={(field, talkingPoints) => edit(field, (s) => ({ ...s, talkingPoints }))}
            />
          </fieldset>
          <TextField label={t('briefings.section.background')} value={section.background} rows={6} review={section.review.includes('background')} onChange={setText('background')} />
          <TargetAssessments section={section} edit={edit} />
          <FollowUps section={section} edit={edit} />
          <SectionPapers sectionId={section.id} />
          <TextField
            className="private"
            label={t('briefings.section.privateNotes')}
            hint={t('briefings.section.privateHint')}
            value={section.privateNotes}
            review={section.review.includes('privateNotes')}
            onChange={setText('privateNotes')}
          />
        </>
      )}
    </section>
  );
}

function SectionPreview({ section }: { section: Section }) {
  const t = useT();
  return (
    <div className="section-preview">
      {TEXT_FIELDS.map(({ field }) =>
        section[field].trim() ? (
          <div key={field}>
            <h3>{t(`briefings.section.${field}`)}</h3>
            <Markdown text={section[field]} />
          </div>
        ) : null,
      )}
      {section.talkingPoints.length > 0 && (
        <>
          <h3>{t('briefings.section.talkingPoints')}</h3>
          <ol>
            {section.talkingPoints.map((tp) => (
              <li key={tp.id}>
                <Markdown text={tp.text} />
              </li>
            ))}
          </ol>
        </>
      )}
      {section.background.trim() && (
        <>
          <h3>{t('briefings.section.background')}</h3>
          <Markdown text={section.background} />
        </>
      )}
    </div>
  );
}

type Edit = (field: string, update: (s: Section) => Section) => void;

function TargetAssessments({ section, edit }: { section: Section; edit: Edit }) {
  const t = useT();
  const targets = useLiveQuery(() => db.targets.bulkGet(section.targets.map((x) => x.targetId)), [section.targets.map((x) => x.targetId).join('|')]);
  if (section.targets.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>{t('briefings.section.targets')}</legend>
      <ul className="assessments">
        {section.targets.map((entry, i) => {
          const target = targets?.[i];
          const text = target ? (target.text.en ?? target.text.ms ?? target.text.id ?? '') : '';
          // While the targets load the label says so; a target gone from the dataset is named by its id.
          const code = target ? `${target.code}. ${text.length > 60 ? `${text.slice(0, 57)}…` : text}` : targets === undefined ? t('common.loading') : entry.targetId;
          return (
            <li key={entry.targetId}>
              <Link href={`/targets/${entry.targetId}`}>
                {target ? (
                  <>
                    <span className="code">{target.code}.</span> <LocalText value={target.text} />
                  </>
                ) : targets === undefined ? (
                  <TextPlaceholder />
                ) : (
                  <span className="muted">{t('records.missing', { id: entry.targetId })}</span>
                )}
              </Link>
              <label>
                {t('briefings.target.assessment', { code })}
                <select
                  value={entry.assessment ?? ''}
                  onChange={(e) =>
                    edit(`target:${entry.targetId}`, (s) => ({
                      ...s,
                      targets: s.targets.map((x) =>
                        x.targetId === entry.targetId ? { ...x, assessment: (e.target.value || undefined) as Assessment | undefined, assessedAt: new Date().toISOString() } : x,
                      ),
                    }))
                  }
                >
                  <option value="">{t('briefings.target.notAssessed')}</option>
                  {ASSESSMENTS.map((a) => (
                    <option key={a} value={a}>
                      {t(`briefings.assessment.${a}`)}
                    </option>
                  ))}
                </select>
              </label>
              <TextField
                label={t('briefings.target.evidence', { code })}
                value={entry.evidence}
                rows={2}
                onChange={(evidence) =>
                  edit(`evidence:${entry.targetId}`, (s) => ({ ...s, targets: s.targets.map((x) => (x.targetId === entry.targetId ? { ...x, evidence } : x)) }))
                }
              />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function FollowUps({ section, edit }: { section: Section; edit: Edit }) {
  const t = useT();
  const update = (id: string, change: Partial<Section['followUps'][number]>, field: string) =>
    edit(`followUp:${id}:${field}`, (s) => ({ ...s, followUps: s.followUps.map((f) => (f.id === id ? { ...f, ...change } : f)) }));
  return (
    <fieldset className="group">
      <legend>{t('briefings.section.followUps')}</legend>
      <ul className="follow-ups">
        {section.followUps.map((f) => (
          <li key={f.id} className="row-fields">
            <LineField label={t('briefings.followUp.what')} value={f.what} onChange={(what) => update(f.id, { what }, 'what')} />
            <LineField label={t('briefings.followUp.owner')} value={f.owner} onChange={(owner) => update(f.id, { owner }, 'owner')} />
            <LineField label={t('briefings.followUp.due')} type="date" value={f.due ?? ''} onChange={(due) => update(f.id, { due: due || undefined }, 'due')} />
            <button type="button" aria-label={t('briefings.removeNamed', { name: f.what || t('briefings.followUp.what') })} onClick={() => edit('followUps.remove', (s) => ({ ...s, followUps: s.followUps.filter((x) => x.id !== f.id) }))}>
              {t('briefings.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => edit('followUps.add', (s) => ({ ...s, followUps: [...s.followUps, { id: newId(), what: '', owner: '' }] }))}>
        {t('briefings.followUp.add')}
      </button>
    </fieldset>
  );
}
