import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { cryptoMode } from '../../crypto/key-state';
import { db } from '../../db/db';

const norm = (marking: string) => marking.trim().toUpperCase();

/** The default list's lowest marking (OFFICIAL): the one marking of that list open without a passphrase. */
const DEFAULT_LOWEST = norm(DEFAULT_CLASSIFICATIONS[0]);
/** The default list's markings above its lowest (RESTRICTED, CONFIDENTIAL): they always need a passphrase. */
const KNOWN_ABOVE_LOWEST = new Set(DEFAULT_CLASSIFICATIONS.slice(1).map(norm));

/**
 * Whether a marking may be used by someone with this list, whatever the mode: a brief marked
 * above the lowest must not be written to disk in the clear. The rule does not depend on the
 * list's order for the markings the app knows, as the list is editable in Settings (moving
 * RESTRICTED first must not open it in plain mode):
 * - RESTRICTED and CONFIDENTIAL (the default list's markings above OFFICIAL, in any case or
 *   spacing) always need a passphrase, wherever they stand in the list;
 * - OFFICIAL (the default lowest) never does;
 * - a marking the delegate added needs one unless it is the first of the list (the delegate's
 *   own lowest marking, e.g. "UNCLASSIFIED" put before OFFICIAL).
 */
export function markingAboveLowest(marking: string, markings: readonly string[]): boolean {
  const name = norm(marking);
  if (KNOWN_ABOVE_LOWEST.has(name)) return true;
  if (name === DEFAULT_LOWEST) return false;
  return markings.length > 0 && markings.indexOf(marking) !== 0;
}

/** Without a passphrase only the lowest marking may be used (markingAboveLowest explains which that is). */
export function markingNeedsPassphrase(marking: string, markings: readonly string[]): boolean {
  return cryptoMode() === 'plain' && markingAboveLowest(marking, markings);
}

/** The markings of `used` that need a passphrase (in plain mode), each once, in the list's order where it has them. */
export function markingsNeedingPassphrase(used: Iterable<string>, markings: readonly string[]): string[] {
  const needing = [...new Set(used)].filter((m) => markingNeedsPassphrase(m, markings));
  const at = (m: string) => (markings.includes(m) ? markings.indexOf(m) : markings.length);
  return needing.sort((a, b) => at(a) - at(b));
}

export class MarkingNeedsPassphraseError extends Error {
  constructor(readonly marking: string) {
    super(`A briefing marked ${marking} can only be created once a passphrase is set.`);
    this.name = 'MarkingNeedsPassphraseError';
  }
}

/** The delegate's marking list (Settings), or the default one. */
export async function storedMarkings(): Promise<string[]> {
  return ((await db.settings.get('classifications'))?.value as string[] | undefined) ?? [...DEFAULT_CLASSIFICATIONS];
}

/**
 * Refuses to store a brief of this marking while no passphrase is set. Also guards what comes
 * from elsewhere: a shared briefing joined, and a shared briefing whose marking a colleague
 * raised (its session stops writing it locally: docs/collaboration.md).
 */
export async function refuseStoringMarking(marking: string): Promise<void> {
  if (cryptoMode() === 'plain' && markingNeedsPassphrase(marking, await storedMarkings())) throw new MarkingNeedsPassphraseError(marking);
}
