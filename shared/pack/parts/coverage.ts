import { groupProgramme } from '../../browse/programme';
import { isEmptySection, type PartComposer } from '../compose-context';
import type { PackBlock, PackChapter } from '../model';
import { splitMarkdown } from '../split-markdown';

/** Who covers which session, what nobody covers, bilaterals, logistics, and a day sheet per member (short ones share pages). */
export const composeCoverage: PartComposer = (ctx) => {
  const { input, t, text, format, numbers } = ctx;
  const { briefing, meeting } = input;
  const members = briefing.members.filter((m) => m.name.trim() !== '');
  const blocks: PackBlock[] = [];
  if (members.length === 0) blocks.push(ctx.muted('coverage.none'));
  else {
    blocks.push(
      ctx.table(
        [
          ['col.member', 25],
          ['col.role', 20],
          ['col.sessions', 55],
        ],
        members.map((m) => ({ cells: [m.name, m.role, m.covers.map((id) => (ctx.itemById.get(id) ? text(ctx.itemById.get(id)!.title) : id)).join('; ')] })),
      ),
    );
    const covered = new Set(members.flatMap((m) => m.covers));
    const uncovered = ctx.sections.filter((s) => !covered.has(s.agendaItemId));
    if (uncovered.length > 0) {
      blocks.push(ctx.heading('coverage.uncovered'));
      // One line each, as a list: a reader scans it for their own sessions.
      for (const section of uncovered) blocks.push({ kind: 'text', text: `${ctx.itemNumber.get(section.agendaItemId)}. ${ctx.itemTitle(section)}` });
    }
  }
  const bilaterals = briefing.bilaterals.filter((b) => b.counterpart.trim() !== '');
  if (bilaterals.length > 0) blocks.push(ctx.heading('coverage.bilaterals', 2));
  for (const bilateral of bilaterals) {
    blocks.push({ kind: 'heading', level: 3, text: bilateral.counterpart });
    blocks.push(...ctx.markdown(bilateral.objectives));
    bilateral.talkingPoints.filter((p) => p.text.trim() !== '').forEach((p, i) => blocks.push({ kind: 'markdown', text: p.text, number: i + 1 }));
  }
  if (briefing.logistics.trim() !== '') {
    blocks.push(ctx.heading('coverage.logistics', 2));
    blocks.push(...ctx.markdown(briefing.logistics));
  }
  const chapters: PackChapter[] = [{ id: 'coverage', title: t('part.coverage'), level: 1, blocks }];
  members.forEach((member, m) => {
    const sheet: PackBlock[] = [{ kind: 'text', text: [member.role, format.country(briefing.delegation)].filter(Boolean).join(' · '), tone: 'muted' }];
    const covers = new Set(member.covers);
    const mine = input.agendaItems.filter((i) => covers.has(i.id));
    if (mine.length === 0) sheet.push(ctx.muted('daySheet.none'));
    for (const day of groupProgramme(meeting, mine)) {
      if (day.items.length === 0) continue;
      sheet.push({ kind: 'heading', level: 3, text: ctx.dayLabel(day.day) });
      for (const item of day.items) {
        const section = ctx.sectionByItem.get(item.id);
        const briefed = section && ctx.parts.has('briefs') ? { chapterId: isEmptySection(section) ? 'brief-empty' : `brief-${item.id}`, label: t('daySheet.seePage') } : undefined;
        sheet.push({ kind: 'text', text: text(item.title), tone: 'lead', cites: numbers.cite(item.sources), ...(briefed ? { pageRef: briefed } : {}) });
        // The gist: the first paragraph or point of the objectives (else the position).
        const gist = section ? splitMarkdown(section.objectives || section.position)[0] : undefined;
        if (gist) sheet.push({ kind: 'markdown', text: gist });
      }
    }
    // Day sheets after the first follow on the same page when there is room: a sheet is often a few lines.
    chapters.push({ id: `day-sheet-${member.id}`, title: t('daySheet.title', { name: member.name }), level: 2, ...(m > 0 ? { continuous: true } : {}), blocks: sheet });
  });
  return chapters;
};
