import type { Catalog } from '../en/index';

/** The relay connection's strings in Bahasa Indonesia. */
export const collab = {
  'collab.status.label': 'Relai delegasi',
  'collab.status.connecting': 'Menghubungkan ke relai delegasi…',
  'collab.status.connected': 'Terhubung: menyinkronkan (perubahan menunggu: {count})…',
  'collab.status.synced': 'Tersinkron dengan delegasi',
  'collab.status.offline': 'Luring: perubahan menunggu: {count}',
  'collab.status.refused': 'Tidak terhubung ({reason}): perubahan Anda tetap tersimpan di sini',
} as const satisfies Partial<Catalog>;
