import type { Catalog } from '../en/index';

/** Pengawal tanda keselamatan: apa yang ditolak tanpa frasa laluan, dan sebabnya: Bahasa Melayu. */
export const markingGuard = {
  'backup.problem.needsPassphrase': 'Sandaran ini mengandungi taklimat bertanda {markings}: tetapkan frasa laluan dahulu (Tetapan → Keselamatan), kemudian pulihkannya. Memulihkannya sekarang akan menyimpan taklimat itu tanpa disulitkan. Tiada apa-apa yang diubah.',
  'sharing.join.needsPassphrase': 'Taklimat kongsi ini bertanda {marking}: tetapkan frasa laluan dahulu (Tetapan → Keselamatan), kemudian sertai semula. Ia tidak disimpan.',
  'briefing.save.needsPassphrase': 'Tidak disimpan pada komputer ini: seorang rakan menandakan taklimat kongsi ini {marking}, yang memerlukan frasa laluan. Tetapkannya dalam Tetapan → Keselamatan.',
} as const satisfies Partial<Catalog>;
