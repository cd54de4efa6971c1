import type { Language } from '../../../shared/model';
import { formatDateTime as formatMoment } from '../../i18n/format';

/** A date and time in the interface language ("1 Dec 2026, 09:30", 24-hour in English). */
export function formatDateTime(iso: string, language: Language): string {
  return formatMoment(iso, language);
}
