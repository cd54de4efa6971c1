import type { Catalog } from '../en/index';

/** Dokumen pendamping briefing (komentar, penugasan, dan pengesahan) yang tidak disimpan tanpa frasa sandi: Bahasa Indonesia. */
export const companionGuard = {
  'comments.save.needsPassphrase': 'Komentar ini hanya disimpan di memori, tidak di komputer ini: briefing ini bertanda {marking}, yang memerlukan frasa sandi. Tetapkan di Pengaturan → Keamanan agar komentar tersimpan di sini.',
  'control.save.needsPassphrase': 'Penugasan dan pengesahan hanya disimpan di memori, tidak di komputer ini: briefing ini bertanda {marking}, yang memerlukan frasa sandi. Tetapkan di Pengaturan → Keamanan agar tersimpan di sini.',
  'control.save.needsPassphraseOf': 'Penugasan dan pengesahan “{title}” hanya disimpan di memori, tidak di komputer ini: briefing itu bertanda {marking}, yang memerlukan frasa sandi. Tetapkan di Pengaturan → Keamanan agar tersimpan di sini.',
} as const satisfies Partial<Catalog>;
