import type { Catalog } from '../en/index';

/** The relay's and invitations' error messages in Bahasa Melayu. */
export const relay = {
  'relay.invitation.empty': 'Tampal kod jemputan, atau buka fail jemputan.',
  'relay.invitation.too-long': 'Ini jauh lebih panjang daripada jemputan. Tampal hanya kod yang bermula dengan ADB-INVITE-.',
  'relay.invitation.not-an-invitation': 'Ini bukan jemputan ke taklimat.',
  'relay.invitation.unsupported-version': 'Jemputan ini daripada versi aplikasi yang lebih baharu. Kemas kini aplikasi, kemudian buka jemputan itu semula.',
  'relay.invitation.damaged': 'Jemputan ini tidak lengkap atau telah diubah. Minta ketua menghantarnya semula.',
  'relay.invitation.unsafe-relay-address': 'Jemputan ini menunjuk kepada geganti yang tidak akan disambungkan oleh aplikasi: alamat mesti bermula dengan wss://. Minta ketua menyemak alamat geganti.',
  'relay.invitation.expired': 'Jemputan ini telah tamat tempoh. Minta jemputan baharu daripada ketua.',
  'relay.error.bad-document': 'Geganti tidak mengenali taklimat ini. Kemas kini aplikasi; jika masih berlaku, hubungi pasukan IT anda.',
  'relay.error.bad-token': 'Geganti tidak menerima jemputan anda. Minta ketua menjemput anda semula.',
  'relay.error.revoked': 'Ketua telah mengeluarkan anda daripada taklimat ini. Salinan anda kekal di komputer ini tetapi tidak lagi diselaraskan.',
  'relay.error.unknown-briefing': 'Geganti tidak mempunyai taklimat ini (mungkin datanya hilang). Kerja anda disimpan di sini; ia diselaraskan semula apabila ketua bersambung semula.',
  'relay.error.forbidden-write': 'Peranan anda dalam taklimat ini tidak membenarkan perubahan ini, jadi ia tidak dihantar kepada yang lain.',
  'relay.error.not-comment-author': 'Geganti menolak perubahan pada ulasan: ulasan, balasan atau penyelesaian hanya boleh ditulis atas nama anda sendiri, dan hanya penulisnya boleh menyunting atau memadam ulasan. Ulasan tidak lagi diselaraskan dari komputer ini sehingga aplikasi dibuka semula; apa yang ada di sini disimpan.',
  'relay.error.not-edit-author': 'Geganti menolak perubahan pada taklimat: perubahan itu merekodkan suntingan atau pemadaman atas nama ahli lain. Taklimat tidak lagi diselaraskan dari komputer ini sehingga aplikasi dibuka semula; apa yang ada di sini disimpan.',
  'relay.error.edits-held': 'Sebahagian perubahan rakan sekerja anda yang telah hilang daripada relay sedang menunggu untuk diterima oleh ketua delegasi. Perubahan anda sendiri terus disegerakkan.',
  'relay.error.role-changed': 'Ketua telah menukar peranan anda. Menyambung semula dengan akses baharu anda…',
  'relay.error.invitation-expired': 'Jemputan ini tamat tempoh sebelum digunakan. Minta jemputan baharu daripada ketua.',
  'relay.error.protocol-mismatch': 'Geganti menggunakan versi protokol aplikasi yang berbeza, atau bukan geganti taklimat. Kemas kini aplikasi atau hubungi pasukan IT anda.',
} as const satisfies Partial<Catalog>;
