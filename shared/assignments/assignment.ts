import type * as Y from 'yjs';
import { z } from 'zod';
import { CONTROL_ROOTS } from '../clearance/control-doc';

/*
 * Who drafts which agenda-item section: set by the lead, kept in the briefing's control document
 * (see shared/clearance/control-doc.ts), so every member sees it and only the lead can change it
 * (the relay refuses anybody else's write to that document).
 *
 * `memberId` is the member's id on the relay for a shared briefing; `LOCAL_MEMBER` is the person
 * at this computer for a briefing that is not shared (the lead's own assignments keep meaning
 * the lead once it is); `delegate:<id>` a delegation member of the briefing's general section who
 * is not on the relay.
 */

export const LOCAL_MEMBER = 'local';
export const delegateMember = (delegationMemberId: string) => `delegate:${delegationMemberId}`;

export const Assignment = z
  .object({
    memberId: z.string().min(1).max(200),
    name: z.string().max(300),
    /** Who assigned it, and when. */
    by: z.string().max(300),
    at: z.string().datetime({ offset: true }),
  })
  .strict();
export type Assignment = z.infer<typeof Assignment>;

export const assignmentsRoot = (doc: Y.Doc) => doc.getMap<unknown>(CONTROL_ROOTS.assignments);

/** Every valid assignment, by section id. */
export function readAssignments(doc: Y.Doc): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  for (const [sectionId, value] of assignmentsRoot(doc).entries()) {
    const parsed = Assignment.safeParse(value);
    if (parsed.success) out.set(sectionId, parsed.data);
  }
  return out;
}

/** Assigns a section (or unassigns it with `undefined`). Call inside a transaction. */
export function assignSection(doc: Y.Doc, sectionId: string, assignment: Assignment | undefined): void {
  const root = assignmentsRoot(doc);
  if (assignment) root.set(sectionId, Assignment.parse(assignment));
  else root.delete(sectionId);
}
