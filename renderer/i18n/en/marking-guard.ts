/** English strings of the markings guard: what is refused without a passphrase, and why. */
export const markingGuard = {
  'backup.problem.needsPassphrase': 'This backup holds briefings marked {markings}: set a passphrase first (Settings → Security), then restore it. Restoring it now would store them unencrypted. Nothing was changed.',
  'sharing.join.needsPassphrase': 'This shared briefing is marked {marking}: set a passphrase first (Settings → Security), then join it again. It was not stored.',
  'briefing.save.needsPassphrase': 'Not saved on this computer: a colleague marked this shared briefing {marking}, which needs a passphrase. Set one in Settings → Security.',
} as const;
