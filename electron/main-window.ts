import { app, BrowserWindow, screen, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { MIN_SIZE, readWindowState, restoreWindowState, writeWindowState } from './window-state';

/**
 * The renderer runs as an untrusted web page: isolated, sandboxed, with no Node. Developer
 * tools exist only in a development run (`npm start`), never in an installed app.
 */
export function secureWebPreferences(preloadPath: string, packaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped on the window would otherwise replace the app with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** JSON file where size, position and maximised state are remembered. */
  stateFile: string;
}

export function createMainWindow({ preloadPath, stateFile }: MainWindowOptions): BrowserWindow {
  const state = restoreWindowState(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: app.getName(),
    // Shown once painted, so the delegate never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, app.isPackaged),
  });
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // Saved on close only: normal bounds are what the window returns to when un-maximised.
  window.on('close', () => {
    try {
      writeWindowState(stateFile, { ...window.getNormalBounds(), isMaximized: window.isMaximized() });
    } catch (error) {
      console.error('Could not save window state', error);
    }
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Brings the window forward, e.g. when the delegate launches the app a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
