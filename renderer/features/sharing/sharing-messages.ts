import { catalogs } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/translate';
import type { T } from '../../i18n/use-t';

/** A refusal or failure code (relay socket, members API, invitation) as a sentence in the interface language. */
export function sharingMessage(t: T, code: string): string {
  for (const key of [`relay.error.${code}`, `sharing.error.${code}`, `relay.invitation.${code}`]) {
    if (Object.hasOwn(catalogs.en, key)) return t(key as MessageKey);
  }
  return t('sharing.error.internal');
}
