/*
 * Word-level differences between two versions' text, for reading side by side. Tokens are
 * words with their following whitespace; the diff is Myers' O((N+M)D) algorithm over tokens
 * after trimming the common start and end, so a re-issued 300-page paper with a few changed
 * paragraphs costs little. Past `maxEdits` (two papers with little in common) it stops and
 * reports the remaining middle as one replaced block rather than running for seconds.
 */

export type DiffOp = 'equal' | 'delete' | 'insert';
export interface DiffPart {
  op: DiffOp;
  /** The text (for an equal part, as the earlier version has it). */
  text: string;
  /** An equal part as the later version has it, when that differs in whitespace only (a line or page break moved). */
  after?: string;
}

const afterText = (p: DiffPart): string => p.after ?? p.text;

function equal(text: string, after: string): DiffPart {
  return text === after ? { op: 'equal', text } : { op: 'equal', text, after };
}

/** Tokens compare by their words: a line break where a space was is no change. */
const key = (token: string): string => token.replace(/\s+/g, ' ');

/** Words with the whitespace after them: matching bare spaces would splice unrelated sentences together. */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

/** Myers' shortest edit script over token arrays; undefined when it needs more than maxEdits edits. */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): DiffPart[] | undefined {
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Only the diagonals iteration d reads (-d-1..d+1): the trace stays O(D²), not O(D·(N+M)).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && ka[x] === kb[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[], dEnd: number): DiffPart[] {
  const parts: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) parts.push(equal(a[--x]!, b[--y]!));
    if (x === prevX) parts.push({ op: 'insert', text: b[--y]! });
    else parts.push({ op: 'delete', text: a[--x]! });
  }
  while (x > 0 && y > 0) parts.push(equal(a[--x]!, b[--y]!));
  return parts.reverse();
}

/**
 * Joins each change into one deletion and one insertion. A whitespace-only equal part between
 * two edits belongs to the change ("30 June" -> "31 July" is one edit, not two around a space).
 */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  parts.forEach((part, i) => {
    if (part.text === '') return;
    const inChange = del !== '' || ins !== '';
    const glue = part.op === 'equal' && inChange && /^\s+$/.test(part.text) && parts.slice(i + 1).find((p) => p.text !== '')?.op !== 'equal';
    if (part.op === 'equal' && !glue) {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') out[out.length - 1] = equal(last.text + part.text, afterText(last) + afterText(part));
      else out.push(part);
    } else if (part.op === 'equal') {
      del += part.text;
      ins += afterText(part);
    } else if (part.op === 'delete') del += part.text;
    else ins += part.text;
  });
  flush();
  return out;
}

/** The longer side of the change starting at parts[i] (a delete, an insert, or both). */
function changeLength(parts: readonly DiffPart[], i: number, step: 1 | -1): number {
  let longest = 0;
  for (let j = i; j >= 0 && j < parts.length && parts[j]!.op !== 'equal'; j += step) longest = Math.max(longest, parts[j]!.text.length);
  return longest;
}

/**
 * Semantic clean-up (after diff-match-patch's): a short equal stretch between two longer
 * changes ("is" shared by "Two is gone." and "Four is new.") reads better as part of one
 * change. One pass: folding again would swallow stretches that really are unchanged.
 */
function foldShortEquals(parts: DiffPart[]): DiffPart[] {
  {
    let folded = false;
    const next = parts.map((part, i) => {
      if (part.op !== 'equal' || i === 0 || i === parts.length - 1) return [part];
      if (parts[i - 1]!.op === 'equal' || parts[i + 1]!.op === 'equal') return [part];
      // Only a lone word: a longer shared stretch is real common text.
      if (!/^\s*\S+\s*$/.test(part.text) || part.text.length > Math.min(changeLength(parts, i - 1, -1), changeLength(parts, i + 1, 1))) return [part];
      folded = true;
      return [
        { op: 'delete' as const, text: part.text },
        { op: 'insert' as const, text: afterText(part) },
      ];
    });
    return folded ? merge(next.flat()) : parts;
  }
}

export function diffWords(before: string, after: string, maxEdits = 4_000): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && key(a[head]!) === key(b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && key(a[a.length - 1 - tail]!) === key(b[b.length - 1 - tail]!)) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = myers(midA, midB, maxEdits) ?? [
    { op: 'delete' as const, text: midA.join('') },
    { op: 'insert' as const, text: midB.join('') },
  ];
  return foldShortEquals(
    merge([equal(a.slice(0, head).join(''), b.slice(0, head).join('')), ...middle, equal(a.slice(a.length - tail).join(''), b.slice(b.length - tail).join(''))]),
  );
}

/**
 * Rows for a side-by-side view: an unchanged stretch, or a change with what the old version
 * said on the left and what the new one says on the right.
 */
export interface DiffRow {
  kind: 'same' | 'changed';
  left: DiffPart[];
  right: DiffPart[];
}

export function sideBySide(parts: readonly DiffPart[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let change: DiffRow | undefined;
  for (const part of parts) {
    if (part.op === 'equal') {
      if (change) rows.push(change);
      change = undefined;
      rows.push({ kind: 'same', left: [part], right: [part] });
      continue;
    }
    change ??= { kind: 'changed', left: [], right: [] };
    (part.op === 'delete' ? change.left : change.right).push(part);
  }
  if (change) rows.push(change);
  return rows;
}

export interface DiffSummary {
  inserted: number;
  deleted: number;
  changes: number;
}

export function summarize(parts: readonly DiffPart[]): DiffSummary {
  const words = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.op === 'insert') inserted += words(p.text);
    if (p.op === 'delete') deleted += words(p.text);
  }
  return { inserted, deleted, changes: sideBySide(parts).filter((r) => r.kind === 'changed').length };
}
