import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { isoToday } from '../../../shared/model';
import { meetingsOnDay, meetingsWithoutDays, monthGrid, monthOf, shiftMonth } from '../../../shared/calendar/month';
import { FilterSelect } from '../../components/FilterSelect';
import { LocalText } from '../../components/LocalText';
import { Page } from '../../components/Page';
import { db } from '../../db/db';
import type { StoredBody, StoredMeeting } from '../../db/schema';
import { countryName, dateFormat, formatDateRange, formatPartialDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { saveTextFile } from '../../platform/platform';
import { useAppStore } from '../../store/store';
import { meetingCountries } from '../meetings/queries';
import { meetingsIcs } from './export';
import { meetingIdsWithBriefings } from './my-meetings';
import { meetingsInMonth, neighbourMonths, upcomingMeetings, type CalendarFilter } from './queries';

interface CalendarState extends CalendarFilter {
  month: string;
  view: 'month' | 'list';
}

function parseState(search: string): CalendarState {
  const p = new URLSearchParams(search);
  const month = p.get('month');
  const body = p.get('body');
  const country = p.get('country');
  return {
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : monthOf(isoToday()),
    view: p.get('view') === 'list' ? 'list' : 'month',
    body: body && /^[a-z0-9-]+$/.test(body) ? body : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    mine: p.get('mine') === '1',
  };
}

function stateSearch(state: CalendarState): string {
  const p = new URLSearchParams({ month: state.month });
  if (state.view === 'list') p.set('view', 'list');
  if (state.body) p.set('body', state.body);
  if (state.country) p.set('country', state.country);
  if (state.mine) p.set('mine', '1');
  return `?${p.toString()}`;
}

/** Meetings by month, as a grid or a list, filtered by body, country and "my meetings"; ICS export. */
export function CalendarPage() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const id = useId();
  const state = parseState(useSearch());
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState('');
  const update = (patch: Partial<CalendarState>) => navigate(`/calendar${stateSearch({ ...state, ...patch })}`, { replace: true });

  const mine = useLiveQuery(async () => new Set(await meetingIdsWithBriefings()), [], new Set<string>());
  const meetings = useLiveQuery(() => meetingsInMonth(state.month, state, mine), [state.month, state.body, state.country, state.mine, mine]);
  const neighbours = useLiveQuery(() => neighbourMonths(state.month, state, mine), [state.month, state.body, state.country, state.mine, mine]);
  const bodies = useLiveQuery(() => db.bodies.orderBy('acronym').toArray(), []);
  const countries = useLiveQuery(() => meetingCountries(db), []);
  const bodyMap = new Map<string, StoredBody>((bodies ?? []).map((b) => [b.id, b]));
  const monthName = formatPartialDate(state.month, language);

  const exportMeetings = (list: StoredMeeting[], file: string) => {
    if (list.length === 0) {
      setNotice(t('calendar.noUpcoming'));
      return;
    }
    saveTextFile(file, meetingsIcs(list, bodyMap, language), 'text/calendar;charset=utf-8');
    setNotice(t('calendar.exported', { count: list.length, file }));
  };
  const exportUpcoming = async () => exportMeetings(await upcomingMeetings(state, mine), 'asean-meetings-upcoming.ics');

  return (
    <Page
      title={t('calendar.title')}
      actions={
        <button type="button" onClick={() => void exportUpcoming()}>
          {t('calendar.exportUpcoming')}
        </button>
      }
    >
      <div className="filters calendar-filters">
        <fieldset className="segmented">
          <legend>{t('calendar.view')}</legend>
          {(['month', 'list'] as const).map((view) => (
            <label key={view}>
              <input type="radio" name={`${id}-view`} checked={state.view === view} onChange={() => update({ view })} />
              {t(`calendar.view.${view}`)}
            </label>
          ))}
        </fieldset>
        <FilterSelect
          label={t('calendar.filterBody')}
          anyLabel={t('calendar.anyBody')}
          value={state.body}
          options={bodies?.map((b) => ({ value: b.id, label: b.acronym }))}
          onChange={(body) => update({ body })}
        />
        <FilterSelect
          label={t('calendar.filterCountry')}
          anyLabel={t('calendar.anyCountry')}
          value={state.country}
          options={countries?.map((c) => ({ value: c, label: countryName(c, language) }))}
          onChange={(country) => update({ country })}
        />
        <label className="checkbox">
          <input type="checkbox" checked={state.mine ?? false} onChange={(e) => update({ mine: e.target.checked })} />
          {t('calendar.mine')}
        </label>
      </div>

      <nav className="month-nav" aria-label={t('calendar.monthNav')}>
        <button type="button" onClick={() => update({ month: shiftMonth(state.month, -1) })}>
          <span aria-hidden="true">‹ </span>
          {t('calendar.previousMonth')}
        </button>
        <h2 id={`${id}-month`} aria-live="polite">
          {monthName}
        </h2>
        <button type="button" onClick={() => update({ month: shiftMonth(state.month, 1) })}>
          {t('calendar.nextMonth')}
          <span aria-hidden="true"> ›</span>
        </button>
        <button type="button" onClick={() => update({ month: monthOf(isoToday()) })}>
          {t('calendar.thisMonth')}
        </button>
      </nav>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}

      {meetings && meetings.length === 0 && (
        <p className="muted">
          {t('calendar.noMeetings', { month: monthName })}{' '}
          {neighbours?.before && (
            <button type="button" className="link-button" onClick={() => update({ month: neighbours.before })}>
              {t('calendar.jumpBefore', { month: formatPartialDate(neighbours.before, language) })}
            </button>
          )}{' '}
          {neighbours?.after && (
            <button type="button" className="link-button" onClick={() => update({ month: neighbours.after })}>
              {t('calendar.jumpAfter', { month: formatPartialDate(neighbours.after, language) })}
            </button>
          )}
        </p>
      )}

      {meetings && meetings.length > 0 && state.view === 'month' && <MonthGrid month={state.month} meetings={meetings} labelledBy={`${id}-month`} />}
      {meetings && meetings.length > 0 && state.view === 'list' && (
        <ul className="plain-list calendar-list panel" aria-labelledby={`${id}-month`}>
          {meetings.map((m) => (
            <li key={m.id}>
              <div>
                <Link href={`/meetings/${m.id}`}>
                  <span className="code">{m.code}</span> <LocalText value={m.title} />
                </Link>
              </div>
              <div className="row-meta">
                {formatDateRange(m.startDate, m.endDate, language)}
                {m.venue?.city ? ` · ${m.venue.city}` : ''}
                {m.country ? ` · ${countryName(m.country, language)}` : ''}
                {m.startDate.length < 10 ? ` · ${t('calendar.daysUnknown')}` : ''}
              </div>
              <button type="button" className="small" onClick={() => exportMeetings([m], `${m.id}.ics`)}>
                {t('calendar.exportOne', { code: m.code })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function MonthGrid({ month, meetings, labelledBy }: { month: string; meetings: StoredMeeting[]; labelledBy: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const weeks = monthGrid(month);
  const withoutDays = meetingsWithoutDays(meetings, month);
  const weekday = dateFormat(language, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = dateFormat(language, { weekday: 'long', timeZone: 'UTC' });
  const dayLabel = dateFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return (
    <>
      {withoutDays.length > 0 && (
        <section className="panel" aria-label={t('calendar.duringMonth')}>
          <h3>{t('calendar.duringMonth')}</h3>
          <ul className="inline-list">
            {withoutDays.map((m) => (
              <li key={m.id}>
                <Link href={`/meetings/${m.id}`}>{m.code}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <table className="month-grid" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {weeks[0]!.map((d) => (
              <th key={d.date} scope="col">
                <abbr title={weekdayLong.format(asDate(d.date))}>{weekday.format(asDate(d.date))}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => {
                const onDay = day.inMonth ? meetingsOnDay(meetings, day.date) : [];
                return (
                  <td key={day.date} className={day.inMonth ? undefined : 'outside'}>
                    <span className="day-number" aria-label={dayLabel.format(asDate(day.date))}>
                      {Number(day.date.slice(8))}
                    </span>
                    {onDay.map((m) => (
                      <Link key={m.id} href={`/meetings/${m.id}`} className="day-meeting">
                        {m.code}
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
