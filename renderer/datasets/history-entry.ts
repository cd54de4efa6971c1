import type { HistoryRow, InstalledDataset } from '../db/schema';
import type { HistoryEntry } from './types';

/**
 * A history row as the interface sees it. `current`: the latest entry not undone, when it is
 * what the register says is installed. `undoable`: current and still holding its undo material.
 */
export function toHistoryEntry(row: HistoryRow, register: InstalledDataset | undefined, sameDataset: readonly HistoryRow[]): HistoryEntry {
  // The installed version's entry: not undone and matching the register (timestamps may tie).
  const installed = sameDataset.filter((r) => r.undoneAt === undefined && register !== undefined && r.version === register.version && r.payloadSha256 === register.hash);
  const latest = installed.reduce<HistoryRow | undefined>((a, r) => (a === undefined || r.installedAt >= a.installedAt ? r : a), undefined);
  const current = latest?.id === row.id;
  const { undo, ...rest } = row;
  return {
    ...rest,
    flagged: undo?.flags.length ?? 0,
    current,
    undoable: current && undo !== undefined,
  };
}
