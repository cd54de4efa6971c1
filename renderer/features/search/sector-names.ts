import type { DocText } from '../../../shared/search/types';
import { sectors as en } from '../../i18n/en/sectors';
import { sectors as id } from '../../i18n/id/sectors';
import { sectors as ms } from '../../i18n/ms/sectors';

const catalogs: Record<string, Readonly<Record<string, string>>> = { en, ms, id };

/**
 * A body's sector as the interface names it in each language, for the search index: a Malay
 * delegate's "alam sekitar" is shown as "Alam sekitar", not as the stored slug "environment".
 * A sector the catalogs do not name is indexed as its slug.
 */
export function sectorNames(sector: string): DocText {
  const names: Partial<Record<string, string>> = {};
  for (const [language, catalog] of Object.entries(catalogs)) {
    const name = catalog[`sector.${sector}`];
    if (name) names[language] = name;
  }
  return Object.keys(names).length > 0 ? names : sector;
}
