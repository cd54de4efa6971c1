import type { DelegateApi, SystemLockReason } from '../../shared/ipc/contract';
import { isSafeExternalUrl } from '../../shared/trusted-url';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload script. */
    delegateApi?: DelegateApi;
  }
}

/** The desktop bridge, or undefined in web mode. */
export function desktopApi(): DelegateApi | undefined {
  return typeof window === 'undefined' ? undefined : window.delegateApi;
}

/** Calls `listener` when the system sleeps or locks its screen (desktop app only; web mode cannot know). */
export function onSystemLock(listener: (reason: SystemLockReason) => void): () => void {
  return desktopApi()?.onSystemLock(listener) ?? (() => undefined);
}

/**
 * Opens a source's address outside the app: through the main process in the desktop app
 * (which checks it again), in a new browser tab in web mode. Unsafe addresses are refused.
 */
export async function openExternal(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  const api = desktopApi();
  if (api) {
    const result = await api.openExternal(url);
    return result.ok && result.value.opened;
  }
  window.open(url, '_blank', 'noopener,noreferrer');
  return true;
}

/** Registers the offline service worker in web mode (the desktop app loads its files locally). */
export function registerOfflineSupport(): void {
  if (desktopApi() || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || import.meta.env.DEV) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('Offline support is unavailable:', error);
    });
  });
}

/**
 * Saves a file the delegate chooses where to keep: the browser's download in web mode,
 * Electron's save dialog in the desktop app (it handles downloads the same way).
 */
export function saveFile(fileName: string, content: string | Uint8Array | Blob, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text (JSON by default) as a file: see saveFile. */
export function saveTextFile(fileName: string, text: string, type = 'application/json'): void {
  saveFile(fileName, text, type);
}

/** A file-name-safe version of a title. */
export function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'file';
}
