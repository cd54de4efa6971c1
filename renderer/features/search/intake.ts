import type { SearchCommand, ToSearchWorker } from './protocol';

/*
 * The search worker's intake on the page: what goes to the worker, in bounded messages, a task
 * apart. The first load of 100k sections was one message: structuring-cloning it held the page
 * for a third of a second. A large replace-kind or upsert is split into parts of at most
 * DOCS_PER_MESSAGE documents (all but the last marked `more`, so the index tells the views once),
 * and the parts are posted in order, one per task, so the page gets a turn between them.
 */

/** Documents per message to the search worker, at most. */
export const DOCS_PER_MESSAGE = 1000;

/** `command` as messages of at most `max` documents each, in order; the same command when it is small. */
export function splitCommand(command: SearchCommand, max = DOCS_PER_MESSAGE): SearchCommand[] {
  if ((command.type !== 'replace-kind' && command.type !== 'upsert') || command.docs.length <= max) return [command];
  const parts: SearchCommand[] = [];
  for (let at = 0; at < command.docs.length; at += max) {
    const docs = command.docs.slice(at, at + max);
    const more = at + max < command.docs.length ? ({ more: true } as const) : {};
    parts.push(at === 0 && command.type === 'replace-kind' ? { type: 'replace-kind', kind: command.kind, docs, ...more } : { type: 'upsert', docs, ...more });
  }
  return parts;
}

/** A new task: the page paints and handles input before the next message goes. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Messages to the worker in the order given, one per task. The first goes at once; `drained`
 * resolves once every message given so far has been posted (a query waits for it, so it sees
 * every change sent before it, as when each change was one message).
 */
export class Outbox {
  private readonly waiting: ToSearchWorker[] = [];
  private draining: Promise<void> | undefined;

  constructor(private readonly post: (message: ToSearchWorker) => void) {}

  push(messages: readonly ToSearchWorker[]): void {
    this.waiting.push(...messages);
    if (this.draining || this.waiting.length === 0) return;
    this.post(this.waiting.shift()!);
    if (this.waiting.length > 0) this.draining = this.drain();
  }

  /** Resolves when nothing is waiting to be posted. */
  drained(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /** Whether `message` is still waiting to be posted. */
  holds(message: ToSearchWorker): boolean {
    return this.waiting.includes(message);
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        await nextTask();
        const message = this.waiting.shift();
        try {
          if (message) this.post(message);
        } catch (error) {
          // One message that could not be posted (not cloneable) must not hold back the rest.
          console.error('Search index: a message could not be posted', error);
        }
      }
    } finally {
      this.draining = undefined;
    }
  }
}
