import type { delegationAnnotations as en } from '../en/delegation-annotations';

/** Anotasi yang dikongsi dengan delegasi taklimat yang dikongsi. */
export const delegationAnnotations = {
  'delegationNotes.shareWith': 'Kongsi dengan delegasi',
  'delegationNotes.notShared': 'Tidak dikongsi (peribadi)',
  'delegationNotes.sharedIn': 'Dikongsi dengan delegasi {briefing}',
  'delegationNotes.by': 'Oleh {name}',
  'delegationNotes.item': 'Anotasi {name} pada “{quote}”',
  'delegationNotes.readOnly': 'Hanya {name} boleh mengubah anotasi ini.',
  'delegationNotes.noNote': 'Tiada catatan: serlahan sahaja.',
  'delegationNotes.notAttached': '{count} catatan delegasi pada kertas yang belum anda lampirkan',
  'delegationNotes.notAttachedHint': 'Rakan sekerja berkongsi catatan ini pada kertas yang tidak dilampirkan di sini. Lampirkan fail yang sama untuk melihatnya pada tempatnya.',
  'delegationNotes.paper': '{title} ({name})',
  'delegationNotes.linkedTo': 'Dipautkan kepada {what}',
  'delegationNotes.onPage': 'halaman {page}',
} as const satisfies Record<keyof typeof en, string>;
