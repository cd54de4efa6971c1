import { app, shell, type Session, type WebContents } from 'electron';
import { parseSafeMailtoUrl, toSafeMailtoUrl, type MailtoParts } from '../shared/mailto-url';
import { isAppUrl, toSafeExternalUrl } from '../shared/trusted-url';
import { APP_ORIGIN } from './app-origin';

/*
 * Hardening that follows Electron's security checklist. The app is offline and asks for no
 * browser permissions, so every request is refused rather than judged case by case.
 */

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Opens a link in the system browser only if it is a public https URL. */
export function openExternalIfSafe(url: string): boolean {
  const safe = toSafeExternalUrl(url);
  if (safe === undefined) return false;
  // Open the normalised URL: what was checked is exactly what the browser receives.
  void shell.openExternal(safe).catch((error: unknown) => console.error('openExternal failed', error));
  return true;
}

/**
 * Opens a new e-mail in the system's mail program, only for one plain address and at most a
 * subject and a body (shared/mailto-url.ts): no cc, bcc or other header can ride along.
 */
export function openMailtoIfSafe(parts: MailtoParts | undefined): boolean {
  const safe = parts === undefined ? undefined : toSafeMailtoUrl(parts);
  if (safe === undefined) return false;
  void shell.openExternal(safe).catch((error: unknown) => console.error('openExternal (mailto) failed', error));
  return true;
}

export function hardenWebContents(contents: WebContents): void {
  // The window only ever shows the bundle; a link that would replace it goes nowhere.
  const keepInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, APP_ORIGIN)) event.preventDefault();
  };
  contents.on('will-navigate', keepInApp);
  // Every frame, not only the top one: an iframe (from a future feature or an injected one)
  // may not be navigated away from the bundle either.
  contents.on('will-frame-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);

  // No second windows: target=_blank and window.open go to the system browser, if safe.
  contents.setWindowOpenHandler(({ url }) => {
    if (/^mailto:/i.test(url)) openMailtoIfSafe(parseSafeMailtoUrl(url));
    else openExternalIfSafe(url);
    return { action: 'deny' };
  });

  // webviewTag is already false; this also stops a future change from quietly enabling it.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the hardening to every session and web contents the app will ever create. */
export function installSecurityHardening(): void {
  app.on('session-created', hardenSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
