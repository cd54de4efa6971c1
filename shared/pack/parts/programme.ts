import { groupProgramme } from '../../browse/programme';
import type { PartComposer } from '../compose-context';
import type { PackBlock } from '../model';

/** The programme day by day, each day's agenda items with the bodies concerned. */
export const composeProgramme: PartComposer = (ctx) => {
  const { input, text, numbers } = ctx;
  const blocks: PackBlock[] = [];
  for (const day of groupProgramme(input.meeting, input.agendaItems)) {
    blocks.push({ kind: 'heading', level: 3, text: ctx.dayLabel(day.day) });
    const label = input.meeting.days.find((d) => d.day === day.day)?.label;
    if (label) blocks.push({ kind: 'text', text: text(label), tone: 'muted' });
    blocks.push(
      ctx.tableOr(
        'programme.empty',
        [
          ['col.session', 70],
          ['col.body', 30],
        ],
        day.items.map((item) => ({ cells: [text(item.title), ctx.acronyms(item.bodyIds)], cites: numbers.cite(item.sources) })),
      ),
    );
  }
  return [{ id: 'programme', title: ctx.t('part.programme'), level: 1, blocks }];
};
