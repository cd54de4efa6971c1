import type { Assignment } from '../../../shared/assignments/assignment';
import type { ClearanceMeta } from '../../../shared/clearance/clearance-record';

/*
 * Query rows projected from every briefing's control document (renderer/features/clearance/
 * control-session.ts writes them, nothing else does): what "My sections", the pack page and
 * lists read without opening a Yjs document.
 */

/** `id` is `<briefing id>:<section id>`. */
export interface AssignmentRow extends Assignment {
  id: string;
  briefingId: string;
  sectionId: string;
}

/** The current clearance carries its document state; earlier ones (history) only their description. */
export interface ClearanceRow extends ClearanceMeta {
  briefingId: string;
  current: boolean;
  state?: Uint8Array;
}

export const assignmentRowId = (briefingId: string, sectionId: string) => `${briefingId}:${sectionId}`;
