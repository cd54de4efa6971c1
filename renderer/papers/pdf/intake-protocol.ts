import type { PaperProblem } from '../../../shared/papers/file-checks';
import type { InspectedBytes } from './inspect-bytes';

/** Messages between the page and the intake worker (intake.worker.ts). */
export type ToIntakeWorker = { kind: 'inspect'; reqId: number; bytes: Uint8Array<ArrayBuffer>; name: string; type: string } | { kind: 'cancel'; reqId: number };
export type FromIntakeWorker =
  | { kind: 'progress'; reqId: number; done: number; total: number }
  | { kind: 'done'; reqId: number; result: InspectedBytes; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'failed'; reqId: number; problem: PaperProblem; message: string; bytes: Uint8Array<ArrayBuffer> };
