import type { FeedErrorCode } from '../../../shared/ipc/contract';
import type { MessageKey, Vars } from '../../i18n/translate';
import { useT, type T } from '../../i18n/use-t';
import type { SyncFailure, SyncFailureCode } from '../../datasets/types';

/** Every code the engine, the feed or a file pick can fail with; each has its own message. */
export type FailureCode = SyncFailureCode | FeedErrorCode | 'file-too-large' | 'file-unreadable';

/** What the delegate is told: the engine's code, translated, and the details it carries. */
export interface ShownFailure {
  code: FailureCode;
  /** English detail from the engine or main, shown under "Details". */
  message: string;
  problems: string[];
  ids: string[];
  vars?: Vars;
}

export const fromSyncFailure = (failure: SyncFailure): ShownFailure => ({
  code: failure.code,
  message: failure.message,
  problems: failure.problems,
  ids: failure.ids,
  ...(failure.vars ? { vars: failure.vars } : {}),
});

const MAX_IDS_SHOWN = 20;
const MAX_PROBLEMS_SHOWN = 50;

export function failureText(t: T, failure: ShownFailure): string {
  const key = `sync.error.${failure.code}` as MessageKey;
  const ids = failure.ids.slice(0, MAX_IDS_SHOWN).join(', ') + (failure.ids.length > MAX_IDS_SHOWN ? ` (+${failure.ids.length - MAX_IDS_SHOWN})` : '');
  return t(key, { count: failure.ids.length, ids, ...failure.vars });
}

/** A refusal or failure: its own translated sentence, the ids concerned, details on demand. */
export function FailureAlert({ failure, title }: { failure: ShownFailure; title: string }) {
  const t = useT();
  const problems = failure.problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <div role="alert" className="sync-alert" data-code={failure.code}>
      <p>
        <strong>{title}</strong> {failureText(t, failure)}
      </p>
      <p className="muted">{t('sync.error.nothingChanged')}</p>
      {(problems.length > 0 || failure.message) && (
        <details>
          <summary>{t('sync.error.details')}</summary>
          {problems.length > 0 && (
            <ul className="sync-problems">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {failure.problems.length > problems.length && <li>{t('sync.error.moreProblems', { count: failure.problems.length - problems.length })}</li>}
            </ul>
          )}
          {failure.message && (
            <p className="code" lang="en">
              {failure.message}
            </p>
          )}
        </details>
      )}
    </div>
  );
}
