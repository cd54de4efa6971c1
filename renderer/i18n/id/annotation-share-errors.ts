import type { Catalog } from '../en/index';

/** Anotasi yang tidak dapat dibagikan kepada delegasi, atau tidak disimpan setelah dibagikan: Bahasa Indonesia. */
export const annotationShareErrors = {
  'annotationShare.couldNotShare': 'Anotasi ini tidak dapat dibagikan kepada delegasi: anotasi tetap pribadi. Coba lagi.',
  'annotationShare.needsPassphrase': 'Anotasi yang Anda bagikan pada “{briefing}” hanya disimpan di memori, tidak di komputer ini: briefing ini bertanda {marking}, yang memerlukan frasa sandi. Tetapkan di Pengaturan → Keamanan agar tersimpan di sini.',
  'annotationShare.noteCut': 'Hanya {max} karakter pertama catatan ini yang dibagikan kepada delegasi.',
} as const satisfies Partial<Catalog>;
