/** English strings of the markings guard: what is refused without a passphrase, and why. */
export const markingGuard = {
  'backup.problem.needsPassphrase': 'This backup holds briefings marked {markings}: set a passphrase first (Settings → Security), then restore it. Restoring it now would store them unencrypted. Nothing was changed.',
} as const;
