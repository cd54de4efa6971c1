import { useLiveQuery } from 'dexie-react-hooks';
import '../papers.css';
import { annotationsOnPapersNotHere } from '../../../shared/papers/colleague-annotations';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { useDelegation } from './use-delegation';

/**
 * Under a meeting's papers: the notes colleagues shared with the delegation of the meeting's
 * shared briefings on papers this member has not attached (no stored version has their bytes),
 * with their quotes, so nothing shared is out of sight. Attaching the same file shows them in place.
 */
export function DelegationNotesElsewhere({ meetingId }: { meetingId: string }) {
  const t = useT();
  const { briefings, entries } = useDelegation(meetingId);
  const shas = entries.map((e) => e.annotation.paper.sha256);
  // The bytes of these papers stored here, whatever they are attached to. A version's SHA-256 is
  // no index (schema 14: the profile must not tell which known files it holds), so the versions
  // are read and compared once decrypted: a delegate keeps hundreds of them, not 100k.
  const local = useLiveQuery(async () => {
    const wanted = new Set(shas);
    if (wanted.size === 0) return new Set<string>();
    return new Set((await db.paperVersions.toArray()).map((v) => v.sha256).filter((sha) => wanted.has(sha)));
  }, [shas.join(' ')]);
  if (!local || entries.length === 0) return null;
  const groups = annotationsOnPapersNotHere(entries, local, new Set(briefings.map((b) => b.memberId)));
  const count = groups.reduce((n, g) => n + g.annotations.length, 0);
  if (count === 0) return null;
  return (
    <details className="delegation-notes-elsewhere">
      <summary>{t('delegationNotes.notAttached', { count })}</summary>
      <p className="muted">{t('delegationNotes.notAttachedHint')}</p>
      {groups.map(({ paper, annotations }) => (
        <section key={paper.sha256} aria-label={t('delegationNotes.paper', { title: paper.title, name: paper.name })}>
          <h3>{t('delegationNotes.paper', { title: paper.title, name: paper.name })}</h3>
          <ul>
            {annotations.map((a) => (
              <li key={a.id} className={`paper-annotation colleague color-${a.color}`} aria-label={t('delegationNotes.item', { name: a.author.name, quote: a.quote.exact.slice(0, 60) })}>
                <blockquote>{a.quote.exact}</blockquote>
                <div className="paper-annotation-meta">
                  {a.page && <span>{t('delegationNotes.onPage', { page: a.page })}</span>}
                  <span className="paper-author">{t('delegationNotes.by', { name: a.author.name })}</span>
                  <span className="badge delegation-badge">{t('papers.scope.delegation')}</span>
                </div>
                {a.note && <p className="paper-note-text">{a.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
