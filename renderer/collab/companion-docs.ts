/*
 * A briefing's companion Yjs documents, kept in ydocUpdates beside its content document: its
 * comments (renderer/collab/comments-workspace.ts) and its control document, assignments and
 * clearances (renderer/features/clearance/control-session.ts). Backups, restore and deletion go
 * through this list, so a new companion is not forgotten by any of them.
 */
export const COMPANION_PARTS = ['comments', 'control'] as const;
export type CompanionPart = (typeof COMPANION_PARTS)[number];

export const companionDocId = (part: CompanionPart, briefingId: string) => `${part}:${briefingId}`;
