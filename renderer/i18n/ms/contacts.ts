import type { Catalog } from '../en/index';

/** Kenalan dalam Bahasa Melayu: pegawai penghubung dan kenalan delegasi lapisan kebangsaan. */
export const contacts = {
  'contacts.title': 'Kenalan',
  'contacts.organisation': 'Organisasi',
  'contacts.delegation': 'Delegasi',
  'contacts.roles': 'Peranan',
  'contacts.email': 'E-mel',
  'contacts.phone': 'Telefon',
  'contacts.languages': 'Bahasa',
  'contacts.writeEmail': 'Tulis e-mel kepada {name}',
  'contacts.emailRefused': 'Alamat ini tidak dapat dibuka dalam program e-mel.',
  'contacts.role.focal-point': 'Pegawai penghubung',
  'contacts.role.head-of-delegation': 'Ketua delegasi',
  'contacts.role.delegate': 'Ahli delegasi',
  'contacts.role.alternate': 'Pengganti',
  'contacts.role.secretariat': 'Sekretariat',
  'contacts.role.other': 'Peranan lain',
  'contacts.roleAt': '{role}, {place}',
  'contacts.bodyHeading': 'Orang yang boleh dihubungi',
  'contacts.meetingHeading': 'Kenalan delegasi',
  'sync.kind.contacts': 'Kenalan',
  'layers.target.contacts': 'kenalan',
  'search.kind.contact': 'Kenalan',
} as const satisfies Partial<Catalog>;
