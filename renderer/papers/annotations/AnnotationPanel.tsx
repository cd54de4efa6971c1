import { useLiveQuery } from 'dexie-react-hooks';
import { AnnotationPlace } from './AnnotationPlace';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ANNOTATION_NOTE_MAX } from '../../../shared/collab/delegation-annotations';
import type { ShownAnnotation } from '../../../shared/papers/colleague-annotations';
import type { Annotation, AnnotationLink } from '../../../shared/papers/model';
import { originalQuote } from '../../../shared/papers/reanchor';
import { subscribeUnsavedAnnotations, unsavedAnnotationMarkings } from '../../collab/delegation-annotations-session';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { deleteAnnotation, linkAnnotation, restoreAnnotation, updateAnnotation } from './annotations-repo';
import { PRIVATE_TEXT } from '../../components/private-text';
import type { ShareTarget } from './annotation-sharing';
import { ColleagueAnnotationItem } from './ColleagueAnnotationItem';
import { ShareControl } from './ShareControl';

const COLORS: Annotation['color'][] = ['yellow', 'green', 'blue', 'pink'];
/** How long after the last keystroke a note is written (the briefing editor saves within a second too). */
const NOTE_SAVE_DELAY_MS = 400;

/** Annotations in reading order: those placed in this version first, then the orphans with their quote. */
export function sortAnnotations<A extends Annotation>(list: readonly A[]): { placed: A[]; orphans: A[] } {
  const placed = list.filter((a) => a.target.position).sort((a, b) => a.target.position!.start - b.target.position!.start);
  const orphans = list.filter((a) => !a.target.position).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { placed, orphans };
}

/**
 * The paper's annotations beside the viewer: this member's own (editable, shareable with the
 * delegation of a shared briefing of the meeting) and colleagues' shared ones (read-only).
 */
export function AnnotationPanel({
  annotations,
  meetingId,
  onGo,
  focused,
  shareTargets = [],
}: {
  annotations: readonly ShownAnnotation[];
  meetingId?: string;
  onGo: (a: Annotation) => void;
  focused?: string;
  shareTargets?: readonly ShareTarget[];
}) {
  const t = useT();
  const [undo, setUndo] = useState<Annotation>();
  const { placed, orphans } = sortAnnotations(annotations);
  const remove = async (a: Annotation) => setUndo(await deleteAnnotation(a.id));
  // One's shared annotations whose briefing's marking kept their last change in memory only.
  const unsaved = useSyncExternalStore(subscribeUnsavedAnnotations, unsavedAnnotationMarkings);
  const unsavedHere = [...new Set(annotations.flatMap((a) => (!a.colleague && a.shared && unsaved.has(a.shared.briefingId) ? [a.shared.briefingId] : [])))];
  const item = (a: ShownAnnotation, isFocused?: boolean) =>
    a.colleague ? (
      <ColleagueAnnotationItem key={a.id} a={a} quote={a.target.position ? a.target.quote.exact : originalQuote(a)} onGo={onGo} focused={isFocused} />
    ) : (
      <AnnotationItem key={a.id} a={a} meetingId={meetingId} onGo={onGo} onDelete={remove} focused={isFocused} shareTargets={shareTargets} />
    );
  return (
    <aside className="paper-annotations" aria-labelledby="paper-annotations-heading">
      <h2 id="paper-annotations-heading">{t('papers.annotations.title', { count: annotations.length })}</h2>
      {unsavedHere.map((briefingId) => (
        <p key={briefingId} className="unsaved-here" role="alert">
          {t('annotationShare.needsPassphrase', { briefing: shareTargets.find((b) => b.briefingId === briefingId)?.title ?? '', marking: unsaved.get(briefingId) ?? '' })}
        </p>
      ))}
      {undo && (
        <p role="status" className="paper-undo">
          {t('papers.annotations.deleted')}{' '}
          <button
            type="button"
            onClick={() => {
              void restoreAnnotation(undo);
              setUndo(undefined);
            }}
          >
            {t('papers.undo')}
          </button>
        </p>
      )}
      {annotations.length === 0 && <p className="muted">{t('papers.annotations.none')}</p>}
      <ol className="paper-annotation-list" aria-label={t('papers.annotations.placed')}>
        {placed.map((a) => item(a, a.id === focused))}
      </ol>
      {orphans.length > 0 && (
        <section aria-labelledby="paper-orphans-heading" className="paper-orphans">
          <h3 id="paper-orphans-heading">{t('papers.annotations.orphans', { count: orphans.length })}</h3>
          <p className="muted">{t('papers.annotations.orphansHint')}</p>
          <ol aria-label={t('papers.annotations.orphanList')}>
            {orphans.map((a) => item(a))}
          </ol>
        </section>
      )}
    </aside>
  );
}

function AnnotationItem({
  a,
  meetingId,
  onGo,
  onDelete,
  focused,
  shareTargets,
}: {
  a: Annotation;
  meetingId?: string;
  onGo: (a: Annotation) => void;
  onDelete: (a: Annotation) => void;
  focused?: boolean;
  shareTargets: readonly ShareTarget[];
}) {
  const t = useT();
  const [note, setNote] = useState(a.note);
  const saveNote = () => note !== a.note && void updateAnnotation(a.id, { note, kind: note.trim() ? 'note' : 'highlight' });
  // Saved a moment after typing stops, not only on leaving the box: a reload, a lock (which
  // reloads the page) or closing the window before the box loses focus kept none of the note.
  useEffect(() => {
    if (note === a.note) return;
    const timer = setTimeout(saveNote, NOTE_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveNote reads these two
  }, [note, a.note]);
  const orphan = !a.target.position;
  const quote = orphan ? originalQuote(a) : a.target.quote.exact;
  return (
    <li className={`paper-annotation color-${a.color}${focused ? ' focused' : ''}`} data-status={a.target.status} aria-label={t('papers.annotations.item', { quote: quote.slice(0, 60) })}>
      <blockquote>{quote}</blockquote>
      <div className="paper-annotation-meta">
        <AnnotationPlace target={a.target} onGo={() => onGo(a)} />
        {a.shared ? (
          <span className="badge delegation-badge" title={t('delegationNotes.sharedIn', { briefing: shareTargets.find((b) => b.briefingId === a.shared?.briefingId)?.title ?? '' })}>
            {t('papers.scope.delegation')}
          </span>
        ) : (
          <span className="muted">{t(`papers.scope.${a.scope}`)}</span>
        )}
      </div>
      <label className="paper-note">
        <span className="visually-hidden">{t('papers.annotations.note')}</span>
        <textarea
          {...PRIVATE_TEXT}
          // A note just made with "Add note" is ready to be typed.
          autoFocus={focused && a.kind === 'note' && a.note === ''}
          value={note}
          rows={note ? 3 : 1}
          placeholder={t('papers.annotations.notePlaceholder')}
          // Colleagues see at most this much (a private note may be longer: a backup keeps 100,000).
          maxLength={a.shared ? ANNOTATION_NOTE_MAX : undefined}
          onChange={(e) => setNote(e.target.value)}
          onBlur={saveNote}
        />
      </label>
      {a.shared && note.trim().length > ANNOTATION_NOTE_MAX && <p className="muted">{t('annotationShare.noteCut', { max: ANNOTATION_NOTE_MAX })}</p>}
      <div className="paper-annotation-actions">
        <span role="group" aria-label={t('papers.annotations.color')}>
          {COLORS.map((c) => (
            <button key={c} type="button" className={`swatch color-${c}`} aria-pressed={a.color === c} aria-label={t(`papers.color.${c}`)} onClick={() => void updateAnnotation(a.id, { color: c })} />
          ))}
        </span>
        <LinkPicker a={a} meetingId={meetingId} />
        <ShareControl a={a} targets={shareTargets} />
        <button type="button" onClick={() => onDelete(a)}>
          {t('papers.delete')}
        </button>
      </div>
    </li>
  );
}

/** Links an annotation to a section or one of its talking points, among the meeting's briefings. */
function LinkPicker({ a, meetingId }: { a: Annotation; meetingId?: string }) {
  const t = useT();
  const options = useLiveQuery(async () => {
    if (!meetingId) return [];
    const briefings = await db.briefings.where('meetingId').equals(meetingId).toArray();
    const sections = await db.sections.where('briefingId').anyOf(briefings.map((b) => b.id)).toArray();
    const titles = new Map(briefings.map((b) => [b.id, b.title]));
    return sections.map((s) => ({ s, briefing: titles.get(s.briefingId) ?? '' }));
  }, [meetingId]);
  if (!options || options.length === 0) return null;
  const value = a.link ? JSON.stringify(a.link) : '';
  return (
    <label className="paper-link">
      {t('papers.annotations.linkTo')}{' '}
      <select
        value={value}
        onChange={(e) => void linkAnnotation(a.id, e.target.value ? (JSON.parse(e.target.value) as AnnotationLink) : undefined)}
      >
        <option value="">{t('papers.annotations.noLink')}</option>
        {options.map(({ s, briefing }) => (
          <optgroup key={s.id} label={`${briefing} — ${s.agendaTitle}`}>
            <option value={JSON.stringify({ briefingId: s.briefingId, sectionId: s.id } satisfies AnnotationLink)}>{t('papers.annotations.wholeSection')}</option>
            {s.talkingPoints.map((p) => (
              <option key={p.id} value={JSON.stringify({ briefingId: s.briefingId, sectionId: s.id, talkingPointId: p.id } satisfies AnnotationLink)}>
                {p.text.slice(0, 80) || '…'}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
