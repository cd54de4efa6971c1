import { buildPackGlossary, collectAcronymDefinitions } from '../acronym-glossary';
import { blockTexts, type PartComposer } from '../compose-context';

/**
 * Every acronym printed in the pack (cover, running headers, every part, the sources), expanded
 * from the dataset, else from the shipped list of common international acronyms. Composed last:
 * it reads what the other parts print, and cites nothing.
 */
export const composeGlossary: PartComposer = (ctx, composed) => {
  const { input } = ctx;
  const texts = [...Object.values(ctx.cover), ...composed.flatMap((c) => [c.title, c.running ?? '', ...c.blocks.flatMap(blockTexts)])];
  const definitions = collectAcronymDefinitions([input.meeting, input.previousMeeting, ...input.agendaItems, ...input.targets, ...input.frameworks]);
  const entries = buildPackGlossary(texts, input.bodies, ctx.options.language, { definitions });
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
