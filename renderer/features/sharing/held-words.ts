import type { Language } from '../../../shared/model';
import type { HeldChangeView, HeldPlace } from '../../../shared/collab/relay-api';
import { numberLocale } from '../../i18n/locale';
import { catalogs, type MessageKey } from '../../i18n/translate';
import type { T } from '../../i18n/use-t';

/** "Budi", "Budi and Siti", "Budi, Siti and Chen" in the interface language. */
export function listNames(names: readonly string[], language: Language): string {
  return new Intl.ListFormat(numberLocale(language), { style: 'long', type: 'conjunction' }).format(names);
}

/** Whose words a held change carries, as the lead reads it (a former member, or a session with no member, said so). */
export function heldAuthors(t: T, change: HeldChangeView, language: Language): string {
  const names = [...new Set(change.sessions.map((s) => (s.memberId === null ? t('held.unnamed') : (s.name ?? t('held.formerMember')))))];
  return listNames(names, language);
}

// The briefing's own fields (header and general sections) with a label of their own.
const BRIEFING_FIELDS: Readonly<Record<string, MessageKey>> = {
  keyMessages: 'briefings.keyMessages',
  bilaterals: 'briefings.bilaterals',
  members: 'briefings.members',
  contacts: 'briefings.contacts',
  logistics: 'briefings.logistics',
};

function fieldLabel(t: T, place: HeldPlace): string {
  const key = place.sectionId === null ? BRIEFING_FIELDS[place.field] : (`briefings.section.${place.field}` as MessageKey);
  return key && Object.hasOwn(catalogs.en, key) ? t(key) : t('held.otherPart');
}

/** "Item 3 — National position", "General — Key messages". */
export function placeLabel(t: T, place: HeldPlace): string {
  const where = place.sectionId === null ? t('held.general') : (place.sectionTitle ?? t('held.otherPart'));
  return `${where} — ${fieldLabel(t, place)}`;
}
