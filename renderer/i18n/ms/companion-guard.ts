import type { Catalog } from '../en/index';

/** Dokumen iringan taklimat (ulasan, tugasan dan kelulusan) yang tidak disimpan tanpa frasa laluan: Bahasa Melayu. */
export const companionGuard = {
  'comments.save.needsPassphrase': 'Ulasan ini disimpan dalam memori sahaja, tidak pada komputer ini: taklimat ini bertanda {marking}, yang memerlukan frasa laluan. Tetapkannya dalam Tetapan → Keselamatan untuk menyimpannya di sini.',
  'control.save.needsPassphrase': 'Tugasan dan kelulusan disimpan dalam memori sahaja, tidak pada komputer ini: taklimat ini bertanda {marking}, yang memerlukan frasa laluan. Tetapkannya dalam Tetapan → Keselamatan untuk menyimpannya di sini.',
  'control.save.needsPassphraseOf': 'Tugasan dan kelulusan bagi “{title}” disimpan dalam memori sahaja, tidak pada komputer ini: taklimat itu bertanda {marking}, yang memerlukan frasa laluan. Tetapkannya dalam Tetapan → Keselamatan untuk menyimpannya di sini.',
} as const satisfies Partial<Catalog>;
