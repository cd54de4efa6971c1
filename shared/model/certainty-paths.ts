import type { Certainty, CertaintyNote } from './facts';

/**
 * The notes about the given fields of a record: a field's own note and its parts' (`venue`
 * covers `venue.city`, `days` covers `days.2.date`), in path order. Used wherever a fact is
 * shown or printed (renderer/features/facts/, shared/pack/certainty.ts).
 */
export function fieldNotes(certainty: Certainty | undefined, paths: readonly string[]): CertaintyNote[] {
  const fields = certainty?.fields;
  if (!fields) return [];
  return Object.entries(fields)
    .filter(([path]) => paths.some((p) => path === p || path.startsWith(`${p}.`)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, note]) => note);
}
