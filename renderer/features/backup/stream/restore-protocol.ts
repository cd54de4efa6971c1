import type { MessageKey } from '../../../i18n/translate';
import type { BackupSummary, RestoreProgress } from './restore-engine';

/*
 * The restore worker's messages. `check` reads a backup through without writing; `restore`
 * checks it again and replaces the delegate's work in one transaction. A backup of format 4
 * goes as the File itself (read as a stream there); an older one as its text (decrypted on
 * the page if it was an encrypted file of format 1). `cancel` stops a request: nothing written.
 */
export type RestoreSource = { kind: 'streamed'; file: Blob; key?: CryptoKey } | { kind: 'text'; text: string };

export type ToRestoreWorker = { kind: 'check' | 'restore'; reqId: number; source: RestoreSource } | { kind: 'cancel'; reqId: number };

export type RestoreOutcome =
  | { kind: 'ok'; summary: BackupSummary; replaced?: string[] }
  | { kind: 'problem'; key: MessageKey; vars: Record<string, string | number> }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export type FromRestoreWorker = { reqId: number; kind: 'progress'; progress: RestoreProgress } | { reqId: number; kind: 'result'; outcome: RestoreOutcome };
