import type { Catalog } from '../en/index';

/** Bahasa Indonesia: search ranking, the header menu and the home page's recent items. */
export const search = {
  'header.menu': 'Menu',
  'search.resultCountPartial': '{complete} hasil cocok dengan semua kata, {partial} lagi cocok sebagian',
  'search.partialOnly': 'Tidak ada hasil yang cocok dengan semua kata; {count} cocok sebagian.',
  'search.partialMatch': 'Cocok sebagian: {matched} dari {of} kata',
  'search.partialHeading': 'Kecocokan sebagian',
  'search.suggestions': 'Kata terdekat dalam data:',
  'search.suggestionSearch': 'Cari {word}',
  'home.recentlyOpened': 'Baru dibuka',
  'home.noRecent': 'Badan, pertemuan, dan catatan lain yang Anda buka muncul di sini.',
  'home.datasetTitle': 'Judul set data',
  'common.originalText': 'teks asli, tidak diterjemahkan',
} as const satisfies Partial<Catalog>;
