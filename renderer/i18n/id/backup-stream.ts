import type { Catalog } from '../en/index';

/** Cadangan yang dibuat dan dipulihkan sebagai aliran (format 4), dan alasan cadangan ditolak: Bahasa Indonesia. */
export const backupStream = {
  'backup.making': 'Membuat cadangan… {rows} catatan sejauh ini',
  'backup.checking': 'Memeriksa cadangan… {percent} %',
  'backup.writing': 'Memulihkan… {percent} %',
  'backup.cancel': 'Batal',
  'backup.cancelled': 'Pemulihan dibatalkan: tidak ada yang diubah.',
  'backup.makeCancelled': 'Cadangan dibatalkan: tidak ada berkas yang disimpan.',
  'backup.madeStreamed': 'Cadangan disimpan sebagai "{file}": {briefings} bahan pengarahan, {sections} bagian agenda, {settings} pengaturan, {papers} dokumen rapat, {annotations} anotasi.',
  'backup.summary': 'Cadangan tanggal {date} ini berisi {briefings} bahan pengarahan, {sections} bagian agenda, {papers} dokumen rapat dan {annotations} anotasi.',
  'backup.problem.notJson': 'Berkas ini bukan cadangan aplikasi ini: bukan JSON yang sah (rusak, atau berkas jenis lain). Tidak ada yang diubah.',
  'backup.problem.isBriefing': 'Ini satu bahan pengarahan yang diekspor, bukan cadangan: impor dari Bahan Pengarahan. Tidak ada yang diubah.',
  'backup.problem.notBackup': 'Berkas ini bukan cadangan yang dibuat oleh ASEAN Delegate Briefing. Tidak ada yang diubah.',
  'backup.problem.newer': 'Cadangan ini dibuat oleh versi aplikasi yang lebih baru ({version}); perbarui aplikasi untuk memulihkannya. Tidak ada yang diubah.',
  'backup.problem.damaged': 'Cadangan rusak atau tidak lengkap (di {where}). Tidak ada yang diubah.',
  'backup.problem.document': 'Cadangan rusak: dokumen bahan pengarahan {briefing} tidak dapat dibaca. Tidak ada yang diubah.',
  'backup.problem.setting': 'Pengaturan "{key}" dalam cadangan ini tidak sah. Tidak ada yang diubah.',
  'backup.problem.fileUnreadable': 'Cadangan rusak: berkas dokumen "{name}" tidak ada atau tidak dapat dibaca. Tidak ada yang diubah.',
  'backup.problem.fileAltered': 'Cadangan rusak: berkas dokumen "{name}" bukan yang dijelaskan oleh dokumennya (rusak atau diubah). Tidak ada yang diubah.',
  'backup.problem.truncated': 'Cadangan tidak lengkap: berakhir sebelum bagian terakhirnya (terpotong saat disalin?). Tidak ada yang diubah.',
  'backup.problem.afterEnd': 'Cadangan memiliki sesuatu setelah bagian terakhirnya: rusak atau digabung dengan berkas lain. Tidak ada yang diubah.',
  'backup.problem.chunk': 'Cadangan rusak: bagian {index} tidak dapat dibaca atau tidak pada tempatnya. Tidak ada yang diubah.',
  'backup.problem.wrongKey': 'Cadangan ini tidak terbuka dengan frasa sandi atau kunci pemulihan itu. Tidak ada yang diubah.',
} as const satisfies Partial<Catalog>;
