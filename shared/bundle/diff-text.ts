/**
 * Two long values side by side, cut around the part that changed: the common beginning and end
 * are replaced by "…" with a little context kept, so a one-word change in a long description is
 * visible (cutting both at the same prefix showed two identical beginnings).
 */
export function changedExcerpt(before: string, after: string, width = 100, context = 20): { before: string; after: string } {
  if (before.length <= width && after.length <= width) return { before, after };
  const chars = (s: string) => Array.from(s);
  const a = chars(before);
  const b = chars(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const cut = (s: string[]): string => {
    const from = Math.max(0, start - context);
    const to = Math.min(s.length, s.length - end + context);
    let middle = s.slice(from, to);
    // A very long changed part is itself shortened in the middle.
    if (middle.length > width) middle = [...middle.slice(0, width - context - 1), '…', ...middle.slice(middle.length - context)];
    return `${from > 0 ? '…' : ''}${middle.join('')}${to < s.length ? '…' : ''}`;
  };
  return { before: cut(a), after: cut(b) };
}
