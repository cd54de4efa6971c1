import type { Briefing, Section } from '../briefing/model';
import { generalCanonical, sectionCanonical } from './canonical-content';
import { diffWords, type DiffPart } from '../papers/diff';

/*
 * "Changed since cleared", per section and per field: the cleared briefing against the current
 * one. A field is a piece of text the delegate wrote (a position, one talking point, one
 * follow-up); list elements are matched by their id, so a talking point moved is not a change
 * of every point after it. The interface translates the field names; this says which field.
 * The word diff is the papers' one (shared/papers/diff.ts: Myers over words, short common
 * stretches folded into the change), so a paper and a brief compare alike.
 */

export type FieldRef =
  | { kind: 'text'; field: 'objectives' | 'position' | 'redLines' | 'fallback' | 'background' | 'privateNotes' | 'agendaTitle' }
  | { kind: 'talkingPoint'; number: number }
  | { kind: 'followUp'; number: number }
  | { kind: 'target'; targetId: string }
  | { kind: 'general'; field: 'title' | 'author' | 'classification' | 'keyMessages' | 'logistics' | 'bilaterals' | 'members' | 'contacts' };

export interface FieldChange {
  ref: FieldRef;
  change: 'added' | 'removed' | 'changed';
  parts: DiffPart[];
}

export interface SectionChange {
  sectionId: string;
  agendaItemId: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

interface Entry {
  key: string;
  ref: FieldRef;
  text: string;
}

const SECTION_TEXTS = ['agendaTitle', 'objectives', 'position', 'redLines', 'fallback', 'background', 'privateNotes'] as const;

/** A section as keyed pieces of text, in reading order. */
export function sectionEntries(section: Section): Entry[] {
  const entries: Entry[] = SECTION_TEXTS.map((field) => ({ key: field, ref: { kind: 'text', field }, text: section[field] ?? '' }));
  section.talkingPoints.forEach((tp, i) => entries.push({ key: `tp:${tp.id}`, ref: { kind: 'talkingPoint', number: i + 1 }, text: tp.text }));
  for (const target of section.targets) entries.push({ key: `target:${target.targetId}`, ref: { kind: 'target', targetId: target.targetId }, text: [target.assessment ?? '', target.evidence].filter(Boolean).join(' — ') });
  section.followUps.forEach((f, i) => entries.push({ key: `fu:${f.id}`, ref: { kind: 'followUp', number: i + 1 }, text: [f.what, f.owner, f.due ?? ''].filter(Boolean).join(' — ') }));
  return entries;
}

function generalEntries(briefing: Briefing): Entry[] {
  const lines = <T>(list: readonly T[], line: (x: T) => string) => list.map(line).join('\n');
  const texts: [Extract<FieldRef, { kind: 'general' }>['field'], string][] = [
    ['title', briefing.title],
    ['author', briefing.author],
    ['classification', briefing.classification],
    ['keyMessages', briefing.keyMessages],
    ['bilaterals', lines(briefing.bilaterals, (b) => [b.counterpart, b.objectives, ...b.talkingPoints.map((tp) => tp.text)].filter(Boolean).join(' — '))],
    ['members', lines(briefing.members, (m) => [m.name, m.role].filter(Boolean).join(' — '))],
    ['contacts', lines(briefing.contacts, (c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(' — '))],
    ['logistics', briefing.logistics],
  ];
  return texts.map(([field, text]) => ({ key: field, ref: { kind: 'general', field }, text }));
}

/**
 * Word diff of two field values. The papers' diff keeps each word with the space after it, so
 * a field's last word ("drafted.") and the same word followed by more ("drafted. And…") would
 * differ; both ends get a line break (compared as a space) that is taken off again after.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const parts = diffWords(`${before}\n`, `${after}\n`);
  const last = parts.at(-1);
  if (last) {
    const trimmed = { ...last, text: last.text.replace(/\n$/, '') };
    if (last.after !== undefined) trimmed.after = last.after.replace(/\n$/, '');
    parts[parts.length - 1] = trimmed;
  }
  return parts.filter((p) => p.text !== '' || (p.after ?? '') !== '');
}

/** The fields that differ between two lists of entries: matched by key, in the current order, removed ones after. */
export function diffEntries(before: readonly Entry[], after: readonly Entry[]): FieldChange[] {
  const old = new Map(before.map((e) => [e.key, e]));
  const seen = new Set<string>();
  const out: FieldChange[] = [];
  for (const entry of after) {
    seen.add(entry.key);
    const was = old.get(entry.key);
    if (!was) {
      if (entry.text) out.push({ ref: entry.ref, change: 'added', parts: [{ op: 'insert', text: entry.text }] });
    } else if (was.text !== entry.text) out.push({ ref: entry.ref, change: 'changed', parts: diffText(was.text, entry.text) });
  }
  for (const entry of before) {
    if (!seen.has(entry.key) && entry.text) out.push({ ref: entry.ref, change: 'removed', parts: [{ op: 'delete', text: entry.text }] });
  }
  return out;
}

/** One section's differences (undefined when it has not changed). Canonical texts first: an unchanged section costs no diff. */
export function diffSection(cleared: Section | undefined, current: Section | undefined): SectionChange | undefined {
  const any = current ?? cleared;
  if (!any) return undefined;
  if (cleared && current && sectionCanonical(cleared) === sectionCanonical(current)) return undefined;
  const fields = diffEntries(cleared ? sectionEntries(cleared) : [], current ? sectionEntries(current) : []);
  const change = !cleared ? 'added' : !current ? 'removed' : 'changed';
  // Only the order changed (a section moved): nothing to show word by word, still a change.
  return { sectionId: any.id, agendaItemId: any.agendaItemId, title: any.agendaTitle, change, fields };
}

export interface BriefingChanges {
  general: FieldChange[];
  sections: SectionChange[];
}

/** Every difference between the cleared briefing and the current one, sections in the current order then removed ones. */
export function diffBriefing(cleared: { briefing: Briefing; sections: readonly Section[] }, current: { briefing: Briefing; sections: readonly Section[] }): BriefingChanges {
  const general = generalCanonical(cleared.briefing) === generalCanonical(current.briefing) ? [] : diffEntries(generalEntries(cleared.briefing), generalEntries(current.briefing));
  const before = new Map(cleared.sections.map((s) => [s.id, s]));
  const sections: SectionChange[] = [];
  const ordered = [...current.sections].sort((a, b) => a.order - b.order);
  for (const section of ordered) {
    const change = diffSection(before.get(section.id), section);
    if (change) sections.push(change);
  }
  const now = new Set(current.sections.map((s) => s.id));
  for (const section of cleared.sections) {
    if (now.has(section.id)) continue;
    const change = diffSection(section, undefined);
    if (change) sections.push(change);
  }
  return { general, sections };
}
