import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { PaperOwner } from '../../../shared/papers/model';
import { LocalText } from '../../components/LocalText';
import { db } from '../../db/db';

/** What a paper is kept with, as a link: the meeting, the agenda item on its meeting page, or the briefing section. */
export function OwnerLink({ owner }: { owner: PaperOwner }) {
  const target = useLiveQuery(async () => {
    if (owner.kind === 'meeting') {
      const m = await db.meetings.get(owner.id);
      return m ? { href: `/meetings/${m.id}`, code: m.code, title: m.title } : null;
    }
    if (owner.kind === 'agendaItem') {
      const item = await db.agendaItems.get(owner.id);
      const m = item ? await db.meetings.get(item.meetingId) : undefined;
      return item ? { href: `/meetings/${item.meetingId}#item-${item.id}`, code: m?.code ?? '', title: item.title } : null;
    }
    const s = await db.sections.get(owner.id);
    return s ? { href: `/briefings/${s.briefingId}?item=${encodeURIComponent(s.agendaItemId)}`, code: '', title: s.agendaTitle } : null;
  }, [owner.kind, owner.id]);
  if (!target) return <span>{owner.id}</span>;
  return (
    <Link href={target.href}>
      {target.code && <span className="code">{target.code}</span>} {typeof target.title === 'string' ? target.title : <LocalText value={target.title} />}
    </Link>
  );
}
