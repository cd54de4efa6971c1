import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { KEYRING_ID } from '../../crypto/keyring-row';
import { db } from '../../db/db';
import { onSystemLock } from '../../platform/platform';
import { lockNow } from './lock-session';

/** Ctrl+Shift+L (Cmd+Shift+L on macOS) locks at once. */
export const LOCK_SHORTCUT = 'Mod+Shift+L';
export const isLockShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 10_000;

/**
 * While the app is open with a passphrase: lock after the chosen idle time (checked against
 * the clock, so a throttled background tab still locks on time), when the system sleeps or
 * locks its screen (desktop), and on the shortcut.
 */
export function useAutoLock(open: boolean): void {
  const keyring = useLiveQuery(() => (open ? db.keyring.get(KEYRING_ID) : undefined), [open]);
  const active = open && keyring?.mode === 'passphrase';
  const minutes = keyring?.autoLockMinutes ?? 0;

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isLockShortcut(e)) return;
      e.preventDefault();
      void lockNow();
    };
    window.addEventListener('keydown', onKey, true);
    const stopSystem = onSystemLock(() => void lockNow());
    return () => {
      window.removeEventListener('keydown', onKey, true);
      stopSystem();
    };
  }, [active]);

  useEffect(() => {
    if (!active || minutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void lockNow();
    }, Math.min(CHECK_EVERY_MS, minutes * 60_000));
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [active, minutes]);
}
