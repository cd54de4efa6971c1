import type { packContacts as en } from '../en/pack-contacts';

/** Lampiran paket: kontak delegasi yang diterbitkan dalam set data dan perannya. */
export const packContacts = {
  'packs.annex.datasetContacts': 'Kontak yang diterbitkan dalam set data',
  'packs.contactRole.at': '{role}, {place}',
  'packs.contactRole.focal-point': 'Narahubung',
  'packs.contactRole.head-of-delegation': 'Ketua delegasi',
  'packs.contactRole.delegate': 'Anggota delegasi',
  'packs.contactRole.alternate': 'Wakil pengganti',
  'packs.contactRole.secretariat': 'Sekretariat',
  'packs.contactRole.other': 'Peran lain',
} as const satisfies Record<keyof typeof en, string>;
