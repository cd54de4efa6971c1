import type { Catalog } from '../en/index';

/** Sandaran yang dibuat dan dipulihkan sebagai strim (format 4), dan sebab sandaran ditolak: Bahasa Melayu. */
export const backupStream = {
  'backup.making': 'Membuat sandaran… {rows} rekod setakat ini',
  'backup.checking': 'Memeriksa sandaran… {percent} %',
  'backup.writing': 'Memulihkan… {percent} %',
  'backup.cancel': 'Batal',
  'backup.cancelled': 'Pemulihan dibatalkan: tiada apa-apa yang diubah.',
  'backup.makeCancelled': 'Sandaran dibatalkan: tiada fail disimpan.',
  'backup.madeStreamed': 'Sandaran disimpan sebagai "{file}": {briefings} taklimat, {sections} bahagian agenda, {settings} tetapan, {papers} kertas mesyuarat, {annotations} anotasi.',
  'backup.summary': 'Sandaran bertarikh {date} ini mengandungi {briefings} taklimat, {sections} bahagian agenda, {papers} kertas mesyuarat dan {annotations} anotasi.',
  'backup.problem.notJson': 'Fail ini bukan sandaran aplikasi ini: ia bukan JSON yang sah (rosak, atau fail jenis lain). Tiada apa-apa yang diubah.',
  'backup.problem.isBriefing': 'Ini satu taklimat yang dieksport, bukan sandaran: importnya daripada Taklimat. Tiada apa-apa yang diubah.',
  'backup.problem.notBackup': 'Fail ini bukan sandaran yang dibuat oleh ASEAN Delegate Briefing. Tiada apa-apa yang diubah.',
  'backup.problem.newer': 'Sandaran ini dibuat oleh versi aplikasi yang lebih baharu ({version}); kemas kini aplikasi untuk memulihkannya. Tiada apa-apa yang diubah.',
  'backup.problem.damaged': 'Sandaran rosak atau tidak lengkap (di {where}). Tiada apa-apa yang diubah.',
  'backup.problem.document': 'Sandaran rosak: dokumen taklimat {briefing} tidak dapat dibaca. Tiada apa-apa yang diubah.',
  'backup.problem.setting': 'Tetapan "{key}" dalam sandaran ini tidak sah. Tiada apa-apa yang diubah.',
  'backup.problem.fileUnreadable': 'Sandaran rosak: fail kertas "{name}" tiada atau tidak dapat dibaca. Tiada apa-apa yang diubah.',
  'backup.problem.fileAltered': 'Sandaran rosak: fail kertas "{name}" bukan yang diterangkan oleh kertasnya (rosak atau diubah). Tiada apa-apa yang diubah.',
  'backup.problem.truncated': 'Sandaran tidak lengkap: ia berakhir sebelum bahagian terakhirnya (terpotong semasa disalin?). Tiada apa-apa yang diubah.',
  'backup.problem.afterEnd': 'Sandaran mempunyai sesuatu selepas bahagian terakhirnya: ia rosak atau disambung dengan fail lain. Tiada apa-apa yang diubah.',
  'backup.problem.chunk': 'Sandaran rosak: bahagian {index} tidak dapat dibaca atau tidak pada tempatnya. Tiada apa-apa yang diubah.',
  'backup.problem.wrongKey': 'Sandaran ini tidak dibuka dengan frasa laluan atau kunci pemulihan itu. Tiada apa-apa yang diubah.',
} as const satisfies Partial<Catalog>;
