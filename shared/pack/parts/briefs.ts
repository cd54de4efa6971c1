import type { Section } from '../../briefing/model';
import { printedBackground } from '../background';
import { isEmptySection, type PackContext, type PartComposer } from '../compose-context';
import type { PackLabel } from '../labels';
import { fieldNotes, packCertainty, recordCertainty, withCertainty } from '../certainty';
import type { PackBlock, PackChapter, PackRow } from '../model';

/*
 * One brief per agenda item the delegation wrote something for, numbered in programme order
 * ("Brief 3"); the items with nothing written share one compact list instead of a page each.
 */

function when(ctx: PackContext, section: Section): string {
  const item = ctx.itemById.get(section.agendaItemId);
  return item ? [ctx.dayLabel(item.day), item.bodyIds.length > 0 ? ctx.acronyms(item.bodyIds) : ''].filter(Boolean).join(' · ') : ctx.t('brief.detached');
}

function briefChapter(ctx: PackContext, section: Section, number: number): PackChapter {
  const { t, text, numbers } = ctx;
  const item = ctx.itemById.get(section.agendaItemId);
  const blocks: PackBlock[] = [];
  const itemCites = item ? numbers.cite(item.sources) : [];
  if (item) blocks.push({ kind: 'text', text: when(ctx, section), tone: 'muted', cites: itemCites, ...withCertainty(packCertainty(ctx, [item.certainty?.record, ...fieldNotes(item.certainty, ['title', 'day', 'bodyIds'])])) });
  else blocks.push(ctx.muted('brief.detached'));
  const field = (label: PackLabel, value: string, tone?: 'private' | 'restricted', cites?: number[]) => {
    if (value.trim() === '') return;
    blocks.push(ctx.heading(label));
    blocks.push(...ctx.markdown(value, { ...(tone ? { tone } : {}), ...(cites ? { cites } : {}) }));
  };
  field('brief.objectives', section.objectives);
  field('brief.position', section.position);
  // Empty in a shareable pack: the profile was applied to the sections (applyProfile).
  field('brief.redLines', section.redLines, 'restricted');
  field('brief.fallback', section.fallback, 'restricted');
  const points = section.talkingPoints.filter((p) => p.text.trim() !== '');
  if (points.length > 0) {
    blocks.push(ctx.heading('brief.talkingPoints'));
    points.forEach((p, i) => blocks.push({ kind: 'markdown', text: p.text, number: i + 1 }));
  }
  if (section.background.trim() !== '') {
    // The pre-filled bullets' sources are cited once, after the background.
    const background = printedBackground(section.background, ctx.input.sources, { cite: numbers.printed, country: ctx.format.country, title: (s) => s.title.en ?? '' });
    // A source is cited once in a brief: those already on its first line are not repeated.
    const cites = numbers.cite(background.sourceIds.map((sourceId) => ({ sourceId }))).filter((n) => !itemCites.includes(n));
    field('brief.background', background.text, undefined, cites);
  }
  const assessed = section.targets.filter((a) => ctx.targetById.has(a.targetId));
  if (assessed.length > 0) {
    blocks.push(
      ctx.heading('brief.targets'),
      ctx.table(
        [
          ['col.code', 9],
          ['col.target', 35],
          ['col.framework', 18],
          ['col.assessment', 14],
          ['col.evidence', 24, 'markdown'],
        ],
        assessed.map((a): PackRow => {
          const target = ctx.targetById.get(a.targetId)!;
          const framework = ctx.frameworkById.get(target.frameworkId);
          return { cells: [target.code, text(target.text), framework ? text(framework.title) : target.frameworkId, t(`assessment.${a.assessment ?? 'none'}`), a.evidence], cites: numbers.cite(target.sources), ...recordCertainty(ctx, target.certainty) };
        }),
      ),
    );
  }
  const followUps = section.followUps.filter((f) => f.what.trim() !== '');
  if (followUps.length > 0) {
    blocks.push(
      ctx.heading('brief.followUps'),
      ctx.table(
        [
          ['col.what', 60, 'markdown'],
          ['col.owner', 22],
          ['col.due', 18],
        ],
        followUps.map((f) => ({ cells: [f.what, f.owner, f.due ? ctx.format.date(f.due) : ''] })),
      ),
    );
  }
  if (section.privateNotes.trim() !== '') {
    blocks.push(ctx.heading('brief.privateNotes'));
    blocks.push(ctx.muted('brief.privateMarker'));
    blocks.push(...ctx.markdown(section.privateNotes, { tone: 'private' }));
  }
  const title = ctx.itemTitle(section);
  return { id: `brief-${section.agendaItemId}`, title: t('brief.title', { number, title }), level: 2, blocks };
}

export const composeBriefs: PartComposer = (ctx) => {
  const chapters: PackChapter[] = [];
  for (const section of ctx.sections) if (!isEmptySection(section)) chapters.push(briefChapter(ctx, section, ctx.itemNumber.get(section.agendaItemId)!));
  // After the briefs, so that sources are numbered in the order the pages print them.
  const empty = ctx.sections.filter(isEmptySection).map((section): PackRow => {
    const item = ctx.itemById.get(section.agendaItemId);
    return { cells: [String(ctx.itemNumber.get(section.agendaItemId)), ctx.itemTitle(section), when(ctx, section)], cites: item ? ctx.numbers.cite(item.sources) : [], ...(item ? recordCertainty(ctx, item.certainty) : {}) };
  });
  if (empty.length > 0) {
    chapters.push({
      id: 'brief-empty',
      title: ctx.t('brief.empty'),
      level: 2,
      blocks: [
        { kind: 'text', text: ctx.t('brief.emptyNote'), tone: 'muted' },
        ctx.table(
          [
            ['col.number', 7],
            ['col.item', 63],
            ['col.when', 30],
          ],
          empty,
        ),
      ],
    });
  }
  if (chapters[0]) chapters[0] = { ...chapters[0], group: ctx.t('part.briefs') };
  return chapters;
};
