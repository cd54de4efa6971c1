import * as Y from 'yjs';
import { z } from 'zod';
import type { Briefing, Section } from '../briefing/model';
import { readBriefingDoc } from '../collab/briefing-doc';
import { briefingContentHash, generalContentHash, sectionContentHash } from './canonical-content';

/*
 * A clearance: the lead vouches for the briefing as it is now. It keeps the briefing document's
 * encoded state at that moment (a Yjs update: the pack is rebuilt from it, exactly), the SHA-256
 * of the canonical content it holds (canonical-content.ts), one hash per section and one for the
 * general part (so lists can say which sections changed without reading the state), who and when.
 * Clearing again replaces the current clearance; earlier ones stay in the history, without their
 * state.
 */

export const ClearedBy = z.object({ memberId: z.string().min(1).max(100), name: z.string().max(300) }).strict();
export type ClearedBy = z.infer<typeof ClearedBy>;

export const ClearanceMeta = z
  .object({
    id: z.string().min(1).max(100),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    generalHash: z.string().regex(/^[0-9a-f]{64}$/),
    sectionHashes: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
    clearedBy: ClearedBy,
    clearedAt: z.string().datetime({ offset: true }),
    /** The briefing's title when cleared (for the history). */
    title: z.string().max(500),
  })
  .strict();
export type ClearanceMeta = z.infer<typeof ClearanceMeta>;

export const Clearance = ClearanceMeta.extend({ state: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "a document state") }).strict();
export type Clearance = z.infer<typeof Clearance>;

export interface ClearedContent {
  briefing: Briefing;
  sections: Section[];
}

/** The briefing a document state holds (throws if the state does not hold one). */
export function contentOfState(state: Uint8Array): ClearedContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const content = readBriefingDoc(doc);
    if (!content.briefing.id) throw new Error('The cleared state holds no briefing.');
    return content;
  } finally {
    doc.destroy();
  }
}

/** Hashes of a briefing's content, whole and per part. */
export function contentHashes(content: ClearedContent): Pick<ClearanceMeta, 'hash' | 'generalHash' | 'sectionHashes'> {
  return {
    hash: briefingContentHash(content.briefing, content.sections),
    generalHash: generalContentHash(content.briefing),
    sectionHashes: Object.fromEntries(content.sections.map((s) => [s.id, sectionContentHash(s)])),
  };
}

/** A clearance of the briefing document whose state is `state`. */
export function makeClearance(state: Uint8Array, clearedBy: ClearedBy, clearedAt: string, id: string): Clearance {
  const content = contentOfState(state);
  return { id, ...contentHashes(content), clearedBy, clearedAt, title: content.briefing.title, state };
}

/**
 * The content a clearance vouches for, read back from its state, and whether it still hashes to
 * what was recorded (false: the stored state was altered or damaged; never print it as cleared).
 */
export function readClearance(clearance: Clearance): ClearedContent & { verified: boolean } {
  const content = contentOfState(clearance.state);
  return { ...content, verified: briefingContentHash(content.briefing, content.sections) === clearance.hash };
}

export const clearanceMeta = ({ state: _state, ...meta }: Clearance): ClearanceMeta => meta;

/** Which parts of the current briefing differ from a clearance, by hash: the general part, and section ids (added, changed, removed). */
export function changedSinceCleared(meta: Pick<ClearanceMeta, 'generalHash' | 'sectionHashes'>, current: { briefing: Briefing; sections: readonly Section[] }): { general: boolean; sections: string[] } {
  const sections: string[] = [];
  const now = new Set<string>();
  for (const section of current.sections) {
    now.add(section.id);
    if (meta.sectionHashes[section.id] !== sectionContentHash(section)) sections.push(section.id);
  }
  for (const id of Object.keys(meta.sectionHashes)) if (!now.has(id)) sections.push(id);
  return { general: meta.generalHash !== generalContentHash(current.briefing), sections };
}
