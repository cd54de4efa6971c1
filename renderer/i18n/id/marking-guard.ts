import type { Catalog } from '../en/index';

/** Penjaga tanda keamanan: apa yang ditolak tanpa frasa sandi, dan alasannya: Bahasa Indonesia. */
export const markingGuard = {
  'backup.problem.needsPassphrase': 'Cadangan ini berisi briefing bertanda {markings}: tetapkan frasa sandi terlebih dahulu (Pengaturan → Keamanan), lalu pulihkan. Memulihkannya sekarang akan menyimpan briefing itu tanpa dienkripsi. Tidak ada yang diubah.',
} as const satisfies Partial<Catalog>;
