import type { Language } from '../model';

/**
 * Names of the languages a delegate's sources are most often in, in the three interface
 * languages: the national and official languages of the ASEAN Member States and Timor-Leste,
 * then those of the dialogue partners. Used only where the runtime's Intl.DisplayNames has no
 * name (a trimmed ICU, as Chromium's has no Tetum) or does not speak the interface language.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  ms: { en: 'Malay', ms: 'Melayu', id: 'Melayu' },
  id: { en: 'Indonesian', ms: 'Indonesia', id: 'Indonesia' },
  th: { en: 'Thai', ms: 'Thai', id: 'Thai' },
  vi: { en: 'Vietnamese', ms: 'Vietnam', id: 'Vietnam' },
  fil: { en: 'Filipino', ms: 'Filipina', id: 'Filipino' },
  tl: { en: 'Tagalog', ms: 'Tagalog', id: 'Tagalog' },
  km: { en: 'Khmer', ms: 'Khmer', id: 'Khmer' },
  lo: { en: 'Lao', ms: 'Laos', id: 'Lao' },
  my: { en: 'Burmese', ms: 'Burma', id: 'Burma' },
  tet: { en: 'Tetum', ms: 'Tetum', id: 'Tetun' },
  pt: { en: 'Portuguese', ms: 'Portugis', id: 'Portugis' },
  en: { en: 'English', ms: 'Inggeris', id: 'Inggris' },
  zh: { en: 'Chinese', ms: 'Cina', id: 'Tionghoa' },
  'zh-Hans': { en: 'Simplified Chinese', ms: 'Cina Ringkas', id: 'Tionghoa (Sederhana)' },
  'zh-Hant': { en: 'Traditional Chinese', ms: 'Cina Tradisional', id: 'Tionghoa (Tradisional)' },
  ta: { en: 'Tamil', ms: 'Tamil', id: 'Tamil' },
  'ms-Arab': { en: 'Malay (Jawi)', ms: 'Melayu (Jawi)', id: 'Melayu (Jawi)' },
  ja: { en: 'Japanese', ms: 'Jepun', id: 'Jepang' },
  ko: { en: 'Korean', ms: 'Korea', id: 'Korea' },
  hi: { en: 'Hindi', ms: 'Hindi', id: 'Hindi' },
  ru: { en: 'Russian', ms: 'Rusia', id: 'Rusia' },
  fr: { en: 'French', ms: 'Perancis', id: 'Prancis' },
  de: { en: 'German', ms: 'Jerman', id: 'Jerman' },
  es: { en: 'Spanish', ms: 'Sepanyol', id: 'Spanyol' },
  ar: { en: 'Arabic', ms: 'Arab', id: 'Arab' },
};
