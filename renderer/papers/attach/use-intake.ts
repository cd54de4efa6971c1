import { useCallback, useRef, useState } from 'react';
import { MAX_PAPER_BYTES, type PaperProblem } from '../../../shared/papers/file-checks';
import { desktopApi } from '../../platform/platform';
import { inspectFile, IntakeError, type IncomingFile, type InspectedFile, type IntakeProgress } from '../storage/intake';
import { StorageFullError } from '../storage/papers-repo';

/*
 * One attach at a time per control, in the order the files came: pick or drop a file, check
 * it, store it. Progress while the text is extracted, a message per problem, and nothing
 * written unless every check passed and nobody pressed Cancel.
 */

export type IntakeState =
  | { phase: 'idle' }
  | { phase: 'working'; name: string; progress: IntakeProgress }
  | { phase: 'done'; name: string; note?: 'scripts' };

/** A file that was not attached, and why: shown until dismissed, whatever is attached after it. */
export interface Refusal {
  id: number;
  name: string;
  problem: PaperProblem;
}

export type IntakeOutcome = 'attached' | 'refused' | 'cancelled';

/** The file chosen in main's dialog (desktop), as bytes; undefined when cancelled. Too large, or not a regular file, is a problem like any other. */
export async function pickDesktopFile(title: string): Promise<IncomingFile | { refused: string; problem: PaperProblem } | undefined> {
  const api = desktopApi();
  if (!api) return undefined;
  const result = await api.openPaperFile(title);
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value;
  if (value.status === 'cancelled') return undefined;
  if (value.status === 'too-large') return { refused: value.name, problem: 'too-large' };
  if (value.status === 'not-a-file') return { refused: value.name, problem: 'not-a-file' };
  const bytes = value.bytes;
  return { name: value.name, type: '', size: bytes.byteLength, read: async () => bytes };
}

export function useIntake() {
  const [state, setState] = useState<IntakeState>({ phase: 'idle' });
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const abort = useRef<AbortController>(undefined);
  const nextRefusal = useRef(0);
  const fail = useCallback((name: string, problem: PaperProblem) => {
    const id = nextRefusal.current++;
    setRefusals((list) => [...list, { id, name, problem }]);
  }, []);

  // Attaches wait their turn: a paper dropped while another is being read is read after it,
  // never in its place (the button is disabled meanwhile, a drop zone cannot be).
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const runOne = useCallback(async (file: IncomingFile, store: (inspected: InspectedFile) => Promise<unknown>): Promise<IntakeOutcome> => {
    const controller = new AbortController();
    abort.current = controller;
    const { signal } = controller;
    setState({ phase: 'working', name: file.name, progress: { phase: 'reading' } });
    try {
      const inspected = await inspectFile(file, (progress) => {
        if (!signal.aborted) setState({ phase: 'working', name: file.name, progress });
      }, signal);
      // Cancelled after its last page was read: still nothing is kept.
      signal.throwIfAborted();
      await store(inspected);
      setState({ phase: 'done', name: file.name, note: inspected.hasScripts ? 'scripts' : undefined });
      return 'attached';
    } catch (error) {
      setState({ phase: 'idle' });
      if (signal.aborted) return 'cancelled';
      const problem: PaperProblem = error instanceof IntakeError ? error.problem : error instanceof StorageFullError ? 'quota' : 'failed';
      if (problem === 'failed') console.error('attaching a paper failed', error);
      fail(file.name, problem);
      return 'refused';
    }
  }, [fail]);

  const run = useCallback(
    (file: IncomingFile, store: (inspected: InspectedFile) => Promise<unknown>): Promise<IntakeOutcome> => {
      const turn = queue.current.then(() => runOne(file, store));
      queue.current = turn.catch(() => undefined);
      return turn;
    },
    [runOne],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const clear = useCallback(() => setState({ phase: 'idle' }), []);
  const dismiss = useCallback((id: number) => setRefusals((list) => list.filter((r) => r.id !== id)), []);
  return { state, refusals, run, cancel, fail, clear, dismiss };
}

/** What an attach control's status shows and does. */
export type Intake = ReturnType<typeof useIntake>;

export const MAX_PAPER_MB = Math.round(MAX_PAPER_BYTES / 1024 / 1024);
