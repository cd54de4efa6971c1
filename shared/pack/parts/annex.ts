import type { AgendaItem, Body, Contact, Meeting } from '../../model';
import type { PackContext, PartComposer } from '../compose-context';
import { fieldCertainty, recordCertainty } from '../certainty';
import type { PackBlock } from '../model';
import { orgChartBodyIds } from '../org-chart';

/** Bodies concerned by the meeting: its own, those of its agenda items, and every body they report to. */
export function bodiesConcerned(meeting: Meeting, items: readonly AgendaItem[], bodies: readonly Body[]): { all: string[]; focus: string[] } {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const focus = [...new Set([...meeting.bodyIds, ...items.flatMap((i) => i.bodyIds)])].filter((id) => byId.has(id));
  const all = new Set<string>();
  const stack = [...focus];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (all.has(id)) continue;
    all.add(id);
    for (const parent of byId.get(id)?.reportsTo ?? []) if (byId.has(parent)) stack.push(parent);
  }
  return { all: [...all].sort(), focus };
}

/** The org chart of the bodies concerned and their list, the brief's contacts, the delegation's focal points. */
export const composeAnnex: PartComposer = (ctx) => {
  const { input, t, text, numbers, bodyById } = ctx;
  const { briefing, meeting } = input;
  const concerned = bodiesConcerned(meeting, input.agendaItems, input.bodies);
  // Every body the chart draws (with the subsidiaries) is listed, so its acronym reaches the glossary.
  const drawn = orgChartBodyIds(input.bodies, concerned.focus);
  const blocks: PackBlock[] = [ctx.heading('annex.orgChart'), { kind: 'org-chart', bodyIds: drawn, focusIds: concerned.focus }];
  blocks.push({ kind: 'text', text: ctx.acronyms(drawn), tone: 'muted', cites: numbers.cite(drawn.flatMap((id) => bodyById.get(id)!.sources)) });
  blocks.push(ctx.heading('annex.contacts'));
  blocks.push(
    ctx.tableOr(
      'annex.noContacts',
      [
        ['col.name', 28],
        ['col.role', 24],
        ['col.phone', 18],
        ['col.email', 30],
      ],
      briefing.contacts.filter((c) => c.name.trim() !== '').map((c) => ({ cells: [c.name, c.role, c.phone, c.email] })),
    ),
  );
  const published = datasetContacts(input.contacts ?? [], briefing.delegation, meeting.id, new Set(concerned.all));
  if (published.length > 0) {
    blocks.push(
      ctx.heading('annex.datasetContacts'),
      ctx.table(
        [
          ['col.name', 24],
          ['col.role', 28],
          ['col.phone', 18],
          ['col.email', 30],
        ],
        published.map((c) => ({
          cells: [c.name, contactRoles(ctx, c, meeting.id, new Set(concerned.all)), c.phone ?? '', c.email ?? ''],
          cites: numbers.cite(c.sources),
          ...recordCertainty(ctx, c.certainty),
        })),
      ),
    );
  }
  const focal = concerned.all.flatMap((id) => {
    const body = bodyById.get(id)!;
    return body.focalPoints.filter((f) => f.country === briefing.delegation).map((f) => ({ cells: [body.acronym, ctx.format.country(f.country), text(f.agency)], cites: numbers.cite(body.sources), ...fieldCertainty(ctx, body.certainty, ['focalPoints']) }));
  });
  if (focal.length > 0) {
    blocks.push(
      ctx.heading('annex.focalPoints'),
      ctx.table(
        [
          ['col.body', 18],
          ['col.country', 22],
          ['col.agency', 60],
        ],
        focal,
      ),
    );
  }
  return [{ id: 'annex', title: t('part.annex'), level: 1, blocks }];
};

/**
 * The datasets' contacts a delegation's pack lists: people of the briefing's delegation with a
 * role at this meeting or for one of the bodies concerned, or working for one of those bodies;
 * the meeting's own roles first, then by name.
 */
export function datasetContacts(contacts: readonly Contact[], delegation: string, meetingId: string, bodies: ReadonlySet<string>): Contact[] {
  const atMeeting = (c: Contact) => c.roles.some((r) => r.meetingId === meetingId);
  const concerns = (c: Contact) => atMeeting(c) || c.roles.some((r) => r.bodyId !== undefined && bodies.has(r.bodyId)) || (c.organisation.bodyId !== undefined && bodies.has(c.organisation.bodyId));
  return contacts
    .filter((c) => c.country === delegation && concerns(c))
    .sort((a, b) => Number(atMeeting(b)) - Number(atMeeting(a)) || a.name.localeCompare(b.name));
}

/** "Head of delegation, ASOEN-36; Focal point, ASOEN": the contact's roles that concern this pack. */
function contactRoles(ctx: PackContext, contact: Contact, meetingId: string, bodies: ReadonlySet<string>): string {
  return contact.roles
    .filter((r) => r.meetingId === meetingId || (r.bodyId !== undefined && bodies.has(r.bodyId)))
    .map((r) => {
      const place = r.meetingId === meetingId ? ctx.input.meeting.code : (ctx.bodyById.get(r.bodyId!)?.acronym ?? r.bodyId!);
      return ctx.t('contactRole.at', { role: ctx.t(`contactRole.${r.role}`), place });
    })
    .join('; ');
}
