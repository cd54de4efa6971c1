import type { Section } from '../briefing/model';
import { sectionContentHash } from '../clearance/canonical-content';

/*
 * "My sections": every agenda-item section assigned to me, across briefings, with where it
 * stands. Pure: the page reads the rows and hands them in.
 */

export type DraftState = 'empty' | 'drafted';
export type ClearanceState = 'not-cleared' | 'cleared' | 'changed';

export interface MySectionRow {
  briefingId: string;
  sectionId: string;
  agendaItemId: string;
  title: string;
  draft: DraftState;
  clearance: ClearanceState;
}

/** A section nobody has written in yet (the agenda title and the pre-filled background do not count). */
export function draftState(section: Section): DraftState {
  const written = [section.objectives, section.position, section.redLines, section.fallback, section.privateNotes].some((t) => t.trim() !== '');
  const points = section.talkingPoints.some((tp) => tp.text.trim() !== '');
  const follow = section.followUps.some((f) => f.what.trim() !== '');
  const assessed = section.targets.some((x) => x.assessment !== undefined || x.evidence.trim() !== '');
  return written || points || follow || assessed ? 'drafted' : 'empty';
}

/** Against the briefing's current clearance (its per-section hashes), if it has one. */
export function clearanceState(section: Section, sectionHashes: Readonly<Record<string, string>> | undefined): ClearanceState {
  if (!sectionHashes) return 'not-cleared';
  const cleared = sectionHashes[section.id];
  if (!cleared) return 'changed'; // added since the clearance
  return cleared === sectionContentHash(section) ? 'cleared' : 'changed';
}

export function mySectionRow(section: Section, sectionHashes: Readonly<Record<string, string>> | undefined): MySectionRow {
  return {
    briefingId: section.briefingId,
    sectionId: section.id,
    agendaItemId: section.agendaItemId,
    title: section.agendaTitle,
    draft: draftState(section),
    clearance: clearanceState(section, sectionHashes),
  };
}
