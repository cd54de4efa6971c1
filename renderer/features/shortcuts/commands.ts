import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { desktopApi } from '../../platform/platform';
import { useOverlayStore } from './overlays';
import { shortcutFor, type ShortcutCommand } from './registry';

/** Where the File menu's commands lead (those pages belong to the briefings, datasets, packs and backup features). */
export const COMMAND_ROUTES: Partial<Record<MenuCommand, string>> = {
  'new-briefing': '/briefings/new',
  'import-dataset': '/datasets',
  'print-pack': '/packs',
  'back-up': '/backup',
  about: '/settings#about',
};

/** Runs a named command, from a key, a menu item or a button. */
export function useCommandRunner(): (command: MenuCommand | ShortcutCommand) => void {
  const [, navigate] = useLocation();
  const toggle = useOverlayStore((s) => s.toggle);
  return (command) => {
    switch (command) {
      case 'toggle-search':
        toggle('palette');
        return;
      case 'show-shortcuts':
        toggle('help');
        return;
      case 'back':
        history.back();
        return;
      case 'forward':
        history.forward();
        return;
      default: {
        const route = COMMAND_ROUTES[command];
        if (route) {
          useOverlayStore.getState().close();
          navigate(route);
        }
      }
    }
  };
}

/** Installs the keyboard shortcuts and, in the desktop app, follows the application menu. */
export function useDesktopHabits(): void {
  const run = useCommandRunner();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      event.preventDefault();
      run(shortcut.command);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = desktopApi()?.onMenuCommand?.(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  });
}
