import { Link } from 'wouter';
import type { Body } from '../../../shared/model';
import { LocalText } from '../../components/LocalText';
import { countryName } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { ApproximateDateText } from './ApproximateDateText';
import { FieldCertainty } from './CertaintyBadge';
import { SourceLinks } from './SourceLinks';

/** A body's chairs and co-chairs by term or cycle, on its page (nothing when the dataset has none). */
export function ChairHistory({ body }: { body: Pick<Body, 'chairHistory' | 'certainty'> }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const terms = body.chairHistory ?? [];
  if (terms.length === 0) return null;
  return (
    <section aria-labelledby="chair-history-heading">
      <h2 id="chair-history-heading">
        {t('facts.chairHistory')}
      </h2>
      <p className="record-certainty">
        <FieldCertainty certainty={body.certainty} field="chairHistory" />
      </p>
      <table className="chair-history">
        <thead>
          <tr>
            <th scope="col">{t('facts.chairHistory.cycle')}</th>
            <th scope="col">{t('facts.chairHistory.role')}</th>
            <th scope="col">{t('facts.chairHistory.holder')}</th>
            <th scope="col">{t('facts.chairHistory.when')}</th>
            <th scope="col">{t('common.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term, i) => (
            <tr key={i}>
              <td>
                {term.meetingId ? <Link href={`/meetings/${term.meetingId}`}>{term.cycle ?? term.meetingId}</Link> : term.cycle}
              </td>
              <td>
                {t(`facts.role.${term.role}`)}
                {term.side && ` (${t(`facts.side.${term.side}`)})`}
              </td>
              <td>
                {[term.person, term.country && countryName(term.country, language)].filter(Boolean).join(', ')}
                {term.title && (
                  <>
                    <br />
                    <small className="muted">
                      <LocalText value={term.title} />
                    </small>
                  </>
                )}
              </td>
              <td>
                {term.from && <ApproximateDateText date={term.from} />}
                {term.to && term.to !== term.from && (
                  <>
                    {' – '}
                    <ApproximateDateText date={term.to} />
                  </>
                )}
              </td>
              <td>{term.sources && <SourceLinks ids={[...new Set(term.sources.map((s) => s.sourceId))]} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
