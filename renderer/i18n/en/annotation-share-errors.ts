/** English strings of an annotation that could not be shared with a delegation, or not saved once shared. */
export const annotationShareErrors = {
  'annotationShare.couldNotShare': 'Could not share this annotation with the delegation: it stays private. Try again.',
  'annotationShare.needsPassphrase': 'Your shared annotations on “{briefing}” are kept in memory only, not saved on this computer: the briefing is marked {marking}, which needs a passphrase. Set one in Settings → Security to keep them here.',
  'annotationShare.noteCut': 'Only the first {max} characters of this note are shared with the delegation.',
} as const;
