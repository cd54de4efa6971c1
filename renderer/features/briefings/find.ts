import { SECTION_TEXT_FIELDS, type Section } from '../../../shared/briefing/model';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Whether a section's title or any of its text contains the words searched for (all of them). */
export function sectionMatches(section: Section, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = fold(
    [
      section.agendaTitle,
      ...SECTION_TEXT_FIELDS.map((f) => section[f]),
      ...section.talkingPoints.map((p) => p.text),
      ...section.followUps.map((f) => `${f.what} ${f.owner}`),
      ...section.targets.map((t) => t.evidence),
    ].join('\n'),
  );
  return words.every((w) => text.includes(w));
}
