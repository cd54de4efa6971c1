import { useCallback } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useAppStore } from '../../store/store';

/** A key fingerprint in groups of four, monospace, so two can be compared group by group aloud. */
export function Fingerprint({ value }: { value: string }) {
  const groups = value.split(/\s+/).filter(Boolean);
  return (
    <span className="fingerprint" translate="no">
      {groups.map((g, i) => (
        <span key={i}>{g}</span>
      ))}
    </span>
  );
}

/** Date and time in the interface language. */
export function useDateTime(): (iso: string) => string {
  const language = useAppStore((s) => s.language);
  return useCallback(
    (iso: string) => formatDateTime(iso, language),
    [language],
  );
}

/** A progress bar with its phase in words; the native element is announced as a progressbar. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const determinate = total > 0;
  return (
    <div className="sync-progress">
      <label>
        <span>{label}</span>
        <progress max={determinate ? total : undefined} value={determinate ? Math.min(done, total) : undefined} aria-valuetext={determinate ? `${Math.round((Math.min(done, total) / total) * 100)}%` : undefined} />
      </label>
    </div>
  );
}
