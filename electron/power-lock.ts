import { BrowserWindow, powerMonitor } from 'electron';
import { SYSTEM_LOCK_CHANNEL, SystemLockReason } from '../shared/ipc/contract';

/** The system going to sleep or locking its screen locks the app in every window. Call after 'ready'. */
export function forwardSystemLock(): void {
  const send = (reason: SystemLockReason) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(SYSTEM_LOCK_CHANNEL, SystemLockReason.parse(reason));
  };
  // One call per event: Electron's typings give each powerMonitor event its own overload.
  powerMonitor.on('suspend', () => send('suspend'));
  powerMonitor.on('lock-screen', () => send('lock-screen'));
}
