/**
 * The dataset engine's worker dying in the middle of a check: the page gets a clear
 * 'engine-failed' answer (not a promise that never settles), and the next request runs in a
 * new worker. The Worker is a stand-in that behaves like one that runs out of memory.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { checkUpdate, resetSyncEngine } from '../../renderer/datasets/dataset-updates';
import type { FromSyncWorker, ToSyncWorker } from '../../renderer/datasets/worker-protocol';

const workers: StandInWorker[] = [];

class StandInWorker extends EventTarget {
  constructor(readonly url: URL, readonly options: WorkerOptions) {
    super();
    workers.push(this);
  }
  postMessage(message: ToSyncWorker): void {
    if (message.type !== 'check') return;
    const reply = (data: FromSyncWorker) => this.dispatchEvent(Object.assign(new Event('message'), { data }));
    setTimeout(() => {
      reply({ type: 'progress', reqId: message.reqId, progress: { phase: 'verifying', done: 0, total: 10 } });
      // The first worker dies halfway; the next one answers.
      if (workers.length === 1) this.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught RangeError: Array buffer allocation failed' }));
      else reply({ type: 'result', reqId: message.reqId, result: { ok: false, code: 'not-json', message: 'not JSON', problems: [], ids: [] } });
    }, 0);
  }
  terminated = false;
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetSyncEngine();
});

it('a check whose worker dies answers engine-failed, and the next check starts a new worker', async () => {
  vi.stubGlobal('Worker', StandInWorker);
  resetSyncEngine();
  const phases: string[] = [];
  const first = await checkUpdate(new Uint8Array([1, 2, 3]), { kind: 'file', name: 'a.json' }, { onProgress: (p) => phases.push(p.phase) });
  expect(first).toMatchObject({ ok: false, code: 'engine-failed', message: 'The update engine stopped: Uncaught RangeError: Array buffer allocation failed' });
  expect(phases).toEqual(['verifying']);
  expect(workers[0]!.terminated).toBe(true);
  const second = await checkUpdate(new Uint8Array([4]), { kind: 'file', name: 'b.json' });
  expect(second).toMatchObject({ ok: false, code: 'not-json' });
  expect(workers).toHaveLength(2);
  expect(workers[1]!.options).toMatchObject({ type: 'module', name: 'datasets' });
});
