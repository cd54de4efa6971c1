import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../../shared/i18n/language-name-table';
import { languageName, type DisplayNamesSource } from '../../shared/i18n/language-names';
import { LanguageTag } from '../../shared/model';

/* A language's name from any BCP 47 tag, in the interface language (issue 16). */

/** A runtime with no language names at all (a trimmed ICU): only the table and the tag are left. */
const noRuntime: DisplayNamesSource = () => undefined;

describe('languageName', () => {
  it('names the ASEAN languages and others in English, Malay and Indonesian from the runtime', () => {
    expect(['th', 'vi', 'fil', 'km', 'lo', 'my', 'zh-Hans', 'en-GB'].map((tag) => languageName(tag, 'en'))).toEqual([
      'Thai', 'Vietnamese', 'Filipino', 'Khmer', 'Lao', 'Burmese', 'Simplified Chinese', 'British English',
    ]);
    expect(languageName('vi', 'ms')).toBe('Vietnam');
    expect(languageName('ms', 'ms')).toBe('Melayu');
    expect(languageName('zh-Hans', 'id')).toBe('Tionghoa (Sederhana)');
    expect(languageName('id', 'id')).toBe('Indonesia');
  });

  it('falls back to its own table where the runtime has no name (Tetum in a trimmed ICU) or none at all', () => {
    const noTetum: DisplayNamesSource = (ui) => ({ of: (tag: string) => (tag === 'tet' ? undefined : new Intl.DisplayNames([ui], { type: 'language' }).of(tag)) });
    expect(languageName('tet', 'en', noTetum)).toBe('Tetum');
    expect(languageName('tet', 'id', noTetum)).toBe('Tetun');
    expect(languageName('km', 'ms', noRuntime)).toBe('Khmer');
    expect(languageName('lo', 'ms', noRuntime)).toBe('Laos');
    expect(languageName('my', 'id', noRuntime)).toBe('Burma');
    expect(languageName('zh-hant', 'en', noRuntime)).toBe('Traditional Chinese');
  });

  it('names a tag the table has only the language of by its language and the tag ("Thai (th-TH)")', () => {
    expect(languageName('th-TH', 'en', noRuntime)).toBe('Thai (th-TH)');
    expect(languageName('ms-Arab-BN', 'ms', noRuntime)).toBe('Melayu (ms-Arab-BN)');
  });

  it('answers in English before giving up when the runtime lacks the interface language', () => {
    const englishOnly: DisplayNamesSource = (ui) => (ui === 'en' ? new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }) : undefined);
    expect(languageName('ne', 'ms', englishOnly)).toBe('Nepali');
    expect(languageName('th', 'ms', englishOnly)).toBe('Thai');
  });

  it('shows the tag itself for a language nobody can name, and for a malformed tag, never a blank or an error', () => {
    expect(languageName('qaa', 'en')).toBe('qaa');
    expect(languageName('qaa', 'id', noRuntime)).toBe('qaa');
    expect(languageName('not a tag!', 'ms')).toBe('not a tag!');
    expect(languageName('', 'en')).toBe('');
    const throwing: DisplayNamesSource = () => ({ of: () => { throw new RangeError('bad'); } });
    expect(languageName('th', 'en', throwing)).toBe('Thai');
  });

  it('has a name in all three languages for every tag of its table, and every tag is one the dataset accepts', () => {
    for (const [tag, names] of Object.entries(LANGUAGE_NAMES)) {
      expect(LanguageTag.safeParse(tag).success, tag).toBe(true);
      for (const ui of ['en', 'ms', 'id'] as const) expect(names[ui], `${tag} in ${ui}`).toMatch(/\S/);
    }
    for (const tag of ['ms', 'id', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'tet', 'en']) expect(LANGUAGE_NAMES).toHaveProperty(tag);
  });
});
