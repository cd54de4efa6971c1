import type { Catalog } from '../en/index';

/** Halaman yang gagal ditampilkan (batas galat halaman): Bahasa Indonesia. */
export const pageError = {
  'pageError.title': 'Halaman ini tidak dapat ditampilkan',
  'pageError.body': 'Terjadi masalah saat menampilkannya ({message}). Pekerjaan Anda yang sudah tersimpan tidak terpengaruh, dan halaman lain tetap berfungsi.',
  'pageError.retry': 'Coba lagi',
} as const satisfies Partial<Catalog>;
