import type { AgendaItemText, DatasetReview } from '../../../shared/briefing/model';
import { LocalText } from '../../components/LocalText';
import { useT } from '../../i18n/use-t';
import { useDateTime } from './parts';
import './sync.css';

/**
 * Shown at the top of a briefing section that a dataset update flagged: the agenda item's
 * text before and after the update side by side, and "Mark reviewed". The section's own text
 * was never touched by the update.
 */
export function DatasetReviewNote({ review, onReviewed }: { review: DatasetReview | undefined; onReviewed: () => void }) {
  const t = useT();
  const date = useDateTime();
  if (!review) return null;
  return (
    <div className="dataset-review" role="note" aria-label={t('sync.review.noteLabel')}>
      <p>
        <strong>{review.change === 'removed' ? t('sync.review.noteRemoved', { version: review.datasetVersion }) : t('sync.review.noteChanged', { version: review.datasetVersion })}</strong>{' '}
        <span className="muted">{date(review.at)}</span>
      </p>
      {review.fields.length > 0 && <p className="muted">{t('sync.review.fields', { fields: review.fields.join(', ') })}</p>}
      <div className="side-by-side">
        <AgendaText heading={t('sync.review.before')} text={review.before} />
        <AgendaText heading={t('sync.review.after')} text={review.after} empty={t('sync.review.gone')} />
      </div>
      <p>
        <button type="button" onClick={onReviewed}>
          {t('sync.review.markReviewed')}
        </button>
      </p>
    </div>
  );
}

function AgendaText({ heading, text, empty }: { heading: string; text: AgendaItemText | undefined; empty?: string }) {
  return (
    <div>
      <h3>{heading}</h3>
      {text ? (
        <>
          <p>
            <strong>
              <LocalText value={text.title} />
            </strong>
          </p>
          {text.description && (
            <p>
              <LocalText value={text.description} />
            </p>
          )}
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}
