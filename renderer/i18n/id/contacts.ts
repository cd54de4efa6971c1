import type { Catalog } from '../en/index';

/** Kontak dalam Bahasa Indonesia: narahubung dan kontak delegasi lapisan nasional. */
export const contacts = {
  'contacts.title': 'Kontak',
  'contacts.organisation': 'Organisasi',
  'contacts.delegation': 'Delegasi',
  'contacts.roles': 'Peran',
  'contacts.email': 'Surel',
  'contacts.phone': 'Telepon',
  'contacts.languages': 'Bahasa',
  'contacts.writeEmail': 'Kirim surel kepada {name}',
  'contacts.emailRefused': 'Alamat ini tidak dapat dibuka di aplikasi surel.',
  'contacts.role.focal-point': 'Narahubung',
  'contacts.role.head-of-delegation': 'Ketua delegasi',
  'contacts.role.delegate': 'Anggota delegasi',
  'contacts.role.alternate': 'Wakil pengganti',
  'contacts.role.secretariat': 'Sekretariat',
  'contacts.role.other': 'Peran lain',
  'contacts.roleAt': '{role}, {place}',
  'contacts.bodyHeading': 'Orang yang dapat dihubungi',
  'contacts.meetingHeading': 'Kontak delegasi',
  'sync.kind.contacts': 'Kontak',
  'layers.target.contacts': 'kontak',
  'search.kind.contact': 'Kontak',
} as const satisfies Partial<Catalog>;
