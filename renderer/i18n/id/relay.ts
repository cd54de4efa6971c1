import type { Catalog } from '../en/index';

/** The relay's and invitations' error messages in Bahasa Indonesia. */
export const relay = {
  'relay.invitation.empty': 'Tempelkan kode undangan, atau buka berkas undangan.',
  'relay.invitation.too-long': 'Ini jauh lebih panjang dari sebuah undangan. Tempelkan hanya kode yang diawali ADB-INVITE-.',
  'relay.invitation.not-an-invitation': 'Ini bukan undangan ke sebuah taklimat.',
  'relay.invitation.unsupported-version': 'Undangan ini berasal dari versi aplikasi yang lebih baru. Perbarui aplikasi, lalu buka undangan itu lagi.',
  'relay.invitation.damaged': 'Undangan ini tidak lengkap atau telah diubah. Minta ketua mengirimkannya lagi.',
  'relay.invitation.unsafe-relay-address': 'Undangan ini menunjuk ke relai yang tidak akan dihubungi aplikasi: alamatnya harus diawali wss://. Minta ketua memeriksa alamat relai.',
  'relay.invitation.expired': 'Undangan ini sudah kedaluwarsa. Minta undangan baru kepada ketua.',
  'relay.error.bad-document': 'Relai tidak mengenali taklimat ini. Perbarui aplikasi; jika masih terjadi, hubungi tim TI Anda.',
  'relay.error.bad-token': 'Relai tidak menerima undangan Anda. Minta ketua mengundang Anda lagi.',
  'relay.error.revoked': 'Ketua telah mengeluarkan Anda dari taklimat ini. Salinan Anda tetap ada di komputer ini tetapi tidak lagi disinkronkan.',
  'relay.error.unknown-briefing': 'Relai tidak memiliki taklimat ini (mungkin datanya hilang). Pekerjaan Anda tersimpan di sini; akan disinkronkan lagi setelah ketua terhubung kembali.',
  'relay.error.forbidden-write': 'Peran Anda dalam taklimat ini tidak mengizinkan perubahan ini, sehingga tidak dikirim ke yang lain.',
  'relay.error.not-comment-author': 'Relai menolak perubahan pada komentar: komentar, balasan, atau penyelesaian hanya dapat ditulis atas nama Anda sendiri, dan hanya penulisnya yang dapat mengedit atau menghapus komentar. Komentar berhenti disinkronkan dari komputer ini sampai aplikasi dibuka kembali; yang ada di sini tetap disimpan.',
  'relay.error.not-edit-author': 'Relai menolak perubahan pada taklimat: perubahan itu mencatat suntingan atau penghapusan atas nama anggota lain. Taklimat berhenti disinkronkan dari komputer ini sampai aplikasi dibuka kembali; yang ada di sini tetap disimpan.',
  'relay.error.edits-held': 'Sebagian perubahan rekan Anda yang sempat hilang dari relay sedang menunggu diterima oleh ketua delegasi. Perubahan Anda sendiri tetap disinkronkan.',
  'relay.error.role-changed': 'Ketua mengubah peran Anda. Menghubungkan kembali dengan akses baru Anda…',
  'relay.error.invitation-expired': 'Undangan ini kedaluwarsa sebelum digunakan. Minta undangan baru kepada ketua.',
  'relay.error.protocol-mismatch': 'Relai menggunakan versi protokol aplikasi yang berbeda, atau bukan relai taklimat. Perbarui aplikasi atau hubungi tim TI Anda.',
} as const satisfies Partial<Catalog>;
