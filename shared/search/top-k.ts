interface Ranked {
  num: number;
  /** Query words matched: documents matching more words rank first, whatever their score. */
  words: number;
  score: number;
}

/** The k best documents seen (most words matched, then score), ties to the lower document number. */
export class TopK {
  private readonly heap: Ranked[] = [];
  constructor(private readonly k: number) {}

  private static worse(a: Ranked, b: Ranked): boolean {
    return a.words < b.words || (a.words === b.words && (a.score < b.score || (a.score === b.score && a.num > b.num)));
  }

  offer(num: number, words: number, score: number): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length === this.k) {
      // Most documents lose to the worst kept one: decide before allocating.
      const root = heap[0]!;
      if (words < root.words || (words === root.words && (score < root.score || (score === root.score && num > root.num)))) return;
      const item = { num, words, score };
      heap[0] = item;
      this.down(0);
      return;
    }
    heap.push({ num, words, score });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!TopK.worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && TopK.worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && TopK.worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }

  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => (TopK.worse(a, b) ? 1 : TopK.worse(b, a) ? -1 : 0));
  }
}
