import type { Catalog } from '../en/index';

/** Tingkat kepastian fakta, judul dalam bahasa lain dan otoritas sumber dalam paket, dalam Bahasa Indonesia. */
export const packFacts = {
  'packs.certainty.verified': 'terverifikasi',
  'packs.certainty.partial': 'terverifikasi sebagian',
  'packs.certainty.unverified': 'belum terverifikasi',
  'packs.certainty.conflicting': 'sumber bertentangan',
  'packs.certainty.supportedBy': 'Didukung oleh {sources}.',
  'packs.certainty.contradictedBy': 'Dibantah oleh {sources}.',
  'packs.certainty.legend': 'Tingkat kepastian fakta',
  'packs.certainty.legend.verified': 'dikonfirmasi oleh sumber.',
  'packs.certainty.legend.partial': 'sebagian dikonfirmasi oleh sumber; catatan di bawahnya menyebutkan bagian mana.',
  'packs.certainty.legend.unverified': 'belum dikonfirmasi oleh sumber mana pun; periksa sebelum mengandalkannya.',
  'packs.certainty.legend.conflicting': 'sumber tidak sepakat; catatan di bawahnya menyebutkan sumber di setiap pihak.',
  'packs.certainty.legend.unmarked': 'Fakta tanpa tanda: set data tidak menyebutkan tingkat kepastiannya. Angka dalam kurung merujuk ke sumber yang tercantum di akhir paket.',
  'packs.certainty.days': 'Hari dan tanggal acara',
  'packs.overview.otherTitles': 'Dalam bahasa lain',
  'packs.sources.language': 'dalam bahasa {language}',
  'packs.sources.authority.official': 'sumber resmi',
  'packs.sources.authority.news-agency': 'kantor berita',
  'packs.sources.authority.secondary': 'sumber sekunder',
} as const satisfies Partial<Catalog>;
