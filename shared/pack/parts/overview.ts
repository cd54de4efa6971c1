import type { Meeting } from '../../model';
import type { PartComposer } from '../compose-context';
import { fieldCertainty, recordCertainty } from '../certainty';
import type { PackBlock } from '../model';

/** The meeting overview: the meeting, its bodies, chair, host, participants, the previous meeting and the brief's key messages. */
export const composeOverview: PartComposer = (ctx) => {
  const { input, t, format, text, numbers, bodyById, bodyLine } = ctx;
  const { meeting, briefing } = input;
  const chair = (c: Meeting['chair']) => (c ? [c.person, c.country ? format.country(c.country) : undefined, c.title ? text(c.title) : undefined].filter(Boolean).join(', ') : '');
  const participants = (p: Meeting['participants']) => (p ? [p.countries.map(format.country).join(', '), p.organisations.join(', '), text(p.note)].filter(Boolean).join('. ') : '');
  const cites = numbers.cite(meeting.sources);
  // The title carries the meeting's sources, so they are numbered where they are first printed.
  const blocks: PackBlock[] = [{ kind: 'heading', level: 2, text: text(meeting.title), cites, ...recordCertainty(ctx, meeting.certainty) }];
  const sure = (...paths: string[]) => fieldCertainty(ctx, meeting.certainty, paths);
  if (meeting.otherTitles && meeting.otherTitles.length > 0) {
    blocks.push({ kind: 'field', label: t('overview.otherTitles'), value: meeting.otherTitles.map((o) => `${format.language(o.lang)}: ${o.text}`).join('; '), ...sure('otherTitles') });
  }
  for (const id of meeting.bodyIds) {
    const body = bodyById.get(id);
    if (!body) continue;
    const bodyCites = numbers.cite(body.sources);
    blocks.push({ kind: 'field', label: t('overview.body'), value: bodyLine(id), cites: bodyCites, ...recordCertainty(ctx, body.certainty) });
    if (body.reportsTo.length > 0) blocks.push({ kind: 'field', label: t('overview.reportsTo'), value: body.reportsTo.map(bodyLine).join('; '), cites: bodyCites, ...fieldCertainty(ctx, body.certainty, ['reportsTo']) });
  }
  blocks.push({ kind: 'field', label: t('cover.dates'), value: ctx.cover.dates, cites, ...sure('startDate', 'endDate') });
  if (ctx.cover.venue) blocks.push({ kind: 'field', label: t('cover.venue'), value: ctx.cover.venue, cites, ...sure('venue') });
  const chairs = [meeting.chair, ...meeting.coChairs].filter((c) => c !== undefined).map(chair).filter(Boolean);
  if (chairs.length > 0) blocks.push({ kind: 'field', label: t('overview.chair'), value: chairs.join('; '), cites, ...sure('chair', 'coChairs') });
  if (meeting.host) blocks.push({ kind: 'field', label: t('overview.host'), value: [format.country(meeting.host.country), text(meeting.host.agency)].filter(Boolean).join(' — '), cites, ...sure('host') });
  if (meeting.participants) blocks.push({ kind: 'field', label: t('overview.participants'), value: participants(meeting.participants), cites, ...sure('participants') });
  if (meeting.observers) blocks.push({ kind: 'field', label: t('overview.observers'), value: participants(meeting.observers), cites, ...sure('observers') });
  if (meeting.description) blocks.push({ kind: 'field', label: t('overview.description'), value: text(meeting.description), cites, ...sure('description') });
  const previous = input.previousMeeting;
  if (previous) {
    blocks.push(ctx.heading('overview.previous'));
    const prevCites = numbers.cite(previous.sources);
    blocks.push({ kind: 'text', text: `${previous.code} — ${text(previous.title)}, ${format.dateRange(previous.startDate, previous.endDate)}`, cites: prevCites, ...recordCertainty(ctx, previous.certainty) });
    if (previous.description) blocks.push({ kind: 'field', label: t('overview.previousOutcomes'), value: text(previous.description), cites: prevCites });
  }
  if (briefing.keyMessages.trim() !== '') {
    blocks.push(ctx.heading('overview.keyMessages'));
    blocks.push(...ctx.markdown(briefing.keyMessages));
  }
  return [{ id: 'overview', title: t('part.overview'), level: 1, blocks }];
};
