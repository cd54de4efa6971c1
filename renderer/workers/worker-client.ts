/**
 * The page's side of a request/reply worker: request ids, progress, cancel, the same-thread
 * fallback, and a worker that dies. One client for every worker of the app (the dataset engine,
 * the search index); each supplies its protocol through a few functions.
 *
 * A worker that fails (an `error` event: an uncaught exception or a script that would not load;
 * a `messageerror`: a reply that could not be read) answers nothing more: it is terminated, every
 * request still waiting is rejected with a WorkerFailedError naming it, and the next request
 * starts a new one.
 */

/** A started worker, or the same host running in this thread. */
export interface WorkerPort<In, Out> {
  post(message: In, transfer?: Transferable[]): void;
  /** Every message from the worker; `onFailure` once if it dies. */
  listen(onMessage: (message: Out) => void, onFailure: (reason: string) => void): void;
  terminate(): void;
}

export interface WorkerProtocol<In, Out> {
  /** Used in error messages: "the <name> worker stopped". */
  name: string;
  /** Starts the worker (or the in-thread host); called again after a failure. */
  start(): WorkerPort<In, Out>;
  /** The request a message answers, or undefined for a message to everyone (a status). */
  requestOf(message: Out): number | undefined;
  /** Whether the message ends its request; any other message for it is progress. */
  isFinal(message: Out): boolean;
  /** Messages that belong to no request. */
  onBroadcast?(message: Out): void;
  /** What to tell the worker when a request's signal aborts (nothing: the request is only forgotten). */
  cancel?(reqId: number): In;
  /** Called with each newly started port, before the first request is posted to it (to restore its state). */
  onStart?(port: WorkerPort<In, Out>, restarted: boolean): void;
}

export interface RequestOptions<Out> {
  signal?: AbortSignal;
  /** Messages for this request that do not end it. */
  onProgress?: (message: Out) => void;
  transfer?: Transferable[];
}

/** The worker died (or sent an unreadable reply) while the request waited, or before it was answered. */
export class WorkerFailedError extends Error {
  override readonly name = 'WorkerFailedError';
  constructor(readonly worker: string, readonly reason: string) {
    super(`The ${worker} worker stopped: ${reason}`);
  }
}

interface Waiting<Out> {
  resolve(message: Out): void;
  reject(error: Error): void;
  onProgress?: (message: Out) => void;
}

export class WorkerClient<In, Out> {
  private nextId = 1;
  private port: WorkerPort<In, Out> | undefined;
  private started = 0;
  private readonly waiting = new Map<number, Waiting<Out>>();

  constructor(private readonly protocol: WorkerProtocol<In, Out>) {}

  /**
   * Posts the message `build(reqId)` and resolves with the message that ends it. Rejects with
   * WorkerFailedError if the worker fails first. An abort sends the protocol's cancel message;
   * the worker's answer to it still ends the request.
   */
  request(build: (reqId: number) => In, options: RequestOptions<Out> = {}): Promise<Out> {
    const reqId = this.nextId++;
    const port = this.ensurePort();
    return new Promise<Out>((resolve, reject) => {
      const { signal } = options;
      const onAbort = () => {
        if (this.protocol.cancel && this.waiting.has(reqId)) this.port?.post(this.protocol.cancel(reqId));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.waiting.set(reqId, {
        resolve: (message) => {
          done();
          resolve(message);
        },
        reject: (error) => {
          done();
          reject(error);
        },
        onProgress: options.onProgress,
      });
      try {
        port.post(build(reqId), options.transfer);
      } catch (error) {
        // The message could not be sent (not cloneable): this request fails, the worker is fine.
        this.waiting.delete(reqId);
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** A message that expects no answer. */
  send(message: In, transfer?: Transferable[]): void {
    this.ensurePort().post(message, transfer);
  }

  /** Requests still waiting for an answer. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Stops the worker; requests still waiting are rejected. The next request starts a new one. */
  dispose(reason = 'it was stopped'): void {
    this.fail(this.port, reason);
  }

  private ensurePort(): WorkerPort<In, Out> {
    if (this.port) return this.port;
    const port = this.protocol.start();
    this.port = port;
    port.listen(
      (message) => {
        if (this.port === port) this.receive(message);
      },
      (reason) => this.fail(port, reason),
    );
    this.protocol.onStart?.(port, this.started++ > 0);
    return port;
  }

  private receive(message: Out): void {
    const reqId = this.protocol.requestOf(message);
    if (reqId === undefined) {
      this.protocol.onBroadcast?.(message);
      return;
    }
    const waiting = this.waiting.get(reqId);
    if (!waiting) return;
    if (!this.protocol.isFinal(message)) {
      waiting.onProgress?.(message);
      return;
    }
    this.waiting.delete(reqId);
    waiting.resolve(message);
  }

  private fail(port: WorkerPort<In, Out> | undefined, reason: string): void {
    // A failure reported by a port already replaced (a late event of a dead worker) changes nothing.
    if (port === undefined || port !== this.port) return;
    this.port = undefined;
    try {
      port.terminate();
    } catch {
      // Already gone.
    }
    const error = new WorkerFailedError(this.protocol.name, reason);
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(error);
  }
}

/** A Worker as a port: its messages, and its `error` and `messageerror` events as a failure. */
export function workerPort<In, Out>(worker: Worker): WorkerPort<In, Out> {
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    listen: (onMessage, onFailure) => {
      worker.addEventListener('message', (event: MessageEvent<Out>) => onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => {
        // Uncaught in the worker: it is no longer in a known state, whatever the browser does next.
        event.preventDefault?.();
        onFailure(event.message || 'it failed (an error it did not handle, or its script did not load)');
      });
      worker.addEventListener('messageerror', () => onFailure('it sent a reply that could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * The host in this thread, for environments without Web Workers (jsdom in component tests):
 * the same messages, answered by the same host code. `deliver` decides when its replies arrive
 * (at once, or on a later task as a worker's would).
 */
export function inThreadPort<In, Out>(
  createHost: (post: (message: Out) => void) => { handle(message: In): unknown },
  deliver: (send: () => void) => void = (send) => send(),
): WorkerPort<In, Out> {
  const listeners: ((message: Out) => void)[] = [];
  let stopped = false;
  const host = createHost((message) =>
    deliver(() => {
      if (!stopped) for (const l of listeners) l(message);
    }),
  );
  return {
    post: (message) => void host.handle(message),
    listen: (onMessage) => void listeners.push(onMessage),
    terminate: () => {
      stopped = true;
    },
  };
}
