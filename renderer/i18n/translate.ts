import type { Language } from '../../shared/model';
import { en, type Catalog, type MessageKey } from './en/index';
import { numberLocale } from './locale';
import { id } from './id';
import { ms } from './ms';

export type { MessageKey };

/** A key Malay or Indonesian lacks shows in English (test/unit/i18n.test.ts fails while one is missing). */
export const catalogs: Record<Language, Partial<Catalog>> = { en, ms, id };

export type Vars = Record<string, string | number>;

// "{count, plural, one {# meeting} other {# meetings}}": the ICU plural form, one level deep;
// a form's text may hold plain placeholders ("{file}"). `#` is the number, formatted.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function rulesFor(lang: Language): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(numberLocale(lang))));
  return rules;
}

function numbersFor(lang: Language): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(numberLocale(lang))));
  return format;
}

/** The form of a plural message for `value`: an exact `=n` first, then the language's category, then `other`. */
function pluralForm(lang: Language, forms: string, value: number): string {
  const byName = new Map<string, string>();
  for (const [, name, text] of forms.matchAll(FORM)) byName.set(name!, text!);
  return byName.get(`=${value}`) ?? byName.get(rulesFor(lang).select(value)) ?? byName.get('other') ?? '';
}

/**
 * Fills `{name}` placeholders (numbers formatted for the language) and chooses plural forms
 * with Intl.PluralRules: "1 meeting", "2 meetings"; Malay and Indonesian have one form.
 */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const template = catalogs[lang][key] ?? en[key];
  if (!vars) return template;
  const numbers = numbersFor(lang);
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  const chosen = template.replace(PLURAL, (whole, name: string, forms: string) => {
    const value = vars[name];
    if (typeof value !== 'number') return whole;
    return pluralForm(lang, forms, value).replace(/#/g, numbers.format(value));
  });
  return fill(chosen);
}

/** Placeholder names a message uses, plain and plural ("{count, plural, ...}" counts as count). */
export function placeholdersOf(text: string): string[] {
  const names = new Set<string>();
  for (const [, name, forms] of text.matchAll(PLURAL)) {
    names.add(name!);
    for (const [, , form] of forms!.matchAll(FORM)) for (const [, inner] of form!.matchAll(/\{(\w+)\}/g)) names.add(inner!);
  }
  for (const [, name] of text.replace(PLURAL, '').matchAll(/\{(\w+)\}/g)) names.add(name!);
  return [...names].sort();
}
