import { RowPlaceholder } from '../../components/Placeholder';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { meetingFilterSearch, parseMeetingFilter, type MeetingFilter } from '../../../shared/browse/meeting-filter';
import { FilterSelect } from '../../components/FilterSelect';
import { LocalText } from '../../components/LocalText';
import { Page } from '../../components/Page';
import { usePagedRows } from '../../components/use-rows';
import { VirtualList } from '../../components/VirtualList';
import { mark } from '../../app/perf';
import { db } from '../../db/db';
import type { StoredMeeting } from '../../db/schema';
import { countryName, formatDateRange } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { meetingCountries, meetingKeyList, meetingYears } from './queries';

const ROW_HEIGHT = 64;

export function MeetingsPage() {
  const t = useT();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = parseMeetingFilter(search);
  const keys = useLiveQuery(async () => {
    const result = await meetingKeyList(db, filter);
    mark('meetings:keys');
    return result;
  }, [search]);
  const { rowAt, keyAt, onRangeChange } = usePagedRows(db.meetings, keys);
  const update = (change: Partial<MeetingFilter>) => navigate(`/meetings${meetingFilterSearch({ ...filter, ...change })}`, { replace: true });
  const isFiltered = filter.when !== 'all' || filter.body || filter.year || filter.country;

  return (
    <Page title={t('meetings.title')}>
      <MeetingFilters filter={filter} onChange={update} />
      <p className="result-count" role="status" aria-live="polite">
        {keys ? t('meetings.resultCount', { count: keys.count }) : t('common.loading')}
        {isFiltered && (
          <>
            {' · '}
            <Link href="/meetings">{t('meetings.clearFilters')}</Link>
          </>
        )}
      </p>
      {keys && keys.count === 0 && <p>{t('meetings.none')}</p>}
      {keys && keys.count > 0 && (
        <VirtualList
        restoreKey={`meetings${search}`}
          count={keys.count}
          rowHeight={ROW_HEIGHT}
          label={t('meetings.listLabel')}
          onRangeChange={onRangeChange}
          renderRow={(index) => <MeetingRow meeting={rowAt(index)} id={keyAt(index)} />}
        />
      )}
    </Page>
  );
}

function MeetingRow({ meeting, id }: { meeting: StoredMeeting | undefined; id: string | undefined }) {
  const language = useAppStore((s) => s.language);
  if (!meeting) {
    // The row's page of keys may not be read yet: a placeholder of the same size until it is.
    if (id === undefined) return <span className="row-link placeholder" aria-hidden="true" />;
    return (
      <Link href={`/meetings/${id}`} className="row-link placeholder">
        <RowPlaceholder />
      </Link>
    );
  }
  const place = [meeting.venue?.city, meeting.venue ? countryName(meeting.venue.country, language) : undefined].filter(Boolean).join(', ');
  return (
    <Link href={`/meetings/${meeting.id}`} className="row-link">
      <span className="row-main">
        <strong className="code">{meeting.code}</strong> <LocalText value={meeting.title} />
      </span>
      <span className="row-meta">
        {formatDateRange(meeting.startDate, meeting.endDate, language)}
        {place && ` · ${place}`}
      </span>
    </Link>
  );
}

function MeetingFilters({ filter, onChange }: { filter: MeetingFilter; onChange: (change: Partial<MeetingFilter>) => void }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const id = useId();
  const years = useLiveQuery(() => meetingYears(db), []);
  const countries = useLiveQuery(() => meetingCountries(db), []);
  const bodies = useLiveQuery(async () => {
    const ids = (await db.meetings.orderBy('bodyIds').uniqueKeys()) as string[];
    const records = await db.bodies.bulkGet(ids);
    return records.filter((b) => b !== undefined).sort((a, b) => a.acronym.localeCompare(b.acronym));
  }, []);
  return (
    <form className="filters" role="search" aria-label={t('meetings.title')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="segmented">
        <legend>{t('meetings.when')}</legend>
        {(['upcoming', 'past', 'all'] as const).map((when) => (
          <label key={when}>
            <input type="radio" name={`${id}-when`} value={when} checked={filter.when === when} onChange={() => onChange({ when })} />
            {t(`meetings.when.${when}`)}
          </label>
        ))}
      </fieldset>
      <FilterSelect
        label={t('meetings.filterBody')}
        anyLabel={t('meetings.anyBody')}
        value={filter.body}
        options={bodies?.map((b) => ({ value: b.id, label: b.acronym }))}
        onChange={(body) => onChange({ body })}
      />
      <FilterSelect
        label={t('meetings.filterYear')}
        anyLabel={t('meetings.anyYear')}
        value={filter.year}
        options={years?.map((y) => ({ value: y, label: y }))}
        onChange={(year) => onChange({ year })}
      />
      <FilterSelect
        label={t('meetings.filterCountry')}
        anyLabel={t('meetings.anyCountry')}
        value={filter.country}
        options={countries?.map((c) => ({ value: c, label: countryName(c, language) }))}
        onChange={(country) => onChange({ country })}
      />
    </form>
  );
}
