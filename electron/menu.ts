import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, MenuCommand } from '../shared/ipc/contract';

/*
 * The application menu. Items that belong to the app (new briefing, search, back...) send a
 * named command to the renderer over the one main->renderer channel; the renderer runs it as
 * if its shortcut had been pressed. Edit and window items are Electron roles.
 */

/** Sends a command to the focused window (or the only one). */
export function sendMenuCommand(command: MenuCommand, target?: BrowserWindow | null): boolean {
  const window = target ?? BrowserWindow.getFocusedWindow?.() ?? BrowserWindow.getAllWindows()[0];
  if (!window) return false;
  window.webContents.send(MENU_COMMAND_CHANNEL, MenuCommand.parse(command));
  return true;
}

function command(label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return {
    label,
    id: name,
    ...(accelerator ? { accelerator } : {}),
    click: (_item, window) => {
      sendMenuCommand(name, window instanceof BrowserWindow ? window : undefined);
    },
  };
}

export interface MenuOptions {
  isDev: boolean;
  platform: NodeJS.Platform;
}

export function menuTemplate({ isDev, platform }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        command('New briefing', 'new-briefing', 'CmdOrCtrl+N'),
        command('Import dataset…', 'import-dataset', 'CmdOrCtrl+O'),
        command('Print pack…', 'print-pack', 'CmdOrCtrl+P'),
        command('Back up…', 'back-up'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [
        command('Back', 'back', mac ? 'Cmd+[' : 'Alt+Left'),
        command('Forward', 'forward', mac ? 'Cmd+]' : 'Alt+Right'),
        { type: 'separator' },
        command('Search…', 'toggle-search', 'CmdOrCtrl+K'),
        { type: 'separator' },
        // Reloading loses unsaved drafts in flight; only developers need it.
        ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [command('Keyboard shortcuts', 'show-shortcuts', 'F1'), command(`About ${app.getName()}`, 'about')],
    },
  );
  return template;
}

export function installApplicationMenu(options: MenuOptions = { isDev: !app.isPackaged, platform: process.platform }): Menu {
  const menu = Menu.buildFromTemplate(menuTemplate(options));
  Menu.setApplicationMenu(menu);
  return menu;
}
