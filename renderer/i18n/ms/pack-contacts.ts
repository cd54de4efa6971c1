import type { packContacts as en } from '../en/pack-contacts';

/** Lampiran pek: hubungan delegasi yang diterbitkan dalam set data dan peranan mereka. */
export const packContacts = {
  'packs.annex.datasetContacts': 'Hubungan yang diterbitkan dalam set data',
  'packs.contactRole.at': '{role}, {place}',
  'packs.contactRole.focal-point': 'Pegawai penghubung',
  'packs.contactRole.head-of-delegation': 'Ketua delegasi',
  'packs.contactRole.delegate': 'Ahli delegasi',
  'packs.contactRole.alternate': 'Pengganti',
  'packs.contactRole.secretariat': 'Sekretariat',
  'packs.contactRole.other': 'Peranan lain',
} as const satisfies Record<keyof typeof en, string>;
