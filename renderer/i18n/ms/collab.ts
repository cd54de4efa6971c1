import type { Catalog } from '../en/index';

/** The relay connection's strings in Bahasa Melayu. */
export const collab = {
  'collab.status.label': 'Geganti delegasi',
  'collab.status.connecting': 'Menyambung ke geganti delegasi…',
  'collab.status.connected': 'Bersambung: menyegerakkan (perubahan menunggu: {count})…',
  'collab.status.synced': 'Disegerakkan dengan delegasi',
  'collab.status.offline': 'Luar talian: perubahan menunggu: {count}',
  'collab.status.refused': 'Tidak bersambung ({reason}): perubahan anda disimpan di sini',
} as const satisfies Partial<Catalog>;
