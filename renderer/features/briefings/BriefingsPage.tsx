import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { Page } from '../../components/Page';
import { db } from '../../db/db';
import { countryName, formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { ImportBriefing } from './ImportBriefing';
import { JoinBriefing } from '../sharing/JoinBriefing';
import { MarkingsSettings } from './MarkingsSettings';

/** Every briefing with its status, meeting and last change, most recently changed first. */
export function BriefingsPage() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const rows = useLiveQuery(async () => {
    const briefings = await db.briefings.orderBy('updatedAt').reverse().toArray();
    const meetings = await db.meetings.bulkGet([...new Set(briefings.map((b) => b.meetingId))]);
    const byId = new Map(meetings.filter((m) => m !== undefined).map((m) => [m.id, m]));
    return briefings.map((b) => ({ briefing: b, meeting: byId.get(b.meetingId) }));
  }, []);
  const time = (iso: string) => formatDateTime(iso, language);
  return (
    <Page
      title={t('briefings.title')}
      actions={
        <>
          <Link href="/my-sections" className="button">
            {t('mySections.link')}
          </Link>
          <Link href="/briefings/new" className="button primary">
            {t('briefings.new')}
          </Link>
        </>
      }
    >
      {rows && rows.length === 0 && <p>{t('briefings.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('briefings.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('briefings.titleField')}</th>
              <th scope="col">{t('briefings.meeting')}</th>
              <th scope="col">{t('briefings.delegation')}</th>
              <th scope="col">{t('briefings.status')}</th>
              <th scope="col">{t('briefings.lastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ briefing, meeting }) => (
              <tr key={briefing.id}>
                <td>
                  <Link href={`/briefings/${briefing.id}`}>{briefing.title}</Link> <span className="marking-small">{briefing.classification}</span>
                </td>
                <td>{meeting ? <Link href={`/meetings/${meeting.id}`}>{meeting.code}</Link> : <span className="muted">{t('records.missing', { id: briefing.meetingId })}</span>}</td>
                <td>{countryName(briefing.delegation, language)}</td>
                <td>{t(`briefings.status.${briefing.status}`)}</td>
                <td>{time(briefing.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <JoinBriefing />
      <ImportBriefing />
      <MarkingsSettings />
    </Page>
  );
}
