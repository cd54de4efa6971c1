import { useId, useState } from 'react';
import { Link } from 'wouter';
import { LocalText } from '../../components/LocalText';
import { useT } from '../../i18n/use-t';
import { useSectionsNeedingReview } from './dataset-queries';
import type { SectionNeedingReview } from '../../datasets/types';

const SHOWN = 50;

const sectionHref = (s: SectionNeedingReview) => `/briefings/${s.briefingId}?item=${encodeURIComponent(s.agendaItemId)}`;

/**
 * Briefing sections a dataset update flagged: those whose agenda item changed (to review) and
 * those whose agenda item is gone (detached: their text is kept, never deleted).
 */
export function ReviewList() {
  const t = useT();
  const sections = useSectionsNeedingReview();
  if (!sections || sections.length === 0) return null;
  const detached = sections.filter((s) => s.review.change === 'removed');
  const changed = sections.filter((s) => s.review.change === 'changed');
  return (
    <section className="panel sync-review" aria-label={t('sync.review.title')}>
      <h2>{t('sync.review.title')}</h2>
      <p className="muted">{t('sync.review.intro')}</p>
      <Group title={t('sync.review.changed', { count: changed.length })} sections={changed} />
      <Group title={t('sync.review.detached', { count: detached.length })} sections={detached} />
    </section>
  );
}

function Group({ title, sections }: { title: string; sections: SectionNeedingReview[] }) {
  const t = useT();
  const id = useId();
  const [limit, setLimit] = useState(SHOWN);
  if (sections.length === 0) return null;
  return (
    <div>
      <h3 id={id}>{title}</h3>
      <ul aria-labelledby={id}>
        {sections.slice(0, limit).map((s) => (
          <li key={s.sectionId}>
            <Link href={sectionHref(s)}>
              {s.briefingTitle} › {s.agendaTitle}
            </Link>
            {s.review.change === 'changed' && s.review.after && (
              <span className="muted">
                {' '}
                → <LocalText value={s.review.after.title} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {sections.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + SHOWN)}>
          {t('sync.preview.showMore', { count: Math.min(SHOWN, sections.length - limit) })}
        </button>
      )}
    </div>
  );
}
