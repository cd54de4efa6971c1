import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS } from '../shared/i18n/menu';
import { MENU_COMMAND_CHANNEL, MenuCommand } from '../shared/ipc/contract';
import type { Language } from '../shared/model';

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
  /** The interface language the renderer last reported; English until it does. */
  language?: Language;
}

export function menuTemplate({ isDev, platform, language = 'en' }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const l = MENU_LABELS[language];
  // macOS menus have no Alt-key mnemonics; an `&` would show.
  const top = (label: string) => (mac ? label.replace('&', '') : label);
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: top(l.file),
      submenu: [
        command(l.newBriefing, 'new-briefing', 'CmdOrCtrl+N'),
        command(l.importDataset, 'import-dataset', 'CmdOrCtrl+O'),
        command(l.printPack, 'print-pack', 'CmdOrCtrl+P'),
        command(l.backUp, 'back-up'),
        { type: 'separator' },
        mac ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit },
      ],
    },
    {
      label: top(l.edit),
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: top(l.view),
      submenu: [
        command(l.back, 'back', mac ? 'Cmd+[' : 'Alt+Left'),
        command(l.forward, 'forward', mac ? 'Cmd+]' : 'Alt+Right'),
        { type: 'separator' },
        command(l.search, 'toggle-search', 'CmdOrCtrl+K'),
        { type: 'separator' },
        // Reloading loses unsaved drafts in flight; only developers need it.
        ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom', label: l.actualSize },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullScreen },
      ],
    },
    {
      label: top(l.help),
      role: 'help',
      submenu: [command(l.shortcuts, 'show-shortcuts', 'F1'), command(l.about.replace('{app}', app.getName()), 'about')],
    },
  );
  return template;
}

let installedOptions: MenuOptions | undefined;

/** Rebuilds the installed menu in `language` (the renderer reports each change of language). */
export function setMenuLanguage(language: Language): Menu {
  return installApplicationMenu({ ...(installedOptions ?? { isDev: !app.isPackaged, platform: process.platform }), language });
}

export function installApplicationMenu(options: MenuOptions = { isDev: !app.isPackaged, platform: process.platform }): Menu {
  installedOptions = options;
  const menu = Menu.buildFromTemplate(menuTemplate(options));
  Menu.setApplicationMenu(menu);
  return menu;
}
