import type { Catalog } from '../en/index';

/** Anotasi yang tidak dapat dikongsi dengan delegasi, atau tidak disimpan setelah dikongsi: Bahasa Melayu. */
export const annotationShareErrors = {
  'annotationShare.couldNotShare': 'Anotasi ini tidak dapat dikongsi dengan delegasi: ia kekal peribadi. Cuba lagi.',
  'annotationShare.needsPassphrase': 'Anotasi yang anda kongsi pada “{briefing}” disimpan dalam memori sahaja, tidak pada komputer ini: taklimat ini bertanda {marking}, yang memerlukan frasa laluan. Tetapkannya dalam Tetapan → Keselamatan untuk menyimpannya di sini.',
  'annotationShare.noteCut': 'Hanya {max} aksara pertama catatan ini dikongsi dengan delegasi.',
} as const satisfies Partial<Catalog>;
