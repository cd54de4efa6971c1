import { useLiveQuery } from 'dexie-react-hooks';
import { AnnotationPlace } from './AnnotationPlace';
import type { ShownAnnotation } from '../../../shared/papers/colleague-annotations';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';

/** A colleague's annotation shared with the delegation: shown with its author, read-only (only its author changes it). */
export function ColleagueAnnotationItem({ a, quote, onGo, focused }: { a: ShownAnnotation; quote: string; onGo: (a: ShownAnnotation) => void; focused?: boolean }) {
  const t = useT();
  const name = a.colleague?.author.name ?? a.createdBy;
  // The section or talking point it is linked to, in the shared briefing (the same ids on every member's copy).
  const linked = useLiveQuery(async () => {
    if (!a.link) return null;
    const section = await db.sections.get(a.link.sectionId);
    if (!section) return null;
    const point = a.link.talkingPointId ? section.talkingPoints.find((p) => p.id === a.link?.talkingPointId) : undefined;
    return point ? `${section.agendaTitle} — ${point.text.slice(0, 80)}` : section.agendaTitle;
  }, [a.link?.sectionId, a.link?.talkingPointId]);
  return (
    <li className={`paper-annotation colleague color-${a.color}${focused ? ' focused' : ''}`} data-status={a.target.status} aria-label={t('delegationNotes.item', { name, quote: quote.slice(0, 60) })}>
      <blockquote>{quote}</blockquote>
      <div className="paper-annotation-meta">
        <AnnotationPlace target={a.target} onGo={() => onGo(a)} />
        <span className="paper-author">{t('delegationNotes.by', { name })}</span>
        <span className="badge delegation-badge">{t('papers.scope.delegation')}</span>
      </div>
      {a.note ? <p className="paper-note-text">{a.note}</p> : <p className="muted">{t('delegationNotes.noNote')}</p>}
      {linked && <p className="muted small">{t('delegationNotes.linkedTo', { what: linked })}</p>}
      <p className="muted small">{t('delegationNotes.readOnly', { name })}</p>
    </li>
  );
}
