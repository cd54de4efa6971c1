import type { Catalog } from '../en/index';

/** Bahasa Melayu: search ranking, the header menu and the home page's recent items. */
export const search = {
  'header.menu': 'Menu',
  'search.resultCountPartial': '{complete} hasil sepadan dengan semua perkataan, {partial} lagi sepadan dengan sebahagian',
  'search.partialOnly': 'Tiada hasil yang sepadan dengan semua perkataan; {count} sepadan dengan sebahagian.',
  'search.partialMatch': 'Padanan separa: {matched} daripada {of} perkataan',
  'search.partialHeading': 'Padanan separa',
  'search.suggestions': 'Perkataan terdekat dalam data:',
  'search.suggestionSearch': 'Cari {word}',
  'home.recentlyOpened': 'Dibuka baru-baru ini',
  'home.noRecent': 'Badan, mesyuarat dan rekod lain yang anda buka dipaparkan di sini.',
  'home.datasetTitle': 'Tajuk set data',
  'common.originalText': 'teks asal, tidak diterjemahkan',
} as const satisfies Partial<Catalog>;
