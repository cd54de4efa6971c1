/** English strings of a briefing's companion documents (comments, assignments and clearances) not written without a passphrase. */
export const companionGuard = {
  'comments.save.needsPassphrase': 'These comments are kept in memory only, not saved on this computer: the briefing is marked {marking}, which needs a passphrase. Set one in Settings → Security to keep them here.',
  'control.save.needsPassphrase': 'Assignments and clearances are kept in memory only, not saved on this computer: the briefing is marked {marking}, which needs a passphrase. Set one in Settings → Security to keep them here.',
  'control.save.needsPassphraseOf': 'The assignments and clearances of “{title}” are kept in memory only, not saved on this computer: it is marked {marking}, which needs a passphrase. Set one in Settings → Security to keep them here.',
} as const;
