import type { PackInput } from '../pack/compose';
import type { PackClearance } from '../pack/model';
import type { ClearanceMeta, ClearedContent } from './clearance-record';

/*
 * The pack of a cleared brief: by default built from the clearance's snapshot (the briefing and
 * sections read back from the state the lead cleared, with today's reference data), printed
 * without the DRAFT watermark; or, when the delegate chooses, from the current text, with the
 * cover saying it is not the cleared version and the watermark kept.
 */

export type PackVersion = 'cleared' | 'current';

/** The pack input with the brief's own content as cleared (reference data unchanged). */
export function clearedPackInput(input: PackInput, cleared: ClearedContent): PackInput {
  return { ...input, briefing: cleared.briefing, sections: cleared.sections };
}

/** What the pack's cover and watermark say about the clearance, for the version printed. */
export function packClearance(meta: Pick<ClearanceMeta, 'clearedBy' | 'clearedAt' | 'hash'>, version: PackVersion): PackClearance {
  return { printed: version === 'cleared' ? 'cleared' : 'uncleared', clearedBy: meta.clearedBy.name, clearedAt: meta.clearedAt, hash: meta.hash };
}

/** The outcome targets the cleared sections assess that the current input lacks (a target unlinked since). */
export function missingTargetIds(input: PackInput, cleared: ClearedContent): string[] {
  const have = new Set(input.targets.map((t) => t.id));
  return [...new Set(cleared.sections.flatMap((s) => s.targets.map((a) => a.targetId)))].filter((id) => !have.has(id));
}
