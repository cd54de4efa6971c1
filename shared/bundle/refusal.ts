/** Every reason a bundle is refused. The interface translates by code; the message is for logs and the command line. */
export type RefusalCode =
  | 'too-large'
  | 'truncated'
  | 'not-json'
  | 'not-a-bundle'
  | 'wrong-format-version'
  | 'manifest-invalid'
  | 'signature-missing'
  | 'unknown-key'
  | 'bad-signature'
  | 'payload-hash-mismatch'
  | 'records-invalid'
  | 'older-version'
  | 'same-version-different-content'
  | 'app-too-old'
  | 'publisher-key-changed'
  | 'rotation-invalid'
  | 'rotation-revoked-key'
  | 'threshold-not-met'
  | 'version-out-of-range'
  | 'expired-feed';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  /** Details a reader may want: schema problems, or `kind › id › path: message` for each invalid record. */
  problems: string[];
  /** Ids of the records that failed validation (records-invalid only). */
  ids: string[];
}

export function refuse(code: RefusalCode, message: string, problems: string[] = [], ids: string[] = []): Refusal {
  return { ok: false, code, message, problems, ids };
}

const MiB = 1024 * 1024;
export const formatBytes = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : `${n} bytes`);
