import { useEffect } from 'react';
import type { Meeting } from '../../../shared/model';
import { toSafeExternalUrl } from '../../../shared/trusted-url';
import { LocalText } from '../../components/LocalText';
import { countryName } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { ApproximateDateText } from './ApproximateDateText';
import { FieldCertainty } from './CertaintyBadge';
import { SourceLinks } from './SourceLinks';

/** The declarations, joint statements and agreements of a meeting, with type, status, date and parties. */
export function OutcomeDocuments({ meeting }: { meeting: Pick<Meeting, 'outcomeDocuments' | 'certainty'> }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const documents = meeting.outcomeDocuments ?? [];
  // Reached from a link to one document (OutcomeDocumentLinks: /meetings/<id>#outcome-<doc>): show it.
  useEffect(() => {
    const target = window.location.hash.startsWith('#outcome-') ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    target?.scrollIntoView?.({ block: 'start' });
  }, [documents.length]);
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="outcome-documents-heading">
      <h2 id="outcome-documents-heading">
        {t('facts.outcomeDocuments')}
      </h2>
      <p className="record-certainty">
        <FieldCertainty certainty={meeting.certainty} field="outcomeDocuments" />
      </p>
      <ul className="outcome-documents">
        {documents.map((doc) => {
          const url = doc.url ? toSafeExternalUrl(doc.url) : undefined;
          return (
            <li key={doc.id} id={`outcome-${doc.id}`}>
              <span className="badge">{t(`facts.type.${doc.type}`)}</span>{' '}
              {url ? (
                <a href={url} target="_blank" rel="noreferrer noopener">
                  <LocalText value={doc.title} />
                </a>
              ) : (
                <strong>
                  <LocalText value={doc.title} />
                </strong>
              )}
              <div className="muted">
                {t('facts.outcome.status')}: {t(`facts.status.${doc.status}`)}
                {doc.date && (
                  <>
                    {' · '}
                    <ApproximateDateText date={doc.date} />
                  </>
                )}
                {' · '}
                {doc.parties && doc.parties.length > 0
                  ? t('facts.outcome.parties', { countries: doc.parties.map((c) => countryName(c, language)).join(', ') })
                  : t('facts.outcome.allMembers')}
                {doc.sources && doc.sources.length > 0 && (
                  <>
                    {' · '}
                    <SourceLinks ids={[...new Set(doc.sources.map((s) => s.sourceId))]} />
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
