import type { Catalog } from '../en/index';

/** Tahap kepastian fakta, tajuk dalam bahasa lain dan autoriti sumber dalam pek, dalam Bahasa Melayu. */
export const packFacts = {
  'packs.certainty.verified': 'disahkan',
  'packs.certainty.partial': 'disahkan sebahagian',
  'packs.certainty.unverified': 'belum disahkan',
  'packs.certainty.conflicting': 'sumber bercanggah',
  'packs.certainty.supportedBy': 'Disokong oleh {sources}.',
  'packs.certainty.contradictedBy': 'Disangkal oleh {sources}.',
  'packs.certainty.legend': 'Tahap kepastian fakta',
  'packs.certainty.legend.verified': 'disahkan oleh sumber.',
  'packs.certainty.legend.partial': 'sebahagiannya disahkan oleh sumber; nota di bawahnya menyatakan bahagian yang mana.',
  'packs.certainty.legend.unverified': 'belum disahkan oleh mana-mana sumber; semak sebelum bergantung padanya.',
  'packs.certainty.legend.conflicting': 'sumber tidak sependapat; nota di bawahnya menamakan sumber bagi setiap pihak.',
  'packs.certainty.legend.unmarked': 'Fakta tanpa tanda: set data tidak menyatakan tahap kepastiannya. Nombor dalam kurungan merujuk kepada sumber yang disenaraikan di hujung pek.',
  'packs.certainty.days': 'Hari dan tarikh program',
  'packs.overview.otherTitles': 'Dalam bahasa lain',
  'packs.sources.language': 'dalam bahasa {language}',
  'packs.sources.authority.official': 'sumber rasmi',
  'packs.sources.authority.news-agency': 'agensi berita',
  'packs.sources.authority.secondary': 'sumber sekunder',
} as const satisfies Partial<Catalog>;
