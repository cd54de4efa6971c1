import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { Page } from '../../components/Page';
import { db } from '../../db/db';
import { countryName, formatDateRange } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { DelegationOptions } from './DelegationOptions';
import { markingNeedsPassphrase } from '../lock/marking-guard';
import { createBriefingForMeeting } from './repo';

/** `/briefings/new?meeting=asoen-36`: pick the meeting, delegation, marking, and optionally an earlier brief to start from. */
export function NewBriefingPage() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const search = useSearch();
  const [, navigate] = useLocation();
  const formId = useId();
  const [meetingId, setMeetingId] = useState(new URLSearchParams(search).get('meeting') ?? '');
  const [delegation, setDelegation] = useState('MY');
  const [author, setAuthor] = useState('');
  const [classification, setClassification] = useState<string>(DEFAULT_CLASSIFICATIONS[0]);
  const [from, setFrom] = useState('');
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const meetings = useLiveQuery(() => db.meetings.orderBy('from').reverse().limit(2000).toArray(), []);
  const classifications = useLiveQuery(async () => ((await db.settings.get('classifications'))?.value as string[] | undefined) ?? [...DEFAULT_CLASSIFICATIONS], []);
  const refusedMarking = classifications?.find((c) => markingNeedsPassphrase(c, classifications));
  const meeting = meetings?.find((m) => m.id === meetingId);
  const candidates = useLiveQuery(async () => {
    const all = await db.briefings.orderBy('updatedAt').reverse().toArray();
    // The previous meeting's briefs first: the usual way to start (ASOEN-36 from ASOEN-35).
    const previous = meeting?.previousMeetingId;
    return [...all.filter((b) => b.meetingId === previous), ...all.filter((b) => b.meetingId !== previous)];
  }, [meeting?.previousMeetingId]);

  useEffect(() => {
    if (!titleTouched && meeting) setTitle(t('briefings.defaultTitle', { delegation: countryName(delegation, language), meeting: meeting.code }));
  }, [meeting, delegation, language, titleTouched, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!meetingId || !title.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const id = await createBriefingForMeeting({ meetingId, title: title.trim(), delegation, author: author.trim(), classification, fromBriefingId: from || undefined });
      navigate(`/briefings/${id}`);
    } catch (e) {
      setError(t('briefings.createFailed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  return (
    <Page title={t('briefings.new')}>
      <form className="form" id={formId} onSubmit={(e) => void submit(e)}>
        <label>
          {t('briefings.pickMeeting')}
          <select required value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
            <option value="" />
            {meetings?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.code} — {formatDateRange(m.startDate, m.endDate, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('briefings.delegation')}
          <select value={delegation} onChange={(e) => setDelegation(e.target.value)}>
            <DelegationOptions />
          </select>
        </label>
        <label>
          {t('briefings.titleField')}
          <input
            required
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
          />
        </label>
        <label>
          {t('briefings.author')}
          <input value={author} onChange={(e) => setAuthor(e.target.value)} autoComplete="name" />
        </label>
        <label>
          {t('briefings.classification')}
          <select value={classification} onChange={(e) => setClassification(e.target.value)}>
            {classifications?.map((c) => (
              <option key={c} value={c} disabled={markingNeedsPassphrase(c, classifications)}>
                {markingNeedsPassphrase(c, classifications) ? t('lock.marking.needsPassphrase', { marking: c }) : c}
              </option>
            ))}
          </select>
        </label>
        {/* The first marking that needs a passphrase, wherever it stands in the list (the rule does not depend on its order). */}
        {refusedMarking && <p className="muted">{t('lock.marking.refused', { marking: refusedMarking })}</p>}
        <fieldset>
          <legend>{t('briefings.startFrom')}</legend>
          <label className="choice">
            <input type="radio" name="from" value="" checked={from === ''} onChange={() => setFrom('')} />
            {t('briefings.startBlank')}
          </label>
          {candidates?.map((b) => (
            <label className="choice" key={b.id}>
              <input type="radio" name="from" value={b.id} checked={from === b.id} onChange={() => setFrom(b.id)} />
              {t('briefings.startFromBrief', { title: b.title, meeting: meetings?.find((m) => m.id === b.meetingId)?.code ?? b.meetingId })}
            </label>
          ))}
        </fieldset>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy || !meetingId}>
          {busy ? t('briefings.creating') : t('briefings.create')}
        </button>
      </form>
    </Page>
  );
}
