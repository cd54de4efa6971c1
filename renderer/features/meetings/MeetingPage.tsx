import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { groupProgramme } from '../../../shared/browse/programme';
import { BodyLinks, MeetingLinks } from '../../components/BodyLinks';
import { Chair, Countries } from '../../components/Chair';
import { FieldCertainty, RecordCertainty } from '../facts/CertaintyBadge';
import { HeadsOfDelegation } from '../facts/HeadsOfDelegation';
import { OutcomeDocuments } from '../facts/OutcomeDocuments';
import { OutcomeDocumentLinks } from '../facts/OutcomeDocumentLinks';
import { OtherLanguageNames } from '../facts/OtherLanguageNames';
import { Citations } from '../../components/Citations';
import { MeetingBriefings } from '../briefings/MeetingBriefings';
import { PaperAttachments } from '../../papers/attach/PaperAttachments';
import { DelegationNotesElsewhere } from '../../papers/annotations/DelegationNotesElsewhere';
import { LocalText, OriginalText } from '../../components/LocalText';
import { Field, Page } from '../../components/Page';
import { RecordPage } from '../../components/RecordPage';
import { db } from '../../db/db';
import type { ReferenceFlagRow, StoredAgendaItem, StoredMeeting } from '../../db/schema';
import { countryName, formatDateRange, formatPartialDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { AgendaFlag, agendaFlags } from './AgendaFlag';
import { ContactList } from '../contacts/ContactList';
import { meetingContacts } from '../contacts/queries';

export function MeetingPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RecordPage table={db.meetings} id={id} what={t('meetings.title')}>
      {(meeting) => <MeetingDetail meeting={meeting} />}
    </RecordPage>
  );
}

function MeetingDetail({ meeting }: { meeting: StoredMeeting }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const related = useLiveQuery(async () => {
    const [items, next, previous, targets, contacts] = await Promise.all([
      db.agendaItems.where('meetingId').equals(meeting.id).toArray(),
      db.meetings.where('previousMeetingId').equals(meeting.id).toArray(),
      meeting.previousMeetingId ? db.meetings.get(meeting.previousMeetingId) : undefined,
      db.targets.where('meetingIds').equals(meeting.id).toArray(),
      meetingContacts(db, meeting),
    ]);
    return { items, next, previous, targets, contacts, flags: await agendaFlags(items) };
  }, [meeting]);
  const venue = meeting.venue;
  const place = venue ? [venue.name, venue.city, venue.state, countryName(venue.country, language)].filter(Boolean).join(', ') : undefined;

  return (
    <Page
      title={
        <>
          <span className="code">{meeting.code}</span> <LocalText value={meeting.title} />
        </>
      }
      subtitle={
        <>
          {formatDateRange(meeting.startDate, meeting.endDate, language)} <FieldCertainty certainty={meeting.certainty} field="startDate" />
          {place && ` · ${place}`}
        </>
      }
    >
      <RecordCertainty certainty={meeting.certainty} />
      <OriginalText value={meeting.title} />
      <OtherLanguageNames texts={meeting.otherTitles} />
      {meeting.description && (
        <p className="description">
          <LocalText value={meeting.description} />
        </p>
      )}
      <dl className="facts">
        <Field label={t('meetings.bodies')}>
          <BodyLinks ids={meeting.bodyIds} />
        </Field>
        <Field label={t('meetings.status')}>{t(`status.${meeting.status}`)}</Field>
        <Field label={t('facts.theme')}>{meeting.theme && <LocalText value={meeting.theme} />}</Field>
        <Field label={t('meetings.venue')}>{place && <>{place} <FieldCertainty certainty={meeting.certainty} field="venue" /></>}</Field>
        <Field label={t('meetings.host')}>
          {meeting.host && (
            <>
              {countryName(meeting.host.country, language)}
              {meeting.host.agency && (
                <>
                  {' — '}
                  <LocalText value={meeting.host.agency} />
                </>
              )}{' '}
              <FieldCertainty certainty={meeting.certainty} field="host" />
            </>
          )}
        </Field>
        <Field label={t('meetings.chair')}>{meeting.chair && <><Chair role={meeting.chair} /> <FieldCertainty certainty={meeting.certainty} field="chair" /></>}</Field>
        <Field label={t('meetings.coChairs')}>
          {meeting.coChairs.length > 0 && (
            <ul className="inline-list">
              {meeting.coChairs.map((c, i) => (
                <li key={i}>
                  <Chair role={c} />
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field label={t('meetings.participants')}>
          {meeting.participants && (
            <>
              <ParticipantList value={meeting.participants} /> <FieldCertainty certainty={meeting.certainty} field="participants" />
            </>
          )}
        </Field>
        <Field label={t('meetings.observers')}>{meeting.observers && <ParticipantList value={meeting.observers} />}</Field>
        <Field label={t('facts.headsOfDelegation')}>{meeting.headsOfDelegation && meeting.headsOfDelegation.length > 0 && <HeadsOfDelegation heads={meeting.headsOfDelegation} />}</Field>
        <Field label={t('meetings.previous')}>
          {related?.previous ? (
            <Link href={`/meetings/${related.previous.id}`}>
              {related.previous.code}, {formatDateRange(related.previous.startDate, related.previous.endDate, language)}
            </Link>
          ) : undefined}
        </Field>
        <Field label={t('meetings.next')}>{related && related.next.length > 0 ? <MeetingLinks ids={related.next.map((m) => m.id)} /> : undefined}</Field>
        <Field label={t('meetings.backToBack')}>
          {meeting.backToBackMeetingIds.length > 0 ? <MeetingLinks ids={meeting.backToBackMeetingIds} /> : undefined}
        </Field>
      </dl>

      <OutcomeDocuments meeting={meeting} />

      <MeetingBriefings meetingId={meeting.id} />

      <PaperAttachments owner={{ kind: 'meeting', id: meeting.id }} ownerLabel={meeting.code} />
      <DelegationNotesElsewhere meetingId={meeting.id} />

      <section aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t('meetings.programme')}</h2>
        <p className="record-certainty">
          <FieldCertainty certainty={meeting.certainty} field="days" />
        </p>
        {related && <Programme meeting={meeting} items={related.items} flags={related.flags} />}
      </section>

      {related && related.targets.length > 0 && (
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t('meetings.targets')}</h2>
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
      {related && (
        <ContactList
          contacts={related.contacts}
          heading={t('contacts.meetingHeading')}
          headingId="meeting-contacts-heading"
          roleFor={(c) => c.roles.filter((r) => r.meetingId === meeting.id || (r.bodyId !== undefined && r.meetingId === undefined && meeting.bodyIds.includes(r.bodyId))).map((r) => r.role)}
        />
      )}
      <Citations citations={meeting.sources} />
    </Page>
  );
}

function ParticipantList({ value }: { value: NonNullable<StoredMeeting['participants']> }) {
  const t = useT();
  return (
    <>
      {value.countries.length > 0 && <Countries codes={value.countries} />}
      {value.organisations.length > 0 && (
        <div>
          {t('meetings.organisations')}: {value.organisations.join(', ')}
        </div>
      )}
      {value.note && (
        <div className="note">
          <LocalText value={value.note} />
        </div>
      )}
    </>
  );
}

function Programme({ meeting, items, flags }: { meeting: StoredMeeting; items: StoredAgendaItem[]; flags: ReadonlyMap<string, ReferenceFlagRow> }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const days = groupProgramme(meeting, items);
  if (days.length === 0) return <p>{t('meetings.noProgramme')}</p>;
  const anyDay = days.some((d) => d.day !== undefined);
  return (
    <div className="programme">
      {days.map((day) => {
        const heading =
          day.day === undefined
            ? t(anyDay ? 'meetings.unscheduled' : 'meetings.sequence')
            : day.date
              ? t('meetings.dayWithDate', { day: day.day, date: formatPartialDate(day.date, language) })
              : t('meetings.day', { day: day.day });
        const ListTag = day.day === undefined && !anyDay ? 'ol' : 'ul';
        return (
          <section key={day.day ?? 'none'} className="programme-day" aria-label={heading}>
            <h3>{heading}</h3>
            {day.items.length === 0 ? (
              <p className="muted">{t('common.none')}</p>
            ) : (
              <ListTag className="agenda">
                {day.items.map((item) => (
                  <AgendaEntry key={item.id} item={item} flag={flags.get(item.id)} />
                ))}
              </ListTag>
            )}
          </section>
        );
      })}
    </div>
  );
}

function AgendaEntry({ item, flag }: { item: StoredAgendaItem; flag: ReferenceFlagRow | undefined }) {
  const t = useT();
  return (
    <li className={flag ? 'agenda-item agenda-item-flagged' : 'agenda-item'} id={`item-${item.id}`}>
      <div className="agenda-title">
        <span className={`kind kind-${item.kind}`}>{t(`agenda.kind.${item.kind}`)}</span> <LocalText value={item.title} />
        {flag && <span className="badge flag-badge">{t('layers.programme.flagged')}</span>}
      </div>
      {flag && <AgendaFlag flag={flag} />}
      <div className="agenda-meta">
        {item.bodyIds.length > 0 && <BodyLinks ids={item.bodyIds} />}
        {item.partners.length > 0 && (
          <span>
            {t('meetings.partners')}: {item.partners.join(', ')}
          </span>
        )}
        {item.chair && (
          <span>
            {t('meetings.chair')}: <Chair role={item.chair} />
          </span>
        )}
        {item.coChairs.length > 0 && (
          <span>
            {t('meetings.coChairs')}:{' '}
            {item.coChairs.map((c, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <Chair role={c} />
              </span>
            ))}
          </span>
        )}
      </div>
      {item.outcomeDocumentIds && item.outcomeDocumentIds.length > 0 && (
        <div className="agenda-meta">
          <span>{t('facts.outcomeDocuments')}:</span> <OutcomeDocumentLinks ids={item.outcomeDocumentIds} />
        </div>
      )}
      {item.description && (
        <p className="agenda-description">
          <LocalText value={item.description} />
        </p>
      )}
      <PaperAttachments owner={{ kind: 'agendaItem', id: item.id }} ownerLabel={item.title} compact />
    </li>
  );
}
