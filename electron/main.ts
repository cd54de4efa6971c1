// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../shared/zod-jitless';
import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpcHandlers } from './ipc';
import { relayOrigins } from './relay-csp';
import { createMainWindow, focusWindow } from './main-window';
import { installApplicationMenu } from './menu';
import { forwardSystemLock } from './power-lock';
import { hardenSession, installSecurityHardening } from './security';
import { installBackupSaveCleanup } from './backup-save';
import { installTempCleanup } from './papers-temp-files';

/*
 * Main process entry. Paths come from app.getAppPath() (the package root, or app.asar when
 * packaged), so the same code runs from the repository and from an installer.
 */

let mainWindow: BrowserWindow | undefined;

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession);
  relayOrigins.load(path.join(app.getPath('userData'), 'relay-origins.json'));
  serveAppProtocol(path.join(app.getAppPath(), 'dist', 'renderer'));
  registerIpcHandlers();
  installTempCleanup();
  installBackupSaveCleanup();
  installApplicationMenu();
  forwardSystemLock();
  openMainWindow();
}

// A second copy would share IndexedDB and the window-state file with the first; hand over instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Both must happen before 'ready': scheme privileges are fixed at start-up, and the sandbox
  // switch applies to every renderer, including any created by accident.
  registerAppScheme();
  app.enableSandbox();
  installSecurityHardening();

  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
  });
  app.on('window-all-closed', () => {
    // macOS apps stay alive with no windows, reopened from the dock ('activate').
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Start-up failed', error);
    app.quit();
  });
}
