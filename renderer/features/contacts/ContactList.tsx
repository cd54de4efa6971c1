import { Link } from 'wouter';
import type { StoredContact } from '../../db/schema';
import { countryName } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { LocalText } from '../../components/LocalText';
import { MailLink } from './MailLink';

/**
 * Contacts named for one body or one meeting (its focal points, its delegations' contacts),
 * grouped by nothing but sorted by delegation then name: each with what they are to it.
 */
export function ContactList({ contacts, heading, headingId, roleFor }: { contacts: readonly StoredContact[]; heading: string; headingId: string; roleFor: (contact: StoredContact) => string[] }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (contacts.length === 0) return null;
  const sorted = [...contacts].sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ul className="contact-list">
        {sorted.map((contact) => (
          <li key={contact.id}>
            <strong>{countryName(contact.country, language)}</strong>: <Link href={`/contacts/${contact.id}`}>{contact.name}</Link>
            {contact.title && (
              <>
                {', '}
                <LocalText value={contact.title} />
              </>
            )}
            {roleFor(contact).length > 0 && <span className="muted"> · {roleFor(contact).map((r) => t(`contacts.role.${r}` as MessageKey)).join(', ')}</span>}
            {contact.email && (
              <>
                {' · '}
                <MailLink email={contact.email} name={contact.name} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
