import type { delegationAnnotations as en } from '../en/delegation-annotations';

/** Anotasi yang dibagikan kepada delegasi briefing bersama. */
export const delegationAnnotations = {
  'delegationNotes.shareWith': 'Bagikan kepada delegasi',
  'delegationNotes.notShared': 'Tidak dibagikan (pribadi)',
  'delegationNotes.sharedIn': 'Dibagikan kepada delegasi {briefing}',
  'delegationNotes.by': 'Oleh {name}',
  'delegationNotes.item': 'Anotasi {name} pada “{quote}”',
  'delegationNotes.readOnly': 'Hanya {name} yang dapat mengubah anotasi ini.',
  'delegationNotes.noNote': 'Tanpa catatan: sorotan saja.',
  'delegationNotes.notAttached': '{count} catatan delegasi pada dokumen yang belum Anda lampirkan',
  'delegationNotes.notAttachedHint': 'Rekan membagikan catatan ini pada dokumen yang tidak dilampirkan di sini. Lampirkan berkas yang sama untuk melihatnya di tempatnya.',
  'delegationNotes.paper': '{title} ({name})',
  'delegationNotes.linkedTo': 'Ditautkan ke {what}',
  'delegationNotes.onPage': 'halaman {page}',
} as const satisfies Record<keyof typeof en, string>;
