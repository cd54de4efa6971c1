import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { PaperAttachments } from './PaperAttachments';

/**
 * The attach point for a briefing section, for the section editor to place: the section's
 * papers with their attach button, and the annotations (on any paper) linked to this section
 * or one of its talking points, each opening the paper at its passage.
 */
export function SectionPapers({ sectionId }: { sectionId: string }) {
  const t = useT();
  const linked = useLiveQuery(async () => {
    const annotations = await db.annotations.where('link.sectionId').equals(sectionId).toArray();
    const papers = await db.papers.bulkGet([...new Set(annotations.map((a) => a.paperId))]);
    const titles = new Map(papers.filter((p) => p !== undefined).map((p) => [p.id, p.title]));
    return annotations.map((a) => ({ a, title: titles.get(a.paperId) ?? '' }));
  }, [sectionId]);
  return (
    <div className="section-papers">
      <PaperAttachments owner={{ kind: 'section', id: sectionId }} compact />
      {linked && linked.length > 0 && (
        <ul className="paper-linked" aria-label={t('papers.linked.label')}>
          {linked.map(({ a, title }) => (
            <li key={a.id}>
              <Link href={`/papers/${a.paperId}?annotation=${a.id}${a.target.page ? `&page=${a.target.page}` : ''}`}>
                “{(a.target.quote.exact || '').slice(0, 80)}”
              </Link>{' '}
              <span className="muted">
                {title}
                {a.target.page ? `, ${t('papers.annotations.onPage', { page: a.target.page })}` : ''}
                {a.link?.talkingPointId ? ` · ${t('papers.linked.talkingPoint')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
