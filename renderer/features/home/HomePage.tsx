import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { isoToday } from '../../../shared/model';
import { LocalText } from '../../components/LocalText';
import { Page } from '../../components/Page';
import { db } from '../../db/db';
import type { StoredMeeting } from '../../db/schema';
import { formatDateRange } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { HitView } from '../search/HitView';
import { useRecentKeys } from '../search/recent';
import { useDescribedHits } from '../search/use-search';

const SHOWN = 6;

export function HomePage() {
  const t = useT();
  const data = useLiveQuery(async () => {
    const today = isoToday();
    const [datasets, upcoming, recent, frameworks] = await Promise.all([
      db.datasets.toArray(),
      db.meetings.where('until').aboveOrEqual(today).limit(SHOWN).toArray(),
      db.meetings.where('until').below(today).reverse().limit(SHOWN).toArray(),
      db.frameworks.limit(50).toArray(),
    ]);
    return { datasets, upcoming, recent, frameworks };
  }, []);
  return (
    <Page title={t('home.title')}>
      <section aria-labelledby="dataset-heading" className="panel">
        <h2 id="dataset-heading">{t('home.dataset')}</h2>
        {data?.datasets.map((d) => (
          <div key={d.datasetId}>
            <p>
              <DatasetLine title={d.title} version={d.version} publisher={d.publisher} />
            </p>
            <p className="muted">
              {t('home.counts', {
                bodies: d.counts.bodies,
                meetings: d.counts.meetings,
                agendaItems: d.counts.agendaItems,
                targets: d.counts.targets,
                sources: d.counts.sources,
              })}
            </p>
          </div>
        ))}
      </section>
      <RecentlyOpened />
      <div className="columns">
        <section aria-labelledby="upcoming-heading" className="panel">
          <h2 id="upcoming-heading">
            <Link href="/meetings?when=upcoming">{t('home.upcoming')}</Link>
          </h2>
          {data && data.upcoming.length === 0 && <p className="muted">{t('home.noUpcoming')}</p>}
          <MeetingShortList meetings={data?.upcoming ?? []} />
        </section>
        <section aria-labelledby="recent-heading" className="panel">
          <h2 id="recent-heading">
            <Link href="/meetings?when=past">{t('home.recent')}</Link>
          </h2>
          <MeetingShortList meetings={data?.recent ?? []} />
        </section>
      </div>
      <section aria-labelledby="frameworks-heading" className="panel">
        <h2 id="frameworks-heading">
          <Link href="/targets">{t('home.frameworks')}</Link>
        </h2>
        <ul className="plain-list">
          {data?.frameworks.map((f) => (
            <li key={f.id}>
              <Link href={`/frameworks/${f.id}`}>
                <LocalText value={f.title} />
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function MeetingShortList({ meetings }: { meetings: StoredMeeting[] }) {
  const language = useAppStore((s) => s.language);
  return (
    <ul className="plain-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <Link href={`/meetings/${m.id}`}>
            <strong className="code">{m.code}</strong> <LocalText value={m.title} />
          </Link>
          <div className="muted">{formatDateRange(m.startDate, m.endDate, language)}</div>
        </li>
      ))}
    </ul>
  );
}

const SLOT = '\u0000';

/**
 * "{title}, version {version}, from {publisher}": the title and publisher are dataset text,
 * written in English by the publisher, so they carry the untranslated marker in Malay and Indonesian.
 */
function DatasetLine({ title, version, publisher }: { title: string; version: number; publisher: string }) {
  const t = useT();
  const parts = t('home.datasetLine', { title: `${SLOT}title${SLOT}`, version, publisher: `${SLOT}publisher${SLOT}` }).split(SLOT);
  return (
    <>
      {parts.map((part, i) =>
        part === 'title' && i % 2 === 1 ? (
          <LocalText key={i} value={{ en: title }} />
        ) : part === 'publisher' && i % 2 === 1 ? (
          <LocalText key={i} value={{ en: publisher }} />
        ) : (
          part
        ),
      )}
    </>
  );
}

/** The records the delegate opened last, newest first (the same list the palette shows). */
function RecentlyOpened() {
  const t = useT();
  const hits = useDescribedHits(useRecentKeys());
  return (
    <section aria-labelledby="recently-opened-heading" className="panel">
      <h2 id="recently-opened-heading">{t('home.recentlyOpened')}</h2>
      {hits.length === 0 ? (
        <p className="muted">{t('home.noRecent')}</p>
      ) : (
        <ul className="plain-list recent-list">
          {hits.map((hit) => (
            <li key={hit.key}>
              <Link href={hit.href} className="hit-link">
                <HitView hit={hit} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
