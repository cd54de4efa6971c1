import { cryptoMode } from '../../crypto/key-state';

/**
 * Without a passphrase only the lowest marking may be used: a brief marked above it must not
 * be written to disk in the clear. The lowest marking is the first of the delegate's list.
 */
export function markingNeedsPassphrase(marking: string, markings: readonly string[]): boolean {
  return cryptoMode() === 'plain' && markings.length > 0 && markings.indexOf(marking) !== 0;
}

export class MarkingNeedsPassphraseError extends Error {
  constructor(readonly marking: string) {
    super(`A briefing marked ${marking} can only be created once a passphrase is set.`);
    this.name = 'MarkingNeedsPassphraseError';
  }
}
