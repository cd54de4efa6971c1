import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { desktopApi } from '../../platform/platform';
import { fromFile, type IncomingFile } from '../storage/intake';
import type { PaperProblem } from '../../../shared/papers/file-checks';
import { pickDesktopFile } from './use-intake';

/**
 * The attach button: main's validated open dialog in the desktop app (bytes, never a path),
 * the browser's file picker in web mode. The file input stays in the page for keyboard and
 * assistive technology, hidden behind the button.
 */
export function AttachControl({ label, inputLabel, onFile, onRefused, disabled }: { label: ReactNode; inputLabel: string; onFile: (file: IncomingFile) => void; onRefused: (name: string, problem: PaperProblem) => void; disabled?: boolean }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const choose = async () => {
    if (!desktopApi()) return input.current?.click();
    const picked = await pickDesktopFile(t('papers.attach.dialogTitle'));
    if (!picked) return;
    if ('refused' in picked) onRefused(picked.refused, picked.problem);
    else onFile(picked);
  };
  return (
    <>
      {/* aria-disabled, not disabled: a disabled button loses focus, and a keyboard user who just
          chose a file would be sent back to the top of the page while it is read. */}
      <button type="button" className="paper-attach-button" onClick={() => disabled || void choose()} aria-disabled={disabled}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(fromFile(file));
        }}
      />
    </>
  );
}
