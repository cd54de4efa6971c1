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
  | { phase: 'failed'; name: string; problem: PaperProblem }
  | { phase: 'done'; name: string; note?: 'scripts' };

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
  const abort = useRef<AbortController>(undefined);

  // Attaches wait their turn: a paper dropped while another is being read is read after it,
  // never in its place (the button is disabled meanwhile, a drop zone cannot be).
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const runOne = useCallback(async (file: IncomingFile, store: (inspected: InspectedFile) => Promise<unknown>): Promise<boolean> => {
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
      return true;
    } catch (error) {
      if (signal.aborted) {
        setState({ phase: 'idle' });
        return false;
      }
      const problem: PaperProblem = error instanceof IntakeError ? error.problem : error instanceof StorageFullError ? 'quota' : 'failed';
      if (problem === 'failed') console.error('attaching a paper failed', error);
      setState({ phase: 'failed', name: file.name, problem });
      return false;
    }
  }, []);

  const run = useCallback(
    (file: IncomingFile, store: (inspected: InspectedFile) => Promise<unknown>): Promise<boolean> => {
      const turn = queue.current.then(() => runOne(file, store));
      queue.current = turn.catch(() => undefined);
      return turn;
    },
    [runOne],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const fail = useCallback((name: string, problem: PaperProblem) => setState({ phase: 'failed', name, problem }), []);
  const clear = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, run, cancel, fail, clear };
}

export const MAX_PAPER_MB = Math.round(MAX_PAPER_BYTES / 1024 / 1024);
