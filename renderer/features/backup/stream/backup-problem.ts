import type { MessageKey } from '../../../i18n/translate';

/**
 * Why a backup cannot be restored (or saved), as a message key and its values, so the delegate
 * reads it in their own language; the values are names and places, never English sentences.
 */
export class BackupProblem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(vars)}`);
    this.name = 'BackupProblem';
  }
}

/** Where in the file a check failed, as a path of field names and row numbers (no words of any language). */
export function issuePlace(issues: readonly { path: readonly PropertyKey[] }[], part: string): string {
  const path = issues[0]?.path ?? [];
  return [part, ...path.map(String)].join('.');
}
