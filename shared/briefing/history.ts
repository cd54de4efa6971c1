/**
 * Undo and redo over snapshots of whatever the editor changes (a section, the briefing's
 * general part). Typing in one field within `coalesceMs` is one step, as people expect.
 */
export interface UndoEntry<T> {
  /** What was edited, e.g. `section:<id>`; the value is that thing's whole state. */
  target: string;
  before: T;
  after: T;
  /** Field or control edited, for coalescing keystrokes. */
  field: string;
  at: number;
}

export class UndoHistory<T> {
  private done: UndoEntry<T>[] = [];
  private undone: UndoEntry<T>[] = [];

  constructor(
    private readonly limit = 500,
    private readonly coalesceMs = 1000,
  ) {}

  record(entry: UndoEntry<T>): void {
    const last = this.done.at(-1);
    if (last && last.target === entry.target && last.field === entry.field && entry.at - last.at < this.coalesceMs) {
      last.after = entry.after;
      last.at = entry.at;
    } else {
      this.done.push(entry);
      if (this.done.length > this.limit) this.done.shift();
    }
    this.undone = [];
  }

  undo(): UndoEntry<T> | undefined {
    const entry = this.done.pop();
    if (entry) this.undone.push(entry);
    return entry;
  }

  redo(): UndoEntry<T> | undefined {
    const entry = this.undone.pop();
    if (entry) this.done.push(entry);
    return entry;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
