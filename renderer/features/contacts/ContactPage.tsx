import { Citations } from '../../components/Citations';
import { LocalText, OriginalText } from '../../components/LocalText';
import { Field, Page } from '../../components/Page';
import { RecordPage } from '../../components/RecordPage';
import { db } from '../../db/db';
import type { StoredContact } from '../../db/schema';
import { countryName, languageName } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { FieldCertainty, RecordCertainty } from '../facts/CertaintyBadge';
import { OtherLanguageNames } from '../facts/OtherLanguageNames';
import { MailLink } from './MailLink';
import { RecordName } from './RecordName';

export function ContactPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RecordPage table={db.contacts} id={id} what={t('contacts.title')}>
      {(contact) => <ContactDetail contact={contact} />}
    </RecordPage>
  );
}

function ContactDetail({ contact }: { contact: StoredContact }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const organisation = contact.organisation;
  return (
    <Page
      title={contact.name}
      subtitle={
        contact.title && (
          <>
            <LocalText value={contact.title} /> <FieldCertainty certainty={contact.certainty} field="title" />
          </>
        )
      }
    >
      {contact.title && <OriginalText value={contact.title} />}
      <OtherLanguageNames texts={contact.otherTitles} />
      <RecordCertainty certainty={contact.certainty} />
      <dl className="facts">
        <Field label={t('contacts.delegation')}>{countryName(contact.country, language)}</Field>
        <Field label={t('contacts.organisation')}>
          {(organisation.name || organisation.bodyId) && (
            <>
              {organisation.name && <LocalText value={organisation.name} />}
              {organisation.name && organisation.bodyId && ' · '}
              {organisation.bodyId && <RecordName kind="bodies" id={organisation.bodyId} />}
            </>
          )}
        </Field>
        <Field label={t('contacts.email')}>
          {contact.email && (
            <>
              <MailLink email={contact.email} name={contact.name} /> <FieldCertainty certainty={contact.certainty} field="email" />
            </>
          )}
        </Field>
        <Field label={t('contacts.phone')}>
          {contact.phone && (
            <>
              {contact.phone} <FieldCertainty certainty={contact.certainty} field="phone" />
            </>
          )}
        </Field>
        <Field label={t('contacts.languages')}>{contact.languages && contact.languages.length > 0 ? contact.languages.map((l) => languageName(l, language)).join(', ') : undefined}</Field>
      </dl>
      {contact.roles.length > 0 && (
        <section aria-labelledby="contact-roles-heading">
          <h2 id="contact-roles-heading">{t('contacts.roles')}</h2>
          <ul>
            {contact.roles.map((role, i) => (
              <li key={`${role.role}-${role.bodyId ?? ''}-${role.meetingId ?? ''}-${i}`}>
                {t(`contacts.role.${role.role}` as MessageKey)}
                {role.bodyId && (
                  <>
                    {' · '}
                    <RecordName kind="bodies" id={role.bodyId} />
                  </>
                )}
                {role.meetingId && (
                  <>
                    {' · '}
                    <RecordName kind="meetings" id={role.meetingId} />
                  </>
                )}
                {role.note && (
                  <>
                    {' — '}
                    <LocalText value={role.note} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Citations citations={contact.sources} />
    </Page>
  );
}
