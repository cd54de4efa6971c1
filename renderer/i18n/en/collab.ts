/** The briefing's connection to the delegation's relay, as the editor header shows it. */
export const collab = {
  'collab.status.label': 'Delegation relay',
  'collab.status.connecting': 'Connecting to the delegation’s relay…',
  'collab.status.connected': 'Connected: syncing (changes waiting: {count})…',
  'collab.status.synced': 'Synced with the delegation',
  'collab.status.offline': 'Offline: changes waiting: {count}',
  'collab.status.refused': 'Not connected ({reason}): your changes are kept here',
} as const;
