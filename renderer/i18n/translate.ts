import type { Language } from '../../shared/model';
import { en, type Catalog, type MessageKey } from './en/index';
import { id } from './id';
import { ms } from './ms';

export type { MessageKey };

/** Malay and Indonesian may lag English by a few keys (a unit test lists them); English fills in. */
export const catalogs: Record<Language, Partial<Catalog>> = { en, ms, id };

export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders; numbers are formatted for the language. */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const template = catalogs[lang][key] ?? en[key];
  if (!vars) return template;
  const numbers = new Intl.NumberFormat(lang);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
