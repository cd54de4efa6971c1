import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';

/** On a meeting's page: its briefings, and a way to start one. */
export function MeetingBriefings({ meetingId }: { meetingId: string }) {
  const t = useT();
  const briefings = useLiveQuery(() => db.briefings.where('meetingId').equals(meetingId).toArray(), [meetingId]);
  return (
    <section aria-labelledby="meeting-briefings" className="panel">
      <h2 id="meeting-briefings">{t('briefings.forMeeting')}</h2>
      {briefings && briefings.length > 0 && (
        <ul className="plain-list">
          {briefings.map((b) => (
            <li key={b.id}>
              <Link href={`/briefings/${b.id}`}>{b.title}</Link> <span className="muted">{t(`briefings.status.${b.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/briefings/new?meeting=${encodeURIComponent(meetingId)}`} className="button primary">
          {t('briefings.newForMeeting')}
        </Link>
      </p>
    </section>
  );
}

/** On a target's page: every briefing section that assesses it, and the latest assessment. */
export function TargetBriefings({ targetId }: { targetId: string }) {
  const t = useT();
  const data = useLiveQuery(async () => {
    const sections = await db.sections.where('targetIds').equals(targetId).toArray();
    const briefings = await db.briefings.bulkGet([...new Set(sections.map((s) => s.briefingId))]);
    const byId = new Map(briefings.filter((b) => b !== undefined).map((b) => [b.id, b]));
    const rows = sections
      .map((s) => ({ section: s, briefing: byId.get(s.briefingId), entry: s.targets.find((x) => x.targetId === targetId)! }))
      .filter((r) => r.briefing !== undefined);
    const latest = rows.filter((r) => r.entry.assessment && r.entry.assessedAt).sort((a, b) => b.entry.assessedAt!.localeCompare(a.entry.assessedAt!))[0];
    return { rows, latest };
  }, [targetId]);
  return (
    <section aria-labelledby="target-briefings" className="panel">
      <h2 id="target-briefings">{t('briefings.targetPage.heading')}</h2>
      {data?.latest && (
        <p className="latest-assessment">
          {t('briefings.targetPage.latest', {
            assessment: t(`briefings.assessment.${data.latest.entry.assessment!}`),
            title: data.latest.briefing!.title,
            date: data.latest.entry.assessedAt!.slice(0, 10),
          })}
        </p>
      )}
      {data && data.rows.length === 0 && <p className="muted">{t('briefings.targetPage.none')}</p>}
      <ul className="plain-list">
        {data?.rows.map(({ section, briefing, entry }) => (
          <li key={section.id}>
            <Link href={`/briefings/${briefing!.id}?item=${encodeURIComponent(section.agendaItemId)}`}>
              {briefing!.title} — {section.agendaTitle}
            </Link>{' '}
            <span className="muted">{entry.assessment ? t(`briefings.assessment.${entry.assessment}`) : t('briefings.target.notAssessed')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
