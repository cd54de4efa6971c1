import type { Catalog } from '../en/index';

/** Penjaga tanda keamanan: apa yang ditolak tanpa frasa sandi, dan alasannya: Bahasa Indonesia. */
export const markingGuard = {
  'backup.problem.needsPassphrase': 'Cadangan ini berisi briefing bertanda {markings}: tetapkan frasa sandi terlebih dahulu (Pengaturan → Keamanan), lalu pulihkan. Memulihkannya sekarang akan menyimpan briefing itu tanpa dienkripsi. Tidak ada yang diubah.',
  'sharing.join.needsPassphrase': 'Briefing bersama ini bertanda {marking}: tetapkan frasa sandi terlebih dahulu (Pengaturan → Keamanan), lalu bergabung lagi. Briefing ini tidak disimpan.',
  'briefing.save.needsPassphrase': 'Tidak disimpan di komputer ini: seorang rekan menandai briefing bersama ini {marking}, yang memerlukan frasa sandi. Tetapkan di Pengaturan → Keamanan.',
} as const satisfies Partial<Catalog>;
