import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { BodyLinks } from '../../components/BodyLinks';
import { Chair } from '../../components/Chair';
import { FieldCertainty, RecordCertainty } from '../facts/CertaintyBadge';
import { ChairHistory } from '../facts/ChairHistory';
import { OtherLanguageNames } from '../facts/OtherLanguageNames';
import { Citations } from '../../components/Citations';
import { LocalText, OriginalText } from '../../components/LocalText';
import { Field, Page } from '../../components/Page';
import { RecordPage } from '../../components/RecordPage';
import { db } from '../../db/db';
import type { StoredBody } from '../../db/schema';
import { countryName, formatDateRange, formatPartialDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { SectorName } from '../../i18n/SectorName';
import { ContactList } from '../contacts/ContactList';

/** How many of a body's meetings the page lists before pointing to the filtered list. */
const MEETINGS_SHOWN = 25;

export function BodyPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RecordPage table={db.bodies} id={id} what={t('bodies.title')}>
      {(body) => <BodyDetail body={body} />}
    </RecordPage>
  );
}

function BodyDetail({ body }: { body: StoredBody }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const related = useLiveQuery(async () => {
    const [subsidiaries, meetingCount, meetings, targets, frameworks, contacts] = await Promise.all([
      db.bodies.where('reportsTo').equals(body.id).sortBy('acronym'),
      db.meetings.where('bodyIds').equals(body.id).count(),
      db.meetings.where('bodyIds').equals(body.id).reverse().sortBy('from'),
      db.targets.where('ownerBodyIds').equals(body.id).toArray(),
      db.frameworks.where('ownerBodyIds').equals(body.id).toArray(),
      db.contacts.where('bodyIds').equals(body.id).toArray(),
    ]);
    return { subsidiaries, meetingCount, meetings: meetings.slice(0, MEETINGS_SHOWN), targets, frameworks, contacts };
  }, [body]);

  return (
    <Page
      title={
        <>
          <span className="code">{body.acronym}</span> <LocalText value={body.name} />
        </>
      }
      subtitle={`${t(`level.${body.level}`)} · ${t(`pillar.${body.pillar}`)}`}
    >
      <OriginalText value={body.name} />
      <OtherLanguageNames texts={body.otherNames} />
      <RecordCertainty certainty={body.certainty} />
      {body.description && (
        <p className="description">
          <LocalText value={body.description} />
        </p>
      )}
      <dl className="facts">
        <Field label={t('bodies.aliases')}>{body.aliases.length > 0 ? body.aliases.join(', ') : undefined}</Field>
        <Field label={t('bodies.sector')}>{body.sector && <SectorName sector={body.sector} />}</Field>
        <Field label={t('bodies.reportsTo')}>{body.reportsTo.length > 0 ? <BodyLinks ids={body.reportsTo} /> : undefined}</Field>
        <Field label={t('bodies.subsidiaries')}>
          {related && related.subsidiaries.length > 0 ? <BodyLinks ids={related.subsidiaries.map((b) => b.id)} /> : undefined}
        </Field>
        <Field label={t('bodies.chair')}>
          {body.chair && (
            <>
              <Chair role={body.chair} /> <FieldCertainty certainty={body.certainty} field="chair" />
            </>
          )}
        </Field>
        <Field label={t('bodies.chairRotation')}>{body.chairRotation && <LocalText value={body.chairRotation} />}</Field>
        <Field label={t('bodies.frequency')}>
          {body.meetingFrequency && (
            <>
              {t(`frequency.${body.meetingFrequency.kind}`)}
              {body.meetingFrequency.note && (
                <>
                  {' — '}
                  <LocalText value={body.meetingFrequency.note} />
                </>
              )}
            </>
          )}
        </Field>
        <Field label={t('bodies.founded')}>{body.founded && formatPartialDate(body.founded, language)}</Field>
        <Field label={t('bodies.dialogueFormats')}>
          {body.dialogueFormats.length > 0 ? (
            <ul className="inline-list">
              {body.dialogueFormats.map((f) => (
                <li key={f.code}>
                  {f.code}
                  {f.partners.length > 0 && ` (${f.partners.join(', ')})`}
                </li>
              ))}
            </ul>
          ) : undefined}
        </Field>
      </dl>

      <ChairHistory body={body} />

      {body.focalPoints.length > 0 && (
        <section aria-labelledby="focal-heading">
          <h2 id="focal-heading">{t('bodies.focalPoints')}</h2>
          <ul>
            {body.focalPoints.map((f, i) => (
              <li key={`${f.country}-${i}`}>
                <strong>{countryName(f.country, language)}</strong>: <LocalText value={f.agency} />
                <OriginalText value={f.agency} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {related && (
        <ContactList contacts={related.contacts} heading={t('contacts.bodyHeading')} headingId="body-contacts-heading" roleFor={(c) => c.roles.filter((r) => r.bodyId === body.id).map((r) => r.role)} />
      )}

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('bodies.meetings')}</h2>
        {related && related.meetings.length === 0 && <p className="muted">{t('common.none')}</p>}
        <ul className="meeting-list">
          {related?.meetings.map((m) => (
            <li key={m.id}>
              <Link href={`/meetings/${m.id}`}>
                <strong className="code">{m.code}</strong> <LocalText value={m.title} />
              </Link>{' '}
              <span className="muted">{formatDateRange(m.startDate, m.endDate, language)}</span>
            </li>
          ))}
        </ul>
        {related && related.meetingCount > related.meetings.length && (
          <p>
            <Link href={`/meetings?body=${body.id}`}>{t('common.count', { count: related.meetingCount })}</Link>
          </p>
        )}
      </section>

      {related && (related.frameworks.length > 0 || related.targets.length > 0) && (
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t('bodies.targets')}</h2>
          {related.frameworks.length > 0 && (
            <p>
              {t('bodies.frameworks')}:{' '}
              {related.frameworks.map((f, i) => (
                <span key={f.id}>
                  {i > 0 && ', '}
                  <Link href={`/frameworks/${f.id}`}>
                    <LocalText value={f.title} />
                  </Link>
                </span>
              ))}
            </p>
          )}
          <ul className="target-list">
            {related.targets.map((target) => (
              <li key={target.id}>
                <Link href={`/targets/${target.id}`}>
                  <span className="code">{target.code}.</span> <LocalText value={target.text} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Citations citations={body.sources} />
    </Page>
  );
}
