import type { MessageKey } from '../../i18n/translate';

/**
 * Every keyboard shortcut of the app, in one list: the key handler and the help overlay both
 * read it, so the help can never drift from what the keys do.
 */
export type ShortcutCommand = 'toggle-search' | 'show-shortcuts' | 'back' | 'forward';

export interface Shortcut {
  command: ShortcutCommand;
  /** Keys as shown in the help ("Ctrl+K"); "Mod" reads Cmd on macOS. */
  keys: string[];
  label: MessageKey;
  matches: (event: KeyboardEvent) => boolean;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const modKey = () => (isMac() ? '⌘' : 'Ctrl');

/** Typing in a field must not trigger single-key shortcuts like "?". */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable="true"]'));
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    command: 'toggle-search',
    keys: ['Mod+K'],
    label: 'shortcuts.palette',
    matches: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k',
  },
  {
    command: 'show-shortcuts',
    keys: ['?', 'F1'],
    label: 'shortcuts.help',
    matches: (e) => e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !isTyping(e)),
  },
  {
    command: 'back',
    keys: ['Alt+←'],
    label: 'shortcuts.back',
    matches: (e) => e.altKey && !e.ctrlKey && !e.metaKey && e.key === 'ArrowLeft' && !isTyping(e),
  },
  {
    command: 'forward',
    keys: ['Alt+→'],
    label: 'shortcuts.forward',
    matches: (e) => e.altKey && !e.ctrlKey && !e.metaKey && e.key === 'ArrowRight' && !isTyping(e),
  },
];

/** Keys that work inside the palette and dialogs (listed in the help, handled there). */
export const IN_DIALOG_KEYS: readonly { keys: string[]; label: MessageKey }[] = [
  { keys: ['↑', '↓'], label: 'shortcuts.paletteMove' },
  { keys: ['Enter'], label: 'shortcuts.paletteOpen' },
  { keys: ['Mod+Enter'], label: 'shortcuts.paletteAll' },
  { keys: ['Esc'], label: 'shortcuts.escape' },
];

export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.matches(event));
}

export function displayKeys(keys: string): string {
  return keys.replace('Mod', modKey());
}
