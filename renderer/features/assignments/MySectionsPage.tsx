import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { Loading, Page } from '../../components/Page';
import { db } from '../../db/db';
import '../clearance/clearance.css';
import { useT } from '../../i18n/use-t';
import { useControlSessions } from '../clearance/use-control';
import { loadMySections } from './my-sections-query';

const NONE: string[] = [];

/**
 * While the page is open, every shared briefing's control document syncs with its relay:
 * assignments made since show up. Returns, by briefing id, the marking of each kept in memory only.
 */
function useSharedControls(): ReadonlyMap<string, string> {
  const shared = useLiveQuery(async () => (await db.settings.where('key').startsWith('sharing:').primaryKeys()).map((k) => String(k).slice('sharing:'.length)), []);
  return useControlSessions(shared ?? NONE);
}

/** One alert per briefing whose assignments and clearances are kept in memory only. */
function UnsavedControls({ refused }: { refused: ReadonlyMap<string, string> }) {
  const t = useT();
  const titles = useLiveQuery(async () => new Map((await db.briefings.bulkGet([...refused.keys()])).map((b, i) => [[...refused.keys()][i]!, b?.title ?? ''])), [refused]);
  // A briefing's alert waits for its title (the query answers after the refusal is known).
  return [...refused].flatMap(([briefingId, marking]) => {
    const title = titles?.get(briefingId);
    return title === undefined
      ? []
      : [
          <p key={briefingId} className="unsaved-here" role="alert">
            {t('control.save.needsPassphraseOf', { title, marking })}
          </p>,
        ];
  });
}

/** "My sections": every agenda-item section assigned to me, across briefings, with its state. */
export function MySectionsPage() {
  const t = useT();
  const refused = useSharedControls();
  const groups = useLiveQuery(loadMySections, []);
  if (!groups) return <Loading />;
  const count = groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <Page title={t('mySections.title')} subtitle={count > 0 ? t('mySections.count', { count }) : undefined}>
      <p>{t('mySections.intro')}</p>
      <UnsavedControls refused={refused} />
      {count === 0 && <p role="status">{t('mySections.none')}</p>}
      {count > 0 && (
        <table className="data-table my-sections">
          <caption className="visually-hidden">{t('mySections.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mySections.section')}</th>
              <th scope="col">{t('mySections.briefing')}</th>
              <th scope="col">{t('mySections.draft')}</th>
              <th scope="col">{t('mySections.clearance')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((g) =>
              g.rows.map((row) => (
                <tr key={`${g.briefingId}:${row.sectionId}`} data-clearance={'missing' in row ? undefined : row.clearance}>
                  <td>
                    {'missing' in row ? (
                      <span className="muted">{t('mySections.missing')}</span>
                    ) : (
                      <Link href={`/briefings/${encodeURIComponent(g.briefingId)}?item=${encodeURIComponent(row.agendaItemId)}`}>{row.title}</Link>
                    )}
                  </td>
                  <td>
                    <Link href={`/briefings/${encodeURIComponent(g.briefingId)}`}>{g.title}</Link>
                    {g.meetingCode && <span className="muted"> · {g.meetingCode}</span>}
                  </td>
                  <td>{'missing' in row ? '' : t(`mySections.draft.${row.draft}`)}</td>
                  <td className={'missing' in row ? undefined : `clearance-state ${row.clearance}`}>{'missing' in row ? '' : t(`mySections.clearance.${row.clearance}`)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </Page>
  );
}
