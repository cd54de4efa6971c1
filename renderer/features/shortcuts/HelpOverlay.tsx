import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { useOverlayStore } from './overlays';
import { displayKeys, IN_DIALOG_KEYS, SHORTCUTS } from './registry';

/** "?" or F1: every keyboard shortcut, read from the registry. */
export function HelpOverlay() {
  const open = useOverlayStore((s) => s.overlay === 'help');
  return open ? <HelpDialog /> : null;
}

export function ShortcutTable() {
  const t = useT();
  const rows = [...SHORTCUTS.map((s) => ({ keys: s.keys, label: s.label })), ...IN_DIALOG_KEYS];
  return (
    <table className="shortcut-table">
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">
              {row.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' / '}
                  <kbd>{displayKeys(k)}</kbd>
                </span>
              ))}
            </th>
            <td>{t(row.label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HelpDialog() {
  const t = useT();
  const id = useId();
  const close = useOverlayStore((s) => s.close);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => {
      if (returnTo && document.contains(returnTo)) returnTo.focus();
    };
  }, []);
  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Tab') {
            // One focusable control: Tab stays on it, Escape closes.
            e.preventDefault();
            if (e.key === 'Escape') close();
          }
        }}
      >
        <h2 id={`${id}-title`}>{t('shortcuts.title')}</h2>
        <ShortcutTable />
        <button ref={closeButton} type="button" onClick={close}>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
