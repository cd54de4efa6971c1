/** The first day a partial date may stand for: "2025-09" starts on 2025-09-01. */
export function partialDateStart(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** The last day a partial date may stand for: "2025-09" ends on 2025-09-30. */
export function partialDateEnd(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, m] = value.split('-').map(Number);
    const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  return value;
}

/** Today as an ISO date in the delegate's local time zone. */
export function isoToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
