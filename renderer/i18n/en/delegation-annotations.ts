/** Annotations shared with the delegation of a shared briefing: the paper's annotation panel and the meeting's papers. */
export const delegationAnnotations = {
  'delegationNotes.shareWith': 'Share with the delegation of',
  'delegationNotes.notShared': 'Not shared (private)',
  'delegationNotes.sharedIn': 'Shared with the delegation of {briefing}',
  'delegationNotes.by': 'By {name}',
  'delegationNotes.item': '{name}’s annotation on “{quote}”',
  'delegationNotes.readOnly': 'Only {name} can change this annotation.',
  'delegationNotes.noNote': 'No note: a highlight.',
  'delegationNotes.notAttached': '{count, plural, one {# delegation note on papers you have not attached} other {# delegation notes on papers you have not attached}}',
  'delegationNotes.notAttachedHint': 'Colleagues shared these on papers that are not attached here. Attach the same file to see them in place.',
  'delegationNotes.paper': '{title} ({name})',
  'delegationNotes.linkedTo': 'Linked to {what}',
  'delegationNotes.onPage': 'page {page}',
} as const;
