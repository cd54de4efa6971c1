import { withCertaintyLegend } from './certainty';
import { createContext, type PackInput, type PartComposer } from './compose-context';
import type { PackFormat } from './labels';
import type { PackChapter, PackDocument, PackOptions, PackPart } from './model';
import { composeAnnex } from './parts/annex';
import { composeBriefs } from './parts/briefs';
import { composeCoverage } from './parts/coverage';
import { composeGlossary } from './parts/glossary';
import { composeOverview } from './parts/overview';
import { composeProgramme } from './parts/programme';
import { composeSources, packSources } from './parts/sources';
import { composeTargets } from './parts/targets';

/*
 * Builds the pack document from a briefing and the dataset. Pure: everything it needs comes in
 * (records, options, the labels and formatters of the chosen language) and the same input
 * always gives the same pack. The profile is applied once, when the shared context is made
 * (applyProfile in compose-context.ts): a shareable pack never receives private notes, red
 * lines or fallback wording, so no later step can print them.
 *
 * Each part has a composer; they run in the order of this table, which is the order of the
 * pages except where a part reads what others print: the sources are listed once every part
 * that cites has run, and the glossary reads everything printed (the sources' titles too).
 * A new part (an annex of meeting papers, say) is one more row.
 */

export { applyProfile, blockTexts, type PackInput } from './compose-context';
export { bodiesConcerned } from './parts/annex';
export { PACK_LABELS, type PackFormat, type PackLabel } from './labels';

interface PartRow {
  part: PackPart;
  compose: PartComposer;
}

const PARTS: readonly PartRow[] = [
  { part: 'overview', compose: composeOverview },
  { part: 'programme', compose: composeProgramme },
  { part: 'briefs', compose: composeBriefs },
  { part: 'targets', compose: composeTargets },
  { part: 'coverage', compose: composeCoverage },
  { part: 'annex', compose: composeAnnex },
  { part: 'sources', compose: composeSources },
  { part: 'glossary', compose: composeGlossary },
];

/** The order parts are printed in (the glossary before the sources it was composed after). */
const PRINT_ORDER: readonly PackPart[] = ['overview', 'programme', 'briefs', 'targets', 'coverage', 'annex', 'glossary', 'sources'];

export function composePack(input: PackInput, options: PackOptions, format: PackFormat): PackDocument {
  const ctx = createContext(input, options, format);
  const byPart = new Map<PackPart, PackChapter[]>();
  const composed: PackChapter[] = [];
  for (const { part, compose } of PARTS) {
    if (!ctx.parts.has(part)) continue;
    const chapters = compose(ctx, composed);
    byPart.set(part, chapters);
    composed.push(...chapters);
  }
  return {
    paper: options.paper,
    language: options.language,
    profile: options.profile,
    meetingCode: input.meeting.code,
    marking: input.briefing.classification,
    // A brief with a clearance: only its cleared version prints without the watermark.
    draft: options.clearance ? options.clearance.printed !== 'cleared' : input.briefing.status !== 'cleared',
    cover: ctx.cover,
    chapters: withCertaintyLegend(ctx, PRINT_ORDER.flatMap((part) => byPart.get(part) ?? [])),
    sources: packSources(ctx),
    ...(options.papers?.length ? { papers: { group: format.t('papers.group'), entries: options.papers.map(({ id, title }) => ({ id, title })) } } : {}),
  };
}
