import { refuseStoringMarking } from '../features/lock/marking-guard';
import { guardingMarking } from './briefing-session';
import { markingHeardFromRelay } from './marking-watch';
import { listenForMarkings } from './raised-markings';

/*
 * A briefing's companion Yjs documents, kept in ydocUpdates beside its content document: its
 * comments (renderer/collab/comments-workspace.ts) and its control document, assignments and
 * clearances (renderer/features/clearance/control-session.ts). Backups, restore and deletion go
 * through this list, so a new companion is not forgotten by any of them.
 */
export const COMPANION_PARTS = ['comments', 'control'] as const;
export type CompanionPart = (typeof COMPANION_PARTS)[number];

export const companionDocId = (part: CompanionPart, briefingId: string) => `${part}:${briefingId}`;

/**
 * Wraps the write of a briefing's companion document: without a passphrase, a companion of a
 * briefing whose marking needs one is not written (the write is refused with
 * MarkingNeedsPassphraseError, so its updates stay pending in memory), as the briefing's own
 * session does. The marking is the briefing's as this profile last heard it: its open session's,
 * a raise heard in another tab or kept from a session since closed, else the stored row's
 * (guardingMarking, raised-markings.ts). While a page watches the briefing's marking without its
 * editor (marking-watch.ts), a write waits until that watch has heard the relay.
 */
export function guardCompanionWrite(
  briefingId: string,
  write: (update: Uint8Array) => Promise<unknown>,
  /** A marking the document itself carries (the control document's cleared state holds the briefing it cleared), checked as well. */
  ownMarking?: () => string | undefined,
): (update: Uint8Array) => Promise<void> {
  listenForMarkings();
  return async (update) => {
    await markingHeardFromRelay(briefingId);
    const marking = await guardingMarking(briefingId);
    if (marking !== undefined) await refuseStoringMarking(marking);
    const carried = ownMarking?.();
    if (carried !== undefined) await refuseStoringMarking(carried);
    await write(update);
  };
}
