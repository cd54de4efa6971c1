import { buildPackGlossary, collectAcronymDefinitions, type PackGlossaryEntry } from '../acronym-glossary';
import { commonAcronymDefinitions } from '../acronyms/common-acronyms';
import { blockTexts, type PartComposer } from '../compose-context';

/**
 * Every acronym printed in the pack (cover, running headers, every part, the sources), expanded
 * from the dataset, else from the shipped list of common international acronyms. Composed last:
 * it reads what the other parts print, and cites nothing.
 */
export const composeGlossary: PartComposer = (ctx, composed) => {
  const { input } = ctx;
  const texts = [...Object.values(ctx.cover), ...composed.flatMap((c) => [c.title, c.running ?? '', ...c.blocks.flatMap(blockTexts)])];
  // The dataset's own definitions first: the shipped list only fills in what the dataset does not define.
  const definitions = [...collectAcronymDefinitions([input.meeting, input.previousMeeting, ...input.agendaItems, ...input.targets, ...input.frameworks]), ...commonAcronymDefinitions()];
  // A body found by its acronym or an alias is one entry, under its acronym, with its aliases (AWGMRPE, formerly AWGCW).
  const seenBodies = new Set<string>();
  const entries: PackGlossaryEntry[] = [];
  for (const entry of buildPackGlossary(texts, input.bodies, ctx.options.language, { definitions })) {
    const body = entry.bodyId ? ctx.bodyById.get(entry.bodyId) : undefined;
    if (!body) entries.push(entry);
    else if (!seenBodies.has(body.id)) {
      seenBodies.add(body.id);
      entries.push({ ...entry, acronym: body.aliases.length > 0 ? ctx.t('glossary.formerly', { acronym: body.acronym, aliases: body.aliases.join(', ') }) : body.acronym });
    }
  }
  entries.sort((a, b) => a.acronym.localeCompare(b.acronym, 'en'));
  return [
    {
      id: 'glossary',
      title: ctx.t('part.glossary'),
      level: 1,
      blocks: [
        ctx.tableOr(
          'glossary.none',
          [
            ['col.term', 22],
            ['col.expansion', 78],
          ],
          entries.map((e) => ({ cells: [e.acronym, e.original ? `${e.expansion} (${ctx.format.language(e.lang)})` : e.expansion] })),
        ),
      ],
    },
  ];
};
