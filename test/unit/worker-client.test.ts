/**
 * The one worker client: requests and their progress, cancel, and a worker that dies in the
 * middle of a request (its waiting requests fail clearly; the next request starts a new worker).
 * The worker is a stand-in with a Worker's interface, driven by the test.
 */
import { describe, expect, it } from 'vitest';
import { WorkerClient, WorkerFailedError, workerPort, type WorkerProtocol } from '../../renderer/workers/worker-client';

type In = { type: 'work'; reqId: number; steps: number } | { type: 'cancel'; reqId: number };
type Out = { type: 'progress'; reqId: number; step: number } | { type: 'done'; reqId: number; value: string } | { type: 'status'; text: string };

/** A stand-in Worker: answers 'work' with a progress message per step then 'done', unless told to die first. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  received: In[] = [];
  terminated = false;
  /** Dies (an uncaught error event) after this many progress messages. */
  dieAfter: number | undefined;
  constructor() {
    super();
    FakeWorker.started.push(this);
  }
  postMessage(message: In): void {
    this.received.push(message);
    if (message.type !== 'work') return;
    queueMicrotask(() => {
      for (let step = 1; step <= message.steps; step++) {
        if (this.dieAfter !== undefined && step > this.dieAfter) {
          this.emit('error', { message: 'Uncaught RangeError: out of memory' });
          return;
        }
        this.emit('message', { data: { type: 'progress', reqId: message.reqId, step } });
      }
      this.emit('message', { data: { type: 'done', reqId: message.reqId, value: `did ${message.steps}` } });
    });
  }
  emit(type: string, fields: Record<string, unknown>): void {
    this.dispatchEvent(Object.assign(new Event(type), fields));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function client(extra: Partial<WorkerProtocol<In, Out>> = {}) {
  FakeWorker.started = [];
  const broadcasts: Out[] = [];
  const starts: boolean[] = [];
  const c = new WorkerClient<In, Out>({
    name: 'test',
    start: () => workerPort<In, Out>(new FakeWorker() as unknown as Worker),
    requestOf: (m) => (m.type === 'status' ? undefined : m.reqId),
    isFinal: (m) => m.type === 'done',
    onBroadcast: (m) => broadcasts.push(m),
    cancel: (reqId) => ({ type: 'cancel', reqId }),
    onStart: (_port, restarted) => starts.push(restarted),
    ...extra,
  });
  return { c, broadcasts, starts };
}

const work = (steps: number) => (reqId: number): In => ({ type: 'work', reqId, steps });

describe('WorkerClient', () => {
  it('answers each request with its final message, progress on the way, broadcasts apart', async () => {
    const { c, broadcasts } = client();
    const progress: number[] = [];
    const [a, b] = await Promise.all([c.request(work(3), { onProgress: (m) => m.type === 'progress' && progress.push(m.step) }), c.request(work(1))]);
    expect(a).toMatchObject({ type: 'done', value: 'did 3' });
    expect(b).toMatchObject({ type: 'done', value: 'did 1' });
    expect(progress).toEqual([1, 2, 3]);
    FakeWorker.started[0]!.emit('message', { data: { type: 'status', text: 'ready' } });
    expect(broadcasts).toEqual([{ type: 'status', text: 'ready' }]);
    expect(FakeWorker.started).toHaveLength(1);
    expect(c.pending).toBe(0);
  });

  it('a worker that dies mid-request: every waiting request fails clearly, the worker is stopped, the next request starts a new one', async () => {
    const { c, starts } = client();
    const first = c.request(work(1));
    await expect(first).resolves.toMatchObject({ value: 'did 1' });
    const dying = FakeWorker.started[0]!;
    dying.dieAfter = 2;
    const progress: number[] = [];
    const inFlight = c.request(work(5), { onProgress: (m) => m.type === 'progress' && progress.push(m.step) });
    const alsoWaiting = c.request(work(5));
    const failed = await inFlight.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(WorkerFailedError);
    expect((failed as Error).message).toBe('The test worker stopped: Uncaught RangeError: out of memory');
    await expect(alsoWaiting).rejects.toBeInstanceOf(WorkerFailedError);
    expect(progress).toEqual([1, 2]);
    expect(dying.terminated).toBe(true);
    expect(c.pending).toBe(0);
    // A late message from the dead worker is ignored.
    dying.emit('message', { data: { type: 'done', reqId: 2, value: 'too late' } });

    await expect(c.request(work(2))).resolves.toMatchObject({ value: 'did 2' });
    expect(FakeWorker.started).toHaveLength(2);
    expect(starts).toEqual([false, true]);
  });

  it('a reply that cannot be read (messageerror) counts as a failed worker too', async () => {
    const { c } = client();
    const waiting = c.request(work(50));
    FakeWorker.started[0]!.emit('messageerror', {});
    await expect(waiting).rejects.toThrow('The test worker stopped: it sent a reply that could not be read');
    await expect(c.request(work(0))).resolves.toMatchObject({ value: 'did 0' });
    expect(FakeWorker.started).toHaveLength(2);
  });

  it('an abort tells the worker to cancel; the worker still ends the request', async () => {
    const { c } = client();
    const controller = new AbortController();
    const answer = c.request(work(1), { signal: controller.signal });
    controller.abort();
    await answer;
    expect(FakeWorker.started[0]!.received).toEqual([
      { type: 'work', reqId: 1, steps: 1 },
      { type: 'cancel', reqId: 1 },
    ]);
    // Aborting after the answer sends nothing more.
    controller.abort();
    expect(FakeWorker.started[0]!.received).toHaveLength(2);
  });

  it('a message that cannot be posted fails only its request', async () => {
    const { c } = client({ start: () => ({ post: () => { throw new DOMException('could not be cloned', 'DataCloneError'); }, listen: () => undefined, terminate: () => undefined }) });
    await expect(c.request(work(1))).rejects.toThrow('could not be cloned');
    expect(c.pending).toBe(0);
  });
});
