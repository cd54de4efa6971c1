import type { Catalog } from '../en/index';

/** Halaman yang gagal dipaparkan (sempadan ralat halaman): Bahasa Melayu. */
export const pageError = {
  'pageError.title': 'Halaman ini tidak dapat dipaparkan',
  'pageError.body': 'Berlaku masalah semasa memaparkannya ({message}). Kerja anda yang telah disimpan tidak terjejas, dan halaman lain masih berfungsi.',
  'pageError.retry': 'Cuba lagi',
} as const satisfies Partial<Catalog>;
