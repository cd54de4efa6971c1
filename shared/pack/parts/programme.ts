import { groupProgramme } from '../../browse/programme';
import type { PartComposer } from '../compose-context';
import { fieldCertainty, packCertainty, recordCertainty, withCertainty } from '../certainty';
import type { PackBlock } from '../model';

/** The programme day by day, each day's agenda items with the bodies concerned. */
export const composeProgramme: PartComposer = (ctx) => {
  const { input, text, numbers } = ctx;
  const blocks: PackBlock[] = [];
  const { certainty } = input.meeting;
  // A note on the whole list of days (ASOEN-36's are dated by assumption) goes before the first day.
  // An item a base's removal left referring to nothing is printed with a warning, not hidden.
  const sessionText = (item: (typeof input.agendaItems)[number]) => {
    const missing = input.flaggedItems?.get(item.id);
    return missing ? `${text(item.title)} (${ctx.t('programme.flagged', { ids: missing.join(', ') })})` : text(item.title);
  };
  const allDays = withCertainty(packCertainty(ctx, [certainty?.fields?.days]));
  if (allDays.certainty) blocks.push({ kind: 'text', text: ctx.t('certainty.days'), tone: 'muted', ...allDays });
  for (const day of groupProgramme(input.meeting, input.agendaItems)) {
    const index = day.day === undefined ? -1 : input.meeting.days.findIndex((d) => d.day === day.day);
    blocks.push({ kind: 'heading', level: 3, text: ctx.dayLabel(day.day), ...(index >= 0 ? fieldCertainty(ctx, certainty, [`days.${index}`]) : {}) });
    const label = input.meeting.days.find((d) => d.day === day.day)?.label;
    if (label) blocks.push({ kind: 'text', text: text(label), tone: 'muted' });
    blocks.push(
      ctx.tableOr(
        'programme.empty',
        [
          ['col.session', 70],
          ['col.body', 30],
        ],
        day.items.map((item) => ({ cells: [sessionText(item), ctx.acronyms(item.bodyIds)], cites: numbers.cite(item.sources), ...recordCertainty(ctx, item.certainty) })),
      ),
    );
  }
  return [{ id: 'programme', title: ctx.t('part.programme'), level: 1, blocks }];
};
