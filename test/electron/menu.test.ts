import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, MenuCommand, type DelegateApi } from '../../shared/ipc/contract';
import { fakeElectron, FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { installApplicationMenu, menuTemplate, sendMenuCommand, setMenuLanguage } = await import('../../electron/menu');
const { MENU_LABELS } = await import('../../shared/i18n/menu');

type Item = MenuItemConstructorOptions;

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((m) => m.label?.replace('&', '') === label);
  expect(menu, `${label} menu`).toBeDefined();
  return menu!.submenu as Item[];
}

const click = (item: Item, window?: unknown) => (item.click as unknown as (item: Item, window: unknown, event: unknown) => void)(item, window, {});

beforeEach(() => fakeElectron.reset());

describe('application menu', () => {
  it('has File, Edit, View and Help, with the File commands', () => {
    const template = menuTemplate({ isDev: false, platform: 'linux' });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = submenu(template, 'File').filter((i) => i.id);
    expect(file.map((i) => i.id)).toEqual(['new-briefing', 'import-dataset', 'print-pack', 'back-up']);
    expect(file.map((i) => i.label)).toEqual(['New briefing', 'Import dataset…', 'Print pack…', 'Back up…']);
  });

  it('uses roles for editing and zoom, and offers reload only in development', () => {
    const roles = (isDev: boolean) =>
      menuTemplate({ isDev, platform: 'linux' }).flatMap((m) => (m.submenu as Item[]).map((i) => i.role).filter(Boolean));
    expect(roles(false)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });

  it('binds search to Ctrl/Cmd+K and back/forward to Alt+arrows off macOS', () => {
    const view = submenu(menuTemplate({ isDev: false, platform: 'win32' }), 'View');
    expect(view.find((i) => i.id === 'toggle-search')?.accelerator).toBe('CmdOrCtrl+K');
    expect(view.find((i) => i.id === 'back')?.accelerator).toBe('Alt+Left');
    expect(view.find((i) => i.id === 'forward')?.accelerator).toBe('Alt+Right');
    const help = submenu(menuTemplate({ isDev: false, platform: 'win32' }), 'Help');
    expect(help.map((i) => i.id)).toEqual(['show-shortcuts', 'about']);
  });

  it('adds the app menu on macOS only', () => {
    expect(menuTemplate({ isDev: false, platform: 'darwin' })[0]?.role).toBe('appMenu');
    expect(menuTemplate({ isDev: false, platform: 'linux' })[0]?.role).toBeUndefined();
  });

  it('every command item names a command of the contract', () => {
    const ids = menuTemplate({ isDev: true, platform: 'linux' }).flatMap((m) => (m.submenu as Item[]).flatMap((i) => (i.id ? [i.id] : [])));
    for (const id of ids) expect(MenuCommand.safeParse(id).success, id).toBe(true);
    expect(new Set(ids)).toEqual(new Set(MENU_COMMANDS));
  });

  it('speaks Malay and Indonesian, labels and mnemonics included', () => {
    const ms = menuTemplate({ isDev: false, platform: 'linux', language: 'ms' });
    expect(ms.map((m) => m.label)).toEqual(['&Fail', '&Sunting', '&Paparan', '&Bantuan']);
    expect(submenu(ms, 'Fail').find((i) => i.id === 'new-briefing')?.label).toBe('Taklimat baharu');
    const id = menuTemplate({ isDev: false, platform: 'linux', language: 'id' });
    expect(submenu(id, 'Berkas').find((i) => i.id === 'print-pack')?.label).toBe('Cetak paket…');
    expect(submenu(id, 'Sunting').find((i) => i.role === 'undo')?.label).toBe('Urungkan');
    expect(submenu(id, 'Bantuan').find((i) => i.id === 'about')?.label).toBe('Tentang ASEAN Delegate Briefing');
  });

  it('has every label in every language, each top-level menu with one mnemonic, none on macOS', () => {
    for (const [language, labels] of Object.entries(MENU_LABELS)) {
      for (const [key, label] of Object.entries(labels)) expect(label.trim(), `${language}.${key}`).not.toBe('');
      for (const key of ['file', 'edit', 'view', 'help'] as const) expect(labels[key].match(/&/g), `${language}.${key}`).toHaveLength(1);
      // Within one menu bar the mnemonics must differ, or Alt+letter is ambiguous.
      const letters = (['file', 'edit', 'view', 'help'] as const).map((key) => labels[key][labels[key].indexOf('&') + 1]!.toLowerCase());
      expect(new Set(letters).size, language).toBe(4);
    }
    const mac = menuTemplate({ isDev: false, platform: 'darwin', language: 'ms' });
    expect(mac.slice(1).map((m) => m.label)).toEqual(['Fail', 'Sunting', 'Paparan', 'Bantuan']);
  });

  it('setMenuLanguage rebuilds the installed menu, keeping its options', () => {
    installApplicationMenu({ isDev: true, platform: 'linux' });
    setMenuLanguage('ms');
    const template = fakeElectron.Menu.applicationMenu?.template as Item[];
    expect(template.map((m) => m.label)).toEqual(['&Fail', '&Sunting', '&Paparan', '&Bantuan']);
    expect(submenu(template, 'Paparan').some((i) => i.role === 'reload')).toBe(true);
  });

  it('installs itself as the application menu', () => {
    installApplicationMenu({ isDev: false, platform: 'linux' });
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(fakeElectron.Menu.applicationMenu?.template).toHaveLength(4);
  });
});

describe('menu commands reach the renderer on the one event channel', () => {
  it('clicking an item sends its command to the window it was clicked in', () => {
    const window = new FakeBrowserWindow({});
    const item = submenu(menuTemplate({ isDev: false, platform: 'linux' }), 'File').find((i) => i.id === 'new-briefing')!;
    click(item, window);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('menu:command', 'new-briefing');
  });

  it('falls back to the focused window, and does nothing without one', () => {
    expect(sendMenuCommand('toggle-search')).toBe(false);
    const window = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = window;
    expect(sendMenuCommand('toggle-search')).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith('menu:command', 'toggle-search');
  });

  it('refuses a command outside the contract', () => {
    const window = new FakeBrowserWindow({});
    expect(() => sendMenuCommand('rm -rf' as MenuCommand, window as never)).toThrow();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});

describe('preload: onMenuCommand', () => {
  it('passes known commands only, without the event object, and unsubscribes', async () => {
    vi.resetModules();
    await import('../../electron/preload');
    const api = fakeElectron.contextBridge.exposed.get('delegateApi') as DelegateApi;
    const listener = vi.fn();
    const stop = api.onMenuCommand(listener);
    expect(fakeElectron.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith('menu:command', expect.any(Function));
    const wrapped = fakeElectron.ipcRenderer.on.mock.calls[0]![1] as (event: unknown, command: unknown) => void;
    wrapped({ sender: fakeElectron.ipcRenderer }, 'print-pack');
    wrapped({}, 'not-a-command');
    wrapped({}, { command: 'print-pack' });
    expect(listener).toHaveBeenCalledExactlyOnceWith('print-pack');
    stop();
    expect(fakeElectron.ipcRenderer.removeListener).toHaveBeenCalledWith('menu:command', wrapped);
  });

  it('knows the same commands as the contract', async () => {
    const source = (await import('node:fs')).readFileSync('electron/preload.ts', 'utf8');
    for (const command of MENU_COMMANDS) expect(source).toContain(`'${command}'`);
  });
});
