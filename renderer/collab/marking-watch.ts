import { cryptoMode } from '../crypto/key-state';
import { connectSharedBriefing, relayTargetFor } from './briefing-relay';
import { BriefingSession } from './briefing-session';
import type { RelayStatus } from './connection';

/*
 * Without a passphrase, a colleague's raise of a shared briefing's marking is heard by the
 * briefing's content session only (briefing-session.ts, raised-markings.ts). A page that syncs
 * the briefing's comments without its editor (the paper and meeting pages, use-delegation.ts)
 * watches the marking here: the briefing's content session is opened and connected to the
 * relay while the page holds it, and until that session has synced with the relay the
 * briefing's companion writes wait (markingHeardFromRelay, in guardCompanionWrite), so no
 * comments update received before the raise is written in the clear. With the relay out of
 * reach (offline, refused) nothing new can arrive: writes go on, guarded by the marking known.
 * Not shared, or a passphrase set (everything is stored encrypted): nothing is watched.
 */

interface Watch {
  users: number;
  /** Whether the content session has synced since it last (re)connected, or cannot (offline, refused, not shared). */
  heard: boolean;
  waiters: (() => void)[];
  stop?: () => void;
  released: boolean;
}

const watches = new Map<string, Watch>();

function setHeard(watch: Watch, heard: boolean): void {
  watch.heard = heard;
  if (!heard) return;
  const waiting = watch.waiters;
  watch.waiters = [];
  for (const resolve of waiting) resolve();
}

const heardFrom = (status: RelayStatus) => status.state === 'synced' || status.state === 'offline' || status.state === 'refused';

async function start(briefingId: string, watch: Watch): Promise<void> {
  if (!(await relayTargetFor(briefingId))) return setHeard(watch, true);
  const session = await BriefingSession.open(briefingId);
  if (!session) return setHeard(watch, true);
  if (watch.released) return void session.close();
  let disconnect: (() => void) | undefined;
  let closing: Promise<void> | undefined;
  const stop = (save: boolean) => {
    disconnect?.();
    disconnect = undefined;
    closing ??= session.close({ save }).catch((error: unknown) => console.error('Could not close the watched briefing', error));
    return closing;
  };
  watch.stop = () => void stop(true);
  session.on('replaced', () => {
    // Imported or restored in some tab: this copy's changes belong to the old document; watch the stored one.
    watch.heard = false;
    void stop(false).then(() => (watch.released ? undefined : start(briefingId, watch)));
  });
  disconnect = await connectSharedBriefing(session, (status) => {
    // A reconnection must sync again before the writes go on; a change in flight after a sync ('connected') does not hold them.
    if (heardFrom(status)) setHeard(watch, true);
    else if (status.state === 'connecting') watch.heard = false;
  });
  // Stopped meanwhile (released, or replaced): the connection goes too.
  if (closing) return disconnect?.();
  if (!disconnect) setHeard(watch, true);
}

/**
 * Watches a shared briefing's marking while a page syncs its companions without its editor
 * (plain mode only; ref-counted). Returns the release.
 */
export function watchMarking(briefingId: string): () => void {
  if (cryptoMode() !== 'plain') return () => undefined;
  let watch = watches.get(briefingId);
  if (!watch) {
    const created: Watch = { users: 0, heard: false, waiters: [], released: false };
    watches.set(briefingId, created);
    void start(briefingId, created).catch((error: unknown) => {
      console.error('Could not watch the marking of the briefing', error);
      setHeard(created, true);
    });
    watch = created;
  }
  const held = watch;
  held.users++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--held.users > 0) return;
    held.released = true;
    watches.delete(briefingId);
    setHeard(held, true);
    held.stop?.();
  };
}

/** Resolves once a watched briefing's content session has heard the relay (at once when it is not watched, or not in plain mode). */
export function markingHeardFromRelay(briefingId: string): Promise<void> {
  const watch = watches.get(briefingId);
  if (!watch || watch.heard || cryptoMode() !== 'plain') return Promise.resolve();
  return new Promise((resolve) => watch.waiters.push(resolve));
}
