import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en/index';
import { id } from '../../renderer/i18n/id';
import { ms } from '../../renderer/i18n/ms';
import { placeholdersOf, translate, type MessageKey } from '../../renderer/i18n/translate';

const catalogs = { ms, id } as Record<string, Partial<Record<MessageKey, string>>>;
const placeholders = placeholdersOf;

describe('interface catalogs', () => {
  it.each(Object.keys(catalogs))('%s translates every English key (every string the delegate sees, in three languages)', (lang) => {
    const missing = Object.keys(en).filter((key) => !(key in catalogs[lang]!));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(catalogs))('%s has no keys English does not have, and keeps every placeholder', (lang) => {
    const catalog = catalogs[lang]!;
    expect(Object.keys(catalog).filter((key) => !(key in en))).toEqual([]);
    for (const [key, text] of Object.entries(catalog)) expect(placeholders(text!), key).toEqual(placeholders(en[key as MessageKey]));
  });

  it('really translates: most strings differ from English', () => {
    for (const catalog of Object.values(catalogs)) {
      const same = Object.entries(catalog).filter(([key, text]) => text === en[key as MessageKey]);
      expect(same.length).toBeLessThan(Object.keys(catalog).length * 0.1);
    }
  });

  it('translates with the chosen language and falls back to English for a missing key', () => {
    expect(translate('ms', 'nav.meetings')).toBe('Mesyuarat');
    expect(translate('id', 'nav.meetings')).toBe('Pertemuan');
    expect(translate('en', 'nav.meetings')).toBe('Meetings');
    const englishOnly = (Object.keys(en) as MessageKey[]).find((key) => !(key in ms));
    if (englishOnly) expect(translate('ms', englishOnly)).toBe(en[englishOnly]);
  });

  it('formats numbers in placeholders for the language', () => {
    expect(translate('en', 'search.resultCount', { count: 12345 })).toBe('12,345 results');
    expect(translate('ms', 'search.resultCount', { count: 12345 })).toBe('12,345 hasil');
    expect(translate('id', 'search.resultCount', { count: 12345 })).toBe('12.345 hasil');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    expect(translate('en', 'meetings.resultCount', { count: 1 })).toBe('1 meeting');
    expect(translate('en', 'meetings.resultCount', { count: 0 })).toBe('0 meetings');
    expect(translate('en', 'meetings.resultCount', { count: 1234 })).toBe('1,234 meetings');
    expect(translate('en', 'search.resultCount', { count: 1 })).toBe('1 result');
    expect(translate('ms', 'meetings.resultCount', { count: 1 })).toBe('1 mesyuarat');
    expect(translate('id', 'meetings.resultCount', { count: 2 })).toBe('2 pertemuan');
    const counts = { bodies: 1, meetings: 2, agendaItems: 1, targets: 3, sources: 1 };
    expect(translate('en', 'home.counts', counts)).toBe('1 body, 2 meetings, 1 agenda item, 3 outcome targets, 1 source');
  });

  it('no English message says "1 meetings": every count is a plural', () => {
    for (const [key, text] of Object.entries(en)) {
      for (const name of placeholdersOf(text)) {
        if (!/^(count|bodies|meetings|agendaItems|targets|sources)$/.test(name)) continue;
        const one = translate('en', key as MessageKey, Object.fromEntries(placeholdersOf(text).map((n) => [n, n === name ? 1 : 'x'])));
        expect(one, key).not.toMatch(/\b1 (meetings|results|bodies|targets|sources|items|agenda items|outcome targets)\b/);
      }
    }
  });

  it('no English count of any kind reads "1 briefings", "1 seconds" or "1 pages"', () => {
    const nouns = /\b1 (?:[a-z-]+ )?(briefings|sections|settings|papers|files|annotations|seconds|minutes|pages|records|changes|words|meetings|results|bodies|targets|sources|items)\b/;
    for (const [key, text] of Object.entries(en)) {
      const names = placeholdersOf(text);
      for (const name of names) {
        const one = translate('en', key as MessageKey, Object.fromEntries(names.map((n) => [n, n === name ? 1 : 2])));
        expect(one, `${key} with ${name} = 1`).not.toMatch(nouns);
      }
    }
    expect(translate('en', 'lock.wait', { seconds: 1 })).toBe('Too many wrong attempts. You can try again in 1 second.');
    expect(translate('en', 'backup.restored', { briefings: 1, date: '2 December 2026' })).toBe('Restored 1 briefing from the backup of 2 December 2026.');
    expect(translate('ms', 'lock.wait', { seconds: 1 })).toBe('Terlalu banyak percubaan salah. Anda boleh mencuba lagi dalam 1 saat.');
  });
});

